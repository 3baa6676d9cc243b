import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise serve: not built yet\n');
      process.exitCode = 1;
    });
}
