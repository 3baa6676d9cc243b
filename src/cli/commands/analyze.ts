import { periodProfiles } from '../../app/supplement-days.js';
import type { Command } from 'commander';
import { analyseDiary, analysisDocument } from '../../app/analysis.js';
import type { Analysis } from '../../core/analysis/index.js';
import type { AssessedTotal, Balance } from '../../core/balance/index.js';
import {
  getNutrient,
  NUTRIENT_IDS,
  vitaminDUgToIu,
  type NutrientId,
} from '../../core/nutrients.js';
import { assess } from '../../core/policy/index.js';
import type { PersonalTargets } from '../../core/targets/index.js';
import { parseDiaryText } from '../../schemas/diary.js';
import { DEFAULT_REGION } from '../../core/k2.js';
import { parseProfile } from '../../schemas/profile.js';
import { formatAmount, formatPercent, formatTable, roundForOutput } from '../format-table.js';
import { CliFailure, orExit, printJson, type CliIo } from '../io.js';
import { readJson, readText } from '../read-input.js';
import { readStoreInputs } from '../store-inputs.js';
import { loadFoods } from './foods.js';

interface AnalyzeOutput {
  diary: string;
  /** Region the menaquinone values were chosen for. */
  region?: string;
  days: Analysis['days'];
  average: Partial<Record<NutrientId, AssessedTotal>>;
  contributors: Analysis['contributors'];
  balance?: Balance;
  targets?: PersonalTargets;
}

/** Nutrients shown per day in the readable day table. */
const DAY_COLUMNS: readonly NutrientId[] = [
  'energy',
  'protein',
  'calcium',
  'magnesium',
  'vitamin-d',
  'vitamin-k1',
  'vitamin-k2',
  'epa-dha',
];

interface AnalyzeOptions {
  profile?: string;
  db?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export function registerAnalyzeCommand(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('Totals per day, averages and top contributing foods for a diary (JSON or CSV)')
    .argument(
      '[diary]',
      'diary file: .json ({ "days": [...] }) or .csv (date,food,amount,unit); without it, the store',
    )
    .option('--profile <file>', 'profile JSON: adds personal targets, % of target and balance')
    .option(
      '--db <file>',
      'analyse the diary in this SQLite store (default store: as `calcwise serve`)',
    )
    .option('--from <date>', 'with the store: first date (YYYY-MM-DD)')
    .option('--to <date>', 'with the store: last date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (diaryFile: string | undefined, options: AnalyzeOptions) => {
      if (diaryFile !== undefined && options.db !== undefined) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: 'give a diary file or --db, not both',
          field: 'db',
        });
      }
      const range = {
        ...(options.from !== undefined && { from: options.from }),
        ...(options.to !== undefined && { to: options.to }),
      };
      const stored =
        diaryFile === undefined ? await readStoreInputs(io, options.db, range) : undefined;
      if (stored && stored.entries === 0) {
        throw new CliFailure({
          code: 'INVALID_DIARY',
          message: `no diary entries in ${stored.label}${range.from || range.to ? ` from ${range.from ?? 'the start'} to ${range.to ?? 'the end'}` : ''}`,
        });
      }
      const label = diaryFile ?? stored!.label;
      const diary = stored
        ? stored.diary
        : orExit(parseDiaryText(readText(io, diaryFile!), diaryFile));
      const profileInput =
        options.profile !== undefined ? readJson(io, options.profile) : stored?.profile;
      const profile =
        profileInput === undefined
          ? undefined
          : orExit(parseProfile(profileInput, options.profile ?? `${label} (stored profile)`));
      // Menaquinone values are chosen for the person's region (profile "region", default us).
      const region = profile?.region ?? DEFAULT_REGION;
      const analysis = orExit(
        analyseDiary(diary, stored ? stored.foods : loadFoods().index, { file: label, region }),
      );
      const diaryFileLabel = label;
      let output: AnalyzeOutput = { diary: diaryFileLabel, region, ...analysis };
      if (profile) {
        // Supplements as logged in the store: the average for adequacy, the highest day for
        // the findings (as GET /api/analysis).
        const { adequacy, safety } = periodProfiles(
          profile,
          stored?.supplementDays ?? [],
          analysis,
        );
        output = {
          diary: diaryFileLabel,
          region,
          ...analysisDocument(
            analysis,
            adequacy,
            // The same policy as GET /api/analysis: the stored labs count too.
            assess(safety, { analysis, labs: stored?.labs ?? [] }).targets,
          ),
        };
      }
      if (options.json) return printJson(io, roundForOutput(output));
      printReadable(io, output);
    });
}

