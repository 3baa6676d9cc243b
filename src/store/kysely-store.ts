import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { isDiaryMeal } from '../core/diary/types.js';
import type { Food, FoodId } from '../core/foods.js';
import { err, ok, type Result } from '../core/result.js';
import type { LabResult } from '../core/labs/index.js';
import { createKyselyAccounts } from './kysely-accounts.js';
import { isUniqueViolation } from './sql-errors.js';
import type { Recipe } from '../core/recipes.js';
import type { Supplement } from '../core/profile.js';
import type { SupplementDay } from '../core/supplement-log.js';
import {
  isEntryId,
  type Database,
  type DiaryEntriesTable,
  type LabsTable,
  type PlansTable,
  type SharesTable,
  type RecipesTable,
} from './schema.js';
import {
  IDEMPOTENCY_KEY_TTL_HOURS,
  type AppliedPlanDay,
  type DateRange,
  type DiaryEntryPatch,
  type PlanDayEntries,
  type ImportBatch,
  type ImportCounts,
  type LabQuery,
  type OwnerData,
  type NewDiaryEntry,
  type NewPlan,
  type NewShare,
  type ShareAccess,
  type ShareGrant,
  type Store,
  type StoredShare,
  type StoredDiaryEntry,
  type StoredLab,
  type StoredPlan,
  type StoredProfile,
  type StoredRecipe,
  type StoredSupplementDay,
} from './store.js';

