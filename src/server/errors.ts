import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CalcwiseError, ErrorCode, Result } from '../core/result.js';

/**
 * The one table from the core's error codes to HTTP statuses: 400 malformed request, 401 not
 * logged in, 403 refused (CSRF, closed registration), 404 a thing that does not exist, 409 a conflict with stored data, 422 well-formed but semantically
 * invalid, 429 too many login attempts.
 */
export const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_JSON: 400,
  INVALID_CSV: 400,
  INVALID_INPUT: 400,
  UNKNOWN_FOOD: 404,
  UNKNOWN_NUTRIENT: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_AMOUNT: 422,
  UNKNOWN_UNIT: 422,
  INVALID_DATE: 422,
  INVALID_DIARY: 422,
  INVALID_PROFILE: 422,
  INVALID_MODEL: 422,
  INVALID_RECIPE: 422,
  INFEASIBLE_PLAN: 422,
  SOLVER_FAILED: 500,
  BUSY: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS_BY_CODE[code];
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code:
      | ErrorCode
      | 'PAYLOAD_TOO_LARGE'
      | 'UNSUPPORTED_MEDIA_TYPE'
      | 'FORBIDDEN_HOST'
      | 'METHOD_NOT_ALLOWED'
      | 'HEADERS_TOO_LARGE'
      | 'INTERNAL';
    message: string;
    field?: string;
    location?: string;
  };
  /** Extra JSON, e.g. an infeasible plan's diagnosis. */
  [key: string]: unknown;
}

/** Thrown by a route to answer with a coded error; turned into a response in one place. */
export class ApiFailure extends Error {
  constructor(
    readonly error: CalcwiseError,
    /** Extra top-level JSON to send beside `error` (an infeasible plan's diagnosis). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(error.message);
  }
}

export function errorBody(error: CalcwiseError, extra: Record<string, unknown> = {}): ErrorBody {
  return {
    ...extra,
    error: {
      code: error.code,
      message: error.message,
      ...(error.field !== undefined && { field: error.field }),
      ...(error.location !== undefined && { location: error.location }),
    },
  };
}

export function notFound(what: string, field?: string): ApiFailure {
  return new ApiFailure({
    code: 'NOT_FOUND',
    message: `${what} not found`,
    ...(field && { field }),
  });
}

/** The value of a use case's result, or the coded error thrown for the one handler in app.ts. */
export function orFail<T>(result: Result<T>, extra?: Record<string, unknown>): T {
  if (!result.ok) throw new ApiFailure(result.error, extra);
  return result.value;
}
