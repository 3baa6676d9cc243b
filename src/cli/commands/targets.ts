import type { Command } from 'commander';
import { getNutrient, vitaminDUgToIu } from '../../core/nutrients.js';
import type { Profile } from '../../core/profile.js';
import type { SourceRef } from '../../core/sources.js';
import { assess } from '../../core/policy/index.js';
import { type Authority, type PersonalTargets } from '../../core/targets/index.js';
import { parseProfile } from '../../schemas/profile.js';
import { formatAmount, formatTable, roundForOutput } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { readJson } from '../read-input.js';

const AUTHORITIES: readonly Authority[] = ['nasem', 'efsa'];

interface TargetsOptions {
  profile?: string;
  age?: string;
  sex?: string;
  pregnant?: boolean;
  lactating?: boolean;
  smoker?: boolean;
  authority: string;
  json?: boolean;
}

export function registerTargetsCommand(program: Command, io: CliIo): void {
  program
    .command('targets')
    .description(
      'Personal reference intakes (RDA, AI, UL, CDRR) and guidance, each with its source',
    )
    .option('--profile <file>', 'profile JSON (docs/design.md §4)')
    .option('--age <years>', 'age in years, instead of a profile')
    .option('--sex <sex>', 'female or male, with --age')
    .option('--pregnant', 'pregnancy reference intakes (with --age)')
    .option('--lactating', 'lactation reference intakes (with --age)')
    .option('--smoker', 'smoker (vitamin C +35 mg under NASEM)')
    .option('--authority <authority>', 'nasem (default) or efsa', 'nasem')
    .option('--json', 'print JSON')
    .action((options: TargetsOptions) => {
      const authority = parseAuthority(options.authority);
      const profile = profileFromOptions(io, options);
      const targets = assess(profile, { authority }).targets;
      if (options.json) return printJson(io, roundForOutput(targets));
      printTargets(io, targets);
    });
}

export function parseAuthority(value: string): Authority {
  if ((AUTHORITIES as readonly string[]).includes(value)) return value as Authority;
  throw new CliFailure({
    code: 'INVALID_INPUT',
    message: `unknown authority "${value}"; use nasem or efsa`,
    field: 'authority',
  });
}

function profileFromOptions(io: CliIo, options: TargetsOptions): Profile {
  const fromFlags = options.age !== undefined || options.sex !== undefined;
  if (options.profile !== undefined && fromFlags) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'give either --profile or --age and --sex, not both',
    });
  }
  if (options.profile !== undefined) return readProfile(io, options.profile);
  if (options.age === undefined || options.sex === undefined) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'give --profile <file>, or --age <years> and --sex female|male',
    });
  }
  if (options.pregnant && options.lactating) {
    throw new CliFailure({
      code: 'INVALID_PROFILE',
      message: 'give --pregnant or --lactating, not both',
      field: 'lifeStage',
    });
  }
  const age = Number(options.age);
  const parsed = parseProfile({
    age: options.age.trim() === '' || Number.isNaN(age) ? options.age : age,
    sex: options.sex,
    lifeStage: options.pregnant ? 'pregnant' : options.lactating ? 'lactating' : 'none',
    smoker: options.smoker ?? false,
  });
  if (!parsed.ok) throw new CliFailure(parsed.error);
  return parsed.value;
}

/** Reads and validates a profile file; a bad one stops with INVALID_JSON or INVALID_PROFILE. */
export function readProfile(io: CliIo, file: string): Profile {
  const parsed = parseProfile(readJsonFile(io, file), file);
  if (!parsed.ok) throw new CliFailure(parsed.error);
  return parsed.value;
}

export function readJsonFile(io: CliIo, file: string): unknown {
  return readJson(io, file);
}

/** "NASEM/IOM DRI Calcium and Vitamin D 2011 (PMID 123)" — a source in one line. */
export function formatSource(source: SourceRef): string {
  const ids = [
    source.pmid ? `PMID ${source.pmid}` : undefined,
    source.doi ? `doi ${source.doi}` : undefined,
    !source.pmid && !source.doi ? source.url : undefined,
  ].filter(Boolean);
  return ids.length > 0 ? `${source.label} (${ids.join(', ')})` : source.label;
}

const ENERGY_SOURCE: Record<PersonalTargets['energySource'], string> = {
  profile: 'from the profile',
  'mifflin-st-jeor': 'Mifflin–St Jeor estimate',
  'dri-default': 'default reference',
};

function printTargets(io: CliIo, result: PersonalTargets): void {
  io.stdout(
    `Authority: ${result.authority.toUpperCase()}   Energy: ${formatAmount(result.energyKcal)} kcal/day (${ENERGY_SOURCE[result.energySource]})\n\n`,
  );
  const rows = result.targets.map((t) => {
    const amount =
      t.nutrient === 'vitamin-d'
        ? `${formatAmount(t.value)} ${t.unit} (${formatAmount(vitaminDUgToIu(t.value))} IU)`
        : `${formatAmount(t.value)} ${t.unit}`;
    return [
      getNutrient(t.nutrient).name,
      `${t.kind}${t.override ? ' (override)' : ''}`,
      `${t.bound === 'min' ? 'at least' : 'at most'} ${amount}`,
      t.appliesTo === 'total' ? 'all intake' : `${t.appliesTo} only`,
      t.source.label,
    ];
  });
  io.stdout(formatTable(['Nutrient', 'Kind', 'Target per day', 'Counts', 'Source'], rows));
  io.stdout('Links and notes for each source: --json.\n');
  if (result.context.length > 0) {
    io.stdout('\nContext (not targets)\n');
    for (const c of result.context) {
      io.stdout(`  - ${getNutrient(c.nutrient).name}: ${c.message} [${formatSource(c.source)}]\n`);
    }
  }
  if (result.notes && result.notes.length > 0) {
    io.stdout('\nNotes\n');
    for (const note of result.notes) io.stdout(`  - ${note}\n`);
  }
}
