import type { DiaryMeal } from '../core/diary/types.js';
import type { Food, FoodId } from '../core/foods.js';
import type { LabResult } from '../core/labs/index.js';
import type { SupplementDay } from '../core/supplement-log.js';
import type { Recipe } from '../core/recipes.js';
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
  /**
   * When the entry was first logged (ISO 8601): given to put a deleted entry back in its place
   * in the day; otherwise now.
   */
  createdAt?: string;
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

/** A food as the owner last logged it, with how often and when (recent and frequent foods). */
export interface LoggedFood {
  food: FoodId;
  /** The amount, unit and meal of the last entry of the food (latest date, then latest logged). */
  amount: number;
  unit: string;
  meal?: DiaryMeal;
  /** Entries of the food in the whole diary. */
  count: number;
  /** YYYY-MM-DD of the last entry. */
  lastDate: string;
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
  /** By id. */
  recipes: StoredRecipe[];
  /** By date. */
  supplementDays: StoredSupplementDay[];
}

export interface StoredSupplementDay extends SupplementDay {
  updatedAt: string;
}

export interface StoredRecipe extends Recipe {
  createdAt: string;
}

/** A share as created: the use case makes the id, the token's hash and the times. */
export interface NewShare {
  id: string;
  /** SHA-256 of the token, lower-case hex. The token itself is never stored. */
  tokenHash: string;
  /** The report's period, YYYY-MM-DD. */
  from: string;
  to: string;
  expiresAt: string;
  createdAt: string;
}

/** A share as its owner lists it: no token, no hash; with its state and how often it was opened. */
export interface StoredShare {
  id: string;
  from: string;
  to: string;
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
  accesses: number;
  lastAccessAt: string | null;
}

/** What a token opens: found by the token's hash, whatever its owner. */
export interface ShareGrant {
  id: string;
  owner: string;
  tokenHash: string;
  from: string;
  to: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** One opening of a share. */
export interface ShareAccess {
  at: string;
  /** `report` (the JSON) or `pdf`. */
  resource: string;
  client: string | null;
  userAgent: string | null;
}

/** How long an Idempotency-Key is remembered: a day covers any client's retries. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** An account as stored (`serve --accounts`). */
export interface StoredUser {
  /** The owner id of everything the user stores. */
  id: string;
  username: string;
  passwordHash: string;
  createdAt: string;
  failedLogins: number;
  lockedUntil: string | null;
}

/** A live session: who it belongs to and the CSRF token writes must carry. */
export interface StoredSession {
  owner: string;
  username: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * Accounts and sessions, for `serve --accounts`. Policy (lockout, lifetimes, hashing) is the
 * use cases' (src/app/accounts.ts); this only stores and counts, atomically across processes.
 */
export interface AccountStore {
  /** CONFLICT when the username is taken. */
  createUser(user: {
    id: string;
    username: string;
    passwordHash: string;
  }): Promise<Result<StoredUser>>;
  findUser(username: string): Promise<StoredUser | undefined>;
  /** By username. */
  listUsers(): Promise<Omit<StoredUser, 'passwordHash'>[]>;
  /** Adds one failed login and returns the new count (one statement: safe across processes). */
  countFailedLogin(userId: string): Promise<number>;
  /** Sets the lock (null unlocks) and, with `resetFailures`, zeroes the failed-login count. */
  setLock(userId: string, lockedUntil: string | null, resetFailures: boolean): Promise<void>;
  /** A new hash; ends every session of the user and unlocks it. False for an unknown user. */
  setPasswordHash(userId: string, passwordHash: string): Promise<boolean>;
  createSession(session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: string;
  }): Promise<void>;
  /** The session when it exists and `now` is before its expiry. */
  findSession(tokenHash: string, now: string): Promise<StoredSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
}

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
  /** Accounts and sessions (used when the server runs with accounts). */
  readonly accounts: AccountStore;

  getProfile(owner: string): Promise<StoredProfile | undefined>;
  putProfile(owner: string, profile: unknown): Promise<StoredProfile>;

