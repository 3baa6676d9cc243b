import { describe, expect, it } from 'vitest';
import { findAffirmativeReversal } from './language.js';

describe('findAffirmativeReversal', () => {
  it.each([
    'MK-7 reverses arterial calcification.',
    'Vitamin K2 can reverse calcification in months.',
    'Magnesium may reverse calcium deposits.',
    'This regimen led to reversal of coronary calcification.',
    'K2 reverses calcification, unlike vitamin D, which does not.',
    'Calcification is reversible with diet.',
    'Not only does it slow progression; it reverses it.',
  ])('flags the affirmative "%s"', (text) => {
    expect(findAffirmativeReversal(text)).toEqual([text]);
  });

  it.each([
    'No trial has shown reversal of calcification.',
    'No evidence of reversal: trials were negative.',
    'There is no evidence that K2 reverses calcification.',
    'Reversal was not shown in any human trial.',
    'Can vitamin K2 reverse calcification?',
    'Trials did not reverse or slow calcification.',
    'Higher intake is associated with less calcification and may slow progression.',
  ])('allows "%s"', (text) => {
    expect(findAffirmativeReversal(text)).toEqual([]);
  });

  it('reports only the offending sentence of a longer text', () => {
    expect(
      findAffirmativeReversal(
        'No trial has shown reversal. But natto reverses it. Ask your clinician.',
      ),
    ).toEqual(['But natto reverses it.']);
  });
});
