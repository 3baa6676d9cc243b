// WCAG 2.2 contrast of the palette in styles.css: text at least 4.5:1 (AA), focus rings and
// input borders at least 3:1 (non-text contrast, 1.4.11).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

function variable(name: string): string {
  const match = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`));
  if (!match?.[1]) throw new Error(`styles.css defines no --${name}`);
  return match[1];
}

/** Relative luminance (WCAG 2.2, sRGB). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('palette contrast', () => {
  it('computes the reference ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  const white = '#ffffff';
  const textPairs: [string, string, string][] = [
    ['ink on cards', variable('ink'), variable('card')],
    ['muted text on cards', variable('muted'), variable('card')],
    ['muted text on the page', variable('muted'), variable('bg')],
    ['links and buttons', variable('accent'), variable('card')],
    ['button text on accent', variable('accent-ink'), variable('accent')],
    ['below-target notes', variable('low'), white],
    ['target-met notes', variable('ok'), white],
    ['over-limit notes', variable('bad'), white],
    ['header text', white, '#12365e'],
    ['disclaimer', variable('ink'), '#fff4d6'],
  ];
  it.each(textPairs)('%s meet 4.5:1', (_name, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('focus rings meet 3:1 on the page and in the header', () => {
    expect(contrast(variable('focus'), white)).toBeGreaterThanOrEqual(3);
    expect(contrast(variable('focus'), variable('bg'))).toBeGreaterThanOrEqual(3);
    expect(css).toContain('.site-header :focus-visible');
    expect(contrast('#ffd54a', '#12365e')).toBeGreaterThanOrEqual(3);
  });
});
