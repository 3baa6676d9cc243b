import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerTargetsCommand(program: Command, io: CliIo): void {
  program
    .command('targets')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise targets: not built yet\n');
      process.exitCode = 1;
    });
}
