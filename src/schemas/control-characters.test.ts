import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findControlCharacter, hasControlCharacter } from './control-characters.js';

describe('control characters', () => {
  it('finds NUL, the other C0 controls, DEL and C1 controls, and nothing else', () => {
    for (const c of ['\u0000', '\u0001', '\t', '\n', '\u001f', '\u007f', '\u0085', '\u009f']) {
      expect(hasControlCharacter(`kale${c}soup`), JSON.stringify(c)).toBe(true);
    }
    for (const text of ['Kale, raw', 'µg', 'Crème fraîche', '納豆', 'cup, chopped', ' ', '']) {
      expect(hasControlCharacter(text), text).toBe(false);
    }
  });

  it('names the path of the first offending value or key in a JSON document', () => {
    expect(findControlCharacter({ slug: 'a', name: 'a\u0000b' })).toEqual(['name']);
    expect(findControlCharacter({ portions: [{ name: 'cup' }, { name: 'x\u0007' }] })).toEqual([
      'portions',
      1,
      'name',
    ]);
    expect(findControlCharacter({ targets: { 'ca\u0000': { min: 1 } } })).toEqual([
      'targets',
      'ca\u0000',
    ]);
    expect(findControlCharacter('\u0000')).toEqual([]);
    expect(findControlCharacter({ a: [1, null, true, 'fine'] })).toBeUndefined();
  });

  it('walks a deeply nested document without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`);
    expect(findControlCharacter(deep)).toHaveLength(100_000);
  });

  it('finds one wherever it is put in any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        // Put NUL into one string of the value, or wrap the value when it has none.
        const strings: string[] = [];
        JSON.stringify(value, (_key, v) => (typeof v === 'string' && strings.push(v), v));
        const clean = findControlCharacter(value) === undefined;
        if (!clean) return;
        const target = strings[seed % Math.max(strings.length, 1)];
        const withNul =
          target === undefined
            ? { wrapped: value, bad: '\u0000' }
            : JSON.parse(JSON.stringify(value, (_key, v) => (v === target ? `${v}\u0000` : v)));
        expect(findControlCharacter(withNul)).toBeDefined();
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
