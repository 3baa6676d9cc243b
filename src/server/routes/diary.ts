import type { Hono } from 'hono';
import { resolveDiary } from '../../core/analysis/index.js';
import { amountToGrams, type FoodIndex } from '../../core/foods.js';
import type { NewDiaryEntry, StoredDiaryEntry } from '../../app/deps.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure, notFound, orFail } from '../errors.js';
import {
  copyDayBody,
  dateRangeQuery,
  entryIdParam,
  entryPatchBody,
  newEntryBody,
  recentFoodsQuery,
} from '../schemas/api.js';
import { copyDiaryEntries, recentFoods } from '../../app/diary.js';
import { parseWith, readIdempotencyKey, readJson, readQuery } from '../validation.js';
import { ownerFoods } from '../../app/foods.js';

/** A diary entry as the API returns it: the stored entry plus the food's name and grams. */
export interface EntryView extends StoredDiaryEntry {
  name?: string;
  /** Absent when the food or unit can no longer be resolved (a deleted custom food). */
  grams?: number;
}

export function entryView(entry: StoredDiaryEntry, foods: FoodIndex): EntryView {
  const food = foods.get(entry.food);
  if (!food) return entry;
  const grams = amountToGrams(food, entry.amount, entry.unit);
  return { ...entry, name: food.name, ...(grams.ok && { grams: grams.value }) };
}

/**
 * Checks an entry exactly as the diary files are checked (resolveDiary): known food, known unit,
 * an amount above zero and not absurd. The error names the field; there is no file or line.
 */
export function checkEntry(entry: NewDiaryEntry, foods: FoodIndex): void {
  const diary = { days: [{ date: entry.date, entries: [{ ...entry, location: 'entry' }] }] };
  const resolved = resolveDiary(diary, foods);
  if (!resolved.ok) {
    const { location: _location, file: _file, ...error } = resolved.error;
    throw new ApiFailure(error);
  }
}

/** Groups entries by date, in date order: the diary JSON shape of docs/design.md §4. */
export function groupByDay(entries: EntryView[]): { date: string; entries: EntryView[] }[] {
  const days = new Map<string, EntryView[]>();
  for (const entry of entries) {
    const list = days.get(entry.date) ?? [];
    list.push(entry);
    days.set(entry.date, list);
  }
  return [...days].map(([date, list]) => ({ date, entries: list }));
}

export function registerDiaryRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/diary', async (c) => {
    const range = readQuery(c, dateRangeQuery);
    const [entries, foods] = await Promise.all([
      deps.store.listEntries(c.var.owner, range),
      ownerFoods(deps, c.var.owner),
    ]);
    const views = entries.map((entry) => entryView(entry, foods));
    return c.json({ ...range, days: groupByDay(views) });
  });

  // The foods to log again in one step: recently and most often logged, with the last amount.
  app.get('/api/diary/recent-foods', async (c) => {
    const { limit } = readQuery(c, recentFoodsQuery);
    return c.json(
      await recentFoods(
        { store: deps.store, foods: deps.foods.index },
        { owner: c.var.owner, limit },
      ),
    );
  });

  // With an Idempotency-Key, a retry (the answer was lost, the app restarted) gets the entry the
  // first request stored, marked Idempotent-Replayed, instead of a second one.
  app.post('/api/diary/entries', async (c) => {
    const key = readIdempotencyKey(c);
    const entry = await readJson(c, newEntryBody);
    const foods = await ownerFoods(deps, c.var.owner);
    checkEntry(entry, foods);
    if (key === undefined) {
      return c.json(entryView(await deps.store.addEntry(c.var.owner, entry), foods), 201);
    }
    const once = orFail(await deps.store.addEntryOnce(c.var.owner, entry, key));
    if (once.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(entryView(once.entry, foods), 201);
  });

  // Copies the entries of one day, or of one meal, to another date in one transaction.
  app.post('/api/diary/copy', async (c) => {
    const body = await readJson(c, copyDayBody);
    const stored = orFail(await copyDiaryEntries(deps, { owner: c.var.owner, ...body }));
    const foods = await ownerFoods(deps, c.var.owner);
    return c.json(
      { from: body.from, to: body.to, entries: stored.map((entry) => entryView(entry, foods)) },
      201,
    );
  });

  app.patch('/api/diary/entries/:id', async (c) => {
    const id = parseWith(entryIdParam, c.req.param('id'), 'id');
    const patch = await readJson(c, entryPatchBody);
    const existing = await deps.store.getEntry(c.var.owner, id);
    if (!existing) throw notFound(`diary entry ${id}`, 'id');
    const foods = await ownerFoods(deps, c.var.owner);
    const { meal: _meal, ...fields } = patch;
    checkEntry({ ...existing, ...fields }, foods);
    const updated = await deps.store.updateEntry(c.var.owner, id, patch);
    if (!updated) throw notFound(`diary entry ${id}`, 'id');
    return c.json(entryView(updated, foods));
  });

  app.delete('/api/diary/entries/:id', async (c) => {
    const id = parseWith(entryIdParam, c.req.param('id'), 'id');
    if (!(await deps.store.deleteEntry(c.var.owner, id))) throw notFound(`diary entry ${id}`, 'id');
    return c.body(null, 204);
  });
}
