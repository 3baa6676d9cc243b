/**
 * Who is asking: the owner of a request. Local mode (the default) answers everything as `local`.
 * With accounts (`serve --accounts`) the owner comes from the session cookie; requests without
 * one get 401 except on PUBLIC_API_PATHS, and cookie-authenticated writes must carry the
 * session's CSRF token in X-CSRF-Token (the cookie alone is sent by any page's form or fetch).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  authenticate,
  login,
  LOGIN_RATE_LIMIT,
  logout,
  register,
  SESSION_DAYS,
  type AccountDeps,
  type SessionGrant,
} from '../app/accounts.js';
import { LOCAL_OWNER } from '../app/deps.js';
import { argon2idHasher, type PasswordHasher } from '../app/passwords.js';
import type { Store } from '../app/deps.js';
import type { AppEnv } from './context.js';
import { ApiFailure, errorBody } from './errors.js';
import { credentialsBody } from './schemas/api.js';
import { readJson } from './validation.js';

export const SESSION_COOKIE = 'calcwise_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AccountsOptions {
  /** `closed`: only `calcwise users add` creates accounts (default `open`). */
  registration?: 'open' | 'closed';
  hasher?: PasswordHasher;
}

/** Reachable without a session when accounts are on. */
const PUBLIC_API_PATHS = [
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/auth\/(?:register|login|logout|me)$/,
  // Read-only clinician shares: the token in the path is the credential.
  /^\/api\/shared\//,
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Per client address, per process: a fixed window of attempts at login and registration. */
class AttemptWindow {
  private readonly seen = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait when over the limit; 0 when this attempt may go on. */
  take(key: string, now: number): number {
    let entry = this.seen.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      entry = { start: now, count: 0 };
      this.seen.set(key, entry);
      if (this.seen.size > 10_000) this.prune(now);
    }
    entry.count += 1;
    if (entry.count <= this.limit) return 0;
    return Math.ceil((entry.start + this.windowMs - now) / 1000);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.seen) {
      if (now - entry.start >= this.windowMs) this.seen.delete(key);
    }
  }
}

/** A page on another site may not log in, register or write (login CSRF included). */
function crossSite(c: Context<AppEnv>): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host.toLowerCase() !== c.var.origin.host.toLowerCase();
  } catch {
    return true;
  }
}

function refuse(
  c: Context<AppEnv>,
  status: 401 | 403,
  code: 'UNAUTHENTICATED' | 'FORBIDDEN',
  message: string,
) {
  return c.json(errorBody({ code, message }), status);
}

/**
 * Sets `owner` for every /api request: `local` without accounts; the session's user with them.
 */
export function ownerOf(
  store: Store,
  clock: () => Date,
  accounts: AccountsOptions | undefined,
): MiddlewareHandler<AppEnv> {
  if (!accounts) {
    return async (c, next) => {
      c.set('owner', LOCAL_OWNER);
      await next();
    };
  }
  return async (c, next) => {
    const unsafe = !SAFE_METHODS.has(c.req.method);
    if (unsafe && crossSite(c)) {
      return refuse(c, 403, 'FORBIDDEN', 'requests from another site are refused');
    }
    const session = await authenticate(
      { accounts: store.accounts, clock },
      getCookie(c, SESSION_COOKIE),
    );
    const isPublic = PUBLIC_API_PATHS.some((path) => path.test(c.req.path));
    if (!session) {
      if (isPublic) return next();
      return refuse(c, 401, 'UNAUTHENTICATED', 'log in first (POST /api/auth/login)');
    }
    const loggingIn = /^\/api\/auth\/(?:register|login)$/.test(c.req.path);
    if (unsafe && !loggingIn && c.req.header(CSRF_HEADER) !== session.csrfToken) {
      return refuse(
        c,
        403,
        'FORBIDDEN',
        `writes need the session's CSRF token in ${CSRF_HEADER} (GET /api/auth/me gives it)`,
      );
    }
    c.set('owner', session.owner);
    c.set('session', { username: session.username, csrfToken: session.csrfToken });
    await next();
  };
}

function setSessionCookie(c: Context<AppEnv>, grant: SessionGrant): void {
  setCookie(c, SESSION_COOKIE, grant.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.var.origin.proto === 'https',
    maxAge: SESSION_DAYS * 86_400,
  });
}

function sessionView(grant: SessionGrant) {
  return {
    accounts: true,
    user: grant.user,
    csrfToken: grant.csrfToken,
    expiresAt: grant.expiresAt,
  };
}

/** /api/auth/*: register, login, logout, me. Without accounts only `me` answers (local user). */
export function registerAuthRoutes(
  app: Hono<AppEnv>,
  store: Store,
  clock: () => Date,
  accounts: AccountsOptions | undefined,
): void {
  app.get('/api/auth/me', async (c) => {
    if (!accounts) return c.json({ accounts: false, user: { id: LOCAL_OWNER } });
    const session = c.var.session;
    if (!session) {
      return refuse(c, 401, 'UNAUTHENTICATED', 'not logged in');
    }
    return c.json({
      accounts: true,
      user: { id: c.var.owner, username: session.username },
      csrfToken: session.csrfToken,
    });
  });

  const off = () =>
    new ApiFailure({
      code: 'NOT_FOUND',
      message: 'accounts are not enabled on this server (calcwise serve --accounts)',
    });
  if (!accounts) {
    for (const path of ['/api/auth/register', '/api/auth/login', '/api/auth/logout']) {
      app.post(path, () => {
        throw off();
      });
    }
    return;
  }

  const deps: AccountDeps = {
    accounts: store.accounts,
    clock,
    hasher: accounts.hasher ?? argon2idHasher,
  };
  const attempts = new AttemptWindow(LOGIN_RATE_LIMIT.attempts, LOGIN_RATE_LIMIT.windowSec * 1000);
  const limited = (c: Context<AppEnv>) => {
    const wait = attempts.take(c.var.origin.client ?? 'unknown', clock().getTime());
    if (wait === 0) return undefined;
    c.header('Retry-After', String(wait));
    return c.json(
      errorBody({
        code: 'RATE_LIMITED',
        message: `too many login attempts from this address; try again in ${wait} s`,
      }),
      429,
    );
  };

  app.post('/api/auth/register', async (c) => {
    if (accounts.registration === 'closed') {
      throw new ApiFailure({
        code: 'FORBIDDEN',
        message: 'registration is closed here; an administrator adds accounts (calcwise users add)',
      });
    }
    const tooMany = limited(c);
    if (tooMany) return tooMany;
    const body = await readJson(c, credentialsBody);
    const grant = await register(deps, body);
    if (!grant.ok) throw new ApiFailure(grant.error);
    setSessionCookie(c, grant.value);
    return c.json(sessionView(grant.value), 201);
  });

  app.post('/api/auth/login', async (c) => {
    const tooMany = limited(c);
    if (tooMany) return tooMany;
    const body = await readJson(c, credentialsBody);
    const grant = await login(deps, body);
    if (!grant.ok) {
      const { retryAfterSec, ...error } = grant.error;
      if (retryAfterSec !== undefined) c.header('Retry-After', String(retryAfterSec));
      throw new ApiFailure(error);
    }
    setSessionCookie(c, grant.value);
    return c.json(sessionView(grant.value));
  });

  app.post('/api/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && c.var.session) await logout(deps, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}
