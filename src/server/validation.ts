import type { Context } from 'hono';
import { z } from 'zod';
import type { CalcwiseError } from '../core/result.js';
import { findControlCharacter, hasControlCharacter } from '../schemas/control-characters.js';
import { ApiFailure } from './errors.js';

/** The first zod issue as a coded error naming the field (dotted path). */
export function zodError(error: z.ZodError, prefix?: string): CalcwiseError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return {
    code: 'INVALID_INPUT',
    message: issue ? `${path || 'body'}: ${issue.message}` : 'invalid input',
    ...(path && { field: path }),
  };
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiFailure(zodError(result.error, prefix));
  return result.data;
}

/** A 400 naming the field whose text holds a control character. */
export function controlCharacterError(field: string): ApiFailure {
  return new ApiFailure({
    code: 'INVALID_INPUT',
    message: `${field}: control characters (such as NUL) are not allowed`,
    field,
  });
}

/**
 * Reads a JSON body as a value: malformed JSON is a 400 INVALID_JSON, and so is text holding a
 * control character anywhere (400 INVALID_INPUT naming the field). The schema comes after.
 */
export async function readJsonValue(c: Context): Promise<unknown> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiFailure({ code: 'INVALID_JSON', message: 'request body is not valid JSON' });
  }
  const path = findControlCharacter(body);
  if (path) throw controlCharacterError(path.length > 0 ? path.join('.') : 'body');
  return body;
}

/** Reads a JSON body (see readJsonValue), then the schema decides. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  return parseWith(schema, await readJsonValue(c));
}

/** Reads the query string against a schema (all values arrive as strings). */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  const query = c.req.query();
  for (const [name, value] of Object.entries(query)) {
    if (hasControlCharacter(name) || hasControlCharacter(value)) throw controlCharacterError(name);
  }
  return parseWith(schema, query);
}

/** Longest path parameter accepted: ids are UUIDs, `custom:<slug>`, `fdc:<id>`, nutrient ids. */
const MAX_PARAM_LENGTH = 200;

/** A path parameter as text: no control characters, at most 200 characters (400 naming it). */
export function readParam(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  if (hasControlCharacter(value)) throw controlCharacterError(name);
  if (value.length > MAX_PARAM_LENGTH) {
    throw new ApiFailure({
      code: 'INVALID_INPUT',
      message: `${name}: at most ${MAX_PARAM_LENGTH} characters`,
      field: name,
    });
  }
  return value;
}

/** An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID, say). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key header, if sent; 400 naming it when it is not a valid key. */
export function readIdempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ApiFailure({
      code: 'INVALID_INPUT',
      message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID',
      field: 'Idempotency-Key',
    });
  }
  return key;
}
