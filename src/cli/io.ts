import type { CalcwiseError, ErrorCode, Result } from '../core/result.js';
import { formatError } from '../core/result.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard error is a terminal: progress is one line rewritten in place. */
  stderrIsTTY?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** All of standard input as text, for a file given as `-` (src/cli/read-input.ts). */
  readStdin?: () => string;
}

/** Exit codes (docs/design.md §5): 0 success, 2 bad input, 3 no feasible plan, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, infeasible: 3 } as const;

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  UNKNOWN_FOOD: EXIT.badInput,
  UNKNOWN_UNIT: EXIT.badInput,
  UNKNOWN_NUTRIENT: EXIT.badInput,
  INVALID_AMOUNT: EXIT.badInput,
  INVALID_DATE: EXIT.badInput,
  INVALID_DIARY: EXIT.badInput,
  INVALID_CSV: EXIT.badInput,
  INVALID_JSON: EXIT.badInput,
  INVALID_PROFILE: EXIT.badInput,
  INVALID_MODEL: EXIT.badInput,
  INVALID_RECIPE: EXIT.badInput,
  INVALID_INPUT: EXIT.badInput,
  NOT_FOUND: EXIT.badInput,
  CONFLICT: EXIT.badInput,
  INFEASIBLE_PLAN: EXIT.infeasible,
  SOLVER_FAILED: EXIT.failure,
  BUSY: EXIT.failure,
  UNAUTHENTICATED: EXIT.badInput,
  FORBIDDEN: EXIT.badInput,
  RATE_LIMITED: EXIT.failure,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_BY_CODE[code];
}

/** Thrown inside command actions to stop with a coded error; caught once in runCli. */
export class CliFailure extends Error {
  constructor(
    readonly error: CalcwiseError,
    /** JSON to print on stdout anyway (infeasible plans print their diagnosis). */
    readonly json?: unknown,
  ) {
    super(formatError(error));
  }
}

/** The value of a use case's result, or the coded error that ends the command. */
export function orExit<T>(result: Result<T>): T {
  if (!result.ok) throw new CliFailure(result.error);
  return result.value;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