/** The K2 coverage split: how much of it rests on the foods' own analyses. */
function k2CoverageLine(output: AnalyzeOutput): string {
  const split = output.average['vitamin-k2']?.coverageBasis;
  if (!split) return '';
  return (
    `Vitamin K2 coverage: ${formatPercent(split.measured)} measured, ${formatPercent(split.inferred)} inferred from related foods, ` +
    `${formatPercent(split.unknown)} unknown (region ${output.region ?? DEFAULT_REGION}; see docs/vitamin-k2-data.md).\n`
  );
}

function printReadable(io: CliIo, output: AnalyzeOutput): void {
  const entryCount = output.days.reduce((sum, day) => sum + day.entries.length, 0);
  const first = output.days[0]?.date;
  const last = output.days.at(-1)?.date;
  io.stdout(
    `${output.diary}: ${output.days.length} day(s), ${entryCount} entries, ${first} to ${last}\n\n`,
  );

  const withTargets = output.targets !== undefined;
  io.stdout('Average per day\n');
  const rows = NUTRIENT_IDS.map((id) => {
    const total = output.average[id];
    const definition = getNutrient(id);
    const top = output.contributors[id]?.[0];
    const targetCells = withTargets
      ? [
          total?.target !== undefined
            ? `${formatAmount(total.target)} ${total.targetKind ?? ''}`.trim()
            : '',
          total?.percent !== undefined ? `${Math.round(total.percent)}%` : '',
          total?.limit !== undefined
            ? `${formatAmount(total.limit)} ${total.limitKind ?? ''}${total.overLimit ? ' OVER' : ''}`.trim()
            : '',
        ]
      : [];
    if (!total)
      return [definition.name, 'unknown', definition.unit, '0%', ...targetCells.map(() => ''), ''];
    return [
      definition.name,
      amountWithIu(id, total.amount) + (total.partial ? '*' : ''),
      definition.unit,
      formatPercent(total.coverage),
      ...targetCells,
      top ? `${shorten(top.name)} (${formatPercent(top.share)})` : '',
    ];
  });
  io.stdout(
    formatTable(
      [
        'Nutrient',
        'Amount',
        'Unit',
        'Coverage',
        ...(withTargets ? ['Target', '% target', 'Limit'] : []),
        'Top source',
      ],
      rows,
      {
        align: [
          'left',
          'right',
          'left',
          'right',
          ...(withTargets ? (['right', 'right', 'right'] as const) : []),
          'left',
        ],
      },
    ),
  );
  io.stdout(
    'Coverage: share of entries whose food has a known value; unknown values are left out, never counted as 0.\n' +
      k2CoverageLine(output) +
      (output.days.some((day) => Object.values(day.totals).some((t) => t.partial))
        ? '* derived value with an unknown component for some foods (often K2: rarely measured).\n'
        : ''),
  );

  io.stdout('\nPer day\n');
  io.stdout(
    formatTable(
      ['Date', ...DAY_COLUMNS.map((id) => `${shortName(id)} ${getNutrient(id).unit}`)],
      output.days.map((day) => [
        day.date,
        ...DAY_COLUMNS.map((id) => {
          const total = day.totals[id];
          if (!total) return '?';
          return `${formatAmount(total.amount)}${total.coverage < 1 ? ` (${formatPercent(total.coverage)})` : ''}`;
        }),
      ]),
      { align: ['left', ...DAY_COLUMNS.map(() => 'right' as const)] },
    ),
  );
  io.stdout('(n%) = coverage below 100%; ? = no food of the day has a known value.\n');

  if (output.balance && Object.keys(output.balance).length > 0) {
    io.stdout('\nBalance (details with --json)\n');
    for (const [key, value] of Object.entries(output.balance))
      io.stdout(`  ${balanceLine(key, value)}\n`);
  }
}

function balanceLine(key: string, value: unknown): string {
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const item = value as { name?: unknown; value?: unknown; unit?: unknown; status?: unknown };
    const amount = typeof item.value === 'number' ? formatAmount(item.value) : String(item.value);
    const name = typeof item.name === 'string' ? item.name : key;
    const unit = typeof item.unit === 'string' ? ` ${item.unit}` : '';
    const status = typeof item.status === 'string' ? ` (${item.status})` : '';
    return `${name}: ${amount}${unit}${status}`;
  }
  return `${key}: ${typeof value === 'object' ? JSON.stringify(roundForOutput(value, 4)) : String(value)}`;
}

function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function amountWithIu(id: NutrientId, amount: number): string {
  return id === 'vitamin-d'
    ? `${formatAmount(amount)} (${formatAmount(vitaminDUgToIu(amount))} IU)`
    : formatAmount(amount);
}

function shortName(id: NutrientId): string {
  const names: Partial<Record<NutrientId, string>> = {
    energy: 'Energy',
    protein: 'Protein',
    calcium: 'Ca',
    magnesium: 'Mg',
    'vitamin-d': 'Vit D',
    'vitamin-k1': 'K1',
    'vitamin-k2': 'K2',
    'epa-dha': 'EPA+DHA',
  };
  return names[id] ?? id;
}
