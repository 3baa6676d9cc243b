/**
 * Read-only shares of the clinician report. A share is a bearer link: whoever holds its token
 * reads the owner's report for the share's period (JSON or PDF) until it expires or is revoked,
 * and nothing else. The token is 32 bytes from the system's CSPRNG (256 bits, base64url), given
 * to the owner once; the store keeps only its SHA-256, so a copy of the database opens nothing.
 * An unknown, expired or revoked token is one and the same NOT_FOUND. Each opening is logged for
 * the owner (when, what, the client's address and user agent).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { err, ok, type CalcwiseError, type Result } from '../core/result.js';
import type { ShareAccess, ShareGrant, Store, StoredShare } from '../store/store.js';
import type { Clock } from './deps.js';
import { buildReport, type ClinicianReport, type ReportDeps } from './report.js';

/** Bytes of randomness in a token: 256 bits, 43 base64url characters. */
export const SHARE_TOKEN_BYTES = 32;
/** A share lasts at most this long from its creation. */
export const MAX_SHARE_DAYS = 365;
/** Characters of the User-Agent header kept in the access log. */
export const USER_AGENT_MAX_LENGTH = 200;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO 8601 timestamp with a time and a zone (Z or ±hh:mm). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

type ShareStore = Pick<
  Store,
  | 'addShare'
  | 'listShares'
  | 'getShare'
  | 'revokeShare'
  | 'findShareByTokenHash'
  | 'logShareAccess'
  | 'listShareAccesses'
>;

/** A new token: SHARE_TOKEN_BYTES from crypto.randomBytes, base64url without padding. */
export function newShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString('base64url');
}

/** What the store keeps of a token: its SHA-256, lower-case hex. */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Where the UI shows a share: a hash route, so the token never reaches a server log or Referer. */
export function sharePath(token: string): string {
  return `/#/share/${token}`;
}

export interface ShareView extends StoredShare {
  /** `active` until revoked or expired. */
  state: 'active' | 'revoked' | 'expired';
}

/** A share as created: the listing, plus the token (returned this once) and its page's path. */
export interface CreatedShare extends ShareView {
  token: string;
  path: string;
}

function view(share: StoredShare, now: Date): ShareView {
  const state =
    share.revokedAt !== null
      ? 'revoked'
      : Date.parse(share.expiresAt) <= now.getTime()
        ? 'expired'
        : 'active';
  return { ...share, state };
}

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const invalid = (code: CalcwiseError['code'], field: string, message: string) =>
  err({ code, field, message });

export interface NewShareInput {
  owner: string;
  /** The report's period, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** ISO 8601 timestamp, after now and at most MAX_SHARE_DAYS ahead. */
  expiresAt: string;
}

/** Creates a share; its token is in the answer and nowhere else. */
export async function createShare(
  deps: { store: Pick<ShareStore, 'addShare'>; clock: Clock; newId?: () => string },
  input: NewShareInput,
): Promise<Result<CreatedShare>> {
  for (const field of ['from', 'to'] as const) {
    if (!isCalendarDate(input[field])) {
      return invalid('INVALID_DATE', field, `"${input[field]}" is not a YYYY-MM-DD calendar date`);
    }
  }
  if (input.from > input.to) {
    return invalid('INVALID_DATE', 'from', '"from" must not be after "to"');
  }
  const expires = ISO_TIMESTAMP.test(input.expiresAt) ? Date.parse(input.expiresAt) : NaN;
  if (Number.isNaN(expires)) {
    return invalid(
      'INVALID_DATE',
      'expiresAt',
      `"${input.expiresAt}" is not an ISO 8601 timestamp with a time zone, e.g. 2027-01-31T00:00:00Z`,
    );
  }
  const now = deps.clock();
  if (expires <= now.getTime()) {
    return invalid('INVALID_DATE', 'expiresAt', 'expiresAt must be in the future');
  }
  if (expires > now.getTime() + MAX_SHARE_DAYS * 86_400_000) {
    return invalid(
      'INVALID_DATE',
      'expiresAt',
      `a share lasts at most ${MAX_SHARE_DAYS} days: expiresAt must be before ${new Date(now.getTime() + MAX_SHARE_DAYS * 86_400_000).toISOString()}`,
    );
  }
  const token = newShareToken();
  const stored = await deps.store.addShare(input.owner, {
    id: (deps.newId ?? randomUUID)(),
    tokenHash: hashShareToken(token),
    from: input.from,
    to: input.to,
    expiresAt: new Date(expires).toISOString(),
    createdAt: now.toISOString(),
  });
  return ok({ ...view(stored, now), token, path: sharePath(token) });
}

