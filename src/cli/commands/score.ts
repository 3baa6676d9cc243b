import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { analyzeDiary, resolveDiary } from '../../core/analysis/index.js';
import {
  dashGuidance,
  estimateMedasFromAnalysis,
  MEDAS_BOOLEAN_KEYS,
  MEDAS_ITEMS,
  scoreMedas,
  validateMedasAnswers,
  type MedasAnswerKey,
  type MedasEstimate,
  type MedasScore,
} from '../../core/scores/index.js';
import { parseDiaryText } from '../../schemas/diary.js';
import { formatTable, roundForOutput } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { parseJson, readText } from '../read-input.js';
import { wrap } from './evidence.js';
import { loadFoods } from './foods.js';

const DISCLAIMER =
  'calcwise informs; it does not diagnose. A diet score describes a pattern; discuss changes with your clinician.';

export function registerScoreCommand(program: Command, io: CliIo): void {
  const score = program
    .command('score')
    .description('Diet-pattern scores: MEDAS (Mediterranean, 14 items) and DASH guidance');

  score
    .command('medas')
    .description(
      'Mediterranean Diet Adherence Screener: from an answers file, a diary estimate, prompts on a terminal, or answers JSON on stdin',
    )
    .option('--answers <file>', 'answers JSON (fields listed in docs/evidence-grading.md)')
    .option('--diary <file>', 'estimate the items a diary supports (JSON or CSV diary)')
    .option('--json', 'print JSON')
    .action(async (options: { answers?: string; diary?: string; json?: boolean }) => {
      if (options.answers !== undefined && options.diary !== undefined) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: 'give either --answers or --diary, not both',
          field: 'answers',
        });
      }
      if (options.diary !== undefined) {
        const estimate = estimateFromDiary(io, options.diary);
        if (options.json)
          return printJson(io, roundForOutput({ diary: options.diary, ...estimate }));
        return printEstimate(io, estimate);
      }
      const answers = await readAnswers(io, options.answers);
      const result = scoreMedas(answers);
      if (options.json) return printJson(io, result);
      printScore(io, result);
    });

  score
    .command('dash')
    .description('DASH pattern: components and evidence (no score: see why)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const guidance = dashGuidance();
      if (options.json) return printJson(io, guidance);
      io.stdout(`DASH-style pattern (${guidance.source.label})\n\n`);
      io.stdout(
        formatTable(
          ['Component', 'Better'],
          guidance.components.map((c) => [c.component, c.better]),
        ),
      );
      io.stdout(`\nNot scored: ${guidance.why}\n${guidance.evidence}\n`);
      io.stdout(`Not implemented:\n${guidance.notImplemented.map((n) => `- ${n}`).join('\n')}\n`);
      io.stdout(`\n${DISCLAIMER}\n`);
    });
}

async function readAnswers(io: CliIo, file: string | undefined) {
  let value: unknown;
  let source: string;
  if (file !== undefined) {
    source = file;
    value = parseJson(readText(io, file), file);
  } else if (io.stdin && (io.stdin as { isTTY?: boolean }).isTTY) {
    source = 'prompt';
    value = await promptAnswers(io, io.stdin);
  } else if (io.stdin) {
    source = 'stdin';
    value = parseJson(await readAll(io.stdin), source);
  } else {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'give --answers FILE, --diary FILE, or the answers as JSON on stdin',
      field: 'answers',
    });
  }
  const validated = validateMedasAnswers(value, source);
  if (!validated.ok) throw new CliFailure(validated.error);
  return validated.value;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : String(chunk);
  return text;
}

const PROMPT_ATTEMPTS = 3;

