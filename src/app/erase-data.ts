import { err, ok, type Result } from '../core/result.js';
import type { Store } from '../store/store.js';

/**
 * "Delete all my data". Erasing needs a confirmation token that describes what will go: the
 * owner and how many rows of each kind it has. A token seen before more data was added no longer
 * matches, so what is deleted is what the person was shown.
 */
export interface DataSummary {
  owner: string;
  counts: {
    profile: number;
    diary: number;
    foods: number;
    plans: number;
    labs: number;
    recipes: number;
    supplementDays: number;
  };
  confirmToken: string;
}

export async function summarizeData(
  deps: { store: Pick<Store, 'dumpOwner'> },
  input: { owner: string },
): Promise<DataSummary> {
  const data = await deps.store.dumpOwner(input.owner);
  const counts = {
    profile: data.profile ? 1 : 0,
    diary: data.diary.length,
    foods: data.foods.length,
    plans: data.plans.length,
    labs: data.labs.length,
    recipes: data.recipes.length,
    supplementDays: data.supplementDays.length,
  };
  const token = `delete-${input.owner}-${counts.profile}-${counts.diary}-${counts.foods}-${counts.plans}-${counts.labs}-${counts.recipes}-${counts.supplementDays}`;
  return { owner: input.owner, counts, confirmToken: token };
}

export async function eraseData(
  deps: { store: Pick<Store, 'dumpOwner' | 'eraseOwner'> },
  input: { owner: string; confirmToken: string | undefined },
): Promise<Result<{ deleted: { [table: string]: number } }>> {
  const summary = await summarizeData(deps, input);
  if (input.confirmToken !== summary.confirmToken) {
    return err({
      code: 'INVALID_INPUT',
      message:
        input.confirmToken === undefined
          ? 'erasing needs the confirmation token from GET /api/data (or --confirm in the CLI)'
          : 'the confirmation token does not match the data now stored; fetch it again',
      field: 'confirm',
    });
  }
  return ok({ deleted: await deps.store.eraseOwner(input.owner) });
}
