import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Food } from '../src/core/foods.js';
import {
  createPostgresStore,
  createSqliteStore,
  openSqliteDatabase,
  resolveStoreLocation,
  type Store,
} from '../src/store/index.js';
import type { KyselyStoreOptions } from '../src/store/kysely-store.js';
import { buildMigrations } from '../src/store/migrations.js';
import { pgProblem as findPgProblem, pgUrl } from './support/test-stores.js';

/** A clock that moves one second per call, so timestamps are distinct and predictable. */
function steppingClock(start = Date.parse('2026-11-20T08:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

type StoreFactory = (options: Omit<KyselyStoreOptions, 'onClose'>) => Promise<Store>;

const kale: Food = {
  id: 'custom:grandmas-kale-soup',
  name: 'Kale soup, home recipe',
  group: 'Soups, Sauces, and Gravies',
  nutrients: {
    'vitamin-k1': {
      per100g: 120.5,
      source: { label: 'User entry', kind: 'user', note: 'from a recipe calculation' },
    },
  },
  portions: [{ name: 'bowl', amount: 1, grams: 300 }],
};

/**
 * The contract every Store implementation must meet. Run against SQLite (memory and file) and
 * PostgreSQL, as one suite, so the dialects cannot drift apart.
 */
function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory({ now: steppingClock() });
    });
    afterEach(async () => {
      await store.close();
    });

    it('has no profile until one is put, then returns it as entered', async () => {
      expect(await store.getProfile('local')).toBeUndefined();
      const profile = {
        age: 72,
        sex: 'male',
        supplements: [{ nutrient: 'vitamin-d', amount: 2000, unit: 'IU' }],
        note: 'µg and ü survive',
      };
      const put = await store.putProfile('local', profile);
      expect(put.profile).toEqual(profile);
      expect(put.updatedAt).toBe('2026-11-20T08:00:01.000Z');
      const got = await store.getProfile('local');
      expect(got).toEqual(put);
    });

    it('replaces a profile on a second put and keeps owners apart', async () => {
      await store.putProfile('local', { age: 60 });
      await store.putProfile('local', { age: 61 });
      await store.putProfile('alice', { age: 30 });
      expect((await store.getProfile('local'))?.profile).toEqual({ age: 61 });
      expect((await store.getProfile('alice'))?.profile).toEqual({ age: 30 });
      expect(await store.getProfile('bob')).toBeUndefined();
    });

    it('adds entries with ids and lists them by date, then in logging order', async () => {
      const a = await store.addEntry('local', {
        date: '2026-11-21',
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      });
      const b = await store.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:01009',
        amount: 30,
        unit: 'g',
      });
      const c = await store.addEntry('local', {
        date: '2026-11-21',
        food: 'sr24:15076',
        amount: 1 / 3,
        unit: 'fillet',
      });
      expect(a.id).not.toBe(b.id);
      expect(a).toMatchObject({ date: '2026-11-21', food: 'sr24:11233', amount: 1 });
      expect(a.createdAt).toBe(a.updatedAt);
      const all = await store.listEntries('local');
      expect(all.map((e) => e.id)).toEqual([b.id, a.id, c.id]);
      // A double survives the round trip exactly (no single-precision column).
      expect(all[2]?.amount).toBe(1 / 3);
      expect(await store.getEntry('local', c.id)).toEqual(c);
    });

    it('filters entries by an inclusive date range', async () => {
      for (const date of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']) {
        await store.addEntry('local', { date, food: 'sr24:11233', amount: 50, unit: 'g' });
      }
      const dates = (r: { date: string }[]) => r.map((e) => e.date);
      expect(
        dates(await store.listEntries('local', { from: '2026-11-19', to: '2026-11-20' })),
      ).toEqual(['2026-11-19', '2026-11-20']);
      expect(dates(await store.listEntries('local', { from: '2026-11-20' }))).toEqual([
        '2026-11-20',
        '2026-11-21',
      ]);
      expect(dates(await store.listEntries('local', { to: '2026-11-18' }))).toEqual(['2026-11-18']);
      expect(await store.listEntries('someone-else')).toEqual([]);
    });

    it('updates only the fields given, and only for the owner', async () => {
      const entry = await store.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      });
      expect(await store.updateEntry('mallory', entry.id, { amount: 99 })).toBeUndefined();
      const updated = await store.updateEntry('local', entry.id, { amount: 2.5 });
      expect(updated).toMatchObject({
        id: entry.id,
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 2.5,
        unit: 'cup, chopped',
        createdAt: entry.createdAt,
      });
      expect((updated?.updatedAt ?? '') > entry.updatedAt).toBe(true);
      expect(await store.updateEntry('local', entry.id + 1000, { amount: 1 })).toBeUndefined();
      expect(await store.getEntry('local', entry.id)).toEqual(updated);
    });

    it('deletes an entry once, and not another owner’s', async () => {
      const entry = await store.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 10,
        unit: 'g',
      });
      expect(await store.deleteEntry('mallory', entry.id)).toBe(false);
      expect(await store.deleteEntry('local', entry.id)).toBe(true);
      expect(await store.deleteEntry('local', entry.id)).toBe(false);
      expect(await store.listEntries('local')).toEqual([]);
    });

    it('adds a batch of entries in one transaction: all or none', async () => {
      const stored = await store.addEntries('local', [
        { date: '2026-11-22', food: 'sr24:11233', amount: 100, unit: 'g' },
        { date: '2026-11-22', food: 'sr24:16113', amount: 1, unit: 'cup' },
      ]);
      expect(stored.map((e) => e.food)).toEqual(['sr24:11233', 'sr24:16113']);
      expect(await store.addEntries('local', [])).toEqual([]);

      const broken = [
        { date: '2026-11-23', food: 'sr24:11233', amount: 100, unit: 'g' },
        // Violates NOT NULL: the whole batch must roll back.
        { date: '2026-11-23', food: 'sr24:11233', amount: null as unknown as number, unit: 'g' },
      ];
      await expect(store.addEntries('local', broken)).rejects.toThrow();
      expect(await store.listEntries('local', { from: '2026-11-23' })).toEqual([]);
      expect(await store.listEntries('local')).toHaveLength(2);
    });

    it('adds 5,000 entries in one call (beyond SQLite’s variable limit per statement)', async () => {
      const entries = Array.from({ length: 5000 }, (_, i) => ({
        date: '2026-11-24',
        food: 'sr24:11233',
        amount: i + 1,
        unit: 'g',
      }));
      const stored = await store.addEntries('local', entries);
      expect(stored).toHaveLength(5000);
      expect(new Set(stored.map((e) => e.id)).size).toBe(5000);
      expect(stored.map((e) => e.amount)).toEqual(entries.map((e) => e.amount));
      expect(await store.listEntries('local', { from: '2026-11-24' })).toHaveLength(5000);
    });

    it('finds no entry for an id outside the column’s range, rather than failing', async () => {
      for (const id of [0, -1, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1.5]) {
        expect(await store.getEntry('local', id)).toBeUndefined();
        expect(await store.updateEntry('local', id, { amount: 1 })).toBeUndefined();
        expect(await store.deleteEntry('local', id)).toBe(false);
      }
    });

    it('adds an entry once per idempotency key, per owner, and refuses the key for another entry', async () => {
      const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };
      const first = await store.addEntryOnce('local', entry, 'key-1');
      expect(first).toMatchObject({ ok: true, value: { replayed: false } });
      const again = await store.addEntryOnce('local', { ...entry }, 'key-1');
      expect(again).toEqual({
        ok: true,
        value: { entry: first.ok && first.value.entry, replayed: true },
      });
      const other = await store.addEntryOnce('local', { ...entry, amount: 2 }, 'key-1');
      expect(other).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'Idempotency-Key' },
      });
      const mallory = await store.addEntryOnce('mallory', entry, 'key-1');
      expect(mallory).toMatchObject({ ok: true, value: { replayed: false } });
      expect(await store.listEntries('local')).toHaveLength(1);
      expect(await store.listEntries('mallory')).toHaveLength(1);
    });

    it('stores one entry when retries with the same key arrive at once', async () => {
      const entry = { date: '2026-11-21', food: 'sr24:11233', amount: 3, unit: 'g' };
      const results = await Promise.all(
        Array.from({ length: 6 }, () => store.addEntryOnce('local', entry, 'retry-storm')),
      );
      const ids = results.map((r) => (r.ok ? r.value.entry.id : undefined));
      expect(new Set(ids).size).toBe(1);
      expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
      expect(await store.listEntries('local')).toHaveLength(1);
    });

    it('forgets an idempotency key after a day', async () => {
      let t = Date.parse('2026-11-20T08:00:00Z');
      const timed = await factory({ now: () => new Date(t) });
      try {
        const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'g' };
        await timed.addEntryOnce('local', entry, 'k');
        t += 23 * 3_600_000;
        expect(await timed.addEntryOnce('local', entry, 'k')).toMatchObject({
          value: { replayed: true },
        });
        t += 2 * 3_600_000;
        expect(await timed.addEntryOnce('local', entry, 'k')).toMatchObject({
          value: { replayed: false },
        });
        expect(await timed.listEntries('local')).toHaveLength(2);
      } finally {
        await timed.close();
      }
    });

    it('saves plans and returns them by id, newest first, per owner', async () => {
      const first = await store.savePlan('local', {
        request: { days: 1 },
        result: { status: 'optimal', days: [{ items: [{ foodId: 'sr24:11233', grams: 67 }] }] },
      });
      const second = await store.savePlan('local', {
        request: { days: 7 },
        result: { status: 'optimal' },
      });
      expect(first.id).not.toBe(second.id);
      expect(await store.getPlan('local', first.id)).toEqual(first);
      expect(first.result).toEqual({
        status: 'optimal',
        days: [{ items: [{ foodId: 'sr24:11233', grams: 67 }] }],
      });
      expect(await store.getPlan('mallory', first.id)).toBeUndefined();
      expect(await store.getPlan('local', 'no-such-plan')).toBeUndefined();
      expect((await store.listPlans('local')).map((p) => p.id)).toEqual([second.id, first.id]);
      expect((await store.listPlans('local', 1)).map((p) => p.id)).toEqual([second.id]);
    });

    it('adds custom foods, refuses a duplicate id with CONFLICT, keeps owners apart', async () => {
      expect(await store.addCustomFood('local', kale)).toEqual({ ok: true, value: kale });
      const again = await store.addCustomFood('local', { ...kale, name: 'Another' });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(await store.getCustomFood('local', kale.id)).toEqual(kale);

      const other: Food = { ...kale, name: 'Alice’s kale soup' };
      expect((await store.addCustomFood('alice', other)).ok).toBe(true);
      const apple: Food = {
        id: 'custom:apple-cake',
        name: 'Apple cake',
        group: 'Baked Products',
        nutrients: {},
        portions: [],
      };
      await store.addCustomFood('local', apple);
      expect((await store.listCustomFoods('local')).map((f) => f.name)).toEqual([
        'Apple cake',
        'Kale soup, home recipe',
      ]);
      expect(await store.getCustomFood('alice', kale.id)).toEqual(other);
      expect(await store.deleteCustomFood('local', kale.id)).toBe(true);
      expect(await store.deleteCustomFood('local', kale.id)).toBe(false);
      expect(await store.getCustomFood('alice', kale.id)).toEqual(other);
    });

    it('adds recipes as entered (no values stored), refuses a duplicate id, keeps owners apart', async () => {
      const soup = {
        id: 'recipe:kale-soup',
        name: 'Kale soup',
        servings: 4,
        cookedGrams: 1200.5,
        ingredients: [
          { food: 'sr24:11233', amount: 2, unit: 'cup, chopped' },
          { food: 'custom:stock', amount: 1, unit: 'l' },
        ],
      };
      const added = await store.addRecipe('local', soup);
      expect(added).toEqual({ ok: true, value: { ...soup, createdAt: expect.any(String) } });
      const again = await store.addRecipe('local', { ...soup, name: 'Other' });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'slug' } });
      const { cookedGrams: _cooked, ...raw } = soup;
      const aliceSoup = { ...raw, name: 'Alice’s soup', servings: 1 };
      expect((await store.addRecipe('alice', aliceSoup)).ok).toBe(true);
      const apple = { ...raw, id: 'recipe:zz-apple', name: 'Apple pie' };
      expect((await store.addRecipe('local', apple)).ok).toBe(true);
      // By name, then id.
      expect((await store.listRecipes('local')).map((r) => r.id)).toEqual([
        'recipe:zz-apple',
        'recipe:kale-soup',
      ]);
      const alice = await store.getRecipe('alice', soup.id);
      expect(alice).toEqual({ ...aliceSoup, createdAt: expect.any(String) });
      expect(alice).not.toHaveProperty('cookedGrams');
      expect(await store.deleteRecipe('local', soup.id)).toBe(true);
      expect(await store.deleteRecipe('local', soup.id)).toBe(false);
      expect(await store.getRecipe('local', soup.id)).toBeUndefined();
      expect((await store.getRecipe('alice', soup.id))?.name).toBe('Alice’s soup');
    });

    it('updates a custom food and a recipe in place, only the owner’s, keeping when each was added', async () => {
      expect((await store.addCustomFood('local', kale)).ok).toBe(true);
      expect((await store.addCustomFood('alice', kale)).ok).toBe(true);
      const changed: Food = {
        ...kale,
        name: 'Kale soup, less salt',
        group: 'Custom foods',
        nutrients: {
          sodium: { per100g: 80, source: { label: 'Entered by the user', kind: 'user' } },
        },
        portions: [],
      };
      expect(await store.updateCustomFood('local', changed)).toEqual(changed);
      expect(await store.getCustomFood('local', kale.id)).toEqual(changed);
      expect(await store.listCustomFoods('local')).toEqual([changed]);
      expect(await store.getCustomFood('alice', kale.id)).toEqual(kale);
      expect(await store.updateCustomFood('mallory', changed)).toBeUndefined();
      expect(await store.getCustomFood('mallory', kale.id)).toBeUndefined();
      expect(
        await store.updateCustomFood('local', { ...changed, id: 'custom:nothing' }),
      ).toBeUndefined();

      const soup = {
        id: 'recipe:kale-soup',
        name: 'Kale soup',
        servings: 4,
        cookedGrams: 1200,
        ingredients: [{ food: 'sr24:11233', amount: 2, unit: 'cup, chopped' }],
      };
      const added = await store.addRecipe('local', soup);
      expect((await store.addRecipe('alice', soup)).ok).toBe(true);
      if (!added.ok) throw new Error('not added');
      const { cookedGrams: _cooked, ...raw } = soup;
      const edited = {
        ...raw,
        name: 'Kale and bean soup',
        servings: 6,
        ingredients: [...soup.ingredients, { food: 'custom:beans', amount: 400, unit: 'g' }],
      };
      const updated = await store.updateRecipe('local', edited);
      expect(updated).toEqual({ ...edited, createdAt: added.value.createdAt });
      const reread = await store.getRecipe('local', soup.id);
      expect(reread).toEqual(updated);
      // The cooked weight given before is cleared, not kept.
      expect(reread).not.toHaveProperty('cookedGrams');
      expect((await store.getRecipe('alice', soup.id))?.name).toBe('Kale soup');
      expect(await store.updateRecipe('mallory', edited)).toBeUndefined();
      expect(
        await store.updateRecipe('local', { ...edited, id: 'recipe:nothing' }),
      ).toBeUndefined();
      expect(await store.getRecipe('local', 'recipe:nothing')).toBeUndefined();
    });

    it('keeps an entry’s meal slot, changes and clears it, and leaves an unassigned entry without one', async () => {
      const lunch = await store.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 1,
        unit: 'g',
        meal: 'lunch',
      });
      const none = await store.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 2,
        unit: 'g',
      });
      expect(lunch.meal).toBe('lunch');
      expect(none).not.toHaveProperty('meal');
      expect((await store.updateEntry('local', none.id, { meal: 'snack' }))?.meal).toBe('snack');
      const cleared = await store.updateEntry('local', lunch.id, { meal: null });
      expect(cleared).not.toHaveProperty('meal');
      expect((await store.listEntries('local')).map((e) => e.meal)).toEqual([undefined, 'snack']);
    });

    it('stores a plan day once per date and reports the dates it is on', async () => {
      const plan = await store.savePlan('local', { request: {}, result: {} });
      const day = (date: string) => ({
        day: 0,
        date,
        entries: [{ date, food: 'sr24:11233', amount: 67, unit: 'g', meal: 'dinner' as const }],
      });
      const [first] = await store.applyPlanDays('local', plan.id, [day('2026-12-01')]);
      expect(first).toMatchObject({ day: 0, date: '2026-12-01', existing: 0 });
      expect(first!.stored.map((e) => e.meal)).toEqual(['dinner']);
      const [again] = await store.applyPlanDays('local', plan.id, [day('2026-12-01')]);
      expect(again).toMatchObject({ stored: [], existing: 1 });
      await store.applyPlanDays('local', plan.id, [day('2026-12-03')]);
      // Another owner's application of the same plan id is theirs alone.
      await store.applyPlanDays('alice', plan.id, [day('2026-12-05')]);
      expect(await store.listPlanApplications('local', plan.id)).toEqual([
        { day: 0, date: '2026-12-01', entries: 1 },
        { day: 0, date: '2026-12-03', entries: 1 },
      ]);
      await store.addEntry('local', {
        date: '2026-11-30',
        food: 'sr24:11233',
        amount: 1,
        unit: 'g',
      });
      expect(await store.listLoggedDates('local', '2026-12-01')).toEqual([
        '2026-12-01',
        '2026-12-03',
      ]);
    });

    it('orders a day by when entries were first logged: an entry put back with its createdAt returns to its place', async () => {
      const entry = (food: string) => ({ date: '2026-12-01', food, amount: 1, unit: 'g' });
      // One call each: the stepping clock gives each its own createdAt.
      const first = await store.addEntry('local', entry('sr24:11233'));
      const second = await store.addEntry('local', entry('sr24:01009'));
      const third = await store.addEntry('local', entry('sr24:15076'));
      expect(await store.deleteEntry('local', second.id)).toBe(true);
      const restored = await store.addEntry('local', {
        ...entry('sr24:01009'),
        createdAt: second.createdAt,
      });
      expect(restored.id).toBeGreaterThan(third.id);
      expect(restored.createdAt).toBe(second.createdAt);
      // A later entry without createdAt still goes last.
      const later = await store.addEntry('local', entry('sr24:99999'));
      const ids = (await store.listEntries('local')).map((e) => e.id);
      expect(ids).toEqual([first.id, restored.id, third.id, later.id]);
      expect((await store.dumpOwner('local')).diary.map((e) => e.food)).toEqual([
        'sr24:11233',
        'sr24:01009',
        'sr24:15076',
        'sr24:99999',
      ]);
    });

    it('lists logged foods, one row each with its last entry, by recency and by frequency, per owner', async () => {
      const e = (date: string, food: string, amount: number, unit: string, meal?: 'lunch') => ({
        date,
        food,
        amount,
        unit,
        ...(meal && { meal }),
      });
      expect(await store.listLoggedFoods('local', { order: 'recent', limit: 10 })).toEqual([]);
      await store.addEntries('local', [
        e('2026-12-01', 'sr24:11233', 1, 'cup, chopped', 'lunch'),
        e('2026-12-02', 'sr24:11233', 2, 'cup, chopped'),
        e('2026-12-03', 'sr24:01009', 28, 'g', 'lunch'),
        e('2026-11-20', 'sr24:11233', 50, 'g'),
      ]);
      // Logged later but dated earlier: the last entry is the latest date, not the latest id.
      await store.addEntry('local', e('2026-11-01', 'sr24:01009', 3, 'oz'));
      await store.addEntry('local', e('2026-11-02', 'sr24:15076', 100, 'g'));
      await store.addEntry('other', e('2026-12-24', 'sr24:99999', 1, 'g'));

      const recent = await store.listLoggedFoods('local', { order: 'recent', limit: 10 });
      expect(recent).toEqual([
        {
          food: 'sr24:01009',
          amount: 28,
          unit: 'g',
          meal: 'lunch',
          count: 2,
          lastDate: '2026-12-03',
        },
        { food: 'sr24:11233', amount: 2, unit: 'cup, chopped', count: 3, lastDate: '2026-12-02' },
        { food: 'sr24:15076', amount: 100, unit: 'g', count: 1, lastDate: '2026-11-02' },
      ]);
      const frequent = await store.listLoggedFoods('local', { order: 'frequent', limit: 2 });
      expect(frequent.map((f) => [f.food, f.count])).toEqual([
        ['sr24:11233', 3],
        ['sr24:01009', 2],
      ]);
      // Two foods on the same date: the one logged last comes first.
      await store.addEntry('local', e('2026-12-03', 'sr24:15076', 90, 'g'));
      expect(
        (await store.listLoggedFoods('local', { order: 'recent', limit: 2 })).map((f) => f.food),
      ).toEqual(['sr24:15076', 'sr24:01009']);
      expect(
        (await store.listLoggedFoods('local', { order: 'frequent', limit: 3 })).map((f) => f.food),
      ).toEqual(['sr24:11233', 'sr24:15076', 'sr24:01009']);
      expect(await store.listLoggedFoods('other', { order: 'frequent', limit: 10 })).toEqual([
        { food: 'sr24:99999', amount: 1, unit: 'g', count: 1, lastDate: '2026-12-24' },
      ]);
    });
  });
}

