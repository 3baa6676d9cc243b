import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

/** One access-log record: a JSON line per request. */
export interface AccessRecord {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  bytes?: number;
  /** The client's address (X-Forwarded-For behind a trusted proxy). */
  client?: string;
}

export type AccessLogger = (record: AccessRecord) => void;

/** Writes each record as one JSON line to stdout. */
export const stdoutAccessLogger: AccessLogger = (record) => {
  process.stdout.write(`${JSON.stringify(record)}\n`);
};

/** A share token in a path, as the log writes it: a log must not hold working links. */
export function redactPath(path: string): string {
  return path.replace(/^\/api\/shared\/[^/]+/, '/api/shared/[token]');
}

export function accessLog(logger: AccessLogger, clock: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const length = c.res.headers.get('content-length');
    logger({
      time: clock().toISOString(),
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(length !== null && { bytes: Number(length) }),
      ...(c.var.origin?.client !== undefined && { client: c.var.origin.client }),
    });
  };
}
