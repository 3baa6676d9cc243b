import type { DiaryMeal } from '../core/diary/types.js';
import type { Food, FoodId } from '../core/foods.js';
import type { LabResult } from '../core/labs/index.js';
import type { Result } from '../core/result.js';

/** A diary entry as logged: `amount` of `unit` of a food on a date. */
export interface NewDiaryEntry {
  /** YYYY-MM-DD */
  date: string;
  food: FoodId;
  amount: number;
  unit: string;
  /** The meal slot; absent when unassigned. */
  meal?: DiaryMeal;
}

/** A change to an entry: the fields given change; `meal: null` makes the entry unassigned. */
export type DiaryEntryPatch = Partial<Omit<NewDiaryEntry, 'meal'>> & { meal?: DiaryMeal | null };

/** Which plan day wrote an entry (POST /api/plans/{id}/apply). */
export interface PlanSource {
  planId: string;
  /** 0-based index of the plan's day. */
  day: number;
}

/** One plan day to apply to one date. */
export interface PlanDayEntries {
  day: number;
  date: string;
  entries: NewDiaryEntry[];
}

/** What applying one plan day did: the entries stored now, or the count already there. */
export interface AppliedPlanDay {
  day: number;
  date: string;
  /** Stored by this call; empty when the day was already on that date. */
  stored: StoredDiaryEntry[];
  /** Entries this plan day had already written on that date (0 when newly applied). */
  existing: number;
}

export interface StoredDiaryEntry extends NewDiaryEntry {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredProfile {
  /** The profile JSON as the person entered it. */
  profile: unknown;
  updatedAt: string;
}

export interface NewPlan {
  request: unknown;
  result: unknown;
  /**
   * Save under this id, once: saving again with the same id returns the plan saved first (a
   * queued plan job retried after its worker died saves under the job's id exactly once).
   */
  id?: string;
}

export interface StoredPlan extends NewPlan {
  id: string;
  createdAt: string;
}

/** What one import writes: its foods and diary entries, under one import id. */
export interface ImportBatch {
  /** Stable for the same input (e.g. `cronometer:<sha256 prefix of the file>`). */
  importId: string;
  foods: Food[];
  entries: NewDiaryEntry[];
}

export interface ImportCounts {
  foods: number;
  entries: number;
  /** Rows an earlier run of the same import had written, removed by this one. */
  replacedFoods: number;
  replacedEntries: number;
}

export interface StoredLab extends LabResult {
  id: number;
  createdAt: string;
}

export interface LabQuery extends DateRange {
  test?: string;
}

/** Everything one owner has, as stored (diary entries without their ids), for export. */
export interface OwnerData {
  profile: StoredProfile | null;
  /** By date, then in the order logged. */
  diary: (NewDiaryEntry & {
    createdAt: string;
    updatedAt: string;
    importId: string | null;
    /** Present when a plan wrote the entry. */
    plan?: PlanSource;
  })[];
  /** By id. */
  foods: (Food & { createdAt: string; importId: string | null })[];
  /** By creation time, then id. */
  plans: StoredPlan[];
  /** By date, then in the order entered. */
  labs: (LabResult & { createdAt: string })[];
}

/** How long an Idempotency-Key is remembered: a day covers any client's retries. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** Inclusive date range; an absent bound is open. */
export interface DateRange {
  from?: string;
  to?: string;
}

/**
 * Persistence port used by the server. Every method is scoped to an owner; the single-user
 * local mode passes `LOCAL_OWNER`. Implementations: SQLite and PostgreSQL through one Kysely
 * query layer (src/store/kysely-store.ts).
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  getProfile(owner: string): Promise<StoredProfile | undefined>;
  putProfile(owner: string, profile: unknown): Promise<StoredProfile>;

  /** Entries ordered by date, then by the order they were logged. */
  listEntries(owner: string, range?: DateRange): Promise<StoredDiaryEntry[]>;
  getEntry(owner: string, id: number): Promise<StoredDiaryEntry | undefined>;
  addEntry(owner: string, entry: NewDiaryEntry): Promise<StoredDiaryEntry>;
  /**
   * Adds an entry once per `key` (a client's Idempotency-Key): the entry and the key are stored
   * in one transaction, and a later call with the same key and the same entry returns the entry
   * first stored (`replayed`) instead of adding another. The same key with a different entry is
   * a CONFLICT. Keys are per owner and forgotten after IDEMPOTENCY_KEY_TTL_HOURS.
   */
  addEntryOnce(
    owner: string,
    entry: NewDiaryEntry,
    key: string,
  ): Promise<Result<{ entry: StoredDiaryEntry; replayed: boolean }>>;
  /** Adds all entries in one transaction: all are stored or none. */
  addEntries(owner: string, entries: NewDiaryEntry[]): Promise<StoredDiaryEntry[]>;
  /** Undefined when the owner has no entry with that id. */
  updateEntry(
    owner: string,
    id: number,
    patch: DiaryEntryPatch,
  ): Promise<StoredDiaryEntry | undefined>;
  /** False when the owner has no entry with that id. */
  deleteEntry(owner: string, id: number): Promise<boolean>;

  /**
   * Stores plan days on their dates, once each: in one transaction, a day this plan already
   * wrote on that date (any of its entries still there) is left as it is and reported with
   * `existing`; the others are stored. Calls for the same plan are serialized.
   */
  applyPlanDays(owner: string, planId: string, days: PlanDayEntries[]): Promise<AppliedPlanDay[]>;
  /** The dates each day of a plan is on in the diary, with its entry counts, by date then day. */
  listPlanApplications(
    owner: string,
    planId: string,
  ): Promise<{ day: number; date: string; entries: number }[]>;
  /** The distinct dates with at least one entry, from `from` on (inclusive), ascending. */
  listLoggedDates(owner: string, from: string): Promise<string[]>;

  savePlan(owner: string, plan: NewPlan): Promise<StoredPlan>;
  getPlan(owner: string, id: string): Promise<StoredPlan | undefined>;
  /** Newest first. */
  listPlans(owner: string, limit?: number): Promise<StoredPlan[]>;

  listCustomFoods(owner: string): Promise<Food[]>;
  getCustomFood(owner: string, id: FoodId): Promise<Food | undefined>;
  /** CONFLICT when the owner already has a food with that id. */
  addCustomFood(owner: string, food: Food): Promise<Result<Food>>;
  deleteCustomFood(owner: string, id: FoodId): Promise<boolean>;

  /** Results ordered by date, then in the order entered. */
  listLabs(owner: string, query?: LabQuery): Promise<StoredLab[]>;
  addLab(owner: string, lab: LabResult): Promise<StoredLab>;
  /** False when the owner has no result with that id. */
  deleteLab(owner: string, id: number): Promise<boolean>;

  /**
   * Writes an import in one transaction, first removing what an earlier run of the same import
   * wrote: all of it is stored or none, and re-running gives the same rows.
   */
  replaceImport(owner: string, batch: ImportBatch): Promise<ImportCounts>;

  /** Everything the owner has, timestamps included. */
  dumpOwner(owner: string): Promise<OwnerData>;
  /**
   * Restores a dump in one transaction, timestamps as they were. CONFLICT when the owner already
   * has any data: a restore never merges.
   */
  restoreOwner(owner: string, data: OwnerData): Promise<Result<{ [table: string]: number }>>;
  /** Deletes every row of the owner in every table, in one transaction; counts by table. */
  eraseOwner(owner: string): Promise<{ [table: string]: number }>;

  close(): Promise<void>;
}
