import { useState } from 'react';
import { api, ApiError } from '../api.js';
import type { NutrientId } from '../api-types.js';
import { BalanceIndices } from '../components/balance-indices.js';
import { FindingsList } from '../components/findings-list.js';
import { PANEL, PanelBars, shortName } from '../components/panel-bars.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { TrendChart } from '../components/trend-chart.js';
import { addDays, nutrientUnit, todayIso, useAsync } from '../lib.js';
import { href } from '../router.js';

const RANGES = [7, 30, 90] as const;

function isMissing(error: Error | undefined): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function DashboardPage() {
  const [days, setDays] = useState<(typeof RANGES)[number]>(7);
  const [trendNutrient, setTrendNutrient] = useState<NutrientId>('vitamin-k');
  const to = todayIso();
  const from = addDays(to, -(days - 1));
  const [authority, setAuthority] = useState<'nasem' | 'efsa'>('nasem');
  const analysis = useAsync(() => api.analysis(from, to, authority), [from, to, authority]);
  const findings = useAsync(() => api.findings(from, to), [from, to]);
  const data = analysis.data;
  const loggedDays = data?.days.length ?? 0;
  const average = data?.average ?? {};
  const trendCell = average[trendNutrient];

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <div className="inline dashboard-controls">
        <div className="range-switch" role="group" aria-label="Period">
          {RANGES.map((n) => (
            <button key={n} type="button" aria-pressed={days === n} onClick={() => setDays(n)}>
              {n} days
            </button>
          ))}
        </div>
        <label>
          Reference values
          <select
            value={authority}
            onChange={(e) => setAuthority(e.target.value as 'nasem' | 'efsa')}
          >
            <option value="nasem">NASEM (US and Canada)</option>
            <option value="efsa">EFSA (European Union)</option>
          </select>
        </label>
      </div>
      <p className="muted">
        {from} to {to}
        {data
          ? ` · ${loggedDays} ${loggedDays === 1 ? 'day' : 'days'} with entries; averages are per logged day.`
          : ''}
      </p>

      <div className="columns">
        <div className="card">
          <h2>Calcification panel</h2>
          {analysis.loading && !data ? <Loading what="the analysis" /> : null}
          <ErrorMessage error={analysis.error} title="Could not load the analysis." />
          {data && loggedDays === 0 ? (
            <p>
              Nothing logged in this period. <a href={href('diary')}>Log what you ate</a> to see the
              panel.
            </p>
          ) : null}
          {data && loggedDays > 0 ? <PanelBars average={average} /> : null}
          <p className="small muted legend">
            <span className="legend-swatch swatch-target" aria-hidden="true" /> target
            <span className="legend-swatch swatch-limit" aria-hidden="true" /> upper limit
            <span className="legend-swatch swatch-supplement" aria-hidden="true" /> from
            supplements. Nutrients without a target or limit are shown as amounts only.
          </p>
        </div>

        <div className="card">
          <h2>Findings</h2>
          {findings.loading && !findings.data ? <Loading what="findings" /> : null}
          {isMissing(findings.error) ? (
            <p>
              <a href={href('profile')}>Create your profile</a> to have it screened against your
              medications, conditions and supplements.
            </p>
          ) : (
            <ErrorMessage error={findings.error} title="Could not load findings." />
          )}
          {findings.data ? <FindingsList findings={findings.data.findings} /> : null}
        </div>
      </div>

      <div className="card">
        <h2>Balance</h2>
        {data ? <BalanceIndices balance={data.balance} /> : null}
      </div>

      <div className="card">
        <h2>Trend</h2>
        <label>
          Nutrient
          <select
            value={trendNutrient}
            onChange={(e) => setTrendNutrient(e.target.value as NutrientId)}
          >
            {PANEL.map((id) => (
              <option key={id} value={id}>
                {shortName(id)}
              </option>
            ))}
          </select>
        </label>
        {data ? (
          <TrendChart
            title={shortName(trendNutrient)}
            unit={trendCell?.unit ?? nutrientUnit(trendNutrient)}
            from={from}
            to={to}
            points={data.days.map((day) => {
              const cell = day.totals[trendNutrient];
              return {
                date: day.date,
                amount: cell && cell.coverage > 0 ? cell.amount : undefined,
              };
            })}
            target={trendCell?.target}
            limit={trendCell?.limit}
          />
        ) : null}
      </div>

      {data?.contributors ? (
        <div className="card">
          <h2>Top sources in your diary</h2>
          <ul className="contributors">
            {(['vitamin-k1', 'vitamin-k2', 'calcium', 'magnesium', 'epa-dha'] as NutrientId[]).map(
              (id) => {
                const list = data.contributors?.[id]?.slice(0, 3) ?? [];
                return list.length ? (
                  <li key={id}>
                    <strong>{shortName(id)}:</strong>{' '}
                    {list.map((c, index) => (
                      <span key={c.foodId}>
                        {index ? ', ' : ''}
                        <a href={href('food', c.foodId)}>{c.name}</a> ({Math.round(c.share * 100)} %
                        of the known total)
                      </span>
                    ))}
                  </li>
                ) : null;
              },
            )}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