export interface KyselyStoreOptions {
  /** Clock for created_at/updated_at; defaults to the system clock. */
  now?: () => Date;
  /** Plan ids; defaults to random UUIDs. */
  newId?: () => string;
  /** Extra work on close (the dialect's pool or file handle is closed by Kysely). */
  onClose?: () => Promise<void>;
  /** SQLite's online backup into a new file; returns its size in bytes. */
  backup?: (destination: string) => Promise<number>;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The one query layer behind both dialects. Only the dialect object and the id column type
 * (see migrations.ts) differ between SQLite and PostgreSQL.
 */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: Store['dialect'],
  options: KyselyStoreOptions = {},
): Store {
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const newId = options.newId ?? randomUUID;

  async function ensureOwner(executor: Executor, owner: string): Promise<void> {
    await executor
      .insertInto('owners')
      .values({ id: owner, created_at: now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async function insertEntries(
    executor: Executor,
    owner: string,
    entries: NewDiaryEntry[],
    plan?: { planId: string; day: number },
  ): Promise<StoredDiaryEntry[]> {
    if (entries.length === 0) return [];
    await ensureOwner(executor, owner);
    const at = now();
    const stored: StoredDiaryEntry[] = [];
    // SQLite binds at most 32,766 variables a statement, PostgreSQL 65,535: chunk the rows.
    for (const chunk of chunks(entries, ENTRY_ROWS_PER_INSERT)) {
      const rows = await executor
        .insertInto('diary_entries')
        .values(
          chunk.map((entry) =>
            entryRow(owner, entry, {
              createdAt: entry.createdAt ?? at,
              updatedAt: at,
              ...(plan && { plan }),
            }),
          ),
        )
        .returningAll()
        .execute();
      stored.push(...rows.map(toEntry));
    }
    return stored.sort((a, b) => a.id - b.id);
  }

  /** Shares with their access counts and last access, newest first. */
  async function selectShares(owner: string, id?: string): Promise<StoredShare[]> {
    let query = db
      .selectFrom('shares')
      .leftJoin('share_accesses', 'share_accesses.share_id', 'shares.id')
      .select([
        'shares.id',
        'shares.date_from',
        'shares.date_to',
        'shares.expires_at',
        'shares.created_at',
        'shares.revoked_at',
        (eb) => eb.fn.count<number | string | bigint>('share_accesses.id').as('accesses'),
        (eb) => eb.fn.max('share_accesses.accessed_at').as('last_access_at'),
      ])
      .where('shares.owner', '=', owner);
    if (id !== undefined) query = query.where('shares.id', '=', id);
    const rows = await query
      .groupBy([
        'shares.id',
        'shares.date_from',
        'shares.date_to',
        'shares.expires_at',
        'shares.created_at',
        'shares.revoked_at',
      ])
      .orderBy('shares.created_at', 'desc')
      .orderBy('shares.id')
      .execute();
    return rows.map((row) => ({
      ...toShare(row),
      accesses: Number(row.accesses),
      lastAccessAt: row.last_access_at ?? null,
    }));
  }

  return {
    dialect,
    accounts: createKyselyAccounts(db, now),

    async getProfile(owner: string): Promise<StoredProfile | undefined> {
      const row = await db
        .selectFrom('profiles')
        .selectAll()
        .where('owner', '=', owner)
        .executeTakeFirst();
      return row ? { profile: JSON.parse(row.profile), updatedAt: row.updated_at } : undefined;
    },

    async putProfile(owner: string, profile: unknown): Promise<StoredProfile> {
      const updatedAt = now();
      const text = JSON.stringify(profile);
      await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        await trx
          .insertInto('profiles')
          .values({ owner, profile: text, updated_at: updatedAt })
          .onConflict((oc) =>
            oc.column('owner').doUpdateSet({ profile: text, updated_at: updatedAt }),
          )
          .execute();
      });
      return { profile: JSON.parse(text), updatedAt };
    },

    async listEntries(owner: string, range: DateRange = {}): Promise<StoredDiaryEntry[]> {
      let query = db.selectFrom('diary_entries').selectAll().where('owner', '=', owner);
      if (range.from !== undefined) query = query.where('date', '>=', range.from);
      if (range.to !== undefined) query = query.where('date', '<=', range.to);
      const rows = await query.orderBy('date').orderBy('created_at').orderBy('id').execute();
      return rows.map(toEntry);
    },

    async getEntry(owner: string, id: number): Promise<StoredDiaryEntry | undefined> {
      if (!isEntryId(id)) return undefined;
      const row = await db
        .selectFrom('diary_entries')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toEntry(row) : undefined;
    },

    async addEntry(owner: string, entry: NewDiaryEntry): Promise<StoredDiaryEntry> {
      const [stored] = await db.transaction().execute((trx) => insertEntries(trx, owner, [entry]));
      if (!stored) throw new Error('insert returned no row');
      return stored;
    },

    async addEntryOnce(owner: string, entry: NewDiaryEntry, key: string) {
      const attempt = () =>
        db.transaction().execute(async (trx) => {
          const at = clock();
          const forgetBefore = new Date(at.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
          await trx
            .deleteFrom('idempotency_keys')
            .where('owner', '=', owner)
            .where('created_at', '<', forgetBefore.toISOString())
            .execute();
          const seen = await trx
            .selectFrom('idempotency_keys')
            .select('result')
            .where('owner', '=', owner)
            .where('operation', '=', ADD_ENTRY_OPERATION)
            .where('key', '=', key)
            .executeTakeFirst();
          if (seen) return replay(JSON.parse(seen.result) as StoredDiaryEntry, entry);
          const [stored] = await insertEntries(trx, owner, [entry]);
          if (!stored) throw new Error('insert returned no row');
          await trx
            .insertInto('idempotency_keys')
            .values({
              owner,
              operation: ADD_ENTRY_OPERATION,
              key,
              result: JSON.stringify(stored),
              created_at: at.toISOString(),
            })
            .execute();
          return ok({ entry: stored, replayed: false });
        });
      try {
        return await attempt();
      } catch (error) {
        // A concurrent request with the same key committed first; this one rolled back (its
        // entry too) and now finds the key.
        if (isUniqueViolation(error)) return attempt();
        throw error;
      }
    },

    addEntries(owner: string, entries: NewDiaryEntry[]): Promise<StoredDiaryEntry[]> {
      return db.transaction().execute((trx) => insertEntries(trx, owner, entries));
    },

    async updateEntry(
      owner: string,
      id: number,
      patch: DiaryEntryPatch,
    ): Promise<StoredDiaryEntry | undefined> {
      if (!isEntryId(id)) return undefined;
      const row = await db
        .updateTable('diary_entries')
        .set({
          ...(patch.date !== undefined && { date: patch.date }),
          ...(patch.food !== undefined && { food_id: patch.food }),
          ...(patch.amount !== undefined && { amount: patch.amount }),
          ...(patch.unit !== undefined && { unit: patch.unit }),
          ...(patch.meal !== undefined && { meal: patch.meal }),
          updated_at: now(),
        })
        .where('owner', '=', owner)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toEntry(row) : undefined;
    },

    async deleteEntry(owner: string, id: number): Promise<boolean> {
      if (!isEntryId(id)) return false;
      const result = await db
        .deleteFrom('diary_entries')
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    applyPlanDays(owner: string, planId: string, days: PlanDayEntries[]) {
      return db.transaction().execute(async (trx) => {
        // PostgreSQL: lock the plan's row so a second apply of the same plan waits for this one
        // and then sees its entries. SQLite transactions on one connection already run one by one.
        if (dialect === 'postgres') {
          await trx
            .selectFrom('plans')
            .select('id')
            .where('owner', '=', owner)
            .where('id', '=', planId)
            .forUpdate()
            .execute();
        }
        const applied: AppliedPlanDay[] = [];
        for (const { day, date, entries } of days) {
          const row = await trx
            .selectFrom('diary_entries')
            .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
            .where('owner', '=', owner)
            .where('plan_id', '=', planId)
            .where('plan_day', '=', day)
            .where('date', '=', date)
            .executeTakeFirst();
          const existing = Number(row?.n ?? 0);
          const stored =
            existing > 0 ? [] : await insertEntries(trx, owner, entries, { planId, day });
          applied.push({ day, date, stored, existing });
        }
        return applied;
      });
    },

    async listPlanApplications(owner: string, planId: string) {
      const rows = await db
        .selectFrom('diary_entries')
        .select(['plan_day', 'date', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
        .where('owner', '=', owner)
        .where('plan_id', '=', planId)
        .groupBy(['plan_day', 'date'])
        .orderBy('date')
        .orderBy('plan_day')
        .execute();
      return rows.map((r) => ({ day: Number(r.plan_day), date: r.date, entries: Number(r.n) }));
    },

    async listLoggedFoods(owner: string, query: { order: 'recent' | 'frequent'; limit: number }) {
      // Each food's last entry (row_number over the food's entries, latest first) with the
      // food's entry count (count over the same partition): one pass over the owner's rows.
      const last = db
        .selectFrom('diary_entries')
        .select((eb) => [
          'id',
          'food_id',
          'amount',
          'unit',
          'meal',
          'date',
          eb.fn
            .countAll<number | string | bigint>()
            .over((ob) => ob.partitionBy('food_id'))
            .as('n'),
          eb.fn
            .agg<number | string | bigint>('row_number', [])
            .over((ob) => ob.partitionBy('food_id').orderBy('date', 'desc').orderBy('id', 'desc'))
            .as('rn'),
        ])
        .where('owner', '=', owner)
        .as('last');
      let rows = db.selectFrom(last).selectAll().where('rn', '=', 1);
      if (query.order === 'frequent') rows = rows.orderBy('n', 'desc');
      const found = await rows
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(query.limit)))
        .execute();
      return found.map((row) => ({
        food: row.food_id,
        amount: Number(row.amount),
        unit: row.unit,
        ...(isDiaryMeal(row.meal) && { meal: row.meal }),
        count: Number(row.n),
        lastDate: row.date,
      }));
    },

    async listLoggedDates(owner: string, from: string): Promise<string[]> {
      const rows = await db
        .selectFrom('diary_entries')
        .select('date')
        .distinct()
        .where('owner', '=', owner)
        .where('date', '>=', from)
        .orderBy('date')
        .execute();
      return rows.map((r) => r.date);
    },

    async savePlan(owner: string, plan: NewPlan): Promise<StoredPlan> {
      const row = {
        id: plan.id ?? newId(),
        owner,
        created_at: now(),
        request: JSON.stringify(plan.request),
        result: JSON.stringify(plan.result),
      };
      if (plan.id === undefined) {
        await db.transaction().execute(async (trx) => {
          await ensureOwner(trx, owner);
          await trx.insertInto('plans').values(row).execute();
        });
        return toPlan(row);
      }
      // An id given by the caller: the first save wins, a repeat returns it.
      await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        await trx
          .insertInto('plans')
          .values(row)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      });
      const saved = await db
        .selectFrom('plans')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', row.id)
        .executeTakeFirst();
      if (!saved) throw new Error(`plan id ${row.id} belongs to another owner`);
      return toPlan(saved);
    },

    async getPlan(owner: string, id: string): Promise<StoredPlan | undefined> {
      const row = await db
        .selectFrom('plans')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toPlan(row) : undefined;
    },

    async listPlans(owner: string, limit = 50): Promise<StoredPlan[]> {
      const rows = await db
        .selectFrom('plans')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toPlan);
    },

    async listCustomFoods(owner: string): Promise<Food[]> {
      const rows = await db
        .selectFrom('custom_foods')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toFood);
    },

    async getCustomFood(owner: string, id: FoodId): Promise<Food | undefined> {
      const row = await db
        .selectFrom('custom_foods')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toFood(row) : undefined;
    },

    async addCustomFood(owner: string, food: Food): Promise<Result<Food>> {
      const inserted = await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        const result = await trx
          .insertInto('custom_foods')
          .values({
            owner,
            id: food.id,
            name: food.name,
            group: food.group,
            nutrients: JSON.stringify(food.nutrients),
            portions: JSON.stringify(food.portions),
            created_at: now(),
          })
          .onConflict((oc) => oc.columns(['owner', 'id']).doNothing())
          .executeTakeFirst();
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      });
      if (!inserted) {
        return err({
          code: 'CONFLICT',
          message: `a custom food with id "${food.id}" already exists`,
          field: 'id',
        });
      }
      return ok(food);
    },

    async updateCustomFood(owner: string, food: Food): Promise<Food | undefined> {
      const result = await db
        .updateTable('custom_foods')
        .set({
          name: food.name,
          group: food.group,
          nutrients: JSON.stringify(food.nutrients),
          portions: JSON.stringify(food.portions),
        })
        .where('owner', '=', owner)
        .where('id', '=', food.id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? food : undefined;
    },

    async deleteCustomFood(owner: string, id: FoodId): Promise<boolean> {
      const result = await db
        .deleteFrom('custom_foods')
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listRecipes(owner: string): Promise<StoredRecipe[]> {
      const rows = await db
        .selectFrom('recipes')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toRecipe);
    },

    async getRecipe(owner: string, id: FoodId): Promise<StoredRecipe | undefined> {
      const row = await db
        .selectFrom('recipes')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecipe(row) : undefined;
    },

    async addRecipe(owner: string, recipe: Recipe): Promise<Result<StoredRecipe>> {
      const createdAt = now();
      const inserted = await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        const result = await trx
          .insertInto('recipes')
          .values(recipeRow(owner, recipe, createdAt))
          .onConflict((oc) => oc.columns(['owner', 'id']).doNothing())
          .executeTakeFirst();
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      });
      if (!inserted) {
        return err({
          code: 'CONFLICT',
          message: `a recipe with id "${recipe.id}" already exists`,
          field: 'slug',
        });
      }
      return ok({ ...recipe, createdAt });
    },

    async updateRecipe(owner: string, recipe: Recipe): Promise<StoredRecipe | undefined> {
      const {
        owner: _owner,
        id: _id,
        created_at: _created,
        ...values
      } = recipeRow(owner, recipe, '');
      const row = await db
        .updateTable('recipes')
        .set(values)
        .where('owner', '=', owner)
        .where('id', '=', recipe.id)
        .returning('created_at')
        .executeTakeFirst();
      return row ? { ...recipe, createdAt: row.created_at } : undefined;
    },

    async deleteRecipe(owner: string, id: FoodId): Promise<boolean> {
      const result = await db
        .deleteFrom('recipes')
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listLabs(owner: string, query: LabQuery = {}): Promise<StoredLab[]> {
      let select = db.selectFrom('labs').selectAll().where('owner', '=', owner);
      if (query.test !== undefined) select = select.where('test', '=', query.test);
      if (query.from !== undefined) select = select.where('date', '>=', query.from);
      if (query.to !== undefined) select = select.where('date', '<=', query.to);
      const rows = await select.orderBy('date').orderBy('id').execute();
      return rows.map(toLab);
    },

    async addLab(owner: string, lab: LabResult): Promise<StoredLab> {
      const row = await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        return trx
          .insertInto('labs')
          .values(labRow(owner, lab, now()))
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return toLab(row);
    },

    async deleteLab(owner: string, id: number): Promise<boolean> {
      // Lab ids share the diary's id column type (serial / integer).
      if (!isEntryId(id)) return false;
      const result = await db
        .deleteFrom('labs')
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listSupplementDays(owner: string, range: DateRange = {}) {
      let select = db.selectFrom('supplement_days').selectAll().where('owner', '=', owner);
      if (range.from !== undefined) select = select.where('date', '>=', range.from);
      if (range.to !== undefined) select = select.where('date', '<=', range.to);
      const rows = await select.orderBy('date').execute();
      return rows.map(toSupplementDay);
    },

    async putSupplementDay(owner: string, day: SupplementDay) {
      const row = {
        owner,
        date: day.date,
        supplements: JSON.stringify(day.supplements),
        updated_at: now(),
      };
      await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        await trx
          .insertInto('supplement_days')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['owner', 'date']).doUpdateSet({
              supplements: row.supplements,
              updated_at: row.updated_at,
            }),
          )
          .execute();
      });
      return toSupplementDay(row);
    },

    async deleteSupplementDay(owner: string, date: string) {
      const result = await db
        .deleteFrom('supplement_days')
        .where('owner', '=', owner)
        .where('date', '=', date)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    replaceImport(owner: string, batch: ImportBatch): Promise<ImportCounts> {
      return db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        const removedEntries = await trx
          .deleteFrom('diary_entries')
          .where('owner', '=', owner)
          .where('import_id', '=', batch.importId)
          .executeTakeFirst();
        const removedFoods = await trx
          .deleteFrom('custom_foods')
          .where('owner', '=', owner)
          .where('import_id', '=', batch.importId)
          .executeTakeFirst();
        const at = now();
        for (const chunk of chunks(batch.foods, 400)) {
          await trx
            .insertInto('custom_foods')
            .values(
              chunk.map((food) => ({
                owner,
                id: food.id,
                name: food.name,
                group: food.group,
                nutrients: JSON.stringify(food.nutrients),
                portions: JSON.stringify(food.portions),
                created_at: at,
                import_id: batch.importId,
              })),
            )
            .execute();
        }
        for (const chunk of chunks(batch.entries, ENTRY_ROWS_PER_INSERT)) {
          await trx
            .insertInto('diary_entries')
            .values(
              chunk.map((entry) =>
                entryRow(owner, entry, { createdAt: at, updatedAt: at, importId: batch.importId }),
              ),
            )
            .execute();
        }
        return {
          foods: batch.foods.length,
          entries: batch.entries.length,
          replacedFoods: Number(removedFoods.numDeletedRows),
          replacedEntries: Number(removedEntries.numDeletedRows),
        };
      });
    },

    async addShare(owner: string, share: NewShare): Promise<StoredShare> {
      await db.transaction().execute(async (trx) => {
        await ensureOwner(trx, owner);
        await trx
          .insertInto('shares')
          .values({
            id: share.id,
            owner,
            token_hash: share.tokenHash,
            date_from: share.from,
            date_to: share.to,
            expires_at: share.expiresAt,
            created_at: share.createdAt,
            revoked_at: null,
          })
          .execute();
      });
      const { tokenHash: _hash, ...listed } = share;
      return { ...listed, revokedAt: null, accesses: 0, lastAccessAt: null };
    },

    listShares(owner: string): Promise<StoredShare[]> {
      return selectShares(owner);
    },

    async getShare(owner: string, id: string): Promise<StoredShare | undefined> {
      return (await selectShares(owner, id))[0];
    },

    async revokeShare(owner: string, id: string, at: string): Promise<StoredShare | undefined> {
      await db
        .updateTable('shares')
        .set({ revoked_at: at })
        .where('owner', '=', owner)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return (await selectShares(owner, id))[0];
    },

    async findShareByTokenHash(tokenHash: string): Promise<ShareGrant | undefined> {
      const row = await db
        .selectFrom('shares')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return { ...toShare(row), owner: row.owner, tokenHash: row.token_hash };
    },

    async logShareAccess(grant: Pick<ShareGrant, 'id' | 'owner'>, access: ShareAccess) {
      await db
        .insertInto('share_accesses')
        .values({
          owner: grant.owner,
          share_id: grant.id,
          accessed_at: access.at,
          resource: access.resource,
          client: access.client,
          user_agent: access.userAgent,
        })
        .execute();
    },

    async listShareAccesses(owner: string, id: string): Promise<ShareAccess[] | undefined> {
      const share = await db
        .selectFrom('shares')
        .select('id')
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!share) return undefined;
      const rows = await db
        .selectFrom('share_accesses')
        .selectAll()
        .where('owner', '=', owner)
        .where('share_id', '=', id)
        .orderBy('accessed_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        at: row.accessed_at,
        resource: row.resource,
        client: row.client,
        userAgent: row.user_agent,
      }));
    },

    async dumpOwner(owner: string): Promise<OwnerData> {
      const profile = await db
        .selectFrom('profiles')
        .selectAll()
        .where('owner', '=', owner)
        .executeTakeFirst();
      const entries = await db
        .selectFrom('diary_entries')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('date')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const foods = await db
        .selectFrom('custom_foods')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('id')
        .execute();
      const plans = await db
        .selectFrom('plans')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const labs = await db
        .selectFrom('labs')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('date')
        .orderBy('id')
        .execute();
      const recipes = await db
        .selectFrom('recipes')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('id')
        .execute();
      const supplementDays = await db
        .selectFrom('supplement_days')
        .selectAll()
        .where('owner', '=', owner)
        .orderBy('date')
        .execute();
      return {
        supplementDays: supplementDays.map(toSupplementDay),
        profile: profile
          ? { profile: JSON.parse(profile.profile), updatedAt: profile.updated_at }
          : null,
        diary: entries.map((row) => ({
          date: row.date,
          food: row.food_id,
          amount: Number(row.amount),
          unit: row.unit,
          ...(isDiaryMeal(row.meal) && { meal: row.meal }),
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          importId: row.import_id ?? null,
          ...(row.plan_id !== null &&
            row.plan_id !== undefined && {
              plan: { planId: row.plan_id, day: Number(row.plan_day ?? 0) },
            }),
        })),
        foods: foods.map((row) => ({
          ...toFood(row),
          createdAt: row.created_at,
          importId: row.import_id ?? null,
        })),
        plans: plans.map(toPlan),
        labs: labs.map(({ id: _id, ...row }) => {
          const { id: _omit, ...lab } = toLab({ id: 0, ...row });
          return lab;
        }),
        recipes: recipes.map(toRecipe),
      };
    },

    restoreOwner(owner: string, data: OwnerData) {
      return db.transaction().execute(async (trx) => {
        for (const table of DATA_TABLES) {
          const row = await trx
            .selectFrom(table)
            .select('owner')
            .where('owner', '=', owner)
            .limit(1)
            .executeTakeFirst();
          if (row) {
            return err({
              code: 'CONFLICT' as const,
              message: `the store already holds data (${table}); a restore goes into an empty store: erase first or use another --db`,
            });
          }
        }
        await ensureOwner(trx, owner);
        if (data.profile) {
          await trx
            .insertInto('profiles')
            .values({
              owner,
              profile: JSON.stringify(data.profile.profile),
              updated_at: data.profile.updatedAt,
            })
            .execute();
        }
        for (const chunk of chunks(data.foods, 400)) {
          await trx
            .insertInto('custom_foods')
            .values(
              chunk.map((food) => ({
                owner,
                id: food.id,
                name: food.name,
                group: food.group,
                nutrients: JSON.stringify(food.nutrients),
                portions: JSON.stringify(food.portions),
                created_at: food.createdAt,
                import_id: food.importId,
              })),
            )
            .execute();
        }
        for (const chunk of chunks(data.diary, ENTRY_ROWS_PER_INSERT)) {
          await trx
            .insertInto('diary_entries')
            .values(
              chunk.map((entry) => entryRow(owner, entry, { ...entry, plan: entry.plan ?? null })),
            )
            .execute();
        }
        for (const chunk of chunks(data.plans, 200)) {
          await trx
            .insertInto('plans')
            .values(
              chunk.map((plan) => ({
                id: plan.id,
                owner,
                created_at: plan.createdAt,
                request: JSON.stringify(plan.request),
                result: JSON.stringify(plan.result),
              })),
            )
            .execute();
        }
        for (const chunk of chunks(data.labs, 400)) {
          await trx
            .insertInto('labs')
            .values(chunk.map((lab) => labRow(owner, lab, lab.createdAt)))
            .execute();
        }
        for (const chunk of chunks(data.recipes, 400)) {
          await trx
            .insertInto('recipes')
            .values(chunk.map((recipe) => recipeRow(owner, recipe, recipe.createdAt)))
            .execute();
        }
        for (const chunk of chunks(data.supplementDays, 400)) {
          await trx
            .insertInto('supplement_days')
            .values(
              chunk.map((day) => ({
                owner,
                date: day.date,
                supplements: JSON.stringify(day.supplements),
                updated_at: day.updatedAt,
              })),
            )
            .execute();
        }
        return ok({
          supplement_days: data.supplementDays.length,
          recipes: data.recipes.length,
          labs: data.labs.length,
          profiles: data.profile ? 1 : 0,
          custom_foods: data.foods.length,
          diary_entries: data.diary.length,
          plans: data.plans.length,
        });
      });
    },

    eraseOwner(owner: string) {
      return db.transaction().execute(async (trx) => {
        const counts: { [table: string]: number } = {};
        for (const table of OWNED_TABLES) {
          const result = await trx.deleteFrom(table).where('owner', '=', owner).executeTakeFirst();
          counts[table] = Number(result.numDeletedRows);
        }
        const result = await trx.deleteFrom('owners').where('id', '=', owner).executeTakeFirst();
        counts.owners = Number(result.numDeletedRows);
        return counts;
      });
    },

    async backup(destination: string) {
      if (!options.backup) {
        return err({
          code: 'INVALID_INPUT' as const,
          message: `calcwise backup copies a SQLite database; back up PostgreSQL with pg_dump`,
          field: 'db',
        });
      }
      return ok({ bytes: await options.backup(destination) });
    },

    async close(): Promise<void> {
      await db.destroy();
      await options.onClose?.();
    },
  };
}

