import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliFailure, type CliIo } from './io.js';

/** Reads a file relative to the working directory; a missing one stops with INVALID_INPUT. */
export function readText(io: CliIo, file: string): string {
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
