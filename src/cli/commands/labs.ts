import type { Command } from 'commander';
import { LOCAL_OWNER } from '../../app/deps.js';
import { addLab, listLabs, type ListedLab } from '../../app/labs.js';
import { getLabTest, LAB_TEST_IDS } from '../../core/labs/index.js';
import { formatAmount, formatTable } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';

const DB_HELP =
  'SQLite store (default: as `calcwise serve`: $DATABASE_URL, $CALCWISE_DB or ./calcwise.db)';

function number(text: string, field: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new CliFailure({ code: 'INVALID_AMOUNT', message: `"${text}" is not a number`, field });
  }
  return value;
}

function describeRange(lab: ListedLab): string {
  const { low, high, rangeKind } = lab.assessment;
  if (low === undefined && high === undefined) return '';
  const range = `${low === undefined ? '' : formatAmount(low)}–${high === undefined ? '' : formatAmount(high)}`;
  return `${range} (${rangeKind === 'own' ? 'your lab' : rangeKind})`;
}

/** `calcwise labs add|list`: lab results in the store the web app uses. */
export function registerLabsCommand(program: Command, io: CliIo): void {
  const labs = program
    .command('labs')
    .description('Lab results and measurements in the store (INR, eGFR, potassium, 25(OH)D, …)');

  labs
    .command('add')
    .description(`record a result; tests: ${LAB_TEST_IDS.join(', ')}`)
    .argument('<test>', 'lab test id, e.g. inr, egfr, 25-oh-d')
    .argument('<value>', 'the result, e.g. 2.4')
    .argument('<unit>', "one of the test's units, e.g. ng/mL or nmol/L (ratio for INR)")
    .option('--date <date>', 'YYYY-MM-DD (default: today, UTC)')
    .option('--low <number>', "your lab's lower limit, in <unit>")
    .option('--high <number>', "your lab's upper limit, in <unit>")
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        test: string,
        valueText: string,
        unit: string,
        options: { date?: string; low?: string; high?: string; db?: string; json?: boolean },
      ) => {
        const lab = {
          date: options.date ?? new Date().toISOString().slice(0, 10),
          test,
          value: number(valueText, 'value'),
          unit,
          ...(options.low !== undefined && { low: number(options.low, 'low') }),
          ...(options.high !== undefined && { high: number(options.high, 'high') }),
        };
        const stored = await withCliStore(io, options.db, async (store) => {
          const result = await addLab({ store }, { owner: LOCAL_OWNER, lab });
          if (!result.ok) throw new CliFailure(result.error);
          return result.value;
        });
        if (options.json) return printJson(io, stored);
        const entered =
          stored.original.unit === stored.unit
            ? ''
            : ` (entered ${stored.original.value} ${stored.original.unit})`;
        const status = stored.assessment.status ? `: ${stored.assessment.status}` : '';
        io.stdout(
          `recorded lab ${stored.id}: ${stored.date} ${getLabTest(stored.test).name} ${formatAmount(stored.value)} ${stored.unit}${entered}${status}\n`,
        );
      },
    );

  labs
    .command('list')
    .description('the recorded results, by date')
    .option('--test <test>', 'only this test')
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(
      async (options: {
        test?: string;
        from?: string;
        to?: string;
        db?: string;
        json?: boolean;
      }) => {
        const listed = await withCliStore(io, options.db, async (store) => {
          const result = await listLabs(
            { store },
            {
              owner: LOCAL_OWNER,
              query: {
                ...(options.test && { test: options.test }),
                ...(options.from && { from: options.from }),
                ...(options.to && { to: options.to }),
              },
            },
          );
          if (!result.ok) throw new CliFailure(result.error);
          return result.value;
        });
        if (options.json) return printJson(io, { labs: listed });
        if (listed.length === 0) {
          io.stdout('No lab results.\n');
          return;
        }
        io.stdout(
          formatTable(
            ['Id', 'Date', 'Test', 'Value', 'Unit', 'Entered', 'Range', 'Status'],
            listed.map((lab) => [
              String(lab.id),
              lab.date,
              lab.test,
              formatAmount(lab.value),
              lab.unit,
              `${lab.original.value} ${lab.original.unit}`,
              describeRange(lab),
              [lab.assessment.status, lab.assessment.category?.label].filter(Boolean).join(', '),
            ]),
            { align: ['right', 'left', 'left', 'right', 'left', 'left', 'left', 'left'] },
          ),
        );
      },
    );
}
