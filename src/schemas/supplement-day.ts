import { z } from 'zod';
import type { NutrientId } from '../core/nutrients.js';
import type { Supplement } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import {
  checkSupplements,
  formatPath,
  supplementSchema,
  toCanonicalSupplement,
} from './profile.js';

/** A logged day's supplements as entered: the same checks as the profile's regimen. */
export const supplementDaySchema = z
  .strictObject({
    supplements: z
      .array(supplementSchema)
      .max(50, { message: 'at most 50 supplements a day' })
      .describe('everything taken that day, each in its own unit (IU for vitamin D); [] for none'),
  })
  .superRefine((day, ctx) => checkSupplements(day.supplements, ctx, ['supplements']));

/**
 * Validates a logged day's list and converts it to canonical units, keeping what was entered.
 * INVALID_INPUT names the field (`supplements[1].unit`).
 */
export function parseSupplementDay(input: unknown, file?: string): Result<Supplement[]> {
  const parsed = supplementDaySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? formatPath(issue.path) : undefined;
    const last = issue.path.at(-1);
    // The shape is a bad request; a unit or an amount that is not possible is unprocessable.
    const code =
      issue.code !== 'custom'
        ? 'INVALID_INPUT'
        : last === 'unit'
          ? 'UNKNOWN_UNIT'
          : last === 'amount'
            ? 'INVALID_AMOUNT'
            : 'INVALID_INPUT';
    return err({
      code,
      message: `invalid supplement day: ${field ? `${field}: ` : ''}${issue.message}`,
      ...(file !== undefined && { file }),
      ...(field !== undefined && { field }),
    });
  }
  return ok(
    parsed.data.supplements.map((s) => ({
      ...toCanonicalSupplement(s.nutrient as NutrientId, s.amount, s.unit),
      entered: s.entered ?? `${s.amount} ${s.unit}`,
    })),
  );
}
