import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCount,
  formatPercent,
  formatTable,
  roundForOutput,
} from './format-table.js';

describe('format-table', () => {
  it('pads columns to the widest cell and aligns numbers right', () => {
    const table = formatTable(
      ['Nutrient', 'Amount'],
      [
        ['Calcium', '812'],
        ['Vitamin K1', '96.4'],
      ],
      {
        align: ['left', 'right'],
      },
    );
    expect(table).toBe(
      [
        'Nutrient    Amount',
        '----------  ------',
        'Calcium        812',
        'Vitamin K1    96.4',
        '',
      ].join('\n'),
    );
  });

  it('counts µ as one column', () => {
    expect(formatTable(['Unit'], [['µg']])).toBe('Unit\n----\nµg\n');
  });

  it('formats amounts, counts and shares for reading', () => {
    expect(formatAmount(1234.56)).toBe('1,235');
    expect(formatAmount(12.345)).toBe('12.3');
    expect(formatAmount(1.2345)).toBe('1.23');
    expect(formatAmount(0.012345)).toBe('0.0123');
    expect(formatAmount(0)).toBe('0');
    expect(formatCount(0.5)).toBe('0.5');
    expect(formatCount(1)).toBe('1');
    expect(formatPercent(0.934)).toBe('93%');
  });

  it('rounds floating-point noise in output but keeps integers and small values', () => {
    expect(roundForOutput({ a: 472.21600000000007, b: [0.000123456789], c: 1200, d: 'x' })).toEqual(
      {
        a: 472.216,
        b: [0.000123457],
        c: 1200,
        d: 'x',
      },
    );
  });
});
