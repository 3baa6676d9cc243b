import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, progressReporter } from './progress.js';

describe('formatProgress', () => {
  it('shows percent, label, rows, rows/s and the time left at the current rate', () => {
    expect(
      formatProgress({
        label: 'food_nutrient.csv',
        fraction: 0.25,
        rows: 37_500,
        secondsElapsed: 1.5,
      }),
    ).toBe(' 25%  food_nutrient.csv  37,500 rows  25,000 rows/s  ETA 0:05');
  });

  it('has no rate or ETA before any time has passed, and ETA 0:00 when done', () => {
    expect(formatProgress({ label: 'food.csv', fraction: 0, rows: 0, secondsElapsed: 0 })).toBe(
      '  0%  food.csv  0 rows  – rows/s  ETA –',
    );
    expect(
      formatProgress({ label: 'food_portion.csv', fraction: 1, rows: 150_000, secondsElapsed: 4 }),
    ).toBe('100%  food_portion.csv  150,000 rows  37,500 rows/s  ETA 0:00');
  });

  it('never shows more than 100 % nor a negative percent', () => {
    const over = formatProgress({ label: 'x', fraction: 1.2, rows: 1, secondsElapsed: 1 });
    expect(over.startsWith('100%')).toBe(true);
    const under = formatProgress({ label: 'x', fraction: -1, rows: 1, secondsElapsed: 1 });
    expect(under.startsWith('  0%')).toBe(true);
  });
});

describe('formatDuration', () => {
  it('writes m:ss and h:mm:ss, rounding to the second', () => {
    expect(formatDuration(4.6)).toBe('0:05');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(Infinity)).toBe('–');
  });
});

function capture(tty: boolean) {
  let clock = 0;
  let text = '';
  const reporter = progressReporter({ stderr: (s) => (text += s) }, { tty, now: () => clock });
  return { reporter, tick: (s: number) => (clock += s), text: () => text };
}

describe('progressReporter', () => {
  it('without a terminal writes a plain line at the start, at each tenth crossed and at 100 %', () => {
    const { reporter, tick, text } = capture(false);
    for (let i = 1; i <= 40; i += 1) {
      tick(0.05);
      reporter.update({ label: 'food_nutrient.csv', fraction: i / 50, rows: i * 1000 });
    }
    reporter.finish();
    const lines = text().split('\n').filter(Boolean);
    expect(text()).not.toContain('\r');
    expect(text()).not.toContain('\u001b');
    expect(lines.map((l) => l.slice(0, 4))).toEqual([
      '  2%',
      ' 10%',
      ' 20%',
      ' 30%',
      ' 40%',
      ' 50%',
      ' 60%',
      ' 70%',
      ' 80%',
      '100%',
    ]);
    expect(lines[1]).toBe(' 10%  food_nutrient.csv  5,000 rows  20,000 rows/s  ETA 0:02');
  });

  it('on a terminal rewrites one line, at most ten times a second, and ends it', () => {
    const { reporter, tick, text } = capture(true);
    for (let i = 1; i <= 100; i += 1) {
      tick(0.01);
      reporter.update({ label: 'food.csv', fraction: i / 100, rows: i });
    }
    reporter.finish();
    const out = text();
    const writes = out.split('\r').filter(Boolean);
    expect(writes.length).toBeGreaterThanOrEqual(9);
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(out.split('\n')).toHaveLength(2); // one line, ended once
    expect(writes.at(-1)).toBe('100%  food.csv  100 rows  100 rows/s  ETA 0:00\u001b[K\n');
  });

  it('writes nothing when there was no progress', () => {
    const { reporter, text } = capture(false);
    reporter.finish();
    expect(text()).toBe('');
  });
});
