import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerPlanCommand(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise plan: not built yet\n');
      process.exitCode = 1;
    });
}
