import { z } from 'zod';
import { DIARY_MEALS } from '../core/diary/types.js';
import { amountToGrams, type FoodIndex } from '../core/foods.js';
import { LAB_TEST_IDS } from '../core/labs/index.js';
import { err, ok, type Result } from '../core/result.js';
import type { OwnerData, Store } from '../store/store.js';
import { ownerFoods } from './stored-diary.js';

/**
 * The calcwise export: one versioned JSON document with everything a person owns in the store
 * (profile, diary, own and imported foods, saved plans). Diary entry ids are left out (they are
 * the store's, not the person's); everything else, timestamps included, is kept, so
 * export → import into an empty store → export gives the same bytes.
 * JSON Schema: docs/export.schema.json (generated from EXPORT_SCHEMA by scripts/build-export-schema.ts).
 * Version 2 added lab results (`labs`), version 3 recipes (`recipes`), version 4 logged supplement
 * days (`supplementDays`); an older document is still read, as one without them. Report shares (src/app/shares.ts) are not exported: see the
 * schema's description.
 */
export const EXPORT_FORMAT = 'calcwise-export';
export const EXPORT_VERSION = 4;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const timestamp = z.string().min(1);
const sourceRef = z
  .object({
    label: z.string(),
    kind: z.enum(['dataset', 'study', 'guideline', 'derived', 'user']),
  })
  .catchall(z.unknown());
const nutrientValue = z
  .object({ per100g: z.number().finite(), source: sourceRef })
  .catchall(z.unknown());

const labValue = z.number().finite();

export const EXPORT_SCHEMA = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(EXPORT_VERSION)]),
    profile: z
      .strictObject({
        profile: z.unknown().describe('the profile JSON as entered (docs/design.md §4)'),
        updatedAt: timestamp,
      })
      .nullable(),
    diary: z.array(
      z.strictObject({
        date: isoDate,
        food: z.string().min(1).describe('food id: sr24:…, fdc:…, custom:…'),
        amount: z.number().positive(),
        unit: z.string().min(1),
        meal: z.enum(DIARY_MEALS).optional().describe('the meal slot; absent when unassigned'),
        createdAt: timestamp,
        updatedAt: timestamp,
        importId: z.string().nullable().describe('the import that wrote the entry, if any'),
        plan: z
          .strictObject({
            planId: z.string().min(1),
            day: z.number().int().min(0).describe('0-based day of the plan'),
          })
          .optional()
          .describe('the saved plan day that wrote the entry (Add to diary), if any'),
      }),
    ),
    foods: z.array(
      z.strictObject({
        id: z
          .string()
          .regex(/^(custom|fdc):/)
          .describe('own food (custom:) or imported FDC food (fdc:)'),
        name: z.string(),
        group: z.string(),
        nutrients: z.record(z.string(), nutrientValue).describe('per 100 g, canonical units'),
        portions: z.array(
          z.strictObject({
            name: z.string(),
            amount: z.number().positive(),
            grams: z.number().positive(),
          }),
        ),
        createdAt: timestamp,
        importId: z.string().nullable(),
      }),
    ),
    plans: z.array(
      z.strictObject({
        id: z.string().min(1),
        createdAt: timestamp,
        request: z.unknown(),
        result: z.unknown(),
      }),
    ),
    labs: z
      .array(
        z.strictObject({
          date: isoDate,
          test: z.enum(LAB_TEST_IDS),
          value: labValue.describe("in the test's canonical unit"),
          unit: z.string().min(1),
          low: labValue.optional().describe("the person's own lab range, canonical unit"),
          high: labValue.optional(),
          original: z.strictObject({
            value: labValue,
            unit: z.string().min(1),
            low: labValue.optional(),
            high: labValue.optional(),
          }),
          createdAt: timestamp,
        }),
      )
      .default([])
      .describe('lab results (version 2 on; absent in version 1)'),
    recipes: z
      .array(
        z.strictObject({
          id: z
            .string()
            .regex(/^recipe:/)
            .describe('recipe:<slug>'),
          name: z.string().min(1),
          servings: z.number().positive(),
          cookedGrams: z.number().positive().optional().describe('weight as cooked, when weighed'),
          ingredients: z
            .array(
              z.strictObject({
                food: z.string().min(1).describe('food id: sr24:…, fdc:…, custom:…, recipe:…'),
                amount: z.number().positive(),
                unit: z.string().min(1).describe('g, kg, oz, lb or a portion of the food'),
              }),
            )
            .min(1),
          createdAt: timestamp,
        }),
      )
      .default([])
      .describe('recipes (version 3 on); their values roll up from the ingredients when read'),
    supplementDays: z
      .array(
        z.strictObject({
          date: isoDate,
          supplements: z
            .array(
              z.strictObject({
                nutrient: z.string().min(1).describe('a nutrient id'),
                amount: z.number().positive().describe("in the nutrient's canonical unit"),
                unit: z.string().min(1),
                entered: z.string().optional().describe('as the person entered it'),
              }),
            )
            .describe('everything taken that day; empty: nothing'),
          updatedAt: timestamp,
        }),
      )
      .default([])
      .describe(
        "supplements as taken, by date (version 4 on); a date without one takes the profile's regimen",
      ),
  })
  .describe(
    'calcwise export: everything one person owns in a calcwise store, except report shares: a ' +
      "share's token is kept only as a hash and works only in the store that made it, so shares " +
      'and their access log are left out (a restore brings none; erasing deletes them)',
  );

