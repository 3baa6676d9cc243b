import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../src/core/plan/index.js';
import { screenProfile } from '../src/core/safety/index.js';
import { computeTargets } from '../src/core/targets/index.js';
import { HighsWorkerSolver } from '../src/solver/highs-worker-solver.js';
import { data, profileOf } from './plan-support.js';

/** Two CPU hogs: child processes spinning until killed. */
function busyLoops(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

describe('the same plan on a quiet or a busy machine', () => {
  it('plans the same input twice, the second time with two busy loops running: identical JSON', async () => {
    const profile = profileOf({ age: 55, sex: 'male', pattern: 'omnivore', dislikes: [] });
    const request = {
      profile,
      targets: computeTargets(profile),
      findings: screenProfile(profile),
      pantry: data().pantry,
      days: 2,
      // The wall-clock safety net far out of reach even on a very busy machine: this test is
      // about the plan, which must not depend on the load.
      safetyTimeLimitSec: 1800,
    };
    const once = async () => {
      const solver = new HighsWorkerSolver();
      try {
        return JSON.parse(JSON.stringify((await makePlan(request, solver)).result));
      } finally {
        await solver.close();
      }
    };
    const quiet = await once();
    const hogs = busyLoops();
    let busy: unknown;
    try {
      busy = await once();
    } finally {
      for (const hog of hogs) hog.kill('SIGKILL');
    }
    expect(quiet.days).toHaveLength(2);
    expect(busy).toEqual(quiet);
  }, 1_800_000);
});
