import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/core/evidence/index.js';

const doc = readFileSync(new URL('../docs/evidence-grading.md', import.meta.url), 'utf8');

describe('docs/evidence-grading.md', () => {
  it('lists every claim with its current direction and grade', () => {
    const rows = new Map(
      doc
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| Claim'))
        .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '').trim()))
        .map((cells) => [cells[0]!, cells]),
    );
    for (const claim of CLAIMS) {
      const row = rows.get(claim.id);
      expect(row, claim.id).toBeDefined();
      expect(row?.[4], `${claim.id} direction`).toBe(claim.direction);
      expect(row?.[5], `${claim.id} grade`).toBe(claim.grade.replace('-', ' '));
    }
  });
});
