/**
 * The HiGHS adapter (npm `highs`, WebAssembly, MIT) behind the planner's Solver port.
 * The model goes in as sparse arrays (CSR), not LP text: parsing LP text costs more than
 * the solve (docs/design.md §10). Every model is disposed; every solve has a time limit.
 */
import highsModule, { type Highs } from 'highs';
import type { LinearModel, SolveOptions, SolveOutcome, Solver } from '../core/plan/solver-port.js';

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

export class HighsSolver implements Solver {
  async solve(model: LinearModel, options: SolveOptions): Promise<SolveOutcome> {
    const h = await highs();
    const started = performance.now();
    const relax = options.relax === true || !model.integer.some((v) => v === 1);
    const m = h.createModel(toModelData(h, model, relax) as Parameters<Highs['createModel']>[0]);
    try {
      m.options.set({
        output_flag: false,
        time_limit: options.timeLimitSec,
        mip_rel_gap: options.mipRelGap ?? 0.005,
        ...(options.mipAbsGap !== undefined ? { mip_abs_gap: options.mipAbsGap } : {}),
      });
      m.run();
      const status = m.getModelStatus();
      const codes = h.constants.modelStatus;
      const solveMs = performance.now() - started;
      if (status === codes.infeasible) return { status: 'infeasible', solveMs };
      if (status === codes.unbounded || status === codes.unboundedOrInfeasible) {
        return { status: status === codes.unbounded ? 'unbounded' : 'infeasible', solveMs };
      }
      const limited =
        status === codes.timeLimit ||
        status === codes.interrupted ||
        status === codes.iterationLimit;
      if (status !== codes.optimal && !limited) {
        return { status: 'error', solveMs, message: `HiGHS model status ${status}` };
      }
      const objective = m.getObjectiveValue();
      // A time limit with no solution reports an infinite objective: no plan.
      if (!Number.isFinite(objective)) return { status: 'time-limit', solveMs };
      const solution = m.getSolution();
      const gap = relax ? 0 : Number(m.info.get('mip_gap'));
      const bound = relax ? objective : Number(m.info.get('mip_dual_bound'));
      return {
        status: limited ? 'time-limit' : 'optimal',
        objective,
        values: solution.colValue,
        rowActivity: solution.rowValue,
        ...(relax ? { reducedCosts: solution.colDual } : {}),
        gap: Number.isFinite(gap) ? Math.max(0, gap) : undefined,
        ...(Number.isFinite(bound) ? { bound } : {}),
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
        output_flag: false,
        time_limit: options.timeLimitSec,
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
