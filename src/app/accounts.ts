/**
 * Accounts (`serve --accounts`): registration, login, logout, sessions and the administrator's
 * password reset. Every policy number of accounts lives here; the store only stores and counts,
 * the server only reads cookies and headers.
 *
 * - Passwords: 8 to 256 characters, no composition rules (NIST SP 800-63B §5.1.1.2), hashed
 *   with argon2id (src/app/passwords.ts).
 * - Sessions: a random 256-bit token in the cookie; only its SHA-256 is stored, so a copy of the
 *   database opens no session. Each session has its own CSRF token for writes.
 * - Lockout: LOGIN_LOCKOUT.failures wrong passwords in a row lock the account for
 *   LOGIN_LOCKOUT.minutes; a successful login or a password reset clears the count.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { err, ok, type CalcwiseError, type Result } from '../core/result.js';
import type { AccountStore, StoredUser } from '../store/store.js';
import type { Clock } from './deps.js';
import type { PasswordHasher } from './passwords.js';

/** How long a login lasts (days). */
export const SESSION_DAYS = 30;
/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOGIN_LOCKOUT = { failures: 5, minutes: 15 } as const;
/** Login and registration attempts one client address may make per window (per API process). */
export const LOGIN_RATE_LIMIT = { attempts: 20, windowSec: 600 } as const;

export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])$/;
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

export interface AccountDeps {
  accounts: AccountStore;
  clock: Clock;
  hasher: PasswordHasher;
  /** Random bytes for tokens (tests may pass a seeded source; default crypto.randomBytes). */
  randomBytes?: (size: number) => Buffer;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface SessionGrant {
  user: { id: string; username: string };
  /** The cookie's value: shown once, never stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** The failure of a login that is refused for a while: the seconds to wait. */
export type LoginFailure = CalcwiseError & { retryAfterSec?: number };

/** The SHA-256 (hex) of a session token: what the sessions table keys on. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(deps: AccountDeps): string {
  return (deps.randomBytes ?? randomBytes)(32).toString('base64url');
}

/** The username as stored (trimmed, lower-case) or the error naming the field. */
export function normalizeUsername(text: unknown): Result<string> {
  const username = typeof text === 'string' ? text.trim().toLowerCase() : '';
  if (!USERNAME_PATTERN.test(username)) {
    return err({
      code: 'INVALID_INPUT',
      message:
        'a username is 3 to 64 characters: letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
      field: 'username',
    });
  }
  return ok(username);
}

export function checkPassword(password: unknown): Result<string> {
  if (
    typeof password !== 'string' ||
    [...password].length < PASSWORD_LENGTH.min ||
    [...password].length > PASSWORD_LENGTH.max
  ) {
    return err({
      code: 'INVALID_INPUT',
      message: `a password is ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters`,
      field: 'password',
    });
  }
  return ok(password);
}

async function grantSession(deps: AccountDeps, user: StoredUser): Promise<SessionGrant> {
  const token = newToken(deps);
  const csrfToken = newToken(deps);
  const expiresAt = new Date(deps.clock().getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await deps.accounts.createSession({
    tokenHash: tokenHash(token),
    userId: user.id,
    csrfToken,
    expiresAt,
  });
  return { user: { id: user.id, username: user.username }, token, csrfToken, expiresAt };
}

/** Creates an account; with `session`, also logs it in. */
export async function createAccount(
  deps: AccountDeps,
  input: Credentials,
): Promise<Result<StoredUser>> {
  const username = normalizeUsername(input.username);
  if (!username.ok) return username;
  const password = checkPassword(input.password);
  if (!password.ok) return password;
  return deps.accounts.createUser({
    id: randomUUID(),
    username: username.value,
    passwordHash: await deps.hasher.hash(password.value),
  });
}

/** POST /api/auth/register: a new account, logged in. CONFLICT when the name is taken. */
export async function register(
  deps: AccountDeps,
  input: Credentials,
): Promise<Result<SessionGrant>> {
  const user = await createAccount(deps, input);
  if (!user.ok) return user;
  return ok(await grantSession(deps, user.value));
}

/** A hash to verify against when the username is unknown, so both cases take the same time. */
const decoyHashes = new WeakMap<PasswordHasher, Promise<string>>();

function decoyHash(hasher: PasswordHasher): Promise<string> {
  let decoy = decoyHashes.get(hasher);
  if (!decoy) {
    decoy = hasher.hash(randomBytes(16).toString('hex'));
    decoyHashes.set(hasher, decoy);
  }
  return decoy;
}

const WRONG_CREDENTIALS: LoginFailure = {
  code: 'UNAUTHENTICATED',
  message: 'the username or the password is wrong',
};

/**
 * POST /api/auth/login. An unknown name and a wrong password get the same answer in about the
 * same time. A locked account is refused without checking the password.
 */
export async function login(
  deps: AccountDeps,
  input: Credentials,
): Promise<Result<SessionGrant, LoginFailure>> {
  const username = normalizeUsername(input.username);
  const password = typeof input.password === 'string' ? input.password : '';
  const user = username.ok ? await deps.accounts.findUser(username.value) : undefined;
  const now = deps.clock();
  if (!user) {
    await deps.hasher.verify(await decoyHash(deps.hasher), password);
    return err(WRONG_CREDENTIALS);
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    const retryAfterSec = Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 1000);
    return err({
      code: 'RATE_LIMITED',
      message: `too many wrong passwords: this account is locked for ${Math.ceil(retryAfterSec / 60)} more minute(s)`,
      retryAfterSec,
    });
  }
  if (!(await deps.hasher.verify(user.passwordHash, password))) {
    const failures = await deps.accounts.countFailedLogin(user.id);
    if (failures >= LOGIN_LOCKOUT.failures) {
      const until = new Date(now.getTime() + LOGIN_LOCKOUT.minutes * 60_000).toISOString();
      await deps.accounts.setLock(user.id, until, true);
    }
    return err(WRONG_CREDENTIALS);
  }
  if (user.failedLogins > 0 || user.lockedUntil) await deps.accounts.setLock(user.id, null, true);
  return ok(await grantSession(deps, user));
}

/** The session a cookie's token opens, or undefined (unknown, expired or ended). */
export async function authenticate(
  deps: Pick<AccountDeps, 'accounts' | 'clock'>,
  token: string | undefined,
): Promise<{ owner: string; username: string; csrfToken: string } | undefined> {
  if (!token || token.length > 128) return undefined;
  const session = await deps.accounts.findSession(tokenHash(token), deps.clock().toISOString());
  return (
    session && { owner: session.owner, username: session.username, csrfToken: session.csrfToken }
  );
}

export async function logout(deps: Pick<AccountDeps, 'accounts'>, token: string): Promise<void> {
  await deps.accounts.deleteSession(tokenHash(token));
}

/**
 * `calcwise users reset-password`: a new password set by the administrator. Ends every session
 * of the user and lifts a lockout. NOT_FOUND for an unknown user.
 */
export async function resetPassword(
  deps: AccountDeps,
  input: Credentials,
): Promise<Result<{ username: string }>> {
  const username = normalizeUsername(input.username);
  if (!username.ok) return username;
  const password = checkPassword(input.password);
  if (!password.ok) return password;
  const user = await deps.accounts.findUser(username.value);
  if (!user) {
    return err({ code: 'NOT_FOUND', message: `no user "${username.value}"`, field: 'username' });
  }
  await deps.accounts.setPasswordHash(user.id, await deps.hasher.hash(password.value));
  return ok({ username: user.username });
}
