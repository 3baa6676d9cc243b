import { z } from 'zod';
import {
  getNutrient,
  isNutrientId,
  NUTRIENT_IDS,
  VITAMIN_D_IU_PER_UG,
  type NutrientId,
  type NutrientUnit,
} from '../core/nutrients.js';
import { plausibleCeiling } from '../core/plausible-amounts.js';
import { ALLERGEN_GROUPS, type Profile, type Supplement } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';

/**
 * The profile format of docs/design.md §4, validated with zod and turned into a core Profile.
 * Supplements are converted to the nutrient's canonical unit here, at the edge.
 */

/** Youngest age the reference tables cover (NASEM rows start at the 14–18 y band). */
export const MIN_PROFILE_AGE = 14;
export const MAX_PROFILE_AGE = 120;

const SUPPLEMENT_UNITS = ['µg', 'μg', 'ug', 'mcg', 'mg', 'g', 'IU'] as const;
const MASS_IN_UG: Record<string, number> = { µg: 1, μg: 1, ug: 1, mcg: 1, mg: 1000, g: 1_000_000 };
const CANONICAL_IN_UG: Partial<Record<NutrientUnit, number>> = { µg: 1, mg: 1000, g: 1_000_000 };

const lowerTrimmed = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toLowerCase().replace(/\s+/g, ' '));

export const supplementSchema = z.strictObject({
  nutrient: z.string(),
  amount: z.number().finite().positive(),
  unit: z.string(),
  /** As first entered ("2000 IU"); kept so a parsed profile parses again unchanged. */
  entered: z.string().optional(),
});

const overrideSchema = z
  .strictObject({
    min: z.number().finite().nonnegative().optional(),
    max: z.number().finite().nonnegative().optional(),
  })
  .refine((o) => o.min !== undefined || o.max !== undefined, { message: 'give min, max or both' })
  .refine((o) => o.min === undefined || o.max === undefined || o.min <= o.max, {
    message: 'min must not be above max',
    path: ['min'],
  });

export const profileSchema = z
  .strictObject({
    age: z
      .number()
      .finite()
      .min(MIN_PROFILE_AGE, {
        message: `must be at least ${MIN_PROFILE_AGE}: the reference tables cover ages ${MIN_PROFILE_AGE} and over`,
      })
      .max(MAX_PROFILE_AGE, { message: `must be at most ${MAX_PROFILE_AGE}` }),
    sex: z.enum(['female', 'male'], { message: 'must be "female" or "male"' }),
    lifeStage: z.enum(['none', 'pregnant', 'lactating']).default('none'),
    smoker: z.boolean().default(false),
    weightKg: z.number().finite().min(20).max(400).optional(),
    heightCm: z.number().finite().min(80).max(260).optional(),
    activity: z.enum(['sedentary', 'light', 'moderate', 'active', 'very-active']).optional(),
    energyKcal: z.number().finite().min(500).max(10000).optional(),
    conditions: z.array(lowerTrimmed).default([]),
    medications: z.array(lowerTrimmed).default([]),
    supplements: z.array(supplementSchema).default([]),
    pattern: z.enum(['omnivore', 'pescatarian', 'vegetarian', 'vegan']).default('omnivore'),
    exclude: z.array(z.enum(ALLERGEN_GROUPS)).default([]),
    dislikes: z
      .array(z.string().regex(/^[a-z0-9-]+:\S+$/, { message: 'food ids look like "sr24:11233"' }))
      .default([]),
    targets: z.record(z.string(), overrideSchema).default({}),
    region: z
      .string()
      .regex(/^[a-z]{2}$/, { message: 'a country code in lower case, e.g. "us", "nl", "au", "jp"' })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.lifeStage !== 'none' && p.sex === 'male') {
      ctx.addIssue({
        code: 'custom',
        path: ['lifeStage'],
        message: `"${p.lifeStage}" is not possible with sex "male"`,
      });
    }
    checkSupplements(p.supplements, ctx, ['supplements']);
    for (const [key, override] of Object.entries(p.targets)) {
      if (!isNutrientId(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', key],
          message: `unknown nutrient "${key}"; use one of: ${NUTRIENT_IDS.join(', ')}`,
        });
        continue;
      }
      for (const bound of ['min', 'max'] as const) {
        const value = override[bound];
        const unit = getNutrient(key).unit;
        const tooMuch =
          value === undefined ? undefined : implausibleAmount(key, value, `${value} ${unit}`);
        if (tooMuch)
          ctx.addIssue({ code: 'custom', path: ['targets', key, bound], message: tooMuch });
      }
    }
  });

/**
 * Adds an issue per supplement whose nutrient, unit or amount is not possible, at
 * `[...path, i, field]`. The profile's regimen and a logged day are checked alike.
 */
