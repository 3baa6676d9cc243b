import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerCheckCommand(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise check: not built yet\n');
      process.exitCode = 1;
    });
}