/** The operation name of POST /api/diary/entries in `idempotency_keys`. */
const ADD_ENTRY_OPERATION = 'diary.add';

/** The first request's entry when the retry asks for the same one; CONFLICT otherwise. */
function replay(
  first: StoredDiaryEntry,
  entry: NewDiaryEntry,
): Result<{ entry: StoredDiaryEntry; replayed: boolean }> {
  const same =
    first.date === entry.date &&
    first.food === entry.food &&
    first.amount === entry.amount &&
    first.unit === entry.unit &&
    first.meal === entry.meal;
  if (same) return ok({ entry: first, replayed: true });
  return err({
    code: 'CONFLICT',
    message: 'this Idempotency-Key was already used for a different entry; use a new key',
    field: 'Idempotency-Key',
  });
}

/** Diary rows per INSERT: at most 11 columns × 500 rows stays far below either dialect's variable limit. */
const ENTRY_ROWS_PER_INSERT = 500;

/** Tables whose rows belong to an owner (column `owner`), children before their parents. */
const OWNED_TABLES = [
  'share_accesses',
  'shares',
  'diary_entries',
  'custom_foods',
  'plans',
  'labs',
  'recipes',
  'supplement_days',
  'profiles',
  'idempotency_keys',
] as const;

/**
 * What a restore refuses to merge into: remembered Idempotency-Keys are not data, and shares are
 * links to this store, not in an export (a restore neither brings nor removes them).
 */
