import type { Command } from 'commander';
import { LOCAL_OWNER } from '../../app/deps.js';
import {
  clearSupplementDay,
  listSupplementDays,
  logSupplementDay,
} from '../../app/supplement-days.js';
import type { Supplement } from '../../core/profile.js';
import { formatAmount, formatTable } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';

const DB_HELP =
  'SQLite store (default: as `calcwise serve`: $DATABASE_URL, $CALCWISE_DB or ./calcwise.db)';

/** `vitamin-d=1000IU`, `mk7=90µg`, `magnesium=250 mg` → a supplement as entered. */
const ITEM = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)\s*([A-Za-zµμ]+)$/;

function parseItems(items: readonly string[]) {
  if (items.length === 1 && items[0] === 'none') return [];
  if (items.length === 0) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'give what was taken (e.g. vitamin-d=1000IU mk7=90µg), or "none" for nothing',
      field: 'supplements',
    });
  }
  return items.map((item, i) => {
    const match = ITEM.exec(item.trim());
    if (!match) {
      throw new CliFailure({
        code: 'INVALID_INPUT',
        message: `"${item}" is not nutrient=amount+unit (e.g. vitamin-d=1000IU)`,
        field: `supplements[${i}]`,
      });
    }
    return { nutrient: match[1]!, amount: Number(match[2]), unit: match[3]! };
  });
}

function describe(supplements: readonly Supplement[]): string {
  if (supplements.length === 0) return 'none';
  return supplements
    .map(
      (s) =>
        `${s.nutrient} ${formatAmount(s.amount)} ${s.unit}${s.entered && s.entered !== `${s.amount} ${s.unit}` ? ` (${s.entered})` : ''}`,
    )
    .join(', ');
}

/** `calcwise supplements log|clear|list`: supplements as taken, by date. */
export function registerSupplementsCommand(program: Command, io: CliIo): void {
  const supplements = program
    .command('supplements')
    .description("Supplements as taken each day; a date not logged takes the profile's regimen");

  supplements
    .command('log')
    .description('record everything taken on a date (replaces what was logged for it)')
    .argument('<date>', 'YYYY-MM-DD')
    .argument(
      '[items...]',
      'nutrient=amount+unit, e.g. vitamin-d=1000IU mk7=90µg; "none" for nothing',
    )
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (date: string, items: string[], options: { db?: string; json?: boolean }) => {
      const body = { supplements: parseItems(items) };
      const stored = await withCliStore(io, options.db, async (store) => {
        const result = await logSupplementDay({ store }, { owner: LOCAL_OWNER, date, body });
        if (!result.ok) throw new CliFailure(result.error);
        return result.value;
      });
      if (options.json) return printJson(io, stored);
      io.stdout(`logged supplements on ${stored.date}: ${describe(stored.supplements)}\n`);
    });

  supplements
    .command('clear')
    .description("remove a date's record: the profile's regimen applies to it again")
    .argument('<date>', 'YYYY-MM-DD')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (date: string, options: { db?: string; json?: boolean }) => {
      const cleared = await withCliStore(io, options.db, async (store) => {
        const result = await clearSupplementDay({ store }, { owner: LOCAL_OWNER, date });
        if (!result.ok) throw new CliFailure(result.error);
        return result.value;
      });
      if (options.json) return printJson(io, cleared);
      io.stdout(`cleared ${cleared.date}: the profile's regimen applies\n`);
    });

  supplements
    .command('list')
    .description('the logged days; with --from and --to every date, logged or from the profile')
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options: { from?: string; to?: string; db?: string; json?: boolean }) => {
      const listed = await withCliStore(io, options.db, async (store) => {
        const result = await listSupplementDays(
          { store },
          {
            owner: LOCAL_OWNER,
            ...(options.from !== undefined && { from: options.from }),
            ...(options.to !== undefined && { to: options.to }),
          },
        );
        if (!result.ok) throw new CliFailure(result.error);
        return result.value;
      });
      if (options.json) return printJson(io, listed);
      io.stdout(`Regimen (profile): ${describe(listed.regimen)}\n`);
      if (listed.days.length === 0) {
        io.stdout('No supplement days logged.\n');
        return;
      }
      io.stdout(
        formatTable(
          ['Date', 'From', 'Taken'],
          listed.days.map((day) => [day.date, day.source, describe(day.supplements)]),
        ),
      );
    });
}
