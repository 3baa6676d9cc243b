import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseSupplementaryCsv } from './sr24-supplementary.js';

const HEADER = 'food_id,nutrient,per100g,min,max,role,approximate,label,pmid,doi,fdc_id,url,note';
const known = (id: string): boolean => id === 'sr24:16113';

describe('parseCsvRecords', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    expect(parseCsvRecords('a,"b,c","d ""e"""\r\n"multi\nline",x\n', 'f.csv')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'd "e"'] },
      { line: 2, cells: ['multi\nline', 'x'] },
    ]);
    expect(() => parseCsvRecords('a,"b\n', 'f.csv')).toThrow(/f\.csv:1: quoted field never closed/);
    expect(() => parseCsvRecords('a,b"c\n', 'f.csv')).toThrow(/f\.csv:1: stray quote/);
  });
});

describe('parseSupplementaryCsv', () => {
  const parse = (row: string): unknown =>
    parseSupplementaryCsv(`${HEADER}\n${row}\n`, 's.csv', known);

  it('maps an FDC row to a dataset source and a study row to a study source', () => {
    const [fdc, study] = parseSupplementaryCsv(
      `${HEADER}\nsr24:16113,mk4,0.5,,,chosen,1,FDC,,,12345,,\nsr24:16113,mk7,939,900,1000,chosen,0,Study A,123,10.0000/fixture,,,\n`,
      's.csv',
      known,
    );
    expect(fdc?.source).toEqual({
      label: 'FDC',
      kind: 'dataset',
      dataset: 'USDA FoodData Central',
      record: '12345',
    });
    expect(fdc?.approximate).toBe(true);
    expect(study?.source).toEqual({
      label: 'Study A',
      kind: 'study',
      pmid: '123',
      doi: '10.0000/fixture',
    });
    expect(study?.range).toEqual({ min: 900, max: 1000 });
    expect(study?.line).toBe(3);
  });

  it('names file, line and field for each defect', () => {
    expect(() => parse('sr24:16113,mk7,1,,,chosen,0,A,,,,,')).toThrow(/s\.csv:2: source/);
    expect(() => parse('sr24:16113,mk7,-1,,,chosen,0,A,,,,u,')).toThrow(/s\.csv:2: per100g/);
    expect(() => parse('sr24:16113,mk7,1,2,,chosen,0,A,,,,u,')).toThrow(
      /s\.csv:2: min\/max: give both/,
    );
    expect(() => parse('sr24:16113,mk7,5,1,2,chosen,0,A,,,,u,')).toThrow(
      /s\.csv:2: per100g: 5 outside/,
    );
    expect(() => parse('sr24:16113,mk7,1,,,best,0,A,,,,u,')).toThrow(/s\.csv:2: role/);
    expect(() => parse('sr24:16113,mk7,1,,,chosen,yes,A,,,,u,')).toThrow(/s\.csv:2: approximate/);
    expect(() => parse('sr24:16113,mk7,1,,,chosen,0,,,,,u,')).toThrow(/s\.csv:2: label/);
    expect(() => parse('sr24:16113,mk7,1,,,chosen,0,A,PMC1,,,u,')).toThrow(/s\.csv:2: pmid/);
    expect(() => parse('sr24:16113,mk7,1')).toThrow(/s\.csv:2: row: 3 fields/);
    expect(() => parseSupplementaryCsv('food,nutrient\n', 's.csv', known)).toThrow(
      /s\.csv:1: header/,
    );
  });
});
