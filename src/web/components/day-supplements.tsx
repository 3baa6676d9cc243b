import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { formatAmount, nutrientName, useAsync } from '../lib.js';
import { enteredSupplement, SupplementList, type SupplementRow } from './supplement-list.js';
import { ErrorMessage, Loading } from './status.js';

/**
 * What was taken on the diary's date. A day not logged shows the profile's regimen; saving logs
 * the day (the check then reads the highest day for upper limits and interactions, the average
 * for intake), "Use my usual supplements" removes the day's record.
 */
export function DaySupplements({ date }: { date: string }) {
  const [version, setVersion] = useState(0);
  const listed = useAsync(() => api.supplementDays(date, date), [date, version]);
  const day = listed.data?.days[0];
  const [rows, setRows] = useState<SupplementRow[]>([]);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<Error>();
  useEffect(() => {
    setEditing(false);
    setStatus('');
    setError(undefined);
  }, [date]);
  useEffect(() => {
    if (day) setRows(day.supplements.map(enteredSupplement));
  }, [day]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.logSupplements(
        date,
        rows
          .filter((row) => row.amount.trim() !== '')
          .map((row) => ({ nutrient: row.nutrient, amount: Number(row.amount), unit: row.unit })),
      );
      setEditing(false);
      setStatus(`Supplements logged for ${date}.`);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    }
  };
  const reset = async () => {
    setError(undefined);
    try {
      await api.clearSupplements(date);
      setEditing(false);
      setStatus(`${date} follows your usual supplements again.`);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    }
  };
  const none = async () => {
    setRows([]);
    setError(undefined);
    try {
      await api.logSupplements(date, []);
      setStatus(`Logged: no supplements on ${date}.`);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="card" aria-labelledby="supplements-title" role="region">
      <h2 id="supplements-title">Supplements on {date}</h2>
      {listed.loading && !listed.data ? <Loading what="the supplements" /> : null}
      <ErrorMessage error={listed.error} title="Could not load the supplements." />
      {day ? (
        <>
          <p className="muted">
            {day.source === 'logged'
              ? 'Logged for this day.'
              : 'Not logged: your usual supplements from the profile count for this day.'}
          </p>
          {day.supplements.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul className="supplements-taken">
              {day.supplements.map((s, i) => (
                <li key={`${s.nutrient}-${i}`}>
                  {nutrientName(s.nutrient)} {s.entered ?? `${formatAmount(s.amount)} ${s.unit}`}
                </li>
              ))}
            </ul>
          )}
          {editing ? (
            <form onSubmit={save} aria-label={`Supplements taken on ${date}`}>
              <SupplementList name="taken" value={rows} onChange={setRows} amountLabel="Amount" />
              <div className="inline">
                <button type="submit">Save for {date}</button>
                <button type="button" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <div className="inline">
              <button type="button" onClick={() => setEditing(true)}>
                Change what I took
              </button>
              {day.supplements.length > 0 ? (
                <button type="button" onClick={none}>
                  None today
                </button>
              ) : null}
              {day.source === 'logged' ? (
                <button type="button" onClick={reset}>
                  Use my usual supplements
                </button>
              ) : null}
            </div>
          )}
        </>
      ) : null}
      <p role="status" className="ok">
        {status}
      </p>
      <ErrorMessage error={error} title="The supplements were not saved." />
      <p className="muted small">
        Upper limits and interactions are checked against your highest day; intake against targets
        uses the average.
      </p>
    </div>
  );
}
