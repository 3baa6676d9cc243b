import { periodProfiles } from '../../app/supplement-days.js';
import type { SupplementDay } from '../../core/supplement-log.js';
import type { Command } from 'commander';
import { analyseDiary } from '../../app/analysis.js';
import { screen } from '../../app/screen.js';
import type { Analysis } from '../../core/analysis/index.js';
import type { FoodIndex } from '../../core/foods.js';
import type { Profile } from '../../core/profile.js';
import { SEVERITY_ORDER, type Finding } from '../../core/safety/index.js';
import { parseDiaryText } from '../../schemas/diary.js';
import { CliFailure, orExit, printJson, type CliIo } from '../io.js';
import { readText } from '../read-input.js';
import { parseProfile } from '../../schemas/profile.js';
import type { LabResult } from '../../core/labs/index.js';
import { readStoreInputs } from '../store-inputs.js';
import { loadFoods } from './foods.js';
import { formatSource, parseAuthority, readProfile } from './targets.js';

export interface CheckDependencies {
  /** The food index for --diary; the bundled data by default. */
  loadFoodIndex?: () => FoodIndex;
}

const HEADINGS: Record<Finding['severity'], string> = {
  avoid: 'AVOID',
  caution: 'CAUTION',
  monitor: 'MONITOR',
  info: 'INFO',
};

export function registerCheckCommand(
  program: Command,
  io: CliIo,
  dependencies: CheckDependencies = {},
): void {
  program
    .command('check')
    .description(
      'Safety screening of a profile (and optionally a diary): medications, conditions, supplements, upper limits',
    )
    .option(
      '--profile <file>',
      'profile JSON (docs/design.md §4); with --db, the stored one by default',
    )
    .option('--diary <file>', 'diary (.json or .csv): adds diet-based checks')
    .option('--db <file>', 'use the diary (and profile) in this SQLite store, as the web app does')
    .option('--authority <authority>', 'nasem (default) or efsa, for the upper limits', 'nasem')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        profile?: string;
        diary?: string;
        db?: string;
        authority: string;
        json?: boolean;
      }) => {
        const authority = parseAuthority(options.authority);
        let profile: Profile | undefined =
          options.profile !== undefined ? readProfile(io, options.profile) : undefined;
        let analysis =
          options.diary === undefined
            ? undefined
            : analyzeDiaryFile(io, options.diary, dependencies);
        let labs: readonly LabResult[] = [];
        let supplementDays: readonly SupplementDay[] = [];
        if (options.db !== undefined) {
          const stored = await readStoreInputs(io, options.db);
          labs = stored.labs;
          supplementDays = stored.supplementDays;
          if (profile === undefined && stored.profile !== undefined) {
            profile = orExit(parseProfile(stored.profile, `${options.db} (stored profile)`));
          }
          if (analysis === undefined && stored.entries > 0) {
            analysis = orExit(analyseDiary(stored.diary, stored.foods, { file: options.db }));
          }
        }
        if (profile === undefined) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message:
              options.db !== undefined
                ? `no --profile given and ${options.db} has no stored profile`
                : 'give --profile <file> (or --db with a stored profile)',
            field: 'profile',
          });
        }
        // Upper limits and interactions read each supplement's highest logged day (--db).
        const { safety } = periodProfiles(profile, supplementDays, analysis);
        const { findings, consequences } = screen(safety, { analysis, authority, labs });
        if (options.json) return printJson(io, { findings, consequences });
        printFindings(io, profile, findings);
      },
    );
}

function analyzeDiaryFile(io: CliIo, file: string, dependencies: CheckDependencies): Analysis {
  const parsed = parseDiaryText(readText(io, file), file);
  if (!parsed.ok) throw new CliFailure(parsed.error);
  const index = dependencies.loadFoodIndex ? dependencies.loadFoodIndex() : loadFoods().index;
  return orExit(analyseDiary(parsed.value, index, { file }));
}

function printFindings(io: CliIo, profile: Profile, findings: readonly Finding[]): void {
  const who = `${profile.age}-year-old ${profile.sex}${profile.lifeStage === 'none' ? '' : `, ${profile.lifeStage}`}`;
  const counts = SEVERITY_ORDER.map(
    (s) => `${findings.filter((f) => f.severity === s).length} ${s}`,
  ).join(', ');
  io.stdout(`Safety check for a ${who}: ${findings.length} finding(s) (${counts})\n`);
  io.stdout(
    'calcwise informs; it does not diagnose. Discuss doses and medications with your clinician.\n',
  );
  if (findings.length === 0) {
    io.stdout('\nNo findings for this profile.\n');
    return;
  }
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    io.stdout(`\n${HEADINGS[severity]} (${group.length})\n`);
    for (const finding of group) {
      io.stdout(`\n  [${finding.id}] ${finding.trigger}\n`);
      io.stdout(`    ${finding.message}\n`);
      io.stdout(`    Action: ${finding.action}\n`);
      for (const source of finding.sources) io.stdout(`    Source: ${formatSource(source)}\n`);
    }
  }
}
