import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliFailure, type CliIo } from './io.js';

/** The file name that means standard input, wherever a file is read. */
export const STDIN_FILE = '-';

const stdinRead = new WeakSet<CliIo>();

/**
 * Reads a file relative to the working directory, or all of standard input for `-` (once per
 * invocation); a missing file stops with INVALID_INPUT.
 */
export function readText(io: CliIo, file: string): string {
  if (file === STDIN_FILE) return readStdin(io);
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : `cannot read the file (${String(error)})`;
    throw new CliFailure({ code: 'INVALID_INPUT', message: reason, file });
  }
}

function readStdin(io: CliIo): string {
  if (!io.readStdin) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'standard input is not available here',
      file: STDIN_FILE,
    });
  }
  if (stdinRead.has(io)) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'standard input can be read only once: give the other inputs as files',
      file: STDIN_FILE,
    });
  }
  stdinRead.add(io);
  return io.readStdin();
}

/** Parses JSON text from `file`; malformed JSON stops with INVALID_JSON naming the file. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliFailure({
      code: 'INVALID_JSON',
      message: `not valid JSON: ${(error as Error).message}`,
      file,
    });
  }
}

export function readJson(io: CliIo, file: string): unknown {
  return parseJson(readText(io, file), file);
}
