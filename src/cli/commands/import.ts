import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  importCronometer,
  type ImportReport,
  type ReviewFile,
  type ReviewItem,
} from '../../app/import-cronometer.js';
import { importFdcCsv, type FdcProgress } from '../../app/compose.js';
import { importExport } from '../../app/export-data.js';
import { importFdc } from '../../app/import-fdc.js';
import { getNutrient } from '../../core/nutrients.js';
import { formatAmount, formatTable, roundForOutput } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { progressReporter } from '../progress.js';
import { readJson } from '../read-input.js';
import { LOCAL_OWNER } from '../../app/deps.js';
import { loadFoods } from './foods.js';

interface ImportTrackerOptions {
  db?: string;
  json?: boolean;
  mapping?: string;
  review?: string;
  dryRun?: boolean;
}

function readBytes(io: CliIo, file: string): Uint8Array {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : `cannot read the file (${String(error)})`;
    throw new CliFailure({ code: 'INVALID_INPUT', message: reason, file });
  }
}

export function registerImportCommand(program: Command, io: CliIo): void {
  const command = program
    .command('import')
    .description(
      'Bring data into the store: Cronometer and MyFitnessPal exports, a calcwise export',
    );

  const tracker = (name: string, description: string) =>
    command
      .command(name)
      .description(description)
      .argument('<file>', 'the exported CSV file')
      .option(
        '--db <file>',
        'SQLite store (default: as `calcwise serve`: $CALCWISE_DB or ./calcwise.db)',
      )
      .option('--json', 'print the import report as JSON')
      .option('--mapping <review.json>', 'apply the decisions ("use") of an edited review file')
      .option('--review <file>', 'write the review file (one item per food name) to edit')
      .option('--dry-run', 'report what would be imported, store nothing')
      .action(async (file: string, options: ImportTrackerOptions) => {
        const bytes = readBytes(io, file);
        const mapping =
          options.mapping !== undefined ? (readJson(io, options.mapping) as ReviewFile) : undefined;
        const foods = loadFoods();
        const report = await withCliStore(io, options.db, async (store, location) => {
          const result = await importCronometer(
            { store, foods: foods.index, search: foods.search },
            {
              owner: LOCAL_OWNER,
              file,
              bytes,
              ...(mapping && { mapping }),
              ...(options.mapping !== undefined && { mappingFile: options.mapping }),
              dryRun: options.dryRun === true,
            },
          );
          if (!result.ok) throw new CliFailure(result.error);
          return { report: result.value, where: `${location.kind} ${location.description}` };
        });
        if (options.review !== undefined) {
          writeFileSync(
            resolve(io.cwd, options.review),
            `${JSON.stringify(report.report.review, null, 2)}\n`,
          );
        }
        if (options.json) return printJson(io, roundForOutput(report.report));
        printReport(io, report.report, report.where, options.review);
      });

  command
    .command('calcwise')
    .description('Restore a calcwise export (calcwise export) into an empty store')
    .argument('<export.json>', 'the exported document')
    .option(
      '--db <file>',
      'SQLite store (default: as `calcwise serve`: $CALCWISE_DB or ./calcwise.db)',
    )
    .action(async (file: string, options: { db?: string }) => {
      const document = readJson(io, file);
      const restored = await withCliStore(io, options.db, async (store, location) => {
        const result = await importExport({ store }, { owner: LOCAL_OWNER, document, file });
        if (!result.ok) throw new CliFailure(result.error);
        return { counts: result.value, where: `${location.kind} ${location.description}` };
      });
      const c = restored.counts;
      io.stdout(
        `restored into ${restored.where}: ${c.diary_entries} diary entries, ${c.custom_foods} own foods, ${c.plans} plans, ${c.profiles ? 'the profile' : 'no profile'}\n`,
      );
    });

  command
    .command('fdc')
    .description(
      'Load a FoodData Central CSV release (Foundation, SR Legacy, Branded) into the store as fdc:<id> foods',
    )
    .argument(
      '<release>',
      'the release .zip as downloaded from fdc.nal.usda.gov, or its unpacked folder',
    )
    .option(
      '--db <file>',
      'SQLite store (default: as `calcwise serve`: $CALCWISE_DB or ./calcwise.db)',
    )
    .option('--json', 'print the report as JSON')
    .action(async (release: string, options: { db?: string; json?: boolean }) => {
      const path = resolve(io.cwd, release);
      if (!existsSync(path)) {
        throw new CliFailure({ code: 'INVALID_INPUT', message: 'file not found', file: release });
      }
      const unpacked = statSync(path).isDirectory() ? undefined : unpackZip(path, release);
      try {
        const dir = unpacked ? releaseFolder(unpacked, release) : path;
        const name = basename(release).replace(/\.zip$/i, '');
        io.stderr(`reading ${release} (nutrient, food, food_nutrient, food_portion tables) …\n`);
        const started = Date.now();
        const progress = progressReporter(io, {
          tty: io.stderrIsTTY === true,
          now: () => performance.now() / 1000,
        });
        const onProgress = (p: FdcProgress) =>
          progress.update({
            label: p.table,
            fraction: p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 1,
            rows: p.rows,
          });
        const report = await withCliStore(io, options.db, async (store, location) => {
          const readRelease = async (folder: string) => {
            const read = await importFdcCsv(folder, { release: name, onProgress });
            progress.finish();
            io.stderr(`storing ${read.foods.length} foods in one transaction …\n`);
            return read;
          };
          const result = await importFdc(
            { store, readRelease },
            { owner: LOCAL_OWNER, dir, release: name, file: release },
          );
          if (!result.ok) throw new CliFailure(result.error);
          return { ...result.value, where: `${location.kind} ${location.description}` };
        });
        const seconds = (Date.now() - started) / 1000;
        if (options.json) return printJson(io, { ...report, seconds });
        const s = report.stats;
        io.stdout(
          `${release}: ${s.foodsRead} foods read, ${report.foods} imported as fdc:<id> into ${report.where} in ${seconds.toFixed(1)} s` +
            (report.stored.replacedFoods
              ? ` (replacing ${report.stored.replacedFoods} from an earlier run)`
              : '') +
            '\n',
        );
        const skipped = Object.entries(s.skippedDataTypes);
        if (skipped.length)
          io.stdout(`skipped by data type: ${skipped.map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
        io.stdout(`bad rows: ${s.badRowCount}\n`);
        for (const bad of s.badRows.slice(0, 10))
          io.stdout(`  ${bad.file} line ${bad.line}: ${bad.reason}\n`);
        io.stdout(`duplicates (same description, latest kept): ${s.duplicates.length}\n`);
        for (const d of s.duplicates.slice(0, 10))
          io.stdout(`  "${d.description}": kept ${d.kept}, dropped ${d.dropped.join(', ')}\n`);
      } finally {
        if (unpacked) rmSync(unpacked, { recursive: true, force: true });
      }
    });

  tracker(
    'cronometer',
    'Import a Cronometer servings.csv (foods) or dailysummary.csv (day totals) export',
  );
  tracker(
    'myfitnesspal',
    'Import a MyFitnessPal Nutrition-Summary export (meal totals: energy, macros, sodium, potassium)',
  );
}

const LAYOUT_NAMES = {
  'cronometer-servings': 'Cronometer servings export',
  'cronometer-daily': 'Cronometer daily summary (day totals, no foods)',
  'myfitnesspal-meals': 'MyFitnessPal nutrition summary (meal totals, no foods)',
} as const;

function printReport(io: CliIo, report: ImportReport, where: string, reviewFile?: string): void {
  const rowsOf = (items: ReviewItem[]) => items.reduce((n, i) => n + i.rows, 0);
  const span = report.from ? ` over ${report.days} day(s), ${report.from} to ${report.to}` : '';
  io.stdout(`${report.file}: ${LAYOUT_NAMES[report.layout]}, ${report.rows} rows${span}\n`);
  if (!report.totalsOnly) {
    io.stdout(
      formatTable(
        ['Result', 'Rows', 'Food names'],
        [
          ['matched to food data', String(rowsOf(report.matched)), String(report.matched.length)],
          ['imported as own food', String(rowsOf(report.ownFood)), String(report.ownFood.length)],
          [
            'ambiguous (imported as own food)',
            String(rowsOf(report.ambiguous)),
            String(report.ambiguous.length),
          ],
          ['rejected', String(report.rejected.length), ''],
        ],
        { align: ['left', 'right', 'right'] },
      ),
    );
  } else if (report.rejected.length) {
    io.stdout(`rejected: ${report.rejected.length} row(s)\n`);
  }
  if (report.stored) {
    const s = report.stored;
    io.stdout(
      `Stored in ${where}: ${s.entries} diary entries, ${s.foods} imported foods` +
        (s.replacedEntries || s.replacedFoods
          ? ` (replacing ${s.replacedEntries} entries and ${s.replacedFoods} foods of an earlier import of this file)`
          : '') +
        '\n',
    );
  } else {
    io.stdout('Dry run: nothing stored.\n');
  }

  const list = (title: string, items: ReviewItem[], show: (i: ReviewItem) => string) => {
    if (!items.length) return;
    io.stdout(`\n${title}\n`);
    for (const item of items.slice(0, 20)) io.stdout(`  ${show(item)}\n`);
    if (items.length > 20) io.stdout(`  … ${items.length - 20} more (see --json or --review)\n`);
  };
  list(
    'Matched',
    report.matched,
    (i) => `"${i.name}" (${i.unit}, ${i.rows}×) → ${i.food} ${i.foodName}`,
  );
  list(
    'Ambiguous: kept as own food; a candidate can be accepted in the review file',
    report.ambiguous,
    (i) =>
      `"${i.name}" (${i.unit}, ${i.rows}×): ${i.candidates.map((c) => `${c.id} ${c.name}`).join('; ')}`,
  );
  list(
    'Imported as own food (no similar food in the food data)',
    report.ownFood,
    (i) => `"${i.name}" (${i.unit}, ${i.rows}×) → ${i.food}`,
  );
  if (report.rejected.length) {
    io.stdout('\nRejected\n');
    for (const r of report.rejected.slice(0, 20))
      io.stdout(`  line ${r.line}${r.name ? ` "${r.name}"` : ''}: ${r.reason}\n`);
  }

  io.stdout('\nTotals check: file column sums against the imported entries\n');
  io.stdout(
    formatTable(
      ['Nutrient', 'Unit', 'File', 'Imported', 'Difference', 'Note'],
      report.totals.map((t) => [
        getNutrient(t.nutrient).name,
        getNutrient(t.nutrient).unit,
        formatAmount(t.file),
        formatAmount(t.imported),
        formatAmount(t.difference),
        [
          t.changedByMapping ? 'changed by your mapping' : '',
          t.unknownInFood ? `${t.unknownInFood} row(s) unknown in the linked food` : '',
          t.filledByFood
            ? `+${formatAmount(t.filledByFood)} from food data where the file had no value`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
      { align: ['left', 'left', 'right', 'right', 'right', 'left'] },
    ),
  );
  if (report.columns.ignored.length) {
    io.stdout(
      `\nColumns not read (${report.columns.ignored.length}): ${report.columns.ignored.map((c) => c.header).join(', ')}\n`,
    );
  }
  for (const line of report.unknown) io.stdout(`Unknown: ${line}\n`);
  if (reviewFile !== undefined) {
    io.stdout(
      `\nReview file written to ${reviewFile}: set "use" to a food id or "own" and run again with --mapping ${reviewFile}\n`,
    );
  }
}

/** Unpacks a release zip into a temporary folder (with the system `unzip`); bad zip → exit 2. */
function unpackZip(path: string, file: string): string {
  const head = readFileSync(path).subarray(0, 4);
  if (!(head[0] === 0x50 && head[1] === 0x4b)) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message:
        'not a zip archive nor a folder: give the FoodData Central CSV release (.zip) or its folder',
      file,
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-fdc-'));
  try {
    execFileSync('unzip', ['-q', '-o', path, '-d', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `cannot unpack the zip (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`,
      file,
    });
  }
  return dir;
}

/** The folder holding food.csv: the zip's root or its one release folder. */
function releaseFolder(dir: string, file: string): string {
  if (existsSync(join(dir, 'food.csv'))) return dir;
  for (const entry of readdirSync(dir)) {
    const inner = join(dir, entry);
    if (statSync(inner).isDirectory() && existsSync(join(inner, 'food.csv'))) return inner;
  }
  throw new CliFailure({
    code: 'INVALID_INPUT',
    message: 'the zip is not a FoodData Central CSV release: no food.csv in it',
    file,
  });
}
