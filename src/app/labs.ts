import {
  assessLab,
  isLabTestId,
  LAB_TEST_IDS,
  normalizeLab,
  type LabAssessment,
  type LabInput,
} from '../core/labs/index.js';
import { err, ok, type Result } from '../core/result.js';
import type { LabQuery, Store, StoredLab } from '../store/store.js';

type LabStore = Pick<Store, 'addLab' | 'listLabs' | 'deleteLab'>;

/** A stored result with where it sits against the person's range or the cited default. */
export interface ListedLab extends StoredLab {
  assessment: LabAssessment;
}

function withAssessment(lab: StoredLab): ListedLab {
  return { ...lab, assessment: assessLab(lab) };
}

/**
 * Records one lab result: converted to the test's canonical unit (what was entered is kept),
 * refused by field when the test, unit, value or range is not possible. POST /api/labs and
 * `calcwise labs add` both come here.
 */
export async function addLab(
  deps: { store: Pick<LabStore, 'addLab'> },
  input: { owner: string; lab: LabInput },
): Promise<Result<ListedLab>> {
  const normalized = normalizeLab(input.lab);
  if (!normalized.ok) return normalized;
  return ok(withAssessment(await deps.store.addLab(input.owner, normalized.value)));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Results by date (a test and a date range narrow them), each assessed. */
export async function listLabs(
  deps: { store: Pick<LabStore, 'listLabs'> },
  input: { owner: string; query?: LabQuery },
): Promise<Result<ListedLab[]>> {
  const test = input.query?.test;
  if (test !== undefined && !isLabTestId(test)) {
    return err({
      code: 'INVALID_INPUT',
      message: `unknown lab test "${test}"; known: ${LAB_TEST_IDS.join(', ')}`,
      field: 'test',
    });
  }
  for (const field of ['from', 'to'] as const) {
    const value = input.query?.[field];
    if (value !== undefined && !ISO_DATE.test(value)) {
      return err({ code: 'INVALID_DATE', message: `"${value}" is not a YYYY-MM-DD date`, field });
    }
  }
  const labs = await deps.store.listLabs(input.owner, input.query);
  return ok(labs.map(withAssessment));
}

export async function removeLab(
  deps: { store: Pick<LabStore, 'deleteLab'> },
  input: { owner: string; id: number },
): Promise<Result<{ id: number }>> {
  if (!(await deps.store.deleteLab(input.owner, input.id))) {
    return err({ code: 'NOT_FOUND', message: `no lab result with id ${input.id}`, field: 'id' });
  }
  return ok({ id: input.id });
}
