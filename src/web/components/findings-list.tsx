import type { Finding } from '../api-types.js';
import { nutrientName, plainTrigger } from '../lib.js';
import { SourceList } from './source-ref.js';

const SEVERITIES: { id: Finding['severity']; label: string }[] = [
  { id: 'avoid', label: 'Avoid' },
  { id: 'caution', label: 'Caution' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'info', label: 'Information' },
];

/** Findings grouped by severity, most serious first, each with its action and sources. */
export function FindingsList({
  findings,
  headingLevel = 3,
  sourcesOpen = false,
}: {
  findings: Finding[];
  headingLevel?: 2 | 3;
  /** The printed report shows sources in full; on screen they fold away. */
  sourcesOpen?: boolean;
}) {
  if (findings.length === 0) {
    return <p className="muted">No findings for this profile and diary.</p>;
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="findings">
      {SEVERITIES.map(({ id, label }) => {
        const group = findings.filter((f) => f.severity === id);
        if (group.length === 0) return null;
        return (
          <section key={id} className={`severity severity-${id}`} aria-label={`${label} findings`}>
            <Heading>
              <span className={`badge badge-${id}`}>{label}</span> {group.length}
            </Heading>
            <ul>
              {group.map((finding, index) => (
                <li key={`${finding.id}-${index}`} className="finding">
                  <p className="finding-message">{finding.message}</p>
                  <p>
                    <strong>What to do:</strong> {finding.action}
                  </p>
                  <p className="muted small">
                    Because of {plainTrigger(finding.trigger)}
                    {finding.nutrient ? ` · ${nutrientName(finding.nutrient)}` : ''}
                  </p>
                  {sourcesOpen ? (
                    <div className="small">
                      Sources: <SourceList sources={finding.sources} />
                    </div>
                  ) : (
                    <details>
                      <summary>Sources ({finding.sources.length})</summary>
                      <SourceList sources={finding.sources} />
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
