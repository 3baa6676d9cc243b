/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers aligned
 * right. Shared by commands that print readable output without --json.
 */

export type Align = 'left' | 'right';

/**
 * @example formatTable(['Nutrient', 'Amount'], [['Calcium', '812']], { align: ['left', 'right'] })
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { align?: readonly Align[] } = {},
): string {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, options.align?.[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

/** A readable amount: 3 significant digits below 100, whole numbers above. */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return Number(value.toPrecision(3)).toString();
}

/** A count as written in a portion: 1, 0.5, 2.25 (no padding zeros). */
export function formatCount(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/** A 0–1 share as a whole percent: 0.934 → "93%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Rounds every non-integer number in a JSON-bound value to `digits` significant digits, so
 * floating-point noise (472.21600000000007) does not reach users. Integers are kept.
 */
export function roundForOutput<T>(value: T, digits = 6): T {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'number' && Number.isFinite(item) && !Number.isInteger(item)
        ? Number(item.toPrecision(digits))
        : item,
    ),
  ) as T;
}

function displayWidth(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}
