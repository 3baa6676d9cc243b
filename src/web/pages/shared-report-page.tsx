import { api, ApiError, type ClinicianReport } from '../api.js';
import { formatTime } from '../components/share-panel.js';
import { IntakeTable } from '../components/intake-table.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatAmount, useAsync } from '../lib.js';

const SEVERITY_LABELS: Record<ClinicianReport['findings'][number]['severity'], string> = {
  avoid: 'Avoid',
  caution: 'Caution',
  monitor: 'Monitor',
  info: 'Information',
};

function Report({ report }: { report: ClinicianReport }) {
  const { period } = report;
  return (
    <>
      <h1 id="shared-title">calcwise report for a clinician</h1>
      <p className="muted">
        Generated {report.generatedOn} · diet from {period.from} to {period.to} ({period.loggedDays}{' '}
        logged {period.loggedDays === 1 ? 'day' : 'days'} of {period.days}, {period.entries}{' '}
        {period.entries === 1 ? 'entry' : 'entries'})
      </p>
      <p className="disclaimer-inline">
        <strong>{report.disclaimer}</strong>
      </p>

      <section aria-labelledby="shared-profile">
        <h2 id="shared-profile">Profile</h2>
        {report.profile ? (
          <dl className="summary">
            {report.profile.map((row) => (
              <div key={row.label} className="dl-row">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>No profile has been entered.</p>
        )}
      </section>

      <section aria-labelledby="shared-panel">
        <h2 id="shared-panel">Calcification panel: average daily intake vs targets</h2>
        <IntakeTable rows={report.panel} label="Calcification panel" />
        {report.other.length > 0 ? (
          <>
            <h3>Other nutrients</h3>
            <IntakeTable rows={report.other} label="Other nutrients" />
          </>
        ) : null}
        {report.coverage.length > 0 ? (
          <ul className="small muted">
            {report.coverage.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="shared-findings">
        <h2 id="shared-findings">Findings</h2>
        {report.findings.length === 0 ? (
          <p className="muted">No findings for this profile and diary.</p>
        ) : (
          <ul className="findings shared-findings">
            {report.findings.map((finding, index) => (
              <li key={index} className={`finding severity-${finding.severity}`}>
                <p className="finding-message">
                  <span className={`badge badge-${finding.severity}`}>
                    {SEVERITY_LABELS[finding.severity]}
                  </span>{' '}
                  {finding.message}
                </p>
                <p>
                  <strong>Action:</strong> {finding.action}
                </p>
                <p className="small muted">
                  Because {finding.because}
                  {finding.references.length > 0 ? ` · [${finding.references.join(', ')}]` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {report.labs ? (
        <section aria-labelledby="shared-labs">
          <h2 id="shared-labs">Lab results in the period</h2>
          <ScrollRegion label="Lab results (table)">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    Range
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.labs.map((lab, index) => (
                  <tr key={`${lab.test}-${lab.date}-${index}`}>
                    <th scope="row">{lab.test}</th>
                    <td>{lab.date}</td>
                    <td className="num">
                      {formatAmount(lab.value)} {lab.unit}
                    </td>
                    <td className="num">
                      {lab.low !== undefined || lab.high !== undefined
                        ? `${lab.low !== undefined ? formatAmount(lab.low) : ''}–${lab.high !== undefined ? formatAmount(lab.high) : ''}`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {report.plan ? (
        <section aria-labelledby="shared-plan">
          <h2 id="shared-plan">Latest saved plan ({report.plan.status})</h2>
          <ul>
            {report.plan.days.map((day) => (
              <li key={day.label}>
                <strong>{day.label}:</strong> {day.foods.join(', ')}
              </li>
            ))}
          </ul>
          {report.plan.supplements.length > 0 ? (
            <p>Supplements: {report.plan.supplements.join('; ')}</p>
          ) : null}
        </section>
      ) : null}

      {report.references.length > 0 ? (
        <section aria-labelledby="shared-references">
          <h2 id="shared-references">References</h2>
          <ol className="small">
            {report.references.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/**
 * What a share link opens: the clinician report of the share's period, read-only. No
 * navigation into the app and no forms: the link's token opens this report and nothing else.
 */
export function SharedReportPage({ token }: { token: string }) {
  const shared = useAsync(() => api.sharedReport(token), [token]);
  const gone = shared.error instanceof ApiError && shared.error.status === 404;
  return (
    <>
      <header className="shared-header">
        <p className="brand">calcwise</p>
        {shared.data ? (
          <p className="shared-notice" role="note">
            <strong>Shared by the person this report describes · read-only</strong> · expires{' '}
            {formatTime(shared.data.share.expiresAt)}
          </p>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="report shared-report" aria-labelledby="shared-title">
        {shared.loading && !shared.data ? <Loading what="the shared report" /> : null}
        {gone ? (
          <>
            <h1 id="shared-title">This link opens nothing</h1>
            <p>
              The link does not exist, has expired or was revoked. Ask the person who shared it for
              a new one.
            </p>
          </>
        ) : (
          <ErrorMessage error={shared.error} title="Could not load the shared report." />
        )}
        {shared.data ? (
          <>
            <p className="no-print">
              <a
                className="button"
                href={`/api/shared/${encodeURIComponent(token)}/report.pdf`}
                download={`calcwise-report-${shared.data.report.period.from}-to-${shared.data.report.period.to}.pdf`}
              >
                Download PDF
              </a>
            </p>
            <Report report={shared.data.report} />
          </>
        ) : null}
      </main>
    </>
  );
}
