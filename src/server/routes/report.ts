import type { Hono } from 'hono';
import { buildReport } from '../../app/report.js';
import { renderReportPdf } from '../../app/report-pdf.js';
import type { AppDeps, AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { analysisQuery } from '../schemas/api.js';
import { readQuery } from '../validation.js';

/** GET /api/report.pdf: the clinician report of a period (default: the logged range) as a PDF. */
export function registerReportRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/report.pdf', async (c) => {
    const query = readQuery(c, analysisQuery);
    const report = orFail(
      await buildReport(
        { store: deps.store, foods: deps.foods.index, clock: deps.clock },
        { owner: c.var.owner, ...query },
      ),
    );
    const bytes = await renderReportPdf(report);
    return c.body(bytes.slice().buffer, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="calcwise-report-${report.period.from}-to-${report.period.to}.pdf"`,
    });
  });
}
