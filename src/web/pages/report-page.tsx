import { useState } from 'react';
import { api, ApiError } from '../api.js';
import type { NutrientId, ProfileInput } from '../api-types.js';
import { citedSources, FindingsList, sourceKey } from '../components/findings-list.js';
import { IntakeTable, type IntakeRow } from '../components/intake-table.js';
import { SharePanel } from '../components/share-panel.js';
import { SourceRefView } from '../components/source-ref.js';
import { PANEL, shortName } from '../components/panel-bars.js';
import { ErrorMessage, Loading } from '../components/status.js';
import {
  addDays,
  conditionLabel,
  DISCLAIMER,
  formatAmount,
  nutrientName,
  todayIso,
  useAsync,
} from '../lib.js';

/** "vegetarian" → "Vegetarian", "ckd-3a" stays a code for conditionLabel to name. */
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function ProfileSummary({ profile }: { profile: ProfileInput }) {
  const rows: [string, string][] = [
    ['Age, sex', `${profile.age}, ${profile.sex}`],
    ['Life stage', profile.lifeStage === 'none' ? '—' : capitalised(profile.lifeStage)],
    ['Smoker', profile.smoker ? 'yes' : 'no'],
    ['Conditions', profile.conditions.map(conditionLabel).join('; ') || 'none given'],
    ['Medications', profile.medications.join(', ') || 'none given'],
    [
      'Supplements',
      profile.supplements
        .map(
          (s) =>
            `${nutrientName(s.nutrient)} ${s.entered ?? `${formatAmount(s.amount)} ${s.unit}`}`,
        )
        .join('; ') || 'none given',
    ],
    ['Eating pattern', capitalised(profile.pattern)],
    ['Excluded', profile.exclude.map(capitalised).join(', ') || 'none'],
  ];
  return (
    <dl className="summary">
      {rows.map(([k, v]) => (
        <div key={k} className="dl-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportPage() {
  const [days, setDays] = useState(30);
  const to = todayIso();
  const from = addDays(to, -(days - 1));
  const profile = useAsync(() => api.getProfile(), []);
  const analysis = useAsync(() => api.analysis(from, to), [from, to]);
  const findings = useAsync(() => api.findings(from, to), [from, to]);
  const noProfile = profile.error instanceof ApiError && profile.error.status === 404;
  // Each source once, numbered in the order the findings cite it.
  const sources = citedSources(findings.data?.findings ?? []);
  const numbers = new Map(sources.map((source, index) => [sourceKey(source), index + 1]));

  return (
    <article className="report" aria-labelledby="report-title">
      <div className="no-print inline">
        <label>
          Period
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
            <option value={90}>90 days</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <a
          className="button"
          href={`/api/report.pdf?${new URLSearchParams({ from, to }).toString()}`}
          download={`calcwise-report-${from}-to-${to}.pdf`}
        >
          Download PDF
        </a>
      </div>
      <h1 id="report-title">calcwise report for a clinician</h1>
      <p className="muted">
        Generated {to} · diet from {from} to {to}
        {analysis.data
          ? ` (${analysis.data.days.length} logged ${analysis.data.days.length === 1 ? 'day' : 'days'})`
          : ''}
      </p>
      <p className="disclaimer-inline">
        <strong>{DISCLAIMER}</strong>
      </p>

      <section aria-labelledby="report-profile">
        <h2 id="report-profile">Profile</h2>
        {profile.loading && !profile.data ? <Loading what="the profile" /> : null}
        {noProfile ? (
          <p>No profile has been entered.</p>
        ) : (
          <ErrorMessage error={profile.error} title="Could not load the profile." />
        )}
        {profile.data ? <ProfileSummary profile={profile.data} /> : null}
      </section>

      <section aria-labelledby="report-averages">
        <h2 id="report-averages">Average daily intake vs targets</h2>
        <ErrorMessage error={analysis.error} title="Could not load the analysis." />
        {analysis.data ? (
          <IntakeTable
            label="Average daily intake vs targets"
            rows={PANEL.map((id: NutrientId): IntakeRow => {
              const cell = analysis.data?.average[id];
              return {
                nutrient: id,
                name: shortName(id),
                unit: cell?.unit ?? '',
                food: cell !== undefined && cell.coverage > 0 ? cell.amount : null,
                supplement: cell?.supplement ?? 0,
                ...(cell?.target !== undefined && { target: cell.target }),
                ...(cell?.targetKind !== undefined && { targetKind: cell.targetKind }),
                ...(cell?.percent !== undefined && { percent: cell.percent }),
                ...(cell?.limit !== undefined && { limit: cell.limit }),
                ...(cell?.limitAppliesTo !== undefined && { limitAppliesTo: cell.limitAppliesTo }),
                overLimit: cell?.overLimit === true,
                coverage: cell?.coverage ?? 0,
              };
            })}
          />
        ) : null}
        <p className="small muted">
          Food and supplements are daily averages over the logged days; targets and limits are
          compared with their sum. Coverage: share of logged entries whose food has a measured
          value. Vitamin K2 is measured for few foods; a low coverage means the true intake is
          likely higher than shown.
        </p>
      </section>

      <section aria-labelledby="report-findings">
        <h2 id="report-findings">Findings</h2>
        <ErrorMessage error={findings.error} title="Could not load findings." />
        {findings.data ? (
          <FindingsList findings={findings.data.findings} sourceNumbers={numbers} />
        ) : null}
      </section>

      {sources.length > 0 ? (
        <section aria-labelledby="report-sources">
          <h2 id="report-sources">Sources</h2>
          <ol className="small report-sources">
            {sources.map((source) => (
              <li key={sourceKey(source)}>
                <SourceRefView source={source} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <SharePanel from={from} to={to} />
    </article>
  );
}
