#!/usr/bin/env node
import { runCli } from '../dist/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
});
process.exitCode = code;