const NOT_EXPORTED: readonly string[] = ['idempotency_keys', 'shares', 'share_accesses'];
const DATA_TABLES = OWNED_TABLES.filter((table) => !NOT_EXPORTED.includes(table));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The row of a diary entry, with its timestamps and the import that wrote it (if any). */
function entryRow(
  owner: string,
  entry: NewDiaryEntry,
  meta: {
    createdAt: string;
    updatedAt: string;
    importId?: string | null;
    plan?: { planId: string; day: number } | null;
  },
): Insertable<DiaryEntriesTable> {
  return {
    owner,
    date: entry.date,
    food_id: entry.food,
    amount: entry.amount,
    unit: entry.unit,
    meal: entry.meal ?? null,
    created_at: meta.createdAt,
    updated_at: meta.updatedAt,
    ...(meta.importId !== undefined && { import_id: meta.importId }),
    ...(meta.plan && { plan_id: meta.plan.planId, plan_day: meta.plan.day }),
  };
}

function toEntry(row: Selectable<DiaryEntriesTable>): StoredDiaryEntry {
  return {
    id: Number(row.id),
    date: row.date,
    food: row.food_id,
    amount: Number(row.amount),
    unit: row.unit,
    ...(isDiaryMeal(row.meal) && { meal: row.meal }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSupplementDay(row: {
  date: string;
  supplements: string;
  updated_at: string;
}): StoredSupplementDay {
  return {
    date: row.date,
    supplements: JSON.parse(row.supplements) as Supplement[],
    updatedAt: row.updated_at,
  };
}

function labRow(owner: string, lab: LabResult, createdAt: string) {
  return {
    owner,
    date: lab.date,
    test: lab.test,
    value: lab.value,
    unit: lab.unit,
    low: lab.low ?? null,
    high: lab.high ?? null,
    original_value: lab.original.value,
    original_unit: lab.original.unit,
    original_low: lab.original.low ?? null,
    original_high: lab.original.high ?? null,
    created_at: createdAt,
  };
}

function toLab(row: Selectable<LabsTable>): StoredLab {
  const number = (value: number | null) => (value === null ? undefined : Number(value));
  const low = number(row.low);
  const high = number(row.high);
  const originalLow = number(row.original_low);
  const originalHigh = number(row.original_high);
  return {
    id: Number(row.id),
    date: row.date,
    test: row.test as LabResult['test'],
    value: Number(row.value),
    unit: row.unit,
    ...(low !== undefined && { low }),
    ...(high !== undefined && { high }),
    original: {
      value: Number(row.original_value),
      unit: row.original_unit,
      ...(originalLow !== undefined && { low: originalLow }),
      ...(originalHigh !== undefined && { high: originalHigh }),
    },
    createdAt: row.created_at,
  };
}

function recipeRow(owner: string, recipe: Recipe, createdAt: string) {
  return {
    owner,
    id: recipe.id,
    name: recipe.name,
    servings: recipe.servings,
    cooked_grams: recipe.cookedGrams ?? null,
    ingredients: JSON.stringify(
      recipe.ingredients.map(({ food, amount, unit }) => ({ food, amount, unit })),
    ),
    created_at: createdAt,
  };
}

function toRecipe(row: Selectable<RecipesTable>): StoredRecipe {
  return {
    id: row.id,
    name: row.name,
    servings: Number(row.servings),
    ...(row.cooked_grams !== null && { cookedGrams: Number(row.cooked_grams) }),
    ingredients: JSON.parse(row.ingredients),
    createdAt: row.created_at,
  };
}

function toPlan(row: Selectable<PlansTable>): StoredPlan {
  return {
    id: row.id,
    createdAt: row.created_at,
    request: JSON.parse(row.request),
    result: JSON.parse(row.result),
  };
}

function toShare(
  row: Pick<
    Selectable<SharesTable>,
    'id' | 'date_from' | 'date_to' | 'expires_at' | 'created_at' | 'revoked_at'
  >,
) {
  return {
    id: row.id,
    from: row.date_from,
    to: row.date_to,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at ?? null,
  };
}

function toFood(row: {
  id: string;
  name: string;
  group: string;
  nutrients: string;
  portions: string;
}): Food {
  return {
    id: row.id,
    name: row.name,
    group: row.group,
    nutrients: JSON.parse(row.nutrients),
    portions: JSON.parse(row.portions),
  };
}
