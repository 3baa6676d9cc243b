import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerAnalyzeCommand(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise analyze: not built yet\n');
      process.exitCode = 1;
    });
}