/** The document: its format and version, then the owner's data as the store holds it. */
export type ExportDocument = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
} & OwnerData;

export async function exportData(
  deps: { store: Pick<Store, 'dumpOwner'> },
  input: { owner: string },
): Promise<ExportDocument> {
  const data = await deps.store.dumpOwner(input.owner);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, ...data };
}

/** The document as written: two-space JSON and a final newline. */
export function serializeExport(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The diary as CSV in the diary-file layout (date,food,amount,unit,meal; an empty meal is
 * unassigned) plus grams and the food's name.
 */
export async function exportDiaryCsv(
  deps: { store: Pick<Store, 'dumpOwner' | 'listCustomFoods' | 'listRecipes'>; foods: FoodIndex },
  input: { owner: string },
): Promise<string> {
  const data = await deps.store.dumpOwner(input.owner);
  const foods = await ownerFoods(deps, input.owner);
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = ['date,food,amount,unit,meal,grams,name'];
  for (const entry of data.diary) {
    const food = foods.get(entry.food);
    const grams = food ? amountToGrams(food, entry.amount, entry.unit) : undefined;
    lines.push(
      [
        entry.date,
        cell(entry.food),
        String(entry.amount),
        cell(entry.unit),
        entry.meal ?? '',
        grams?.ok ? String(grams.value) : '',
        cell(food?.name ?? ''),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Checks an export document: a newer version is refused by name, any other fault names the path
 * (e.g. `diary[3].amount`). Nothing is written.
 */
export function parseExport(value: unknown, file: string): Result<ExportDocument> {
  if (typeof value === 'object' && value !== null && 'version' in value) {
    const version = (value as { version: unknown }).version;
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      return err({
        code: 'INVALID_INPUT',
        message: `the export is schema version ${version}; this calcwise reads version ${EXPORT_VERSION} and older: update calcwise`,
        file,
        location: 'version',
        field: 'version',
      });
    }
  }
  const parsed = EXPORT_SCHEMA.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join('');
    return err({
      code: 'INVALID_INPUT',
      message: `not a calcwise export: ${issue.message}`,
      file,
      ...(path && { location: path }),
      ...(issue.path.length && { field: String(issue.path.at(-1)) }),
    });
  }
  // The schema checks the shape; the nutrient ids and sources are the store's own types.
  return ok({ ...parsed.data, version: EXPORT_VERSION } as ExportDocument);
}

/** Restores an export into an empty store (CONFLICT when the owner already has data). */
export async function importExport(
  deps: { store: Pick<Store, 'restoreOwner'> },
  input: { owner: string; document: unknown; file: string },
): Promise<Result<{ [table: string]: number }>> {
  const parsed = parseExport(input.document, input.file);
  if (!parsed.ok) return parsed;
  const { format: _format, version: _version, ...data } = parsed.value;
  return deps.store.restoreOwner(input.owner, data);
}

/** The JSON Schema (draft 2020-12) of the document, as committed in docs/export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    title: `calcwise export, version ${EXPORT_VERSION}`,
    ...z.toJSONSchema(EXPORT_SCHEMA, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
