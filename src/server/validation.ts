import type { Context } from 'hono';
import { z } from 'zod';
import type { CalcwiseError } from '../core/result.js';
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

/** Reads a JSON body: malformed JSON is a 400 INVALID_JSON, then the schema decides. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiFailure({ code: 'INVALID_JSON', message: 'request body is not valid JSON' });
  }
  return parseWith(schema, body);
}

/** Reads the query string against a schema (all values arrive as strings). */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  return parseWith(schema, c.req.query());
}
