import type { Command } from 'commander';
import { bundledFoods } from '../../app/compose.js';
import type { FoodCatalog } from '../../app/deps.js';
import { describeFood, type ShownNutrient } from '../../app/describe-food.js';
import {
  findFood,
  findOwnerFood,
  parseNutrientId,
  rankFoods,
  searchFoods,
  searchOwnerFoods,
} from '../../app/foods.js';
import { LOCAL_OWNER } from '../../app/deps.js';
import {
  getNutrient,
  NUTRIENT_IDS,
  vitaminDUgToIu,
  type NutrientId,
} from '../../core/nutrients.js';
import type { DietPattern } from '../../core/profile.js';
import type { TopFoodsBasis } from '../../core/search/index.js';
import type { Food } from '../../core/foods.js';
import { DEFAULT_REGION, foodForRegion, menaquinoneForms, valueBasis } from '../../core/k2.js';
import type { SourceRef } from '../../core/sources.js';
import { formatAmount, formatCount, formatTable, roundForOutput } from '../format-table.js';
import { CliFailure, orExit, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { k2FormLines } from '../k2-forms.js';

/** The bundled foods, read once per process; the search index is built when first used. */
export function loadFoods(): FoodCatalog {
  return bundledFoods();
}

interface SearchOptions {
  limit: string;
  offset: string;
  group?: string;
  db?: string;
  json?: boolean;
}

const BASES: readonly TopFoodsBasis[] = ['100g', 'serving', '100kcal'];
const PATTERNS: readonly DietPattern[] = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'];

export function registerFoodsCommand(program: Command, io: CliIo): void {
  const foods = program
    .command('foods')
    .description('Look up foods: search by name, show what one contains, rank foods by a nutrient');

  foods
    .command('search')
    .description('Ranked matches by name (prefixes, typos, plurals and synonyms such as "yoghurt")')
    .argument('<query...>', 'words of the food name')
    .option('--limit <n>', 'maximum results', '10')
    .option('--offset <n>', 'skip this many results (the next page starts at offset + limit)', '0')
    .option('--group <group>', 'only foods whose group contains this text, e.g. "dairy"')
    .option('--db <file>', 'also find own and imported (fdc:<id>) foods of this SQLite store')
    .option('--json', 'print JSON')
    .action(async (words: string[], options: SearchOptions) => {
      const input = {
        query: words.join(' '),
        limit: parseLimit(options.limit),
        offset: parseOffset(options.offset),
        group: options.group,
      };
      const found =
        options.db === undefined
          ? orExit(searchFoods(loadFoods(), input))
          : await withCliStore(io, options.db, async (store) =>
              orExit(await searchOwnerFoods({ store, foods: loadFoods() }, LOCAL_OWNER, input)),
            );
      const { results, total, offset } = found;
      if (options.json) {
        return printJson(io, {
          total,
          offset,
          limit: found.limit,
          results,
          ...(found.note !== undefined && { note: found.note }),
        });
      }
      if (results.length === 0) return io.stdout(`No food matches "${words.join(' ')}".\n`);
      if (found.note) io.stdout(`${found.note}\n\n`);
      io.stdout(
        formatTable(
          ['Id', 'Name', 'Group', 'Score'],
          results.map((hit) => [hit.id, hit.name, hit.group, hit.score.toFixed(2)]),
          { align: ['left', 'left', 'left', 'right'] },
        ),
      );
      const shown = `${offset + 1}–${offset + results.length}`;
      io.stdout(
        `\n${shown} of ${total} ${total === 1 ? 'match' : 'matches'}${
          offset + results.length < total ? `; more with --offset ${offset + results.length}` : ''
        }\n`,
      );
    });

  foods
    .command('show')
    .description('Nutrients per 100 g with their sources, and household portions')
    .argument('<id>', 'food id, e.g. sr24:11233 (a bare SR24 number works too)')
    .option(
      '--region <country>',
      'choose menaquinone values for this country (us, nl, au, jp, …)',
      DEFAULT_REGION,
    )
    .option('--db <file>', 'also show own and imported (fdc:<id>) foods of this SQLite store')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean; region: string; db?: string }) => {
      const region = checkRegion(options.region);
      const found =
        options.db === undefined
          ? findFood(loadFoods(), id)
          : await withCliStore(io, options.db, (store) =>
              findOwnerFood({ store, foods: loadFoods() }, LOCAL_OWNER, id),
            );
      const food = foodForRegion(orExit(found), region);
      const shown = describeFood(food);
      if (options.json) return printJson(io, roundForOutput(shown));
      io.stdout(
        `${food.name}\n${food.id} · ${food.group}\n\nPer 100 g (unknown values are not listed):\n`,
      );
      io.stdout(
        formatTable(
          ['Nutrient', 'Amount', 'Unit', 'Source'],
          Object.entries(shown.nutrients).map(([nutrientId, value]) => [
            getNutrient(nutrientId as NutrientId).name,
            amountText(nutrientId as NutrientId, value.per100g, value),
            value.unit,
            sourceText(value.source),
          ]),
          { align: ['left', 'right', 'left', 'left'] },
        ),
      );
      const k2 = k2FormLines(food);
      if (k2.length > 0) {
        io.stdout(
          `\nVitamin K2 by form, per 100 g (region ${options.region}):\n${k2.join('\n')}\n`,
        );
      }
      if (food.portions.length > 0) {
        io.stdout('\nPortions:\n');
        io.stdout(
          formatTable(
            ['Portion', 'Grams'],
            food.portions.map((portion) => [
              `${formatCount(portion.amount)} ${portion.name}`,
              formatAmount(portion.grams),
            ]),
            { align: ['left', 'right'] },
          ),
        );
      }
    });

  foods
    .command('top')
    .description('Foods richest in a nutrient (foods with an unknown value are left out)')
    .argument('<nutrient>', `nutrient id: ${NUTRIENT_IDS.join(', ')}`)
    .option('--per <basis>', 'per 100g, serving (first household portion) or 100kcal', '100g')
    .option(
      '--pattern <pattern>',
      'omnivore, pescatarian, vegetarian or vegan (approximate, from group and name)',
    )
    .option('--limit <n>', 'maximum results', '10')
    .option(
      '--region <country>',
      'choose menaquinone values for this country (us, nl, au, jp, …)',
      DEFAULT_REGION,
    )
    .option('--json', 'print JSON')
    .action(
      (
        nutrientText: string,
        options: { per: string; pattern?: string; limit: string; json?: boolean; region: string },
      ) => {
        const nutrient = orExit(parseNutrientId(nutrientText));
        if (!BASES.includes(options.per as TopFoodsBasis)) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `--per must be one of ${BASES.join(', ')}`,
            field: 'per',
          });
        }
        if (options.pattern !== undefined && !PATTERNS.includes(options.pattern as DietPattern)) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `--pattern must be one of ${PATTERNS.join(', ')}`,
            field: 'pattern',
          });
        }
        const per = options.per as TopFoodsBasis;
        const pattern = options.pattern as DietPattern | undefined;
        const region = checkRegion(options.region);
        const list = loadFoods().list.map((food) => foodForRegion(food, region));
        const ranked = orExit(
          rankFoods(list, { nutrient, per, pattern, limit: parseLimit(options.limit) }),
        );
        const results = ranked.results;
        const unit = getNutrient(nutrient).unit;
        const byForm = nutrient === 'vitamin-k2';
        const byId = new Map(list.map((food) => [food.id, food]));
        if (options.json) {
          const rows = byForm
            ? results.map((row) => {
                const food = byId.get(row.id) as Food;
                return {
                  ...row,
                  basis: valueBasis(food, 'vitamin-k2'),
                  forms: menaquinoneForms(food).map(({ id: form, value }) => ({
                    form,
                    per100g: value.per100g,
                    basis: value.basis ?? 'measured',
                    source: value.source,
                    ...(value.sample ? { sample: value.sample } : {}),
                    ...(value.range ? { range: value.range } : {}),
                  })),
                };
              })
            : results;
          return printJson(
            io,
            roundForOutput({
              nutrient,
              unit,
              per,
              pattern: pattern ?? null,
              region,
              results: rows,
            }),
          );
        }
        const basis =
          per === '100g' ? 'per 100 g' : per === '100kcal' ? 'per 100 kcal' : 'per serving';
        io.stdout(`${getNutrient(nutrient).name}, ${basis}${pattern ? `, ${pattern}` : ''}:\n`);
        io.stdout(
          formatTable(
            ['Id', 'Name', 'Amount', 'Unit', ...(per === 'serving' ? ['Serving'] : [])],
            results.map((row) => [
              row.id,
              row.name,
              `${formatAmount(row.amount)}${row.partial ? '*' : ''}`,
              unit,
              ...(row.portion
                ? [
                    `${formatCount(row.portion.amount)} ${row.portion.name} (${formatAmount(row.portion.grams)} g)`,
                  ]
                : []),
            ]),
            { align: ['left', 'left', 'right', 'left', 'left'] },
          ),
        );
        if (results.some((row) => row.partial))
          io.stdout('* a component of this derived value is unknown for the food\n');
        if (byForm) {
          io.stdout(
            `\nBy form, per 100 g (region ${region}; basis · study · country · method · samples):\n`,
          );
          for (const row of results) {
            const lines = k2FormLines(byId.get(row.id) as Food, { alternatives: false });
            io.stdout(`${row.id} ${row.name}\n${lines.join('\n')}\n`);
          }
        }
      },
    );
}

