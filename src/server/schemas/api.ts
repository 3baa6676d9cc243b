import { z } from 'zod';
import { MAX_ENTRY_ID } from '../../app/deps.js';
import { QUICK_FOODS_DEFAULT, QUICK_FOODS_MAX } from '../../app/diary.js';
import { DIARY_MEALS } from '../../core/diary/types.js';
import { NUTRIENT_IDS } from '../../core/nutrients.js';

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a calendar date');

export const dateRangeQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });

const foodId = z.string().trim().min(1, 'a food id is required').max(200);
const unit = z.string().trim().min(1, 'a unit is required').max(100);
/** Type only: sign and size are the core's to judge (422 INVALID_AMOUNT), not the shape's. */
const amount = z.number({ error: 'amount must be a number' });
/** The meal slot; absent means unassigned. */
export const meal = z
  .enum(DIARY_MEALS, { error: `meal must be one of ${DIARY_MEALS.join(', ')}` })
  .describe('The meal slot; absent when the entry is not assigned to one.');

export const newEntryBody = z.strictObject({
  date: isoDate,
  food: foodId,
  amount,
  unit,
  meal: meal.optional(),
  createdAt: z.iso
    .datetime({ error: 'createdAt must be an ISO 8601 date and time' })
    .optional()
    .describe(
      'When the entry was first logged: send the createdAt of a deleted entry to restore it in its place within the day (default: now).',
    ),
});

export const entryPatchBody = z
  .strictObject({
    date: isoDate.optional(),
    food: foodId.optional(),
    amount: amount.optional(),
    unit: unit.optional(),
    meal: meal.nullable().optional().describe('A meal slot, or null to unassign the entry.'),
  })
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'nothing to change: give date, food, amount, unit or meal',
  );

export const recentFoodsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(QUICK_FOODS_MAX)
    .default(QUICK_FOODS_DEFAULT)
    .describe('Foods in each list.'),
});

/** Copy the entries of date `from` (or of one of its meals) to date `to`. */
export const copyDayBody = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    meal: meal.optional().describe('Copy only the entries of this meal (default: the whole day).'),
    toMeal: meal
      .optional()
      .describe('The meal the copies go into (default: each keeps its own); needs `meal`.'),
  })
  .refine((body) => body.toMeal === undefined || body.meal !== undefined, {
    message: 'toMeal needs meal: say which meal to copy',
    path: ['toMeal'],
  });

/** A diary entry id: an integer from 1 to the column's largest (2^31 − 1 on both stores). */
export const entryIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, `entry id must be an integer from 1 to ${MAX_ENTRY_ID}`)
  .transform(Number)
  .refine((id) => id <= MAX_ENTRY_ID, `entry id must be an integer from 1 to ${MAX_ENTRY_ID}`);

/** Types only: whether a value or a unit is possible for the test is the core's to judge (422). */
const labNumber = (name: string) => z.number({ error: `${name} must be a number` });
export const newLabBody = z.strictObject({
  date: isoDate,
  test: z.string().trim().min(1, 'a lab test id is required').max(50),
  value: labNumber('value'),
  unit: z.string().trim().max(50),
  low: labNumber('low').optional().describe("the reporting lab's own range, in `unit`"),
  high: labNumber('high').optional(),
});

export const labsQuery = z
  .object({
    test: z.string().trim().min(1).max(50).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });

export const labIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, `lab result id must be an integer from 1 to ${MAX_ENTRY_ID}`)
  .transform(Number)
  .refine((id) => id <= MAX_ENTRY_ID, `lab result id must be an integer from 1 to ${MAX_ENTRY_ID}`);

export const searchQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .describe('Hits to skip, for paging: the next page starts at offset + limit.'),
  group: z.string().max(100).optional(),
});

export const topQuery = z.object({
  per: z.enum(['100g', 'serving', '100kcal']).default('100g'),
  pattern: z.enum(['omnivore', 'pescatarian', 'vegetarian', 'vegan']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const authorityQuery = z.object({ authority: z.enum(['nasem', 'efsa']).default('nasem') });
export const analysisQuery = z.intersection(dateRangeQuery, authorityQuery);

export const evidenceQuery = z.object({ nutrient: z.string().max(50).optional() });

export const planBody = z.strictObject({
  days: z.number().int().min(1).max(14).default(1),
  /** Logged day(s) to keep and complete ("close my gaps"). */
  base: z.union([isoDate, z.array(isoDate).min(1).max(14)]).optional(),
  /** First date of the plan, for labelling days. */
  startDate: isoDate.optional(),
});

export const applyPlanBody = z.strictObject({ startDate: isoDate.optional() });

const nutrientId = z.enum(NUTRIENT_IDS);

export const customFoodBody = z.strictObject({
  /** The part after `custom:`; letters, digits and dashes. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  group: z.string().trim().min(1).max(100).default('Custom foods'),
  /** Per 100 g, in each nutrient's canonical unit. Absent means unknown. */
  nutrients: z.partialRecord(nutrientId, z.number().min(0).max(100_000)).default({}),
  portions: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(100),
        amount: z.number().positive(),
        grams: z.number().positive().max(100_000),
      }),
    )
    .max(50)
    .default([]),
});

/** PUT /api/foods/custom/{id}: the whole food again, as added; the id (and so the slug) stays. */
export const customFoodEditBody = customFoodBody.omit({ slug: true });

/** POST /api/recipes: ingredients in household units of each food; servings; cooked weight. */
export const recipeBody = z.strictObject({
  /** The part after `recipe:`; letters, digits and dashes. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  servings: z.number().positive().max(1000),
  cookedGrams: z.number().positive().max(100_000).optional(),
  ingredients: z
    .array(
      z.strictObject({
        food: z.string().trim().min(1).max(200),
        amount: z.number().positive().max(100_000),
        unit: z.string().trim().min(1).max(100),
      }),
    )
    .min(1)
    .max(100),
});

/** PUT /api/recipes/{id}: the whole recipe again, as added; the id (and so the slug) stays. */
export const recipeEditBody = recipeBody.omit({ slug: true });

/** POST /api/import/cronometer: the exported file, its bytes in base64 (the encoding is checked). */
export const trackerUploadBody = z.strictObject({
  file: z.string().trim().min(1, 'the file name is required').max(255),
  contentBase64: z
    .string()
    .min(1, 'the file is empty')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  dryRun: z
    .boolean()
    .describe('true: read and review, store nothing; false: store in one transaction.'),
});

/** POST /api/auth/register and /login. Rules (length, characters) are checked by the use case. */
export const credentialsBody = z.strictObject({
  username: z.string().max(200),
  password: z.string().max(1024),
});
/** POST /api/shares: the report's period and when the link stops working. */
export const newShareBody = z
  .strictObject({
    from: isoDate.describe("First day of the report's period."),
    to: isoDate.describe("Last day of the report's period."),
    expiresAt: z
      .string()
      .min(1)
      .max(40)
      .describe('ISO 8601 timestamp with a zone, in the future, at most 365 days ahead.'),
  })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['from'] });
