import { useState, type FormEvent } from 'react';
import { LAB_TEST_IDS, LAB_TESTS, type LabTestId } from '../../core/labs/lab-tests.js';
import { api, ApiError } from '../api.js';
import { InrVitaminKChart } from '../components/inr-chart.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { addDays, formatAmount, todayIso, useAsync } from '../lib.js';

type Lab = Awaited<ReturnType<typeof api.labs>>['labs'][number];

const STATUS_TEXT = { low: 'below range', 'in-range': 'in range', high: 'above range' } as const;

function rangeText(lab: Lab): string {
  const { low, high, rangeKind } = lab.assessment;
  if (low === undefined && high === undefined) return lab.assessment.category?.label ?? '—';
  const bounds = `${low === undefined ? '' : formatAmount(low)}–${high === undefined ? '' : formatAmount(high)}`;
  const kind =
    rangeKind === 'own'
      ? 'your lab'
      : rangeKind === 'target'
        ? 'usual target'
        : rangeKind === 'guideline'
          ? 'guideline'
          : 'typical lab range';
  return `${bounds} (${kind})`;
}

function LabForm({ onAdded }: { onAdded: () => void }) {
  const [test, setTest] = useState<LabTestId>('inr');
  const [unit, setUnit] = useState(LAB_TESTS.inr.units[0]!.unit);
  const [date, setDate] = useState(todayIso());
  const [value, setValue] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const [status, setStatus] = useState('');
  const field = error instanceof ApiError ? error.field : undefined;
  const invalid = (name: string) =>
    field === name ? { 'aria-invalid': true as const, 'aria-describedby': 'lab-error' } : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    try {
      const lowValue = number(low);
      const highValue = number(high);
      const stored = await api.addLab({
        date,
        test,
        value: Number(value),
        unit,
        ...(lowValue !== undefined && { low: lowValue }),
        ...(highValue !== undefined && { high: highValue }),
      });
      setStatus(
        `Recorded ${LAB_TESTS[test].name} ${formatAmount(stored.value)} ${stored.unit} on ${stored.date}.`,
      );
      setValue('');
      onAdded();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  }

  return (
    <form className="lab-form" onSubmit={submit} aria-labelledby="lab-form-title">
      <h2 id="lab-form-title" style={{ gridColumn: '1 / -1' }}>
        Add a result
      </h2>
      <label>
        Test
        <select
          value={test}
          onChange={(e) => {
            const next = e.target.value as LabTestId;
            setTest(next);
            setUnit(LAB_TESTS[next].units[0]!.unit);
          }}
        >
          {LAB_TEST_IDS.map((id) => (
            <option key={id} value={id}>
              {LAB_TESTS[id].name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date
        <input
          type="date"
          value={date}
          required
          onChange={(e) => setDate(e.target.value)}
          {...invalid('date')}
        />
      </label>
      <label>
        Result
        <input
          inputMode="decimal"
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
          {...invalid('value')}
        />
      </label>
      <label>
        Unit
        <select value={unit} onChange={(e) => setUnit(e.target.value)} {...invalid('unit')}>
          {LAB_TESTS[test].units.map((u) => (
            <option key={u.unit} value={u.unit}>
              {u.unit}
            </option>
          ))}
        </select>
      </label>
      <label>
        Your lab’s low (optional)
        <input
          inputMode="decimal"
          value={low}
          onChange={(e) => setLow(e.target.value)}
          {...invalid('low')}
        />
      </label>
      <label>
        Your lab’s high (optional)
        <input
          inputMode="decimal"
          value={high}
          onChange={(e) => setHigh(e.target.value)}
          {...invalid('high')}
        />
      </label>
      <button type="submit">Add result</button>
      <div id="lab-error" style={{ gridColumn: '1 / -1' }}>
        <ErrorMessage error={error} title="Not recorded." />
        <p role="status" className="muted">
          {status}
        </p>
      </div>
    </form>
  );
}

function InrSection({ labs }: { labs: Lab[] }) {
  const inr = labs.filter((l) => l.test === 'inr');
  const to = todayIso();
  // From the first INR (or two weeks back, whichever is earlier), at most 90 days.
  const first = inr[0]?.date ?? to;
  const twoWeeks = addDays(to, -13);
  const earliest = addDays(to, -89);
  const start = first < twoWeeks ? first : twoWeeks;
  const from = start < earliest ? earliest : start;
  const analysis = useAsync(() => api.analysis(from, to), [from, to]);
  if (inr.length === 0) {
    return (
      <p className="muted">
        No INR results yet: add one above to see it beside your daily vitamin K.
      </p>
    );
  }
  const latest = inr[inr.length - 1]!;
  const vitaminK = (analysis.data?.days ?? []).map((day) => ({
    date: day.date,
    amount: day.totals['vitamin-k']?.amount,
  }));
  return (
    <>
      {analysis.error ? (
        <ErrorMessage error={analysis.error} title="The diary could not be read." />
      ) : null}
      <InrVitaminKChart
        from={from}
        to={to}
        vitaminK={vitaminK}
        inr={inr.map((l) => ({ date: l.date, value: l.value }))}
        low={latest.assessment.low}
        high={latest.assessment.high}
      />
    </>
  );
}

/**
 * The policy suggests a KDIGO category from the latest eGFR when the profile has no stage; the
 * person adds it to their profile only once their clinician has confirmed it.
 */
function StageSuggestion({
  labs,
  onConfirmed,
}: {
  labs: Lab[];
  onConfirmed: (message: string) => void;
}) {
  const [error, setError] = useState<Error | undefined>();
  const egfr = labs.filter((l) => l.test === 'egfr').at(-1);
  const category = egfr?.assessment.category;
  if (!egfr || !category) return null;
  async function confirm() {
    setError(undefined);
    try {
      const profile = await api.getProfile();
      const conditions = [...new Set([...(profile.conditions ?? []), category!.code])];
      await api.putProfile({ ...profile, conditions });
      onConfirmed(
        `Added ${category!.code} to your profile’s conditions: the kidney advice now follows it.`,
      );
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  }
  return (
    <div className="card" role="group" aria-labelledby="stage-title">
      <h2 id="stage-title">Kidney function: a stage to confirm</h2>
      <p>
        Your latest eGFR ({formatAmount(egfr.value)} on {egfr.date}) falls in KDIGO category{' '}
        {category.label}. One result is not a diagnosis: chronic kidney disease needs the finding
        for more than three months, judged by your clinician. If your kidney team has given you a
        stage, theirs is the one to use.
      </p>
      <button type="button" onClick={confirm}>
        My clinician confirmed {category.code}: add it to my profile
      </button>
      <ErrorMessage error={error} title="The profile was not changed." />
    </div>
  );
}

export function LabsPage() {
  const labs = useAsync(() => api.labs(), []);
  const findings = useAsync(() => api.findings(), []);
  // The policy says who takes a vitamin K antagonist: the chart follows its finding.
  const isVkaUser = (findings.data?.findings ?? []).some(
    (f) => f.id === 'vka-vitamin-k-consistency',
  );
  const list = labs.data?.labs ?? [];
  const [notice, setNotice] = useState('');

  return (
    <section aria-labelledby="labs-title">
      <h1 id="labs-title">Labs and measurements</h1>
      <p className="muted">
        Results are converted to one unit per test; what you entered is kept. Ranges are your lab’s
        when you give them, otherwise a cited default. calcwise informs; discuss results with your
        clinician.
      </p>
      <LabForm
        onAdded={() => {
          labs.reload();
          findings.reload();
        }}
      />

      <p role="status" className="muted">
        {notice}
      </p>
      {(findings.data?.findings ?? []).some(
        (f) => f.id === 'lab-egfr-ckd-stage' && f.severity === 'monitor',
      ) ? (
        <StageSuggestion
          labs={list}
          onConfirmed={(message) => {
            setNotice(message);
            findings.reload();
          }}
        />
      ) : null}

      {isVkaUser ? (
        <section aria-labelledby="inr-title">
          <h2 id="inr-title">INR vs daily vitamin K</h2>
          <InrSection labs={list} />
        </section>
      ) : null}

      <section aria-labelledby="labs-list-title">
        <h2 id="labs-list-title">Results</h2>
        {labs.loading && !labs.data ? <Loading what="lab results" /> : null}
        <ErrorMessage error={labs.error} title="Lab results could not be loaded." />
        {labs.data && list.length === 0 ? <p>No lab results yet.</p> : null}
        {list.length > 0 ? (
          <ScrollRegion label="Lab results">
            <table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Test</th>
                  <th scope="col">Result</th>
                  <th scope="col">Entered</th>
                  <th scope="col">Range</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {[...list].reverse().map((lab) => {
                  const status = lab.assessment.status;
                  const name = LAB_TESTS[lab.test as LabTestId]?.name ?? lab.test;
                  return (
                    <tr key={lab.id}>
                      <td>{lab.date}</td>
                      <td>{name}</td>
                      <td>
                        {formatAmount(lab.value)} {lab.unit}
                      </td>
                      <td>
                        {lab.original.value} {lab.original.unit}
                      </td>
                      <td>{rangeText(lab)}</td>
                      <td
                        className={
                          status === 'high' ? 'lab-high' : status === 'low' ? 'lab-low' : undefined
                        }
                      >
                        {[status && STATUS_TEXT[status], lab.assessment.category?.label]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="small"
                          aria-label={`Delete ${name} on ${lab.date}`}
                          onClick={async () => {
                            await api.deleteLab(lab.id);
                            labs.reload();
                            findings.reload();
                          }}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </section>
    </section>
  );
}
