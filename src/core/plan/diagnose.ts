/**
 * Why no plan exists: the conflicting hard constraints, named, and what to relax.
 * First an irreducible infeasible subsystem of the LP relaxation (HiGHS IIS, row priority);
 * when the relaxation is feasible (the conflict needs whole portions), each constraint family
 * is freed in turn and the MIP re-solved within a small deterministic effort limit.
 */
import { rowFamily, type PlanSpec } from './model.js';
import { withoutRows, type LinearModel, type Solver } from './solver-port.js';
import type { Diagnosis, PlanRequest } from './types.js';

/** Effort for each re-solve with one family freed (deterministic, like the plan's own). */
const DIAGNOSE_EFFORT = { nodes: 500, iterations: 200_000 };

const HARD_FAMILIES =
  /^(energy|cap:|group-max:|meal-energy:|meal-food:|meal-main:|meal-mix|distinct|repeat|consistency:)/;

export async function diagnose(
  model: LinearModel,
  spec: PlanSpec,
  solver: Solver,
  request: PlanRequest,
  signal?: AbortSignal,
): Promise<Diagnosis> {
  const limits = {
    effort: DIAGNOSE_EFFORT,
    ...(request.safetyTimeLimitSec !== undefined
      ? { safetyTimeLimitSec: request.safetyTimeLimitSec }
      : {}),
    ...(signal ? { signal } : {}),
  };
  const describe = (family: string) => spec.descriptions.get(family) ?? family;
  const families = [...new Set(model.rowNames.map(rowFamily))].filter((f) => HARD_FAMILIES.test(f));
  let conflictFamilies: string[] = [];
  const lp = await solver.solve(model, { ...limits, relax: true });
  if (lp.status === 'infeasible') {
    const rows = await solver.infeasibleRows(model, limits);
    conflictFamilies = [...new Set(rows.map((i) => rowFamily(model.rowNames[i] as string)))];
  }
  const relax: string[] = [];
  const testFamilies = conflictFamilies.length > 0 ? conflictFamilies : families;
  for (const family of testFamilies) {
    if (family === 'portion') continue;
    const freed = withoutRows(model, (i) => rowFamily(model.rowNames[i] as string) === family);
    const outcome = await solver.solve(freed, { ...limits, relax: lp.status === 'infeasible' });
    if (outcome.values) {
      relax.push(`relax "${describe(family)}" (${family}): a plan exists without it`);
      if (conflictFamilies.length === 0) conflictFamilies.push(family);
    }
  }
  const { profile } = request;
  const context: string[] = [];
  if (profile.pattern !== 'omnivore' || profile.exclude.length || profile.dislikes.length) {
    context.push(
      `pattern ${profile.pattern}${profile.exclude.length ? `, excluding ${profile.exclude.join(', ')}` : ''}${profile.dislikes.length ? `, ${profile.dislikes.length} disliked foods` : ''}: ${spec.candidates.length} pantry foods remain`,
    );
  }
  if (relax.length === 0) {
    relax.push('no single family of constraints explains it: several conflict together');
  }
  if (context.length) relax.push(`or widen the food choice (${context.join('; ')})`);
  return {
    conflicts: conflictFamilies.map((name) => ({ name, description: describe(name) })),
    relax,
  };
}
