import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../result.js';
import { parseDiaryCsv, parseDiaryJson } from './parse.js';

const DIARY_CODES: ErrorCode[] = [
  'INVALID_JSON',
  'INVALID_CSV',
  'INVALID_DIARY',
  'INVALID_DATE',
  'INVALID_AMOUNT',
];

function expectCodedOrOk(result: ReturnType<typeof parseDiaryJson>, file: string) {
  if (result.ok) {
    for (const day of result.value.days) {
      expect(day.entries.length).toBeGreaterThan(0);
      for (const entry of day.entries) expect(entry.amount).toBeGreaterThan(0);
    }
    return;
  }
  expect(DIARY_CODES).toContain(result.error.code);
  expect(result.error.file).toBe(file);
  expect(result.error.message.length).toBeGreaterThan(0);
}

// Values that look like parts of a diary, so random input reaches the deeper checks.
const fieldValue = fc.oneof(
  fc.constantFrom(
    '2026-11-20',
    '2026-02-30',
    'sr24:11233',
    'g',
    'cup, chopped',
    '1',
    '-1',
    '0',
    'abc',
    '',
    '"',
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
const entryLike = fc.record(
  { food: fieldValue, amount: fieldValue, unit: fieldValue },
  { requiredKeys: [] },
);
const dayLike = fc.record(
  { date: fieldValue, entries: fc.oneof(fc.array(entryLike, { maxLength: 4 }), fieldValue) },
  { requiredKeys: [] },
);

describe('diary parsers never throw on garbage', () => {
  it('JSON: random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        expectCodedOrOk(parseDiaryJson(text, 'g.json'), 'g.json'),
      ),
      {
        numRuns: 500,
      },
    );
  });

  it('JSON: random JSON values and diary-shaped objects', () => {
    const anyJson = fc.oneof(
      fc.jsonValue(),
      fc.record({ days: fc.oneof(fc.array(dayLike, { maxLength: 4 }), fc.jsonValue()) }),
    );
    fc.assert(
      fc.property(anyJson, (value) =>
        expectCodedOrOk(parseDiaryJson(JSON.stringify(value) ?? 'null', 'g.json'), 'g.json'),
      ),
      { numRuns: 500 },
    );
  });

  it('CSV: random strings, with and without a valid header', () => {
    const csvText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.array(
            fc.oneof(fieldValue.map(String), fc.constantFrom('"', ',', '\n', '\r\n', '""')),
            { maxLength: 6 },
          ),
          { maxLength: 6 },
        )
        .map((rows) => ['date,food,amount,unit', ...rows.map((row) => row.join(','))].join('\n')),
    );
    fc.assert(
      fc.property(csvText, (text) => expectCodedOrOk(parseDiaryCsv(text, 'g.csv'), 'g.csv')),
      { numRuns: 500 },
    );
  });
});
