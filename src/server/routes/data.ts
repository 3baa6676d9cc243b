import type { Hono } from 'hono';
import { eraseData, summarizeData } from '../../app/erase-data.js';
import {
  exportData,
  exportDiaryCsv,
  importExport,
  serializeExport,
} from '../../app/export-data.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure, errorBody } from '../errors.js';
import { readJsonValue } from '../validation.js';

/**
 * Your data out, back in, and gone: GET /api/export (JSON document or ?format=csv diary),
 * POST /api/import (an export into an empty store), GET /api/data (what is stored and the token
 * that confirms erasing it), DELETE /api/data { "confirm": token }.
 */
export function registerDataRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/export', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw new ApiFailure({
        code: 'INVALID_INPUT',
        message: 'format must be json or csv',
        field: 'format',
      });
    }
    const body =
      format === 'csv'
        ? await exportDiaryCsv(
            { store: deps.store, foods: deps.foods.index },
            { owner: c.var.owner },
          )
        : serializeExport(await exportData(deps, { owner: c.var.owner }));
    return c.body(body, 200, {
      'Content-Type':
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="calcwise-export.${format}"`,
    });
  });

  app.post('/api/import', async (c) => {
    const document = await readJsonValue(c);
    const result = await importExport(deps, { owner: c.var.owner, document, file: 'request body' });
    if (!result.ok) {
      // A well-formed JSON body that is not a (readable) export: 422; a conflict stays 409.
      if (result.error.code === 'INVALID_INPUT') {
        return c.json(errorBody(result.error), 422);
      }
      throw new ApiFailure(result.error);
    }
    return c.json({ restored: result.value }, 201);
  });

  app.get('/api/data', async (c) => c.json(await summarizeData(deps, { owner: c.var.owner })));

  app.delete('/api/data', async (c) => {
    let confirm: string | undefined = c.req.query('confirm');
    if (confirm === undefined && c.req.header('content-type')?.includes('json')) {
      const body = (await c.req.json().catch(() => ({}))) as { confirm?: unknown };
      if (typeof body.confirm === 'string') confirm = body.confirm;
    }
    const result = await eraseData(deps, { owner: c.var.owner, confirmToken: confirm });
    if (!result.ok) throw new ApiFailure(result.error);
    return c.json(result.value);
  });
}
