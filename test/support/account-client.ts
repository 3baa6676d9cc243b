/**
 * A browser-like client of an in-process app with accounts: keeps the session cookie and sends
 * the CSRF token on writes, as the web UI does.
 */
import type { Hono } from 'hono';
import { expect } from 'vitest';

export interface AccountClient {
  username: string;
  cookie: string;
  csrfToken: string;
  userId: string;
  /** A request with the session cookie (and X-CSRF-Token unless `csrf: false`). */
  request(
    method: string,
    path: string,
    body?: unknown,
    options?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<Response>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApp = Hono<any>;

/** The `name=value` of a Set-Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

export function jsonRequest(
  app: AnyApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  );
}

/** Registers `username` (or logs in with `login: true`) and returns its client. */
export async function signIn(
  app: AnyApp,
  username: string,
  password = 'correct horse battery',
  how: 'register' | 'login' = 'register',
): Promise<AccountClient> {
  const response = await jsonRequest(app, 'POST', `/api/auth/${how}`, { username, password });
  expect(response.status, await response.clone().text()).toBe(how === 'register' ? 201 : 200);
  const session = (await response.json()) as { csrfToken: string; user: { id: string } };
  const cookie = cookieOf(response);
  return {
    username,
    cookie,
    csrfToken: session.csrfToken,
    userId: session.user.id,
    request(method, path, body, options = {}) {
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
      return jsonRequest(app, method, path, body, {
        cookie,
        ...(unsafe && options.csrf !== false && { 'x-csrf-token': session.csrfToken }),
        ...options.headers,
      });
    },
  };
}