export function checkSupplements(
  supplements: readonly { nutrient: string; amount: number; unit: string }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  supplements.forEach((s, i) => {
    if (!isNutrientId(s.nutrient)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'nutrient'],
        message: `unknown nutrient "${s.nutrient}"; use one of: ${NUTRIENT_IDS.join(', ')}`,
      });
      return;
    }
    const problem = supplementUnitProblem(s.nutrient, s.unit);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'unit'], message: problem });
      return;
    }
    const canonical = toCanonicalSupplement(s.nutrient, s.amount, s.unit);
    const tooMuch = implausibleAmount(s.nutrient, canonical.amount, `${s.amount} ${s.unit}`);
    if (tooMuch) ctx.addIssue({ code: 'custom', path: [...path, i, 'amount'], message: tooMuch });
  });
}

function supplementUnitProblem(nutrient: NutrientId, unit: string): string | undefined {
  if (!(SUPPLEMENT_UNITS as readonly string[]).includes(unit) && unit.toUpperCase() !== 'IU') {
    return `unknown unit "${unit}"; use one of: µg, mcg, mg, g, IU (vitamin D only)`;
  }
  if (unit.toUpperCase() === 'IU' && nutrient !== 'vitamin-d') {
    return `IU is only accepted for vitamin D (40 IU = 1 µg); give ${nutrient} in µg, mg or g`;
  }
  if (CANONICAL_IN_UG[getNutrient(nutrient).unit] === undefined) {
    return `${nutrient} is measured in ${getNutrient(nutrient).unit} and cannot be a supplement`;
  }
  return undefined;
}

/** Why a daily amount (canonical unit) is beyond the nutrient's plausibility ceiling, if it is. */
function implausibleAmount(
  nutrient: NutrientId,
  amount: number,
  entered: string,
): string | undefined {
  const { maxPerDay, basis } = plausibleCeiling(nutrient);
  if (amount <= maxPerDay) return undefined;
  const unit = getNutrient(nutrient).unit;
  return `${entered} of ${nutrient} a day is not plausible: at most ${maxPerDay} ${unit} (${basis})`;
}

/** Converts a validated supplement amount to its nutrient's canonical unit. */
export function toCanonicalSupplement(
  nutrient: NutrientId,
  amount: number,
  unit: string,
): Supplement {
  const canonical = getNutrient(nutrient).unit;
  const entered = `${amount} ${unit}`;
  const ug =
    unit.toUpperCase() === 'IU' ? amount / VITAMIN_D_IU_PER_UG : amount * (MASS_IN_UG[unit] ?? NaN);
  const value = ug / (CANONICAL_IN_UG[canonical] ?? NaN);
  // Keep the conversion free of float noise such as 0.30000000000000004.
  const amountCanonical = Number(value.toPrecision(12));
  return { nutrient, amount: amountCanonical, unit: canonical, entered };
}

/** `supplements[1].unit`, `targets.magnesium.min`, `age`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Validates a parsed profile document and returns a core Profile, or INVALID_PROFILE naming
 * the field at fault.
 * @example parseProfile({ age: 72, sex: 'male', supplements: [{ nutrient: 'vitamin-d', amount: 2000, unit: 'IU' }] })
 *   // ok: supplements[0] = { nutrient: 'vitamin-d', amount: 50, unit: 'µg', entered: '2000 IU' }
 */
export function parseProfile(input: unknown, file?: string): Result<Profile> {
  const document = parseProfileDocument(input, file);
  return document.ok ? ok(toCoreProfile(document.value)) : document;
}

/** A profile document as entered (supplements in their own units) with every default applied. */
export type ProfileDocument = z.output<typeof profileSchema>;

/**
 * Validates a profile document and returns it normalised: defaults filled in (`supplements: []`,
 * `exclude: []` …), names trimmed and lower-cased, supplement units as entered. This is the form
 * a profile is stored in, so every reader sees the same shape whoever wrote it.
 */
export function parseProfileDocument(input: unknown, file?: string): Result<ProfileDocument> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? formatPath(issue.path) : undefined;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    const unknownField =
      issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0]!]) : field;
    return err({
      code: 'INVALID_PROFILE',
      message: `invalid profile: ${unknownField ? `${unknownField}: ` : ''}${message}`,
      ...(file ? { file } : {}),
      ...(unknownField ? { field: unknownField } : {}),
    });
  }
  return ok(parsed.data);
}

function toCoreProfile(p: ProfileDocument): Profile {
  const profile: Profile = {
    age: p.age,
    sex: p.sex,
    lifeStage: p.lifeStage,
    smoker: p.smoker,
    conditions: p.conditions,
    medications: p.medications,
    supplements: p.supplements.map((s) => ({
      ...toCanonicalSupplement(s.nutrient as NutrientId, s.amount, s.unit),
      ...(s.entered !== undefined ? { entered: s.entered } : {}),
    })),
    pattern: p.pattern,
    exclude: p.exclude,
    dislikes: p.dislikes,
    targets: p.targets as Profile['targets'],
  };
  if (p.weightKg !== undefined) profile.weightKg = p.weightKg;
  if (p.heightCm !== undefined) profile.heightCm = p.heightCm;
  if (p.activity !== undefined) profile.activity = p.activity;
  if (p.energyKcal !== undefined) profile.energyKcal = p.energyKcal;
  if (p.region !== undefined) profile.region = p.region;
  return profile;
}
