import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportData, exportDiaryCsv, serializeExport } from '../../app/export-data.js';
import { LOCAL_OWNER } from '../../app/deps.js';
import { CliFailure, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { loadFoods } from './foods.js';

/** `calcwise export`: everything in the store as one JSON document, or the diary as CSV. */
export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'Export everything you own in the store (profile, diary, own foods, plans) as JSON, or the diary as CSV',
    )
    .option(
      '--db <file>',
      'SQLite store (default: as `calcwise serve`: $CALCWISE_DB or ./calcwise.db)',
    )
    .option(
      '--format <format>',
      'json (everything; docs/export.schema.json) or csv (the diary)',
      'json',
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { db?: string; format: string; output?: string }) => {
      if (options.format !== 'json' && options.format !== 'csv') {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: `--format must be json or csv, got "${options.format}"`,
          field: 'format',
        });
      }
      const text = await withCliStore(io, options.db, async (store) =>
        options.format === 'csv'
          ? exportDiaryCsv({ store, foods: loadFoods().index }, { owner: LOCAL_OWNER })
          : serializeExport(await exportData({ store }, { owner: LOCAL_OWNER })),
      );
      if (options.output === undefined) {
        io.stdout(text);
        return;
      }
      writeFileSync(resolve(io.cwd, options.output), text);
      io.stderr(`wrote ${options.output}\n`);
    });
}
