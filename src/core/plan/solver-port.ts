/**
 * The solver port: a linear or mixed-integer model as plain arrays (rows in CSR form), and
 * the one operation the planner needs from a solver. Adapters (src/solver) implement it.
 *
 *   minimise  Σ colCost[j]·x[j]
 *   subject to rowLower[i] ≤ Σ A[i,j]·x[j] ≤ rowUpper[i],  colLower[j] ≤ x[j] ≤ colUpper[j]
 *
 * Infinite bounds are `Infinity` / `-Infinity`.
 */
export interface LinearModel {
  colNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 where the column is integer. */
  integer: Uint8Array;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i holds entries rowStarts[i] .. rowStarts[i+1]-1 of rowIndex/rowValue. */
  rowStarts: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
}

/**
 * Deterministic effort limits (HiGHS counts, not seconds): the same model with the same limits
 * gives the same answer on a quiet machine or a busy one, a fast one or a slow one.
 */
export interface EffortLimits {
  /** Branch-and-bound nodes (HiGHS `mip_max_nodes`). */
  nodes?: number;
  /** Open leaves (HiGHS `mip_max_leaves`). */
  leaves?: number;
  /** Improving solutions found before stopping (HiGHS `mip_max_improving_sols`). */
  improvingSolutions?: number;
  /** Simplex iterations (HiGHS `simplex_iteration_limit`). */
  iterations?: number;
}

/** The effort a solve may spend when the caller says nothing. */
export const DEFAULT_EFFORT: Required<Pick<EffortLimits, 'nodes' | 'iterations'>> = {
  nodes: 2000,
  iterations: 1_000_000,
};

/** Default wall-clock safety net, seconds: far above any normal solve. */
export const SAFETY_TIME_LIMIT_SEC = 600;

export interface SolveOptions {
  /** Deterministic limits; a solve that reaches one stops with its best solution ('effort-limit'). */
  effort?: EffortLimits;
  /**
   * Wall-clock safety net in seconds (default SAFETY_TIME_LIMIT_SEC). Reaching it is a fault
   * ('time-limit'), never a normal stop: the answer would depend on the machine's load.
   */
  safetyTimeLimitSec?: number;
  /** Solve the LP relaxation (integrality ignored). */
  relax?: boolean;
  /** Relative MIP gap at which the solver may stop (default 0.005). */
  mipRelGap?: number;
  /** Absolute MIP gap at which the solver may stop (objective units). */
  mipAbsGap?: number;
  /** Aborting cancels the solve ('cancelled'); adapters that cannot interrupt ignore it. */
  signal?: AbortSignal;
}

/**
 * `effort-limit`: a deterministic limit was reached (values present when a solution was found).
 * `time-limit`: the wall-clock safety net was reached: a fault, not a result.
 * `cancelled`: the caller aborted.
 */
export type SolveStatus =
  'optimal' | 'effort-limit' | 'time-limit' | 'cancelled' | 'infeasible' | 'unbounded' | 'error';

export interface SolveOutcome {
  status: SolveStatus;
  /** Present when a solution exists (for 'effort-limit' only when one was found). */
  objective?: number;
  values?: Float64Array;
  rowActivity?: Float64Array;
  /** LP only: reduced costs of the columns. */
  reducedCosts?: Float64Array;
  /** LP only: row duals. */
  rowDuals?: Float64Array;
  /** Relative MIP gap; 0 for LPs and proved optima. */
  gap?: number;
  /** Best proved bound on the objective (MIPs). */
  bound?: number;
  /** Effort spent: branch-and-bound nodes and simplex iterations (deterministic). */
  nodes?: number;
  iterations?: number;
  /** Wall-clock time, for benchmarks only: nothing may depend on it. */
  solveMs: number;
  message?: string;
}

export interface Solver {
  solve(model: LinearModel, options: SolveOptions): Promise<SolveOutcome>;
  /**
   * An irreducible infeasible subsystem of the LP relaxation: the indices of the rows in
   * conflict (empty when none was found).
   */
  infeasibleRows(model: LinearModel, options: SolveOptions): Promise<number[]>;
}

/** Builds a LinearModel row by row. Row entries with the same column are summed. */
export class ModelBuilder {
  private readonly colNames: string[] = [];
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly index: number[] = [];
  private readonly value: number[] = [];

  get numCols(): number {
    return this.colNames.length;
  }

  get numRows(): number {
    return this.rowNames.length;
  }

  addCol(name: string, cost: number, lower: number, upper: number, integer = false): number {
    this.colNames.push(name);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.colNames.length - 1;
  }

  addCost(col: number, cost: number): void {
    this.cost[col] = (this.cost[col] ?? 0) + cost;
  }

  addRow(name: string, lower: number, upper: number, entries: Iterable<[number, number]>): number {
    const merged = new Map<number, number>();
    for (const [col, coef] of entries) {
      if (coef === 0 || !Number.isFinite(coef)) continue;
      merged.set(col, (merged.get(col) ?? 0) + coef);
    }
    for (const [col, coef] of merged) {
      if (coef === 0) continue;
      this.index.push(col);
      this.value.push(coef);
    }
    this.starts.push(this.index.length);
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowNames.length - 1;
  }

  build(): LinearModel {
    return {
      colNames: [...this.colNames],
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowNames: [...this.rowNames],
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.starts),
      rowIndex: Int32Array.from(this.index),
      rowValue: Float64Array.from(this.value),
    };
  }
}

/** Row activities A·x computed from the model (for checking a solution independently). */
export function rowActivities(model: LinearModel, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(model.rowNames.length);
  for (let i = 0; i < out.length; i += 1) {
    let sum = 0;
    for (let k = model.rowStarts[i] as number; k < (model.rowStarts[i + 1] as number); k += 1) {
      sum += (model.rowValue[k] as number) * (x[model.rowIndex[k] as number] as number);
    }
    out[i] = sum;
  }
  return out;
}

/** A copy of the model with some rows freed (bounds set to ±Infinity). */
export function withoutRows(model: LinearModel, rows: (i: number) => boolean): LinearModel {
  const rowLower = Float64Array.from(model.rowLower);
  const rowUpper = Float64Array.from(model.rowUpper);
  for (let i = 0; i < rowLower.length; i += 1) {
    if (rows(i)) {
      rowLower[i] = -Infinity;
      rowUpper[i] = Infinity;
    }
  }
  return { ...model, rowLower, rowUpper };
}
