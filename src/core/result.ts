/**
 * Expected failures are values. Each error has a stable code; the edge (CLI, HTTP) maps codes
 * to exit codes and statuses in one table (src/cli/exit-codes.ts, src/server/errors.ts).
 */

export type ErrorCode =
  | 'UNKNOWN_FOOD'
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_NUTRIENT'
  | 'INVALID_AMOUNT'
  | 'INVALID_DATE'
  | 'INVALID_DIARY'
  | 'INVALID_CSV'
  | 'INVALID_JSON'
  | 'INVALID_PROFILE'
  | 'INVALID_MODEL'
  | 'INVALID_RECIPE'
  | 'INVALID_INPUT'
  | 'INFEASIBLE_PLAN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SOLVER_FAILED'
  | 'BUSY'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED';

export interface CalcwiseError {
  code: ErrorCode;
  message: string;
  /** The file, if the input came from one. */
  file?: string;
  /** 1-based line (CSV) or entry path such as `days[0].entries[2]`. */
  location?: string;
  /** The field at fault, e.g. `amount`. */
  field?: string;
}

export type Result<T, E = CalcwiseError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E = CalcwiseError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** One line a person can read: where, which field, what is wrong. */
export function formatError(error: CalcwiseError): string {
  const where = [error.file, error.location].filter(Boolean).join(': ');
  const field = error.field ? ` (field "${error.field}")` : '';
  return `${where ? `${where}: ` : ''}${error.message}${field} [${error.code}]`;
}
