import type { Command } from 'commander';
import {
  addDiaryEntry,
  listDiaryEntries,
  QUICK_FOODS_DEFAULT,
  QUICK_FOODS_MAX,
  recentFoods,
  removeDiaryEntry,
  type QuickFood,
} from '../../app/diary.js';
import { LOCAL_OWNER } from '../../app/deps.js';
import { DIARY_MEALS, isDiaryMeal } from '../../core/diary/types.js';
import { formatAmount, formatTable } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { loadFoods } from './foods.js';

const DB_HELP =
  'SQLite store (default: as `calcwise serve`: $DATABASE_URL, $CALCWISE_DB or ./calcwise.db)';

/** `calcwise diary add|list|recent|rm`: the diary in the store the web app uses. */
export function registerDiaryCommand(program: Command, io: CliIo): void {
  const diary = program
    .command('diary')
    .description('The diary in the store (the same one `calcwise serve` shows): add, list, rm');

  diary
    .command('add')
    .description(
      'log a food: calcwise diary add 2026-11-30 sr24:11233 1 "cup, chopped" --meal lunch',
    )
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<food>', 'food id, e.g. sr24:11233 (see `calcwise foods search`)')
    .argument('<amount>', 'amount, e.g. 1.5')
    .argument('[unit...]', "g (default), kg, oz, lb or one of the food's portions", ['g'])
    .option('--meal <meal>', `meal slot: ${DIARY_MEALS.join(', ')} (default: unassigned)`)
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        date: string,
        food: string,
        amountText: string,
        unitWords: string[],
        options: { meal?: string; db?: string; json?: boolean },
      ) => {
        const meal = options.meal?.trim().toLowerCase();
        if (meal !== undefined && !isDiaryMeal(meal)) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `--meal must be one of ${DIARY_MEALS.join(', ')}, got "${options.meal}"`,
            field: 'meal',
          });
        }
        const amount = Number(amountText);
        if (amountText.trim() === '' || !Number.isFinite(amount)) {
          throw new CliFailure({
            code: 'INVALID_AMOUNT',
            message: `"${amountText}" is not a number`,
            field: 'amount',
          });
        }
        const unit = unitWords.join(' ');
        const stored = await withCliStore(io, options.db, async (store) => {
          const result = await addDiaryEntry(
            { store, foods: loadFoods().index },
            { owner: LOCAL_OWNER, entry: { date, food, amount, unit, ...(meal && { meal }) } },
          );
          if (!result.ok) throw new CliFailure(result.error);
          return result.value;
        });
        if (options.json) return printJson(io, stored);
        io.stdout(
          `logged entry ${stored.id}: ${stored.date}${stored.meal ? ` ${stored.meal}` : ''} ${formatAmount(stored.amount)} ${stored.unit} ${stored.food}\n`,
        );
      },
    );

  diary
    .command('list')
    .description('the logged entries, by date')
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options: { from?: string; to?: string; db?: string; json?: boolean }) => {
      const entries = await withCliStore(io, options.db, (store) =>
        listDiaryEntries(
          { store, foods: loadFoods().index },
          {
            owner: LOCAL_OWNER,
            range: {
              ...(options.from && { from: options.from }),
              ...(options.to && { to: options.to }),
            },
          },
        ),
      );
      if (options.json) return printJson(io, { entries });
      if (entries.length === 0) {
        io.stdout('No diary entries.\n');
        return;
      }
      io.stdout(
        formatTable(
          ['Id', 'Date', 'Meal', 'Amount', 'Unit', 'Grams', 'Food', 'Name'],
          entries.map((e) => [
            String(e.id),
            e.date,
            e.meal ?? '',
            formatAmount(e.amount),
            e.unit,
            e.grams === undefined ? '?' : formatAmount(e.grams),
            e.food,
            e.name ?? '(unknown food)',
          ]),
          { align: ['right', 'left', 'left', 'right', 'left', 'right', 'left', 'left'] },
        ),
      );
    });

  diary
    .command('recent')
    .description('the recently and most often logged foods, with the last amount, unit and meal')
    .option(
      '--limit <n>',
      `foods in each list, 1 to ${QUICK_FOODS_MAX}`,
      String(QUICK_FOODS_DEFAULT),
    )
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options: { limit: string; db?: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!/^\d+$/.test(options.limit.trim()) || limit < 1 || limit > QUICK_FOODS_MAX) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: `--limit must be an integer from 1 to ${QUICK_FOODS_MAX}, got "${options.limit}"`,
          field: 'limit',
        });
      }
      const lists = await withCliStore(io, options.db, (store) =>
        recentFoods({ store, foods: loadFoods().index }, { owner: LOCAL_OWNER, limit }),
      );
      if (options.json) return printJson(io, lists);
      if (lists.recent.length === 0) {
        io.stdout('No diary entries.\n');
        return;
      }
      const table = (foods: QuickFood[]) =>
        formatTable(
          ['Food', 'Name', 'Last', 'Meal', 'Times', 'Last date'],
          foods.map((f) => [
            f.food,
            f.name,
            `${formatAmount(f.amount)} ${f.unit}`,
            f.meal ?? '',
            String(f.count),
            f.lastDate,
          ]),
          { align: ['left', 'left', 'left', 'left', 'right', 'left'] },
        );
      io.stdout(`Recent\n${table(lists.recent)}\nFrequent\n${table(lists.frequent)}`);
    });

  diary
    .command('rm')
    .description('remove an entry by its id (see `calcwise diary list`)')
    .argument('<id>', 'entry id')
    .option('--db <file>', DB_HELP)
    .action(async (idText: string, options: { db?: string }) => {
      const id = Number(idText);
      if (!/^\d+$/.test(idText)) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: `"${idText}" is not an entry id`,
          field: 'id',
        });
      }
      await withCliStore(io, options.db, async (store) => {
        const result = await removeDiaryEntry({ store }, { owner: LOCAL_OWNER, id });
        if (!result.ok) throw new CliFailure(result.error);
      });
      io.stdout(`removed entry ${id}\n`);
    });
}
