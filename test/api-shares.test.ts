/**
 * Read-only shares of the clinician report through the routes, on SQLite and PostgreSQL: the
 * token (its length, entropy and that only its hash is stored, read from the tables themselves),
 * what it opens and what it does not, expiry on an injected clock, revocation, the access log,
 * and another owner's shares.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exportData } from '../src/app/export-data.js';
import { buildReport } from '../src/app/report.js';
import { createShare, newShareToken, USER_AGENT_MAX_LENGTH } from '../src/app/shares.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AccessRecord } from '../src/server/access-log.js';
import { Hono } from 'hono';
import { foodCatalog } from '../src/app/food-catalog.js';
import type { AppDeps, AppEnv } from '../src/server/context.js';
import { ApiFailure, errorBody, statusFor } from '../src/server/errors.js';
import { requestOrigin } from '../src/server/request-guards.js';
import { registerSharedReportRoutes } from '../src/server/routes/shares.js';
import { createApp } from '../src/server/index.js';
import { createPostgresStore, createSqliteStore, type Store } from '../src/store/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { pgProblem, pgUrl } from './support/test-stores.js';

const foods = makeFoodIndex([
  makeFood({
    id: 'sr24:11233',
    name: 'Kale, raw',
    nutrients: { 'vitamin-k1': 817, calcium: 254 },
    portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
  }),
]);

type Row = Record<string, unknown>;
interface Backend {
  open(): Promise<{ store: Store; rows(table: string): Promise<Row[]> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'calcwise-shares-'));
const pgSchemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgSchemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const schema of pgSchemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

const sqlite: Backend = {
  async open() {
    const file = join(dir, `${randomBytes(4).toString('hex')}.db`);
    const store = await createSqliteStore(file);
    return {
      store,
      async rows(table) {
        const db = new SqliteDatabase(file, { readonly: true });
        try {
          return db.prepare(`select * from "${table}"`).all() as Row[];
        } finally {
          db.close();
        }
      },
    };
  },
};

const postgres: Backend = {
  async open() {
    const schema = `calcwise_shares_${randomBytes(6).toString('hex')}`;
    pgSchemas.push(schema);
    const store = await createPostgresStore(pgUrl, { schema, maxConnections: 4 });
    return {
      store,
      async rows(table) {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          return (await client.query<Row>(`select * from ${schema}."${table}"`)).rows;
        } finally {
          await client.end();
        }
      },
    };
  },
};

// Outside CI an unreachable PostgreSQL is said on stderr and its half runs only in CI.
const problem = await pgProblem();
if (problem && !process.env.CI) console.warn(`PostgreSQL at ${pgUrl} unreachable (${problem}).`);
const backends: [string, Backend][] = [['SQLite', sqlite]];
if (!problem || process.env.CI) backends.push(['PostgreSQL', postgres]);

const START = new Date('2026-11-25T12:00:00Z');
const inOneWeek = '2026-12-02T12:00:00.000Z';
const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function setup(backend: Backend, options: { trustProxy?: boolean } = {}) {
  const { store, rows } = await backend.open();
  let now = START;
  const clock = () => now;
  const records: AccessRecord[] = [];
  const build = () =>
    createApp({
      store,
      foods,
      clock,
      log: (record) => records.push(record),
      ...(options.trustProxy && { trustProxy: true }),
    });
  // `app` checks each answer against the OpenAPI document; `raw` is the app as it is.
  const app = documentedApp(build());
  const raw = build();
  await store.putProfile('local', { age: 64, sex: 'female', medications: ['warfarin'] });
  await store.addEntries('local', [
    { date: '2026-11-10', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
    { date: '2026-11-20', food: 'sr24:11233', amount: 2, unit: 'cup, chopped' },
    { date: '2026-11-21', food: 'sr24:11233', amount: 100, unit: 'g' },
  ]);
  const create = async (body: Row = {}) => {
    const response = await app.request(
      '/api/shares',
      json({ from: '2026-11-15', to: '2026-11-21', expiresAt: inOneWeek, ...body }),
    );
    return { response, body: (await response.json()) as Row & { token: string; id: string } };
  };
  return {
    store,
    rows,
    app,
    raw,
    clock,
    records,
    create,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

for (const [name, backend] of backends) {
  describe(`shares of the clinician report on ${name}`, () => {
    it('creates a share whose token is 256 random bits, shown once; only its SHA-256 is stored', async () => {
      const { store, rows, app, create } = await setup(backend);
      const { response, body } = await create();
      expect(response.status).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(body).toMatchObject({
        from: '2026-11-15',
        to: '2026-11-21',
        expiresAt: inOneWeek,
        createdAt: START.toISOString(),
        revokedAt: null,
        state: 'active',
        accesses: 0,
      });
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
      expect(body.url).toBe(`http://localhost/#/share/${body.token}`);

      const stored = await rows('shares');
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).toBe(createHash('sha256').update(body.token).digest('hex'));
      // The token is in no column of any row, in no form.
      const text = JSON.stringify(stored);
      expect(text).not.toContain(body.token);
      expect(text).not.toContain(Buffer.from(body.token, 'base64url').toString('hex'));

      // The listing and the export carry neither the token nor its hash.
      const listed = await app.request('/api/shares');
      const listText = await listed.text();
      const { token: _token, url: _url, ...listedShare } = body;
      expect(JSON.parse(listText)).toEqual({ shares: [listedShare] });
      expect(listText).not.toContain(body.token);
      expect(listText).not.toContain(String(stored[0]!.token_hash));
      const exported = JSON.stringify(await exportData({ store }, { owner: 'local' }));
      expect(exported).not.toContain(String(stored[0]!.token_hash));
      expect(exported).not.toContain('"shares"');
      await store.close();
    });

    it('gives each share a distinct token', async () => {
      const { store, create } = await setup(backend);
      const tokens = new Set<string>();
      for (let i = 0; i < 25; i += 1) tokens.add((await create()).body.token);
      expect(tokens.size).toBe(25);
      await store.close();
    });

    it('opens the owner’s report for the share’s period, as JSON and as PDF: the report use case’s own', async () => {
      const { store, app, clock, create } = await setup(backend);
      const { body: share } = await create();
      const response = await app.request(`/api/shared/${share.token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const shared = (await response.json()) as { share: Row; report: Row };
      expect(shared.share).toEqual({ from: '2026-11-15', to: '2026-11-21', expiresAt: inOneWeek });
      const expected = await buildReport(
        { store, foods, clock },
        { owner: 'local', from: '2026-11-15', to: '2026-11-21' },
      );
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(shared.report).toEqual(expected.value);
      // Two of the three entries fall in the period; the 10 November one does not.
      expect(shared.report.period).toMatchObject({ loggedDays: 2, entries: 2 });
      expect(shared.report.findings).not.toEqual([]);

      const pdf = await app.request(`/api/shared/${share.token}/report.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toContain(
        'calcwise-report-2026-11-15-to-2026-11-21.pdf',
      );
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await store.close();
    });

    it('is read-only: every write method on a token path is a 405, and nothing changes', async () => {
      const { store, app, raw, create } = await setup(backend);
      const { body: share } = await create();
      const before = JSON.stringify(await exportData({ store }, { owner: 'local' }));
      const paths = [
        `/api/shared/${share.token}`,
        `/api/shared/${share.token}/report.pdf`,
        `/api/shared/${share.token}/entries`,
        `/api/shared/${share.token}/profile`,
      ];
      for (const path of paths) {
        // The paths below the report are in no operation of the document: ask the app itself.
        const client = path.endsWith(share.token) || path.endsWith('.pdf') ? app : raw;
        for (const method of WRITE_METHODS) {
          const withBody = await client.request(
            path,
            json({ date: '2026-11-21', food: 'sr24:11233', amount: 1, unit: 'g' }, method),
          );
          expect(withBody.status, `${method} ${path}`).toBe(405);
          expect(withBody.headers.get('allow')).toBe('GET, HEAD');
          expect(await withBody.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
          // Without a JSON content type too: refused as a write, not as a media type.
          const plain = await client.request(path, { method, body: 'x' });
          expect(plain.status, `${method} ${path} text/plain`).toBe(405);
        }
      }
      expect(JSON.stringify(await exportData({ store }, { owner: 'local' }))).toBe(before);
      // A path that is no report is not found, even with a valid token.
      expect((await app.request(`/api/shared/${share.token}/entries`)).status).toBe(404);
      await store.close();
    });

    it('grants nothing on the owner’s API: another owner’s token does not open their diary', async () => {
      const { store, app, clock } = await setup(backend);
      // Alice's share, made through the use case (the API's owner is `local`).
      await store.addEntries('alice', [
        { date: '2026-11-20', food: 'sr24:11233', amount: 3, unit: 'cup, chopped' },
      ]);
      const alice = await createShare(
        { store, clock },
        { owner: 'alice', from: '2026-11-15', to: '2026-11-21', expiresAt: inOneWeek },
      );
      expect(alice.ok).toBe(true);
      if (!alice.ok) return;
      const { token } = alice.value;
      const shared = (await (await app.request(`/api/shared/${token}`)).json()) as {
        report: { period: { entries: number } };
      };
      expect(shared.report.period.entries).toBe(1);
      const ways: RequestInit[] = [
        { headers: { authorization: `Bearer ${token}` } },
        { headers: { cookie: `share=${token}; token=${token}` } },
        { headers: { 'x-share-token': token } },
      ];
      for (const init of ways) {
        for (const path of ['/api/diary?from=2026-11-01&to=2026-11-30', '/api/labs']) {
          const response = await app.request(
            `${path}${path.includes('?') ? '&' : '?'}token=${token}`,
            init,
          );
          expect(response.status).toBe(200);
          const text = await response.text();
          // What `local` has, never Alice's 3 cups.
          expect(text).not.toContain('"amount":3');
        }
        const shares = (await (await app.request('/api/shares', init)).json()) as {
          shares: unknown[];
        };
        expect(shares.shares).toEqual([]);
        const revoke = await app.request(`/api/shares/${alice.value.id}`, {
          ...init,
          method: 'DELETE',
        });
        expect(revoke.status).toBe(404);
      }
      expect((await store.listShares('alice'))[0]).toMatchObject({ revokedAt: null });
      await store.close();
    });

    it('another owner’s share ids are 404 for revoking and for the access log', async () => {
      const { store, app, clock } = await setup(backend);
      const alice = await createShare(
        { store, clock },
        { owner: 'alice', from: '2026-11-15', to: '2026-11-21', expiresAt: inOneWeek },
      );
      if (!alice.ok) throw new Error('share not created');
      const id = alice.value.id;
      const revoke = await app.request(`/api/shares/${id}`, { method: 'DELETE' });
      expect(revoke.status).toBe(404);
      expect(await revoke.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'id' } });
      const accesses = await app.request(`/api/shares/${id}/accesses`);
      expect(accesses.status).toBe(404);
      expect((await app.request(`/api/shares/no-such-id/accesses`)).status).toBe(404);
      expect((await app.request(`/api/shared/${alice.value.token}`)).status).toBe(200);
      await store.close();
    });

    it('expires on the clock: the link is then the same 404 as an unknown or revoked one', async () => {
      const { store, app, create, advance } = await setup(backend);
      const { body: expiring } = await create({ expiresAt: '2026-11-25T13:00:00Z' });
      expect(expiring.expiresAt).toBe('2026-11-25T13:00:00.000Z');
      const { body: revoked } = await create();
      expect((await app.request(`/api/shared/${expiring.token}`)).status).toBe(200);
      advance(59 * 60_000);
      expect((await app.request(`/api/shared/${expiring.token}`)).status).toBe(200);
      advance(60_000);
      const expired = await app.request(`/api/shared/${expiring.token}`);
      expect((await app.request(`/api/shares/${revoked.id}`, { method: 'DELETE' })).status).toBe(
        200,
      );
      const gone = await app.request(`/api/shared/${revoked.token}`);
      const unknown = await app.request(`/api/shared/${newShareToken()}`);
      const malformed = await app.request('/api/shared/not-a-token');
      const answers = await Promise.all(
        [expired, gone, unknown, malformed].map(async (r) => ({
          status: r.status,
          body: await r.text(),
        })),
      );
      expect(answers[0]!.status).toBe(404);
      expect(JSON.parse(answers[0]!.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      const pdf = await app.request(`/api/shared/${expiring.token}/report.pdf`);
      expect(pdf.status).toBe(404);
      expect(await pdf.text()).toBe(answers[0]!.body);

      const { shares } = (await (await app.request('/api/shares')).json()) as { shares: Row[] };
      expect(shares.map((s) => [s.id, s.state])).toEqual(
        expect.arrayContaining([
          [expiring.id, 'expired'],
          [revoked.id, 'revoked'],
        ]),
      );
      await store.close();
    });

    it('revokes: the row and its access log stay, a second revoke keeps the first time', async () => {
      const { store, rows, app, create, advance } = await setup(backend);
      const { body: share } = await create();
      expect((await app.request(`/api/shared/${share.token}`)).status).toBe(200);
      advance(1000);
      const revoke = await app.request(`/api/shares/${share.id}`, { method: 'DELETE' });
      expect(revoke.status).toBe(200);
      const revokedAt = new Date(START.getTime() + 1000).toISOString();
      expect(await revoke.json()).toMatchObject({ state: 'revoked', revokedAt, accesses: 1 });
      advance(1000);
      const again = await app.request(`/api/shares/${share.id}`, { method: 'DELETE' });
      expect(await again.json()).toMatchObject({ state: 'revoked', revokedAt });
      expect((await app.request(`/api/shared/${share.token}`)).status).toBe(404);
      const accesses = (await (await app.request(`/api/shares/${share.id}/accesses`)).json()) as {
        accesses: unknown[];
      };
      // The refused opening after the revoke is not an access.
      expect(accesses.accesses).toHaveLength(1);
      expect(await rows('shares')).toHaveLength(1);
      expect(await rows('share_accesses')).toHaveLength(1);
      await store.close();
    });

    it('logs each opening for the owner: time, what, client address, user agent truncated', async () => {
      const { store, app, create, advance, records } = await setup(backend, { trustProxy: true });
      const { body: share } = await create();
      const longAgent = `Mozilla/5.0 ${'x'.repeat(500)}`;
      await app.request(`/api/shared/${share.token}`, {
        headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': longAgent },
      });
      advance(5000);
      await app.request(`/api/shared/${share.token}/report.pdf`, {
        headers: { 'x-forwarded-for': '198.51.100.2' },
      });
      const response = await app.request(`/api/shares/${share.id}/accesses`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        accesses: [
          {
            at: START.toISOString(),
            resource: 'report',
            client: '203.0.113.7',
            userAgent: longAgent.slice(0, USER_AGENT_MAX_LENGTH),
          },
          {
            at: new Date(START.getTime() + 5000).toISOString(),
            resource: 'pdf',
            client: '198.51.100.2',
            userAgent: null,
          },
        ],
      });
      const { shares } = (await (await app.request('/api/shares')).json()) as { shares: Row[] };
      expect(shares[0]).toMatchObject({
        accesses: 2,
        lastAccessAt: new Date(START.getTime() + 5000).toISOString(),
      });
      // The server's own access log never holds the token.
      const shared = records.filter((r) => r.path.startsWith('/api/shared/'));
      expect(shared.map((r) => r.path)).toEqual([
        '/api/shared/[token]',
        '/api/shared/[token]/report.pdf',
      ]);
      expect(JSON.stringify(records)).not.toContain(share.token);
      await store.close();
    });

    it('refuses a bad share by field: 4xx, never 5xx', async () => {
      const { store, app, create } = await setup(backend);
      const cases: [Row, number, string][] = [
        [{ expiresAt: '2026-11-25T11:59:59Z' }, 422, 'expiresAt'],
        [{ expiresAt: '2027-11-26T12:00:01Z' }, 422, 'expiresAt'],
        [{ expiresAt: 'next week' }, 422, 'expiresAt'],
        [{ expiresAt: '2026-12-01' }, 422, 'expiresAt'],
        [{ from: '2026-11-22' }, 400, 'from'],
        [{ to: '2026-02-30' }, 400, 'to'],
        [{ extra: true }, 400, ''],
      ];
      for (const [body, status, field] of cases) {
        const { response, body: answer } = await create(body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        if (field) expect(answer, JSON.stringify(body)).toMatchObject({ error: { field } });
      }
      const missing = await app.request('/api/shares', json({ from: '2026-11-15' }));
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { field: 'to' } });
      // A year ahead, to the millisecond, is still allowed.
      expect((await create({ expiresAt: '2027-11-25T12:00:00Z' })).response.status).toBe(201);
      expect(await store.listShares('local')).toHaveLength(1);
      await store.close();
    });

    it('erasing the owner deletes the shares and their access log; the links then open nothing', async () => {
      const { store, rows, app, create } = await setup(backend);
      const { body: share } = await create();
      await app.request(`/api/shared/${share.token}`);
      const counts = await store.eraseOwner('local');
      expect(counts).toMatchObject({ shares: 1, share_accesses: 1 });
      expect(await rows('shares')).toEqual([]);
      expect(await rows('share_accesses')).toEqual([]);
      expect((await app.request(`/api/shared/${share.token}`)).status).toBe(404);
      await store.close();
    });
  });
}

describe('the shared-report routes', () => {
  it('need no owner: on an app that never sets one, a token opens its owner’s report', async () => {
    const store = await createSqliteStore(':memory:');
    await store.addEntries('alice', [
      { date: '2026-11-20', food: 'sr24:11233', amount: 3, unit: 'cup, chopped' },
    ]);
    const clock = () => START;
    const created = await createShare(
      { store, clock },
      { owner: 'alice', from: '2026-11-15', to: '2026-11-21', expiresAt: inOneWeek },
    );
    if (!created.ok) throw new Error(created.error.message);
    // As a login would stand: no owner middleware at all; any other /api route is refused.
    const app = new Hono<AppEnv>();
    app.use('*', requestOrigin(false));
    registerSharedReportRoutes(app, { store, foods: foodCatalog(foods), clock } as AppDeps);
    app.all('/api/*', (c) => c.json({ error: { code: 'UNAUTHORIZED', message: 'log in' } }, 401));
    app.onError((error, c) =>
      error instanceof ApiFailure
        ? c.json(errorBody(error.error), statusFor(error.error.code))
        : c.json({ error: { code: 'INTERNAL', message: String(error) } }, 500),
    );
    const response = await app.request(`/api/shared/${created.value.token}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { report: { period: { entries: number } } };
    expect(body.report.period.entries).toBe(1);
    expect((await app.request(`/api/shared/${created.value.token}/report.pdf`)).status).toBe(200);
    expect((await app.request('/api/diary')).status).toBe(401);
    await store.close();
  });
});

describe('share tokens', () => {
  it('are 32 bytes of crypto.randomBytes in base64url: distinct, and their bits balanced', () => {
    const tokens = Array.from({ length: 2000 }, newShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    let ones = 0;
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const bytes = Buffer.from(token, 'base64url');
      expect(bytes).toHaveLength(32);
      expect(bytes.toString('base64url')).toBe(token);
      for (const byte of bytes) for (let bit = byte; bit; bit >>= 1) ones += bit & 1;
    }
    // 512,000 bits: a fair source lands within ±0.5 % of half (over 7 standard deviations).
    expect(ones / (tokens.length * 256)).toBeGreaterThan(0.495);
    expect(ones / (tokens.length * 256)).toBeLessThan(0.505);
  });
});
