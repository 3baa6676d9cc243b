import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerScoreCommand(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise score: not built yet\n');
      process.exitCode = 1;
    });
}
