import type { Command } from 'commander';
import {
  EVIDENCE_DISCLAIMER,
  getFaq,
  STUDIES_BY_ID,
  type Certainty,
  type EvidenceNutrient,
  type GradedSummary,
  type Study,
} from '../../core/evidence/index.js';
import type { FoodIndex } from '../../core/foods.js';
import { CliFailure, orExit, printJson, type CliIo } from '../io.js';
import { evidenceDocument } from '../../app/evidence.js';
import { loadFoods } from './foods.js';

/** Readable in a 120-column terminal: widths plus two spaces between columns ≤ 120. */
const COLUMNS = [
  { header: 'Nutrient', width: 15 },
  { header: 'Mechanism', width: 23 },
  { header: 'Evidence: reversal', width: 27 },
  { header: 'Evidence: prevention', width: 27 },
  { header: 'Food sources', width: 20 },
] as const;

const GRADE_TEXT: Record<Certainty, string> = {
  high: 'high',
  moderate: 'moderate',
  low: 'low',
  'very-low': 'very low',
  insufficient: 'insufficient',
};

const GRADE_NOTE =
  'Grades are GRADE-style certainty in each statement (high, moderate, low, very low, insufficient) with what the studies show (benefit, null, harm, mixed); see docs/evidence-grading.md.';

export function registerEvidenceCommand(program: Command, io: CliIo): void {
  program
    .command('evidence')
    .description(
      'Graded, cited evidence: mechanism, reversal, prevention and food sources per nutrient',
    )
    .argument('[nutrient]', 'one nutrient, e.g. vitamin-k2, magnesium (or a registry id: mk7)')
    .option('--faq', 'the questions people ask, answered with the studies cited')
    .option('--json', 'print JSON')
    .action((nutrient: string | undefined, options: { faq?: boolean; json?: boolean }) => {
      if (options.faq) {
        if (nutrient !== undefined) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: '--faq answers every question; leave out the nutrient',
            field: 'nutrient',
          });
        }
        const questions = getFaq();
        if (options.json) return printJson(io, { questions });
        io.stdout(renderFaq(questions));
        return;
      }
      const { nutrients, studies, disclaimer } = orExit(evidenceDocument(nutrient));
      if (options.json) return printJson(io, { nutrients, studies, disclaimer });
      const index = loadFoods().index;
      io.stdout(renderComparisonTable(nutrients, index));
      if (nutrient !== undefined) io.stdout(renderDetails(nutrients, studies));
      io.stdout(
        `\n${wrap(GRADE_NOTE, 118).join('\n')}\n${wrap(EVIDENCE_DISCLAIMER, 118).join('\n')}\n`,
      );
    });
}

/** Splits text into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while ([...rest].length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    if (!line) line = rest;
    else if ([...line].length + 1 + [...rest].length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function gradeLine(summary: GradedSummary): string {
  const direction = summary.direction === 'none' ? 'no study' : summary.direction;
  return `[${GRADE_TEXT[summary.grade]} · ${direction}]`;
}

/** Food names cut to their first two comma parts; names that would read the same keep more. */
function shortFoodNames(index: FoodIndex, ids: readonly string[]): string[] {
  const parts = ids.map(
    (id) =>
      index
        .get(id)
        ?.name.split(',')
        .map((p) => p.trim()) ?? [id],
  );
  const short = parts.map((p) => p.slice(0, 2).join(', '));
  return parts.map((p, i) => {
    const clashes = short.filter((name) => name === short[i]).length > 1;
    return clashes ? p.slice(0, 4).join(', ') : short[i]!;
  });
}

function studyLabels(ids: readonly string[]): string {
  return ids.map((id) => STUDIES_BY_ID.get(id)?.label ?? id).join('; ');
}

/** The comparison table: nutrient × mechanism × reversal × prevention × food sources, wrapped. */
export function renderComparisonTable(
  nutrients: readonly EvidenceNutrient[],
  index: FoodIndex,
): string {
  const header = COLUMNS.map((c) => pad(c.header, c.width))
    .join('  ')
    .trimEnd();
  const rule = COLUMNS.map((c) => '-'.repeat(c.width)).join('  ');
  const blocks: string[] = [];
  for (const n of nutrients) {
    const foods = shortFoodNames(index, n.foods);
    const foodText = `${n.foodRole === 'limit' ? 'Limit: ' : ''}${foods.join('; ')}.${
      n.topFoodsCommand ? ` More: ${n.topFoodsCommand}` : ''
    }`;
    const cells = [
      wrap(n.name, COLUMNS[0].width),
      wrap(n.mechanism, COLUMNS[1].width),
      [
        ...wrap(gradeLine(n.reversal), COLUMNS[2].width),
        ...wrap(n.reversal.summary, COLUMNS[2].width),
      ],
      [
        ...wrap(gradeLine(n.prevention), COLUMNS[3].width),
        ...wrap(n.prevention.summary, COLUMNS[3].width),
      ],
      wrap(foodText, COLUMNS[4].width),
    ];
    const height = Math.max(...cells.map((c) => c.length));
    const lines: string[] = [];
    for (let row = 0; row < height; row += 1) {
      lines.push(
        cells
          .map((cell, column) => pad(cell[row] ?? '', COLUMNS[column]!.width))
          .join('  ')
          .trimEnd(),
      );
    }
    blocks.push(lines.join('\n'));
  }
  return `${header}\n${rule}\n${blocks.join(`\n${rule}\n`)}\n`;
}

function renderDetails(nutrients: readonly EvidenceNutrient[], studies: readonly Study[]): string {
  const out: string[] = [];
  for (const n of nutrients) {
    out.push('', `${n.name}: graded claims`);
    for (const claim of n.claims) {
      const grade = `${GRADE_TEXT[claim.grade]} · ${claim.direction === 'none' ? 'no study' : claim.direction}`;
      out.push(
        ...wrap(`- ${claim.kind} [${grade}]: ${claim.statement}`, 118).map((l, i) =>
          i ? `  ${l}` : l,
        ),
      );
      if (claim.studies.length > 0)
        out.push(...wrap(`Studies: ${studyLabels(claim.studies)}`, 116).map((l) => `  ${l}`));
    }
    out.push('', 'Cautions:');
    for (const caution of n.cautions)
      out.push(...wrap(`- ${caution}`, 118).map((l, i) => (i ? `  ${l}` : l)));
  }
  out.push('', 'Studies:');
  for (const s of studies) {
    const ids = [s.pmid ? `PMID ${s.pmid}` : '', s.doi ? `doi:${s.doi}` : '']
      .filter(Boolean)
      .join(', ');
    const head = `- ${s.label} — ${s.designDetail}${s.n !== null ? `, n=${s.n.toLocaleString('en-US')}` : ''}${ids ? ` (${ids})` : ''}`;
    out.push(...wrap(head, 118).map((l, i) => (i ? `  ${l}` : l)));
    out.push(...wrap(s.result, 116).map((l) => `  ${l}`));
  }
  return `${out.join('\n')}\n`;
}

function renderFaq(questions: ReturnType<typeof getFaq>): string {
  const out: string[] = [];
  for (const q of questions) {
    out.push(q.question, ...wrap(q.answer, 100).map((l) => `  ${l}`));
    out.push(...wrap(`Studies: ${studyLabels(q.studies)}`, 98).map((l) => `  ${l}`), '');
  }
  out.push(...wrap(GRADE_NOTE, 100));
  return `${out.join('\n')}\n`;
}
