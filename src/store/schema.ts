import type { Generated } from 'kysely';

/**
 * The database schema, shared by SQLite and PostgreSQL. JSON documents are stored as text so
 * both dialects read and write them the same way; timestamps are ISO 8601 strings (UTC).
 * Every row belongs to an owner: single-user local mode uses the owner `local`.
 */
export interface Database {
  owners: OwnersTable;
  profiles: ProfilesTable;
  diary_entries: DiaryEntriesTable;
  custom_foods: CustomFoodsTable;
  plans: PlansTable;
  idempotency_keys: IdempotencyKeysTable;
  labs: LabsTable;
  users: UsersTable;
  sessions: SessionsTable;
  shares: SharesTable;
  share_accesses: ShareAccessesTable;
  recipes: RecipesTable;
  supplement_days: SupplementDaysTable;
}

export interface OwnersTable {
  id: string;
  created_at: string;
}

export interface ProfilesTable {
  owner: string;
  /** The profile JSON as the person entered it (validated before it is stored). */
  profile: string;
  updated_at: string;
}

export interface DiaryEntriesTable {
  id: Generated<number>;
  owner: string;
  /** YYYY-MM-DD */
  date: string;
  food_id: string;
  amount: number;
  unit: string;
  created_at: string;
  updated_at: string;
  /** The import that wrote the entry (e.g. `cronometer:<sha256 prefix>`); null when logged. */
  import_id: string | null;
  /** breakfast | lunch | dinner | snack; null when unassigned. */
  meal: string | null;
  /** The plan that wrote the entry (POST /api/plans/{id}/apply); null when logged otherwise. */
  plan_id: string | null;
  /** Which day of that plan (0-based); null with plan_id. */
  plan_day: number | null;
}

export interface CustomFoodsTable {
  owner: string;
  /** A food id, `custom:<name>`. */
  id: string;
  name: string;
  group: string;
  /** JSON: Partial<Record<NutrientId, NutrientValue>>, per 100 g. */
  nutrients: string;
  /** JSON: Portion[]. */
  portions: string;
  created_at: string;
  /** The import that created the food; null for foods the person entered. */
  import_id: string | null;
}

export interface PlansTable {
  id: string;
  owner: string;
  created_at: string;
  /** JSON: the request that produced the plan. */
  request: string;
  /** JSON: the plan as the planner returned it. */
  result: string;
}

/** A client's Idempotency-Key and the result of the request that first used it. */
export interface IdempotencyKeysTable {
  owner: string;
  /** What the key was used for, e.g. `diary.add`: keys are per owner and operation. */
  operation: string;
  key: string;
  /** JSON: what the first request stored (for `diary.add`, the StoredDiaryEntry). */
  result: string;
  created_at: string;
}

/**
 * The largest diary entry id: the column is PostgreSQL `serial` (int4) and SQLite `integer`, so
 * ids run from 1 to 2^31 − 1 on both. An id outside that range names no entry; PostgreSQL would
 * refuse to even compare it.
 */
export const MAX_ENTRY_ID = 2_147_483_647;

/** Whether `id` can be a diary entry id (an integer from 1 to MAX_ENTRY_ID). */
export function isEntryId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_ENTRY_ID;
}

/** A lab result: value and range in the test's canonical unit, with what was entered beside it. */
export interface LabsTable {
  id: Generated<number>;
  owner: string;
  /** YYYY-MM-DD */
  date: string;
  /** A lab test id (src/core/labs/lab-tests.ts). */
  test: string;
  value: number;
  unit: string;
  /** The reporting lab's own range, canonical unit; null when none was entered. */
  low: number | null;
  high: number | null;
  original_value: number;
  original_unit: string;
  original_low: number | null;
  original_high: number | null;
  created_at: string;
}

/**
 * An account (`serve --accounts`). Its id is the owner id of everything it stores; the row does
 * not hang off `owners`, so erasing one's data (DELETE /api/data) keeps the account.
 */
export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  username: string;
  /** argon2id PHC string (src/app/passwords.ts). */
  password_hash: string;
  created_at: string;
  /** Failed logins since the last success; LOGIN_LOCKOUT (src/app/accounts.ts) locks the account. */
  failed_logins: number;
  /** ISO time until which logins are refused; null when not locked. */
  locked_until: string | null;
}

/** A login session. Only the SHA-256 of the cookie's token is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  /** Sent back by the UI in X-CSRF-Token on every write. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/**
 * A read-only share of the clinician report. Only the SHA-256 of the token is kept (hex), so the
 * rows of a leaked database open no report.
 */
export interface SharesTable {
  id: string;
  owner: string;
  /** SHA-256 of the share token, lower-case hex; unique. */
  token_hash: string;
  /** The report's period, YYYY-MM-DD. */
  date_from: string;
  date_to: string;
  expires_at: string;
  created_at: string;
  /** Set when the owner revokes the share; the row stays for its access log. */
  revoked_at: string | null;
}

/** One opening of a share by its token. */
export interface ShareAccessesTable {
  id: Generated<number>;
  /** The share's owner (so erasing an owner's rows reaches the log). */
  owner: string;
  share_id: string;
  accessed_at: string;
  /** `report` (the JSON) or `pdf`. */
  resource: string;
  client: string | null;
  /** The User-Agent header, truncated. */
  user_agent: string | null;
}

/** A recipe: ingredients in household amounts; its values roll up from them when read. */
export interface RecipesTable {
  owner: string;
  /** `recipe:<slug>`. */
  id: string;
  name: string;
  servings: number;
  /** The dish's weight as cooked, grams; null when not weighed. */
  cooked_grams: number | null;
  /** JSON: RecipeIngredient[] ({ food, amount, unit }). */
  ingredients: string;
  created_at: string;
}

/**
 * What a person took on one date, replacing the profile's regimen for that date (core
 * supplement-log.ts); an empty list is a day with nothing taken.
 */
export interface SupplementDaysTable {
  owner: string;
  /** YYYY-MM-DD */
  date: string;
  /** JSON: Supplement[] in canonical units, each with what was entered. */
  supplements: string;
  updated_at: string;
}

/** The owner of every row in single-user local mode. */
export const LOCAL_OWNER = 'local';
