import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerFoodsCommand(program: Command, io: CliIo): void {
  program
    .command('foods')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise foods: not built yet\n');
      process.exitCode = 1;
    });
}
