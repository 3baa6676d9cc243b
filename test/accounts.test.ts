/**
 * Accounts (`serve --accounts`) on SQLite and PostgreSQL, through the real app, store and
 * argon2id: registration, login, sessions, CSRF, lockout, rate limiting, logout, expiry, the
 * administrator's commands and the SQLite backup.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LOCKOUT, LOGIN_RATE_LIMIT, SESSION_DAYS, tokenHash } from '../src/app/accounts.js';
import { argon2idHasher } from '../src/app/passwords.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore, type Store } from '../src/store/index.js';
import { cliIn } from './support/cli-in-process.js';
import { cookieOf, jsonRequest, signIn } from './support/account-client.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

const foods = loadFoodIndex();
afterAll(dropTestSchemas);

const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };

for (const [name, open] of await testStores('calcwise_accounts')) {
  describe(`accounts on ${name}`, () => {
    let store: Store;
    let now = new Date('2026-12-01T10:00:00Z');
    const clock = () => now;
    const app = () =>
      createApp({ store, foods, log: false, clock, accounts: { registration: 'open' } });

    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());

    it('registers: 201, an HttpOnly SameSite=Lax cookie, an argon2id hash, only the token hash stored', async () => {
      const response = await jsonRequest(app(), 'POST', '/api/auth/register', {
        username: 'Alice',
        password: 'correct horse battery',
      });
      expect(response.status).toBe(201);
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^calcwise_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Path=\//);
      expect(setCookie).not.toMatch(/Secure/);
      const body = (await response.json()) as { user: { username: string }; csrfToken: string };
      expect(body.user.username).toBe('alice');
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const user = await store.accounts.findUser('alice');
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const token = cookieOf(response).split('=')[1]!;
      const at = now.toISOString();
      expect(await store.accounts.findSession(token, at)).toBeUndefined();
      expect((await store.accounts.findSession(tokenHash(token), at))?.owner).toBe(user?.id);
    });

    it('refuses a taken username (409), a short password and a bad username (400 naming the field)', async () => {
      const taken = await jsonRequest(app(), 'POST', '/api/auth/register', {
        username: 'ALICE',
        password: 'another long password',
      });
      expect(taken.status).toBe(409);
      expect(((await taken.json()) as { error: { field: string } }).error.field).toBe('username');
      const short = await jsonRequest(app(), 'POST', '/api/auth/register', {
        username: 'bob',
        password: 'short',
      });
      expect(short.status).toBe(400);
      expect(((await short.json()) as { error: { field: string } }).error.field).toBe('password');
      const bad = await jsonRequest(app(), 'POST', '/api/auth/register', {
        username: 'a b',
        password: 'long enough password',
      });
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('username');
    });

    it('without a session every data route is 401; health, the document and /api/auth/me answer', async () => {
      for (const path of ['/api/diary', '/api/profile', '/api/labs', '/api/plans', '/api/export']) {
        const response = await app().request(path);
        expect(response.status, path).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'UNAUTHENTICATED',
        );
      }
      expect((await app().request('/api/health')).status).toBe(200);
      expect((await app().request('/api/openapi.json')).status).toBe(200);
      expect((await app().request('/api/auth/me')).status).toBe(401);
      // A made-up cookie opens nothing.
      const forged = await app().request('/api/diary', {
        headers: { cookie: 'calcwise_session=' + 'A'.repeat(43) },
      });
      expect(forged.status).toBe(401);
    });

    it('a write needs the session’s CSRF token; a write from another site is refused', async () => {
      const carol = await signIn(app(), 'carol');
      const without = await carol.request('POST', '/api/diary/entries', entry, { csrf: false });
      expect(without.status).toBe(403);
      const wrong = await carol.request('POST', '/api/diary/entries', entry, {
        csrf: false,
        headers: { 'x-csrf-token': 'not-the-token' },
      });
      expect(wrong.status).toBe(403);
      const crossSite = await carol.request('POST', '/api/diary/entries', entry, {
        headers: { origin: 'https://evil.example', host: 'calcwise.lan' },
      });
      expect(crossSite.status).toBe(403);
      // Nothing was stored by the refused writes.
      expect(await store.listEntries(carol.userId)).toEqual([]);
      const stored = await carol.request('POST', '/api/diary/entries', entry, {
        headers: { origin: 'http://calcwise.lan', host: 'calcwise.lan' },
      });
      expect(stored.status).toBe(201);
      expect(await store.listEntries(carol.userId)).toHaveLength(1);
      const me = await carol.request('GET', '/api/auth/me');
      expect(await me.json()).toEqual({
        accounts: true,
        user: { id: carol.userId, username: 'carol' },
        csrfToken: carol.csrfToken,
      });
      // Login CSRF: another site cannot log a visitor into an account of its choosing.
      const forcedLogin = await jsonRequest(
        app(),
        'POST',
        '/api/auth/login',
        { username: 'carol', password: 'correct horse battery' },
        { origin: 'https://evil.example', host: 'calcwise.lan' },
      );
      expect(forcedLogin.status).toBe(403);
    });

    it('a wrong password and an unknown user get the same 401; five wrong in a row lock for 15 minutes', async () => {
      await signIn(app(), 'dave');
      const attempt = (username: string, password: string) =>
        jsonRequest(app(), 'POST', '/api/auth/login', { username, password });
      const unknown = await attempt('nobody-here', 'whatever password');
      const wrong = await attempt('dave', 'wrong password!');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(await unknown.json()).toEqual(await wrong.json());

      for (let i = 1; i < LOGIN_LOCKOUT.failures; i++) {
        expect((await attempt('dave', 'wrong password!')).status).toBe(401);
      }
      // Locked: even the right password is refused, with how long to wait.
      const locked = await attempt('dave', 'correct horse battery');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBe(LOGIN_LOCKOUT.minutes * 60);
      expect((await store.accounts.findUser('dave'))?.lockedUntil).toBe(
        new Date(now.getTime() + LOGIN_LOCKOUT.minutes * 60_000).toISOString(),
      );

      now = new Date(now.getTime() + LOGIN_LOCKOUT.minutes * 60_000 + 1000);
      const later = await attempt('dave', 'correct horse battery');
      expect(later.status).toBe(200);
      const user = await store.accounts.findUser('dave');
      expect(user).toMatchObject({ failedLogins: 0, lockedUntil: null });
    });

    it('logout ends the session; a session ends after SESSION_DAYS', async () => {
      const erin = await signIn(app(), 'erin');
      expect((await erin.request('GET', '/api/diary')).status).toBe(200);
      const loggedOut = await erin.request('POST', '/api/auth/logout');
      expect(loggedOut.status).toBe(204);
      expect(loggedOut.headers.get('set-cookie')).toMatch(/calcwise_session=;/);
      expect((await erin.request('GET', '/api/diary')).status).toBe(401);

      const again = await signIn(app(), 'erin', undefined, 'login');
      now = new Date(now.getTime() + (SESSION_DAYS * 86_400 - 60) * 1000);
      expect((await again.request('GET', '/api/diary')).status).toBe(200);
      now = new Date(now.getTime() + 120_000);
      expect((await again.request('GET', '/api/diary')).status).toBe(401);
      expect(await store.accounts.deleteExpiredSessions(now.toISOString())).toBeGreaterThan(0);
    });

    it('marks the cookie Secure behind a TLS proxy (--trust-proxy, X-Forwarded-Proto: https)', async () => {
      const proxied = createApp({
        store,
        foods,
        log: false,
        clock,
        trustProxy: true,
        accounts: {},
      });
      const response = await jsonRequest(
        proxied,
        'POST',
        '/api/auth/register',
        { username: 'frank', password: 'correct horse battery' },
        { 'x-forwarded-proto': 'https' },
      );
      expect(response.status).toBe(201);
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    });

    it('closed registration: 403; an account made by the administrator logs in', async () => {
      const closed = createApp({
        store,
        foods,
        log: false,
        clock,
        accounts: { registration: 'closed' },
      });
      const refused = await jsonRequest(closed, 'POST', '/api/auth/register', {
        username: 'gina',
        password: 'correct horse battery',
      });
      expect(refused.status).toBe(403);
      expect(await store.accounts.findUser('gina')).toBeUndefined();
    });
  });
}

describe('rate limiting of login attempts per client address', () => {
  it(`allows ${LOGIN_RATE_LIMIT.attempts} attempts per window, then 429 with Retry-After`, async () => {
    const store = await createSqliteStore(':memory:');
    let now = new Date('2026-12-01T10:00:00Z');
    // A hasher that does not take argon2's time: the limit is what is tested here.
    const app = createApp({
      store,
      foods,
      log: false,
      clock: () => now,
      accounts: {
        hasher: { hash: async (p) => `plain:${p}`, verify: async (h, p) => h === `plain:${p}` },
      },
    });
    const attempt = () =>
      jsonRequest(app, 'POST', '/api/auth/login', {
        username: 'x-user',
        password: 'some password',
      });
    for (let i = 0; i < LOGIN_RATE_LIMIT.attempts; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(LOGIN_RATE_LIMIT.windowSec);
    now = new Date(now.getTime() + LOGIN_RATE_LIMIT.windowSec * 1000);
    expect((await attempt()).status).toBe(401);
    await store.close();
  });
});

describe('without accounts (the default)', () => {
  it('answers as the local user; register and login do not exist', async () => {
    const store = await createSqliteStore(':memory:');
    const app = createApp({ store, foods, log: false });
    expect(await (await app.request('/api/auth/me')).json()).toEqual({
      accounts: false,
      user: { id: 'local' },
    });
    const register = await jsonRequest(app, 'POST', '/api/auth/register', {
      username: 'alice',
      password: 'correct horse battery',
    });
    expect(register.status).toBe(404);
    expect((await app.request('/api/diary')).status).toBe(200);
    await store.close();
  });
});

describe('calcwise users and calcwise backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'server.db');

  const cli = (args: string[], stdin?: string) =>
    cliIn(dir, args, stdin === undefined ? {} : { stdin });

  it('adds a user from a password on stdin, lists it, resets the password (ending its sessions)', async () => {
    const added = await cli(['users', 'add', 'Hana', '--db', db], 'first password 1\n');
    expect(added).toMatchObject({ code: 0, stdout: 'created user hana\n' });
    expect((await cli(['users', 'add', 'hana', '--db', db], 'other password\n')).code).toBe(2);
    const noPassword = await cli(['users', 'add', 'ivan', '--db', db], '');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/standard input/);

    const store = await createSqliteStore(db);
    const app = createApp({ store, foods, log: false, accounts: { registration: 'closed' } });
    const hana = await signIn(app, 'hana', 'first password 1', 'login');
    expect((await hana.request('GET', '/api/diary')).status).toBe(200);

    const reset = await cli(['users', 'reset-password', 'hana', '--db', db], 'second password 2\n');
    expect(reset).toMatchObject({ code: 0 });
    expect((await hana.request('GET', '/api/diary')).status).toBe(401);
    const old = await jsonRequest(app, 'POST', '/api/auth/login', {
      username: 'hana',
      password: 'first password 1',
    });
    expect(old.status).toBe(401);
    await signIn(app, 'hana', 'second password 2', 'login');
    expect(
      (await cli(['users', 'reset-password', 'nobody', '--db', db], 'x password 3\n')).code,
    ).toBe(2);

    const listed = await cli(['users', 'list', '--db', db, '--json']);
    const users = JSON.parse(listed.stdout) as { username: string; passwordHash?: string }[];
    expect(users.map((u) => u.username)).toEqual(['hana']);
    expect(users[0]).not.toHaveProperty('passwordHash');
    await store.close();
  });

  it('backs the SQLite store up while it is open; the copy holds the data', async () => {
    const store = await createSqliteStore(db);
    await store.addEntry('local', entry);
    const copy = join(dir, 'copy.db');
    const backup = await cli(['backup', copy, '--db', db]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backed up .*server\.db to .*copy\.db \(\d+ bytes\)\n$/);
    const again = await cli(['backup', copy, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
    await store.close();
    const restored = await createSqliteStore(copy);
    expect(await restored.listEntries('local')).toMatchObject([entry]);
    expect((await restored.accounts.findUser('hana'))?.username).toBe('hana');
    await restored.close();
    expect(existsSync(copy)).toBe(true);
  });

  it('argon2id verifies its own hashes and refuses others', async () => {
    const hash = await argon2idHasher.hash('a password here');
    expect(await argon2idHasher.verify(hash, 'a password here')).toBe(true);
    expect(await argon2idHasher.verify(hash, 'a password herE')).toBe(false);
    expect(await argon2idHasher.verify('not a hash', 'a password here')).toBe(false);
  });
});
