import type { Context, Hono } from 'hono';
import { renderReportPdf } from '../../app/report-pdf.js';
import {
  createShare,
  listShareAccesses,
  listShares,
  revokeShare,
  sharedReport,
} from '../../app/shares.js';
import type { AppDeps, AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { newShareBody } from '../schemas/api.js';
import { readJson, readParam } from '../validation.js';

/** The site's own origin as the client reached it, for the link handed to a clinician. */
function siteOrigin(c: Context<AppEnv>): string {
  const { host, proto } = c.var.origin;
  return host ? `${proto}://${host}` : new URL(c.req.url).origin;
}

/**
 * The owner's shares of the clinician report: create (the token is in this answer only), list,
 * revoke, and who opened each. Owner-scoped like every other /api route.
 */
export function registerShareRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/api/shares', async (c) => {
    const body = await readJson(c, newShareBody);
    const { path, ...share } = orFail(await createShare(deps, { owner: c.var.owner, ...body }));
    return c.json({ ...share, url: `${siteOrigin(c)}${path}` }, 201, {
      'Cache-Control': 'no-store',
    });
  });

  app.get('/api/shares', async (c) => {
    const shares = await listShares(deps, { owner: c.var.owner });
    return c.json({ shares });
  });

  app.delete('/api/shares/:id', async (c) => {
    const id = readParam(c, 'id');
    return c.json(orFail(await revokeShare(deps, { owner: c.var.owner, id })));
  });

  app.get('/api/shares/:id/accesses', async (c) => {
    const id = readParam(c, 'id');
    const accesses = orFail(await listShareAccesses(deps, { owner: c.var.owner, id }));
    return c.json({ accesses });
  });
}

/** What a shared-report answer carries besides its body: never cached, never indexed. */
const SHARED_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } as const;

/**
 * The public, read-only side of a share: GET /api/shared/{token} (the report as JSON) and
 * GET /api/shared/{token}/report.pdf. The token is the only credential; these routes never read
 * `c.var.owner` (the share names its owner) and are registered before the owner is set, so they
 * stay reachable without a login. Any other method under /api/shared/ is a 405, answered before
 * a body is read.
 */
export function registerSharedReportRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const reportDeps = { store: deps.store, foods: deps.foods.index, clock: deps.clock };
  const opening = (c: Context<AppEnv>, resource: 'report' | 'pdf') => {
    const userAgent = c.req.header('user-agent');
    return {
      token: c.req.param('token') ?? '',
      resource,
      ...(c.var.origin.client !== undefined && { client: c.var.origin.client }),
      ...(userAgent !== undefined && { userAgent }),
    };
  };

  app.use('/api/shared/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.json(
      {
        error: {
          code: 'METHOD_NOT_ALLOWED',
          message: `${c.req.method} is not allowed on a shared report: it is read-only; use GET`,
        },
      },
      405,
      { Allow: 'GET, HEAD' },
    );
  });

  app.get('/api/shared/:token', async (c) => {
    const shared = orFail(await sharedReport(reportDeps, opening(c, 'report')));
    return c.json(shared, 200, SHARED_HEADERS);
  });

  app.get('/api/shared/:token/report.pdf', async (c) => {
    const { report } = orFail(await sharedReport(reportDeps, opening(c, 'pdf')));
    const bytes = await renderReportPdf(report);
    return c.body(bytes.slice().buffer, 200, {
      ...SHARED_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="calcwise-report-${report.period.from}-to-${report.period.to}.pdf"`,
    });
  });
}
