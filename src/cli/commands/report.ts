import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { LOCAL_OWNER } from '../../app/deps.js';
import { buildReport } from '../../app/report.js';
import { renderReportPdf } from '../../app/report-pdf.js';
import { CliFailure, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { loadFoods } from './foods.js';
import { parseAuthority } from './targets.js';

/** `calcwise report --pdf FILE`: the clinician report of the store's diary and profile. */
export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description(
      'The report for a clinician (profile, calcification panel, findings, coverage, plan) as a PDF',
    )
    .requiredOption('--pdf <file>', 'write the PDF to this file')
    .option(
      '--db <file>',
      'SQLite store (default: as `calcwise serve`: $DATABASE_URL, $CALCWISE_DB or ./calcwise.db)',
    )
    .option('--from <date>', 'first date (YYYY-MM-DD; default: the first logged date)')
    .option('--to <date>', 'last date (YYYY-MM-DD; default: the last logged date)')
    .option('--authority <name>', 'reference intakes: nasem or efsa', 'nasem')
    .action(
      async (options: {
        pdf: string;
        db?: string;
        from?: string;
        to?: string;
        authority: string;
      }) => {
        const authority = parseAuthority(options.authority);
        const report = await withCliStore(io, options.db, async (store) => {
          const result = await buildReport(
            { store, foods: loadFoods().index, clock: () => new Date() },
            {
              owner: LOCAL_OWNER,
              authority,
              ...(options.from !== undefined && { from: options.from }),
              ...(options.to !== undefined && { to: options.to }),
            },
          );
          if (!result.ok) throw new CliFailure(result.error);
          return result.value;
        });
        const bytes = await renderReportPdf(report);
        try {
          writeFileSync(resolve(io.cwd, options.pdf), bytes);
        } catch (error) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `cannot write ${options.pdf} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
            field: 'pdf',
          });
        }
        io.stderr(
          `wrote ${options.pdf}: ${report.period.from} to ${report.period.to}, ${report.period.loggedDays} logged day(s), ${report.findings.length} finding(s)\n`,
        );
      },
    );
}