/** Asks each item on the terminal; a wrong answer is asked again, up to three times. */
async function promptAnswers(io: CliIo, stdin: NodeJS.ReadableStream): Promise<unknown> {
  const rl = createInterface({ input: stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Partial<Record<MedasAnswerKey, boolean | number>> = {};
  io.stdout('Mediterranean Diet Adherence Screener (14 items). Answer with numbers, or y/n.\n');
  try {
    for (const item of MEDAS_ITEMS) {
      for (const key of item.keys) {
        const isBoolean = MEDAS_BOOLEAN_KEYS.includes(key);
        const question =
          key === 'rawVegetableServingsPerDay'
            ? '   …of those, how many servings raw or as salad?'
            : `${item.number}. ${item.question}`;
        let parsed: boolean | number | undefined;
        for (let attempt = 0; attempt < PROMPT_ATTEMPTS && parsed === undefined; attempt += 1) {
          io.stdout(`${question} ${isBoolean ? '[y/n]' : '[number]'} `);
          const next = await lines.next();
          if (next.done) {
            throw new CliFailure({
              code: 'INVALID_INPUT',
              message: `item ${item.number}: input ended before "${key}" was answered`,
              field: key,
            });
          }
          parsed = parseAnswer(String(next.value), isBoolean);
          if (parsed === undefined)
            io.stdout(isBoolean ? 'Please answer y or n.\n' : 'Please give a number ≥ 0.\n');
        }
        if (parsed === undefined) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `item ${item.number}: no valid answer for "${key}"`,
            field: key,
          });
        }
        answers[key] = parsed;
      }
    }
  } finally {
    rl.close();
  }
  return answers;
}

function parseAnswer(text: string, isBoolean: boolean): boolean | number | undefined {
  const answer = text.trim().toLowerCase();
  if (isBoolean) {
    if (['y', 'yes', 'true'].includes(answer)) return true;
    if (['n', 'no', 'false'].includes(answer)) return false;
    return undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(answer)) return undefined;
  return Number(answer);
}

function estimateFromDiary(io: CliIo, file: string): MedasEstimate {
  const parsed = parseDiaryText(readText(io, file), file);
  if (!parsed.ok) throw new CliFailure(parsed.error);
  const { index } = loadFoods();
  const resolved = resolveDiary(parsed.value, index, { file });
  if (!resolved.ok) throw new CliFailure(resolved.error);
  return estimateMedasFromAnalysis(analyzeDiary(resolved.value), index);
}

function printScore(io: CliIo, score: MedasScore): void {
  io.stdout(
    formatTable(
      ['#', 'Item', 'Criterion', 'Answer', 'Point'],
      score.items.map((item) => [
        String(item.number),
        item.title,
        item.criterion,
        Object.values(item.answer)
          .map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)))
          .join(' / '),
        String(item.point),
      ]),
      { align: ['right', 'left', 'left', 'right', 'right'] },
    ),
  );
  io.stdout(`\nMEDAS ${score.total} of ${score.max}: ${score.band.label}\n`);
  printNotes(
    io,
    score.notes,
    score.sources.map((s) => s.label),
  );
}

function printEstimate(io: CliIo, estimate: MedasEstimate): void {
  io.stdout(`MEDAS estimated from ${estimate.days} diary day(s)\n\n`);
  io.stdout(
    formatTable(
      ['#', 'Item', 'Diary', 'Point'],
      estimate.items.map((item) => [
        String(item.number),
        item.title,
        item.value !== undefined ? `${item.value} ${item.unit ?? ''}`.trim() : '—',
        item.point === null ? (item.status === 'not-derivable' ? 'n/d' : '?') : String(item.point),
      ]),
      { align: ['right', 'left', 'right', 'right'] },
    ),
  );
  io.stdout('\nHow each item was read (n/d: not derivable from a diary; ?: undetermined):\n');
  for (const item of estimate.items) {
    io.stdout(`${wrap(`${item.number}. ${item.basis}`, 110).join('\n    ')}\n`);
  }
  const band = estimate.band
    ? estimate.band.label
    : 'not determined until the open items are answered';
  io.stdout(
    `\nKnown points ${estimate.total}; at most ${estimate.possibleMax} of 14 with the open items. Band: ${band}\n`,
  );
  printNotes(
    io,
    estimate.notes,
    estimate.sources.map((s) => s.label),
  );
}

function printNotes(io: CliIo, notes: readonly string[], sources: readonly string[]): void {
  const lines = [
    ...notes.map((n) => wrap(`- ${n}`, 110).join('\n  ')),
    wrap(`Sources: ${sources.join('; ')}`, 110).join('\n  '),
    DISCLAIMER,
  ];
  io.stdout(`${lines.join('\n')}\n`);
}
