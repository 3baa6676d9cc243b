/**
 * POST /api/import takes a whole export, which passes the 1 MiB bound of every other route within
 * a year or two of logging: the route has its own bound (IMPORT_MAX_BODY_BYTES), and above it
 * answers 413 in the usual error shape, storing nothing.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFdcCsv } from '../src/app/compose.js';
import { importFdc } from '../src/app/import-fdc.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createApp, IMPORT_MAX_BODY_BYTES } from '../src/server/index.js';
import { createSqliteStore, type Store } from '../src/store/index.js';

const fixture = resolve('test/fixtures/fdc/foundation_2024-10-31_test_fixture');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function emptyStore(): Promise<Store> {
  const store = await createSqliteStore(':memory:');
  stores.push(store);
  return store;
}

/** Three years of a diary over the Foundation fixture's foods and SR24, as the importers store it. */
async function threeYears(store: Store): Promise<void> {
  const read = await importFdc(
    { store, readRelease: (dir) => importFdcCsv(dir, { release: 'Foundation 2024-10-31' }) },
    { owner: 'local', dir: fixture, release: 'Foundation 2024-10-31', file: 'fixture' },
  );
  expect(read.ok).toBe(true);
  const foods = ['fdc:323505', 'fdc:328637', 'fdc:333476', 'sr24:11233', 'sr24:01009'];
  const start = Date.UTC(2023, 0, 1);
  const entries = Array.from({ length: 3 * 365 * 6 }, (_, i) => ({
    date: new Date(start + Math.floor(i / 6) * 86_400_000).toISOString().slice(0, 10),
    food: foods[i % foods.length]!,
    amount: 20 + (i % 180),
    unit: 'g',
  }));
  await store.replaceImport('local', { importId: 'diary:three-years', foods: [], entries });
}

const post = (app: ReturnType<typeof createApp>, body: string) =>
  app.request('/api/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('POST /api/import of a real export', () => {
  it('restores an export over 1 MiB, and the store exports the same document again', async () => {
    const source = await emptyStore();
    await threeYears(source);
    const from = createApp({ store: source, foods: loadFoods().index, log: false });
    const exported = await (await from.request('/api/export')).text();
    expect(Buffer.byteLength(exported)).toBeGreaterThan(1024 * 1024);

    const target = await emptyStore();
    const to = createApp({ store: target, foods: loadFoods().index, log: false });
    const response = await post(to, exported);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(
      ((await response.json()) as { restored: Record<string, number> }).restored,
    ).toMatchObject({ diary_entries: 3 * 365 * 6, custom_foods: 15 });
    expect(await (await to.request('/api/export')).text()).toBe(exported);
  });

  it('other routes keep the 1 MiB bound', async () => {
    const app = createApp({ store: await emptyStore(), foods: loadFoods().index, log: false });
    const response = await app.request('/api/diary/entries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        date: '2026-01-01',
        food: 'x'.repeat(1_100_000),
        amount: 1,
        unit: 'g',
      }),
    });
    expect(response.status).toBe(413);
  });

  it('above its bound answers 413 PAYLOAD_TOO_LARGE, naming the limit; the store unchanged', async () => {
    expect(IMPORT_MAX_BODY_BYTES).toBe(64 * 1024 * 1024);
    const source = await emptyStore();
    await threeYears(source);
    const exported = await (
      await createApp({ store: source, foods: loadFoods().index, log: false }).request(
        '/api/export',
      )
    ).text();
    const target = await emptyStore();
    const limit = 1024 * 1024 + 10;
    const app = createApp({
      store: target,
      foods: loadFoods().index,
      log: false,
      maxImportBodyBytes: limit,
    });
    const response = await post(app, exported);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: `request body too large (limit ${limit} bytes)`,
      },
    });
    expect(await target.dumpOwner('local')).toEqual(await (await emptyStore()).dumpOwner('local'));
  });
});