function checkRegion(region: string): string {
  if (!/^[a-z]{2}$/.test(region)) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--region must be a country code in lower case, e.g. us, nl, au, jp; got "${region}"`,
      field: 'region',
    });
  }
  return region;
}

/** A whole-number option within [min, max], or exit 2 naming the option. */
function parseCount(text: string, option: 'limit' | 'offset', min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--${option} must be a whole number from ${min} to ${max}, got "${text}"`,
      field: option,
    });
  }
  return value;
}

const parseLimit = (text: string) => parseCount(text, 'limit', 1, 1000);
const parseOffset = (text: string) => parseCount(text, 'offset', 0, 100000);

function amountText(id: NutrientId, per100g: number, value: ShownNutrient): string {
  let text = formatAmount(per100g);
  if (id === 'vitamin-d') text += ` (${formatAmount(vitaminDUgToIu(per100g))} IU)`;
  if (value.range) text += ` [${formatAmount(value.range.min)}–${formatAmount(value.range.max)}]`;
  if (value.approximate || value.partial) text = `~${text}`;
  return text;
}

/** A short provenance label: "USDA SR24 #11233", "Kamao 2007 PMID 17906277", "derived: mk4 + mk7". */
export function sourceText(source: SourceRef): string {
  if (source.kind === 'derived')
    return `derived: ${source.note?.replace(/^sum of the known components: /, '') ?? ''}`;
  const parts = [source.label];
  if (source.record) parts.push(`#${source.record}`);
  if (source.pmid) parts.push(`PMID ${source.pmid}`);
  else if (source.doi) parts.push(`doi:${source.doi}`);
  return parts.join(' ');
}