// --- SQLite -----------------------------------------------------------------------------------

storeContract('SQLite :memory:', (options) => createSqliteStore(':memory:', options));

const tempDirs: string[] = [];
function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-store-'));
  tempDirs.push(dir);
  return join(dir, 'calcwise.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

storeContract('SQLite file', (options) => createSqliteStore(tempDbFile(), options));

describe('SQLite file store', () => {
  it('upgrades a store made before meal slots: its entries stay, unassigned', async () => {
    const file = tempDbFile();
    const raw = openSqliteDatabase(file);
    // The schema as it was before 0004: typed as migrations are.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const all = buildMigrations('sqlite');
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0004'));
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    await db.insertInto('owners').values({ id: 'local', created_at: 'then' }).execute();
    await db
      .insertInto('diary_entries')
      .values({
        owner: 'local',
        date: '2026-11-01',
        food_id: 'sr24:11233',
        amount: 1,
        unit: 'g',
        created_at: 'then',
        updated_at: 'then',
      })
      .execute();
    await db.destroy();

    const store = await createSqliteStore(file);
    const [entry] = await store.listEntries('local');
    expect(entry).toMatchObject({ date: '2026-11-01', food: 'sr24:11233' });
    expect(entry).not.toHaveProperty('meal');
    await store.close();
  });

  it('keeps everything across closing and reopening, and uses WAL', async () => {
    const file = tempDbFile();
    const first = await createSqliteStore(file);
    await first.putProfile('local', { age: 64, sex: 'female' });
    const entry = await first.addEntry('local', {
      date: '2026-11-20',
      food: 'sr24:11233',
      amount: 1,
      unit: 'cup, chopped',
    });
    const plan = await first.savePlan('local', {
      request: { days: 1 },
      result: { status: 'optimal' },
    });
    await first.addCustomFood('local', kale);
    await first.close();

    // Reopening runs the migrator again: it must find the schema current and keep the data.
    const second = await createSqliteStore(file);
    expect((await second.getProfile('local'))?.profile).toEqual({ age: 64, sex: 'female' });
    expect(await second.listEntries('local')).toEqual([entry]);
    expect(await second.getPlan('local', plan.id)).toEqual(plan);
    expect(await second.getCustomFood('local', kale.id)).toEqual(kale);
    const next = await second.addEntry('local', {
      date: '2026-11-21',
      food: 'sr24:11233',
      amount: 2,
      unit: 'g',
    });
    expect(next.id).toBeGreaterThan(entry.id);
    await second.close();

    const SqliteDatabase = (await import('better-sqlite3')).default;
    const raw = new SqliteDatabase(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const migrations = raw.prepare('select name from kysely_migration').all();
    expect(migrations).toEqual([
      { name: '0001-initial' },
      { name: '0002-import-provenance' },
      { name: '0003-idempotency-keys' },
      { name: '0004-labs' },
      { name: '0005-diary-meal' },
      { name: '0006-accounts' },
      { name: '0007-shares' },
      { name: '0009-recipes' },
      { name: '0010-supplement-days' },
    ]);
    raw.close();
  });

  it('opens the diary file with WAL and synchronous=FULL, so an acknowledged write survives power loss', () => {
    const raw = openSqliteDatabase(tempDbFile());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA): every commit is fsynced before it returns.
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    raw.close();
  });

  it('enforces foreign keys: an entry cannot name an owner that does not exist', async () => {
    const file = tempDbFile();
    const store = await createSqliteStore(file);
    await store.close();
    const SqliteDatabase = (await import('better-sqlite3')).default;
    const raw = new SqliteDatabase(file);
    raw.pragma('foreign_keys = ON');
    expect(() =>
      raw
        .prepare(
          "insert into diary_entries (owner, date, food_id, amount, unit, created_at, updated_at) values ('ghost', '2026-11-20', 'sr24:1', 1, 'g', 'x', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});

describe('store location', () => {
  it('prefers --db, then DATABASE_URL, then CALCWISE_DB, then ./calcwise.db', () => {
    const url = 'postgres://u@h/db';
    expect(resolveStoreLocation('x.db', { DATABASE_URL: url, CALCWISE_DB: 'y.db' })).toEqual({
      kind: 'sqlite',
      file: 'x.db',
    });
    expect(resolveStoreLocation(undefined, { DATABASE_URL: url, CALCWISE_DB: 'y.db' })).toEqual({
      kind: 'postgres',
      url,
    });
    expect(resolveStoreLocation(undefined, { CALCWISE_DB: 'y.db' })).toEqual({
      kind: 'sqlite',
      file: 'y.db',
    });
    expect(resolveStoreLocation(undefined, {})).toEqual({ kind: 'sqlite', file: 'calcwise.db' });
  });
});

// --- PostgreSQL -------------------------------------------------------------------------------

const pgProblem = await findPgProblem();
const pgSchemas: string[] = [];

if (pgProblem && process.env.CI) {
  describe('PostgreSQL store', () => {
    it('can reach the PostgreSQL server CI provides', () => {
      expect.fail(`PostgreSQL at ${pgUrl} is unreachable in CI: ${pgProblem}`);
    });
  });
} else if (pgProblem) {
  console.warn(
    `PostgreSQL at ${pgUrl} unreachable (${pgProblem}); the PostgreSQL store suite does not run outside CI.`,
  );
} else {
  const freshSchema = () => {
    const schema = `calcwise_test_${randomBytes(6).toString('hex')}`;
    pgSchemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    for (const schema of pgSchemas) await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  storeContract('PostgreSQL', (options) =>
    createPostgresStore(pgUrl, { ...options, schema: freshSchema() }),
  );

  describe('PostgreSQL store', () => {
    it('keeps data across reconnecting, inside its own schema', async () => {
      const schema = freshSchema();
      const first = await createPostgresStore(pgUrl, { schema });
      const entry = await first.addEntry('local', {
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      });
      await first.close();
      const second = await createPostgresStore(pgUrl, { schema });
      expect(await second.listEntries('local')).toEqual([entry]);
      await second.close();

      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      const tables = await client.query(
        'select table_name from information_schema.tables where table_schema = $1 order by table_name',
        [schema],
      );
      await client.end();
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['custom_foods', 'diary_entries', 'owners', 'plans', 'profiles']),
      );
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(createPostgresStore(pgUrl, { schema: 'x; drop table y' })).rejects.toThrow(
        /schema name/,
      );
    });
  });
}
