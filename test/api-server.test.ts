import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp, startServer } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { createSqliteStore } from '../src/store/index.js';

const foods = makeFoodIndex([
  makeFood({
    id: 'sr24:11233',
    name: 'Kale, raw',
    nutrients: { 'vitamin-k1': 817 },
    portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
  }),
]);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-server-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('static UI', () => {
  it('serves the built UI, falls back to index.html off /api, and keeps /api JSON', async () => {
    const root = tempDir();
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>calcwise</title><div id="root"></div>',
    );
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("calcwise")');
    const store = await createSqliteStore(':memory:');
    const app = documentedApp(createApp({ store, foods, log: false, webRoot: root }));

    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>calcwise</title>');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");

    const script = await app.request('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    const deep = await app.request('/report/print');
    expect(await deep.text()).toContain('<div id="root">');

    const api = await app.request('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });

    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const response = await app.request(`http://localhost${path}`);
      expect(await response.text(), path).not.toContain('root:');
    }
    await store.close();
  });

  it('answers only the API when there is no built UI', async () => {
    const store = await createSqliteStore(':memory:');
    const app = documentedApp(
      createApp({ store, foods, log: false, webRoot: join(tempDir(), 'missing') }),
    );
    expect((await app.request('/')).status).toBe(404);
    await store.close();
  });
});

describe('startServer', () => {
  it('listens on loopback on an ephemeral port, stores to the file, and closes cleanly', async () => {
    const dbFile = join(tempDir(), 'calcwise.db');
    const server = await startServer({ port: 0, dbFile, foods, log: false, env: {} });
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.store).toEqual({ kind: 'sqlite', description: dbFile });

    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const created = await fetch(`${server.url}/api/diary/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      }),
    });
    expect(created.status).toBe(201);
    await server.close();
    await server.closed;
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    // The store was closed and the data is on disk.
    const reopened = await createSqliteStore(dbFile);
    expect((await reopened.listEntries('local')).map((e) => e.amount)).toEqual([1]);
    await reopened.close();
  });

  it('on loopback, answers only loopback host names (DNS rebinding guard)', async () => {
    const server = await startServer({ port: 0, dbFile: ':memory:', foods, log: false, env: {} });
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/api/health', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor(`127.0.0.1:${server.port}`)).toBe(200);
    expect(await statusFor(`localhost:${server.port}`)).toBe(200);
    expect(await statusFor(`evil.example:${server.port}`)).toBe(403);
    await server.close();
  });

  it('fails with EADDRINUSE when the port is taken', async () => {
    const first = await startServer({ port: 0, dbFile: ':memory:', foods, log: false, env: {} });
    await expect(
      startServer({ port: first.port, dbFile: ':memory:', foods, log: false, env: {} }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await first.close();
  });
});
