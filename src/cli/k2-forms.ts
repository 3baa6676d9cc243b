/**
 * Menaquinones of a food by form, as text: a bar per form, the value, its basis, study,
 * country, method and sample count, and the alternatives with their range. Used by
 * `foods show` and `foods top vitamin-k2`.
 */
import type { Food, NutrientValue } from '../core/foods.js';
import { menaquinoneForms, valueBasis } from '../core/k2.js';
import { getNutrient, type NutrientId } from '../core/nutrients.js';
import { formatAmount } from './format-table.js';

const BAR_WIDTH = 20;

/** `█████` scaled to `max`; at least one block for a value above zero. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (!(max > 0) || !(value > 0)) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * width)));
}

function shortForm(id: NutrientId): string {
  return getNutrient(id).name.replace(/^.*\((MK-\d+)\)$/, '$1');
}

/** "measured · Dunlop 2022, Food Chem 397:133772 · au · LC-ESI-MS/MS … · n=8 · abstract: …" */
export function provenanceText(value: Pick<NutrientValue, 'basis' | 'sample' | 'source'>): string {
  const s = value.sample;
  return [
    value.basis ?? 'measured',
    value.source.label,
    s?.country,
    s?.method,
    s ? (s.n !== undefined ? `n=${s.n}` : 'n not read') : undefined,
    s?.confidence === 'secondary' ? 'SECONDARY' : undefined,
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}

/**
 * The lines of the by-form block for one food (empty when it has no menaquinone value and no
 * reason for an unknown K2); dihydrophylloquinone follows, apart, when the food has a value.
 */
export function k2FormLines(
  food: Food,
  options: { indent?: string; alternatives?: boolean } = {},
): string[] {
  const indent = options.indent ?? '  ';
  const forms = menaquinoneForms(food);
  if (forms.length === 0) {
    const reason = food.unknownReasons?.['vitamin-k2'];
    if (!reason) return [];
    const dk = dihydrophylloquinoneLine(food, indent);
    return [`${indent}vitamin K2 unknown: ${reason}`, ...(dk ? [dk] : [])];
  }
  const max = Math.max(...forms.map((f) => f.value.per100g));
  const lines: string[] = [];
  for (const { id, value } of forms) {
    const amount = formatAmount(value.per100g);
    const range = value.range
      ? ` [${formatAmount(value.range.min)}–${formatAmount(value.range.max)}]`
      : '';
    lines.push(
      `${indent}${shortForm(id).padEnd(6)} ${bar(value.per100g, max).padEnd(BAR_WIDTH)} ${amount.padStart(7)} µg${range}  ${provenanceText(value)}`,
    );
    if (options.alternatives !== false) {
      for (const alt of value.alternatives ?? []) {
        lines.push(
          `${indent}${''.padEnd(6 + BAR_WIDTH + 2)}${formatAmount(alt.per100g).padStart(7)} µg  alternative: ${provenanceText(alt)}`,
        );
      }
    }
  }
  lines.push(
    `${indent}K2 basis: ${valueBasis(food, 'vitamin-k2')}; forms not listed were not measured (unknown, not 0)`,
  );
  const dk = dihydrophylloquinoneLine(food, indent);
  if (dk) lines.push(dk);
  return lines;
}

/**
 * Dihydrophylloquinone beside the menaquinones, when the food has a value: shown apart, without
 * a bar, because it is not counted in K2 or the vitamin K total (see its registry note).
 */
function dihydrophylloquinoneLine(food: Food, indent: string): string | undefined {
  const value = food.nutrients.dihydrophylloquinone;
  if (!value) return undefined;
  return `${indent}${'dK'.padEnd(6)} ${''.padEnd(BAR_WIDTH)} ${formatAmount(value.per100g).padStart(7)} µg  dihydrophylloquinone, not in K2 or the vitamin K total · ${provenanceText(value)}`;
}
