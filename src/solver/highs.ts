/**
 * The HiGHS adapter (npm `highs`, WebAssembly, MIT) behind the planner's Solver port.
 * The model goes in as sparse arrays (CSR), not LP text: parsing LP text costs more than
 * the solve (docs/design.md §10). Every model is disposed. Solves stop on deterministic effort
 * limits (nodes, iterations); the wall-clock limit is only a safety net, reported as a fault.
 */
import highsModule, { type Highs } from 'highs';
import {
  DEFAULT_EFFORT,
  SAFETY_TIME_LIMIT_SEC,
  type LinearModel,
  type SolveOptions,
  type SolveOutcome,
  type Solver,
} from '../core/plan/solver-port.js';

type Loader = () => Promise<Highs>;
// The package's types are CommonJS while Node loads its ES module: take the loader either way.
const loadHighs: Loader =
  typeof highsModule === 'function'
    ? (highsModule as unknown as Loader)
    : (highsModule as unknown as { default: Loader }).default;

let runtime: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

function toModelData(h: Highs, model: LinearModel, relax: boolean) {
  const inf = h.infinity;
  const clamp = (values: Float64Array) =>
    Float64Array.from(values, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const numCols = model.colNames.length;
  const numRows = model.rowNames.length;
  return {
    numCols,
    numRows,
    colCost: model.colCost,
    colLower: clamp(model.colLower),
    colUpper: clamp(model.colUpper),
    rowLower: clamp(model.rowLower),
    rowUpper: clamp(model.rowUpper),
    matrix: {
      format: 'csr' as const,
      numRows,
      numCols,
      starts: model.rowStarts,
      indices: model.rowIndex,
      values: model.rowValue,
    },
    ...(relax ? {} : { integrality: Int32Array.from(model.integer) }),
  };
}

/** HiGHS options for a solve: effort limits, the safety net, gaps; never anything wall-clock based otherwise. */
export function highsOptions(
  options: SolveOptions,
  relax: boolean,
): Record<string, number | boolean> {
  const effort = { ...DEFAULT_EFFORT, ...options.effort };
  return {
    output_flag: false,
    // The same seed every time (HiGHS's default, stated so that it stays so).
    random_seed: 0,
    time_limit: options.safetyTimeLimitSec ?? SAFETY_TIME_LIMIT_SEC,
    simplex_iteration_limit: effort.iterations,
    ...(relax
      ? {}
      : {
          mip_rel_gap: options.mipRelGap ?? 0.005,
          mip_max_nodes: effort.nodes,
          ...(effort.leaves !== undefined ? { mip_max_leaves: effort.leaves } : {}),
          ...(effort.improvingSolutions !== undefined
            ? { mip_max_improving_sols: effort.improvingSolutions }
            : {}),
          ...(options.mipAbsGap !== undefined ? { mip_abs_gap: options.mipAbsGap } : {}),
        }),
  };
}

export class HighsSolver implements Solver {
  async solve(model: LinearModel, options: SolveOptions): Promise<SolveOutcome> {
    const h = await highs();
    const started = performance.now();
    if (options.signal?.aborted) return { status: 'cancelled', solveMs: 0 };
    const relax = options.relax === true || !model.integer.some((v) => v === 1);
    const m = h.createModel(toModelData(h, model, relax) as Parameters<Highs['createModel']>[0]);
    try {
      m.options.set(highsOptions(options, relax));
      m.run();
      const status = m.getModelStatus();
      const codes = h.constants.modelStatus;
      const solveMs = performance.now() - started;
      const effort = {
        nodes: relax ? 0 : Number(m.info.get('mip_node_count')),
        iterations: Number(m.info.get('simplex_iteration_count')),
      };
      if (status === codes.infeasible) return { status: 'infeasible', solveMs, ...effort };
      if (status === codes.unbounded || status === codes.unboundedOrInfeasible) {
        return {
          status: status === codes.unbounded ? 'unbounded' : 'infeasible',
          solveMs,
          ...effort,
        };
      }
      if (status === codes.timeLimit) {
        return {
          status: 'time-limit',
          solveMs,
          ...effort,
          message: `wall-clock safety limit of ${options.safetyTimeLimitSec ?? SAFETY_TIME_LIMIT_SEC} s reached`,
        };
      }
      if (status === codes.interrupted) return { status: 'cancelled', solveMs, ...effort };
      const limited = status === codes.iterationLimit || status === codes.solutionLimit;
      if (status !== codes.optimal && !limited) {
        return { status: 'error', solveMs, ...effort, message: `HiGHS model status ${status}` };
      }
      const objective = m.getObjectiveValue();
      // A limit with no solution reports an infinite objective: no solution.
      if (!Number.isFinite(objective) || (limited && relax)) {
        return { status: 'effort-limit', solveMs, ...effort };
      }
      const solution = m.getSolution();
      const gap = relax ? 0 : Number(m.info.get('mip_gap'));
      const bound = relax ? objective : Number(m.info.get('mip_dual_bound'));
      return {
        status: limited ? 'effort-limit' : 'optimal',
        objective,
        values: solution.colValue,
        rowActivity: solution.rowValue,
        ...(relax ? { reducedCosts: solution.colDual, rowDuals: solution.rowDual } : {}),
        gap: Number.isFinite(gap) ? Math.max(0, gap) : undefined,
        ...(Number.isFinite(bound) ? { bound } : {}),
        ...effort,
        solveMs,
      };
    } finally {
      m.dispose();
    }
  }

  async infeasibleRows(model: LinearModel, options: SolveOptions): Promise<number[]> {
    const h = await highs();
    const m = h.createModel(toModelData(h, model, true) as Parameters<Highs['createModel']>[0]);
    try {
      m.options.set({
        ...highsOptions(options, true),
        iis_strategy: h.constants.iis.strategyRowPriority,
      });
      m.run();
      const iis = m.getIis();
      return [...iis.rowIndex];
    } finally {
      m.dispose();
    }
  }
}