/** The owner's shares, newest first, with their state and access counts (no tokens). */
export async function listShares(
  deps: { store: Pick<ShareStore, 'listShares'>; clock: Clock },
  input: { owner: string },
): Promise<ShareView[]> {
  const now = deps.clock();
  return (await deps.store.listShares(input.owner)).map((share) => view(share, now));
}

const noShare = (id: string) =>
  err({ code: 'NOT_FOUND' as const, message: `no share with id ${id}`, field: 'id' });

/** Revokes a share (again is a no-op): its token opens nothing from now on; its log stays. */
export async function revokeShare(
  deps: { store: Pick<ShareStore, 'revokeShare'>; clock: Clock },
  input: { owner: string; id: string },
): Promise<Result<ShareView>> {
  const now = deps.clock();
  const share = await deps.store.revokeShare(input.owner, input.id, now.toISOString());
  return share ? ok(view(share, now)) : noShare(input.id);
}

/** Who opened a share and when, oldest first. */
export async function listShareAccesses(
  deps: { store: Pick<ShareStore, 'listShareAccesses'> },
  input: { owner: string; id: string },
): Promise<Result<ShareAccess[]>> {
  const accesses = await deps.store.listShareAccesses(input.owner, input.id);
  return accesses ? ok(accesses) : noShare(input.id);
}

/** The one answer for a token that opens nothing: unknown, expired and revoked alike. */
const SHARE_NOT_FOUND: CalcwiseError = {
  code: 'NOT_FOUND',
  message: 'this share link does not exist, has expired or was revoked',
};

export interface OpenShareInput {
  token: string;
  resource: 'report' | 'pdf';
  client?: string;
  userAgent?: string;
}

/**
 * The share a token opens, with the opening logged; NOT_FOUND (always the same) otherwise. The
 * share is looked up by the token's hash, and the hashes compared in constant time.
 */
export async function openShare(
  deps: { store: Pick<ShareStore, 'findShareByTokenHash' | 'logShareAccess'>; clock: Clock },
  input: OpenShareInput,
): Promise<Result<ShareGrant>> {
  if (!TOKEN_PATTERN.test(input.token)) return err(SHARE_NOT_FOUND);
  const hash = hashShareToken(input.token);
  const grant = await deps.store.findShareByTokenHash(hash);
  const now = deps.clock();
  if (
    !grant ||
    !timingSafeEqual(Buffer.from(hash, 'hex'), Buffer.from(grant.tokenHash, 'hex')) ||
    grant.revokedAt !== null ||
    Date.parse(grant.expiresAt) <= now.getTime()
  ) {
    return err(SHARE_NOT_FOUND);
  }
  await deps.store.logShareAccess(grant, {
    at: now.toISOString(),
    resource: input.resource,
    client: input.client ?? null,
    userAgent: input.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
  });
  return ok(grant);
}

/** What the share page shows: the share's terms and the owner's report for its period. */
export interface SharedReport {
  share: { from: string; to: string; expiresAt: string };
  report: ClinicianReport;
}

/** The clinician report a token opens (the same use case as the Report page and the PDF). */
export async function sharedReport(
  deps: ReportDeps & { store: Pick<ShareStore, 'findShareByTokenHash' | 'logShareAccess'> },
  input: OpenShareInput,
): Promise<Result<SharedReport>> {
  const grant = await openShare(deps, input);
  if (!grant.ok) return grant;
  const { owner, from, to, expiresAt } = grant.value;
  const report = await buildReport(deps, { owner, from, to });
  if (!report.ok) return report;
  return ok({ share: { from, to, expiresAt }, report: report.value });
}
