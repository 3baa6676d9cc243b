import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './csv.js';
import { parseDiaryCsv, parseDiaryJson, parseDiaryText } from './parse.js';
import { isIsoDate } from './validate.js';

const json = (value: unknown) => JSON.stringify(value);
const day = (date: string, entries: unknown[]) => ({ date, entries });
const kale = { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };

function failure(result: ReturnType<typeof parseDiaryJson>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseDiaryJson', () => {
  it('reads days and entries and sorts days by date', () => {
    const result = parseDiaryJson(
      json({
        days: [day('2026-11-21', [kale]), day('2026-11-20', [{ ...kale, amount: 150, unit: 'g' }])],
      }),
      'd.json',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        days: [
          {
            date: '2026-11-20',
            entries: [
              { food: 'sr24:11233', amount: 150, unit: 'g', location: 'days[1].entries[0]' },
            ],
          },
          {
            date: '2026-11-21',
            entries: [
              {
                food: 'sr24:11233',
                amount: 1,
                unit: 'cup, chopped',
                location: 'days[0].entries[0]',
              },
            ],
          },
        ],
      },
    });
  });

  it('reports malformed JSON with the file', () => {
    expect(failure(parseDiaryJson('{ "days": [', 'd.json'))).toMatchObject({
      code: 'INVALID_JSON',
      file: 'd.json',
    });
  });

  it('names the entry and field of a bad amount', () => {
    const text = json({
      days: [
        day('2026-11-20', [kale]),
        day('2026-11-21', [kale, kale, kale, { ...kale, amount: -2 }]),
      ],
    });
    expect(failure(parseDiaryJson(text, 'd.json'))).toMatchObject({
      code: 'INVALID_AMOUNT',
      file: 'd.json',
      location: 'days[1].entries[3]',
      field: 'amount',
    });
  });

  it.each([
    [{ ...kale, amount: 0 }, 'INVALID_AMOUNT', 'amount'],
    [{ ...kale, amount: 'two' }, 'INVALID_AMOUNT', 'amount'],
    [{ ...kale, amount: 1e9 }, 'INVALID_AMOUNT', 'amount'],
    [{ food: 'sr24:11233', unit: 'g' }, 'INVALID_AMOUNT', 'amount'],
    [{ amount: 1, unit: 'g' }, 'INVALID_DIARY', 'food'],
    [{ food: 'sr24:11233', amount: 1 }, 'INVALID_DIARY', 'unit'],
    [{ food: '  ', amount: 1, unit: 'g' }, 'INVALID_DIARY', 'food'],
  ])('rejects the entry %j', (entry, code, field) => {
    expect(
      failure(parseDiaryJson(json({ days: [day('2026-11-20', [entry])] }), 'd.json')),
    ).toMatchObject({
      code,
      field,
      location: 'days[0].entries[0]',
    });
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '20-11-2026', '2026-1-5', ''])(
    'rejects the date "%s"',
    (date) => {
      expect(failure(parseDiaryJson(json({ days: [day(date, [kale])] }), 'd.json'))).toMatchObject({
        code: 'INVALID_DATE',
        location: 'days[0]',
        field: 'date',
      });
    },
  );

  it('rejects a date given twice instead of merging it silently', () => {
    const error = failure(
      parseDiaryJson(
        json({ days: [day('2026-11-20', [kale]), day('2026-11-20', [kale])] }),
        'd.json',
      ),
    );
    expect(error).toMatchObject({ code: 'INVALID_DIARY', location: 'days[1]', field: 'date' });
    expect(error.message).toContain('days[0]');
  });

  it('rejects empty diaries and empty days', () => {
    expect(failure(parseDiaryJson(json({ days: [] })))).toMatchObject({
      code: 'INVALID_DIARY',
      field: 'days',
    });
    expect(failure(parseDiaryJson(json({ days: [day('2026-11-20', [])] })))).toMatchObject({
      field: 'entries',
    });
    expect(failure(parseDiaryJson(json([1, 2])))).toMatchObject({ code: 'INVALID_DIARY' });
  });
});