  /** Entries ordered by date, then by the order they were logged (createdAt, then id). */
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
  /**
   * The owner's logged foods, one row each, in one query: `recent` by the last entry's date
   * (then the order logged), newest first; `frequent` by entry count, most first, then recency.
   */
  listLoggedFoods(
    owner: string,
    query: { order: 'recent' | 'frequent'; limit: number },
  ): Promise<LoggedFood[]>;
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
  /**
   * Replaces the owner's food with that id (name, group, values, portions; the id and when it
   * was added stay). Undefined when the owner has no such food.
   */
  updateCustomFood(owner: string, food: Food): Promise<Food | undefined>;
  deleteCustomFood(owner: string, id: FoodId): Promise<boolean>;

  /** By name, then id. */
  listRecipes(owner: string): Promise<StoredRecipe[]>;
  getRecipe(owner: string, id: FoodId): Promise<StoredRecipe | undefined>;
  /** CONFLICT when the owner already has a recipe with that id. */
  addRecipe(owner: string, recipe: Recipe): Promise<Result<StoredRecipe>>;
  /**
   * Replaces the owner's recipe with that id as entered (the id and createdAt stay). Undefined
   * when the owner has no such recipe.
   */
  updateRecipe(owner: string, recipe: Recipe): Promise<StoredRecipe | undefined>;
  deleteRecipe(owner: string, id: FoodId): Promise<boolean>;

  /** Results ordered by date, then in the order entered. */
  listLabs(owner: string, query?: LabQuery): Promise<StoredLab[]>;
  addLab(owner: string, lab: LabResult): Promise<StoredLab>;
  /** False when the owner has no result with that id. */
  deleteLab(owner: string, id: number): Promise<boolean>;

  /** Logged supplement days by date (a range narrows them). */
  listSupplementDays(owner: string, range?: DateRange): Promise<StoredSupplementDay[]>;
  /** Sets the date's list, replacing what was logged for it. */
  putSupplementDay(owner: string, day: SupplementDay): Promise<StoredSupplementDay>;
  /** False when nothing was logged for the date (the profile's regimen applies either way). */
  deleteSupplementDay(owner: string, date: string): Promise<boolean>;

  /**
   * Writes an import in one transaction, first removing what an earlier run of the same import
   * wrote: all of it is stored or none, and re-running gives the same rows.
   */
  replaceImport(owner: string, batch: ImportBatch): Promise<ImportCounts>;

  addShare(owner: string, share: NewShare): Promise<StoredShare>;
  /** Newest first. */
  listShares(owner: string): Promise<StoredShare[]>;
  getShare(owner: string, id: string): Promise<StoredShare | undefined>;
  /**
   * Sets revoked_at (kept as first set when already revoked); the row and its access log stay.
   * Undefined when the owner has no share with that id.
   */
  revokeShare(owner: string, id: string, at: string): Promise<StoredShare | undefined>;
  /** The share whose token hashes to `tokenHash`, of any owner (the shared-report routes). */
  findShareByTokenHash(tokenHash: string): Promise<ShareGrant | undefined>;
  logShareAccess(grant: Pick<ShareGrant, 'id' | 'owner'>, access: ShareAccess): Promise<void>;
  /** Oldest first; undefined when the owner has no share with that id. */
  listShareAccesses(owner: string, id: string): Promise<ShareAccess[] | undefined>;

  /**
   * Everything the owner has, timestamps included. Shares are left out: a share is a link to
   * this store, and its token is not kept to be exported.
   */
  dumpOwner(owner: string): Promise<OwnerData>;
  /**
   * Restores a dump in one transaction, timestamps as they were. CONFLICT when the owner already
   * has any data: a restore never merges.
   */
  restoreOwner(owner: string, data: OwnerData): Promise<Result<{ [table: string]: number }>>;
  /** Deletes every row of the owner in every table, in one transaction; counts by table. */
  eraseOwner(owner: string): Promise<{ [table: string]: number }>;

  /**
   * A consistent copy of the whole database in a new file while it is in use (SQLite's online
   * backup). INVALID_INPUT on PostgreSQL, which is backed up with pg_dump.
   */
  backup(destination: string): Promise<Result<{ bytes: number }>>;

  close(): Promise<void>;
}
