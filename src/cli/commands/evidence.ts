import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder until the command lands; replaced by its implementation.
export function registerEvidenceCommand(program: Command, io: CliIo): void {
  program
    .command('evidence')
    .description('(not built yet)')
    .allowUnknownOption()
    .action(() => {
      io.stderr('calcwise evidence: not built yet\n');
      process.exitCode = 1;
    });
}
