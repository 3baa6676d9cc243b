import type { Finding, SourceRef } from '../api-types.js';
import { nutrientName, plainTrigger } from '../lib.js';
import { SourceList } from './source-ref.js';

const SEVERITIES: { id: Finding['severity']; label: string }[] = [
  { id: 'avoid', label: 'Avoid' },
  { id: 'caution', label: 'Caution' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'info', label: 'Information' },
];

/** A key that is the same for the same source cited by several findings. */
export function sourceKey(source: SourceRef): string {
  return [source.label, source.pmid, source.doi, source.url, source.record].join('|');
}

/** The sources of `findings` once each, in the order the findings first cite them. */
export function citedSources(findings: readonly Finding[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const finding of findings) {
    for (const source of finding.sources) {
      if (!seen.has(sourceKey(source))) seen.set(sourceKey(source), source);
    }
  }
  return [...seen.values()];
}

/** Findings grouped by severity, most serious first, each with its action and sources. */
export function FindingsList({
  findings,
  headingLevel = 3,
  sourceNumbers,
}: {
  findings: Finding[];
  headingLevel?: 2 | 3;
  /**
   * The report numbers the sources (listed once, after the findings) and a finding names its
   * numbers; elsewhere a finding's sources fold away under it.
   */
  sourceNumbers?: ReadonlyMap<string, number>;
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
                    {sourceNumbers && finding.sources.length > 0
                      ? ` · sources [${[
                          ...new Set(finding.sources.map((s) => sourceNumbers.get(sourceKey(s)))),
                        ].join(', ')}]`
                      : ''}
                  </p>
                  {sourceNumbers ? null : (
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
