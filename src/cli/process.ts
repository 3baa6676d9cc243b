/**
 * The real process around `runCli`: stdin/stdout/stderr, a closed pipe ending the run quietly
 * (`calcwise foods top mk7 | head -1`), and no stack trace unless CALCWISE_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import type { CliIo } from './io.js';
import { runCli } from './main.js';

/** Everything on standard input, blocking; a non-blocking pipe is reopened through /dev/stdin. */
function readAllStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
      return readFileSync('/dev/stdin', 'utf8');
    }
    throw error;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    // A getter: creating process.stdin makes fd 0 non-blocking, so only commands that stream
    // stdin (score medas) touch it.
    get stdin() {
      return process.stdin;
    },
    readStdin: readAllStdin,
  };
}

function isBrokenPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Reports an error that escaped runCli: one line, the stack only with CALCWISE_DEBUG=1. */
function reportFatal(error: unknown): void {
  if (isBrokenPipe(error)) process.exit(0);
  const debug = process.env.CALCWISE_DEBUG === '1';
  const text =
    error instanceof Error
      ? debug
        ? (error.stack ?? error.message)
        : error.message
      : String(error);
  try {
    process.stderr.write(`calcwise: unexpected error: ${text}\n`);
  } finally {
    process.exit(1);
  }
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // The reader went away (head, less quit): nothing more to say, and not a failure.
  process.stdout.on('error', (error) =>
    isBrokenPipe(error) ? process.exit(0) : reportFatal(error),
  );
  process.stderr.on('error', () => process.exit(process.exitCode ?? 0));
  process.on('SIGPIPE', () => process.exit(0));
  process.on('uncaughtException', reportFatal);
  process.on('unhandledRejection', reportFatal);
  process.exitCode = await runCli(argv, processIo());
}