describe('parseDiaryCsv', () => {
  it('reads quoted units with commas, tolerates a BOM, CRLF and spaces, and groups rows by date', () => {
    const text =
      '\uFEFFdate,food,amount,unit\r\n' +
      '2026-11-20, sr24:11233 , 1 , "cup, chopped"\r\n' +
      '\r\n' +
      '2026-11-21,sr24:01009,30,g\r\n' +
      '2026-11-20,sr24:01009,1.5,oz\r\n';
    const result = parseDiaryCsv(text, 'd.csv');
    expect(result).toEqual({
      ok: true,
      value: {
        days: [
          {
            date: '2026-11-20',
            entries: [
              { food: 'sr24:11233', amount: 1, unit: 'cup, chopped', location: 'line 2' },
              { food: 'sr24:01009', amount: 1.5, unit: 'oz', location: 'line 5' },
            ],
          },
          {
            date: '2026-11-21',
            entries: [{ food: 'sr24:01009', amount: 30, unit: 'g', location: 'line 4' }],
          },
        ],
      },
    });
  });

  it('accepts the columns in any order and ignores extra ones', () => {
    const result = parseDiaryCsv(
      'Unit,Amount,note,Food,Date\ng,100,"lunch, at home",sr24:11233,2026-11-20\n',
    );
    expect(result.ok && result.value.days[0]!.entries[0]).toMatchObject({
      food: 'sr24:11233',
      amount: 100,
      unit: 'g',
    });
  });

  it('names the line and field of a bad row', () => {
    const rows = [
      'date,food,amount,unit',
      ...Array.from({ length: 5 }, () => '2026-11-20,sr24:11233,10,g'),
      '2026-11-20,sr24:11233,abc,g',
    ];
    expect(failure(parseDiaryCsv(rows.join('\n'), 'd.csv'))).toMatchObject({
      code: 'INVALID_AMOUNT',
      file: 'd.csv',
      location: 'line 7',
      field: 'amount',
    });
  });

  it.each([
    ['date,food,amount\n2026-11-20,sr24:1,1\n', 'INVALID_CSV', 'line 1', 'unit'],
    ['date,food,amount,unit\n2026-11-20,sr24:1,1\n', 'INVALID_CSV', 'line 2', 'unit'],
    ['date,food,amount,unit\n2026-02-30,sr24:1,1,g\n', 'INVALID_DATE', 'line 2', 'date'],
    ['date,food,amount,unit\n2026-11-20,sr24:1,-1,g\n', 'INVALID_AMOUNT', 'line 2', 'amount'],
    ['date,food,amount,unit\n2026-11-20,,1,g\n', 'INVALID_DIARY', 'line 2', 'food'],
    ['date,food,amount,unit\n2026-11-20,sr24:1,1,"cup\n', 'INVALID_CSV', 'line 2', undefined],
    ['date,food,amount,unit\n2026-11-20,sr24:1,1,cup "x"\n', 'INVALID_CSV', 'line 2', undefined],
  ])('rejects %j', (text, code, location, field) => {
    const error = failure(parseDiaryCsv(text, 'd.csv'));
    expect(error).toMatchObject({ code, location, file: 'd.csv' });
    expect(error.field).toBe(field);
  });

  it('rejects an empty file and a header without rows', () => {
    expect(failure(parseDiaryCsv('', 'd.csv'))).toMatchObject({ code: 'INVALID_CSV' });
    expect(failure(parseDiaryCsv('date,food,amount,unit\n', 'd.csv'))).toMatchObject({
      code: 'INVALID_DIARY',
    });
  });
});

describe('parseCsvRecords', () => {
  it('keeps quotes, commas and line breaks inside quoted fields and counts lines', () => {
    const result = parseCsvRecords('a,"b ""x"", c"\n"multi\nline",z\nlast,row');
    expect(result).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['a', 'b "x", c'] },
        { line: 2, fields: ['multi\nline', 'z'] },
        { line: 4, fields: ['last', 'row'] },
      ],
    });
  });
});

describe('parseDiaryText and isIsoDate', () => {
  it('picks the parser by extension, then by content', () => {
    expect(parseDiaryText('date,food,amount,unit\n2026-11-20,sr24:1,1,g', 'x.csv').ok).toBe(true);
    expect(parseDiaryText(json({ days: [day('2026-11-20', [kale])] }), 'x.txt').ok).toBe(true);
  });

  it('knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
});

describe('meal slots in diary files', () => {
  it('keeps a meal given in JSON or CSV (any case); absent or empty is unassigned', () => {
    const fromJson = parseDiaryJson(
      json({ days: [day('2026-11-29', [{ ...kale, meal: 'Dinner' }, kale])] }),
      'd.json',
    );
    expect(fromJson.ok && fromJson.value.days[0]!.entries.map((e) => e.meal)).toEqual([
      'dinner',
      undefined,
    ]);
    const fromCsv = parseDiaryCsv(
      'meal,date,food,amount,unit\nsnack,2026-11-29,sr24:11233,1,g\n,2026-11-29,sr24:11233,2,g\n',
      'd.csv',
    );
    expect(fromCsv.ok && fromCsv.value.days[0]!.entries.map((e) => e.meal)).toEqual([
      'snack',
      undefined,
    ]);
  });

  it('refuses another meal with the file, the line or entry, and the field', () => {
    expect(
      failure(
        parseDiaryCsv('date,food,amount,unit,meal\n2026-11-29,sr24:11233,1,g,brunch\n', 'd.csv'),
      ),
    ).toMatchObject({ code: 'INVALID_DIARY', file: 'd.csv', location: 'line 2', field: 'meal' });
    expect(
      failure(
        parseDiaryJson(
          json({ days: [day('2026-11-29', [{ ...kale, meal: ['lunch'] }])] }),
          'd.json',
        ),
      ),
    ).toMatchObject({ file: 'd.json', location: 'days[0].entries[0]', field: 'meal' });
  });
});
