// Runs the CLI from source in a child process (for tests that kill it): node --import tsx run-cli.ts …
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
});
