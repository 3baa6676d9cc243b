import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { formatError } from '../core/result.js';
import { addHelpExamples } from './help-examples.js';
import { CliFailure, EXIT, exitCodeFor, printJson, type CliIo } from './io.js';
import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerCheckCommand } from './commands/check.js';
import { registerEvidenceCommand } from './commands/evidence.js';
import { registerDiaryCommand } from './commands/diary.js';
import { registerLabsCommand } from './commands/labs.js';
import { registerSupplementsCommand } from './commands/supplements.js';
import { registerExportCommand } from './commands/export.js';
import { registerFoodsCommand } from './commands/foods.js';
import { registerImportCommand } from './commands/import.js';
import { registerMedsCommand } from './commands/meds.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerReportCommand } from './commands/report.js';
import { registerScoreCommand } from './commands/score.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTargetsCommand } from './commands/targets.js';
import { registerUsersCommands } from './commands/users.js';
import { registerWorkerCommand } from './commands/worker.js';

/** The package version, from package.json (two levels up from src/cli and from dist/cli). */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * Runs the calcwise CLI in-process and resolves to the exit code, so tests can call it
 * without spawning. `bin/calcwise.js` wires it to the real process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('calcwise')
    .description(
      'Nutrition for vascular calcification: vitamin K forms, diet analysis, safety, plans, evidence.\n' +
        'calcwise informs; it does not diagnose. Discuss doses and medications with your clinician.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();

  registerFoodsCommand(program, io);
  registerAnalyzeCommand(program, io);
  registerTargetsCommand(program, io);
  registerCheckCommand(program, io);
  registerMedsCommand(program, io);
  registerEvidenceCommand(program, io);
  registerScoreCommand(program, io);
  registerPlanCommand(program, io);
  registerServeCommand(program, io);
  registerWorkerCommand(program, io);
  registerImportCommand(program, io);
  registerDiaryCommand(program, io);
  registerLabsCommand(program, io);
  registerSupplementsCommand(program, io);
  registerExportCommand(program, io);
  registerReportCommand(program, io);
  registerUsersCommands(program, io);
  addHelpExamples(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliFailure) {
      if (error.json !== undefined) printJson(io, error.json);
      io.stderr(`calcwise: ${formatError(error.error)}\n`);
      return exitCodeFor(error.error.code);
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return EXIT.ok;
      }
      return EXIT.badInput;
    }
    // A stack trace is for developers: only with CALCWISE_DEBUG=1.
    const detail =
      error instanceof Error
        ? io.env.CALCWISE_DEBUG === '1'
          ? (error.stack ?? error.message)
          : error.message
        : String(error);
    io.stderr(`calcwise: unexpected error: ${detail}\n`);
    return EXIT.failure;
  }
}
