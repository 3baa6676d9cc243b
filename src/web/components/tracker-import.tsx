import { useState } from 'react';
import { csrfHeaders } from '../session.js';
import type { components } from '../api-schema.js';
import { ErrorMessage } from './status.js';

type Report = components['schemas']['TrackerImportReport'];
type Item = Report['matched'][number];

const LAYOUTS: Record<Report['layout'], string> = {
  'cronometer-servings': 'Cronometer servings export',
  'cronometer-daily': 'Cronometer daily summary (day totals, no foods)',
  'myfitnesspal-meals': 'MyFitnessPal nutrition summary (meal totals, no foods)',
};
const SHOWN = 50;

/** The file's bytes in base64, a chunk at a time (a spread of a large file overflows the stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** POST /api/import/cronometer: a dry run (review) or the import itself. */
async function upload(file: string, contentBase64: string, dryRun: boolean): Promise<Report> {
  const response = await fetch('/api/import/cronometer', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify({ file, contentBase64, dryRun }),
  });
  const body = (await response.json().catch(() => undefined)) as
    (Report & { error?: { message?: string } }) | undefined;
  if (!response.ok) throw new Error(body?.error?.message ?? `upload failed (${response.status})`);
  return body as Report;
}

const rowsOf = (items: readonly Item[]) => items.reduce((n, item) => n + item.rows, 0);

function ItemTable({ caption, items, link }: { caption: string; items: Item[]; link: string }) {
  if (items.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="import-items">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">{link}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((item) => (
            <tr key={`${item.name}\u0000${item.unit}`}>
              <td>
                {item.name} <span className="muted">({item.unit})</span>
              </td>
              <td className="num">{item.rows}</td>
              <td>
                {item.status === 'matched'
                  ? item.foodName
                  : item.candidates.length > 0
                    ? `kept as own food; similar: ${item.candidates.map((c) => c.name).join('; ')}`
                    : 'kept as own food with the file’s values'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > SHOWN ? (
        <p className="muted">… and {items.length - SHOWN} more food names.</p>
      ) : null}
    </div>
  );
}

/**
 * Bring a Cronometer (or MyFitnessPal) export in: upload the CSV, review what each food name
 * becomes (matched to the food data, kept as own food, ambiguous, rejected), then confirm. The
 * review is a dry run on the server; nothing is stored until Import, and then all at once.
 */
export function TrackerImport() {
  const [pending, setPending] = useState<{ file: string; content: string } | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function review(file: File) {
    setError(undefined);
    setStatus('');
    setReport(undefined);
    setPending(undefined);
    setBusy(true);
    try {
      const content = toBase64(new Uint8Array(await file.arrayBuffer()));
      setReport(await upload(file.name, content, true));
      setPending({ file: file.name, content });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setError(undefined);
    setBusy(true);
    try {
      const done = await upload(pending.file, pending.content, false);
      const stored = done.stored;
      setReport(undefined);
      setPending(undefined);
      setStatus(
        `Imported ${stored?.entries ?? 0} diary entries and ${stored?.foods ?? 0} own foods from ${done.file}` +
          (done.from ? ` (${done.from} to ${done.to}).` : '.') +
          (stored?.replacedEntries
            ? ` They replace the ${stored.replacedEntries} entries of its earlier import.`
            : ''),
      );
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }

  const entries = report ? report.rows - report.rejected.length : 0;
  return (
    <section aria-labelledby="tracker-import-title" className="tracker-import">
      <h3 id="tracker-import-title">Bring your Cronometer history</h3>
      <p className="muted">
        In Cronometer: More → Account → Export Data, “Servings” (foods) or “Daily Nutrition” (day
        totals); a MyFitnessPal nutrition summary works too. You review first; nothing is stored
        until you confirm.
      </p>
      <label>
        Cronometer or MyFitnessPal export (CSV){' '}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void review(file);
            event.target.value = '';
          }}
        />
      </label>
      {report ? (
        <div className="import-review" aria-label="Import review">
          <p>
            <strong>{report.file}</strong>: {LAYOUTS[report.layout]}, {report.rows} rows
            {report.from ? ` over ${report.days} day(s), ${report.from} to ${report.to}` : ''}.
          </p>
          {report.totalsOnly ? null : (
            <div className="table-scroll">
              <table className="import-counts">
                <thead>
                  <tr>
                    <th scope="col">Result</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col" className="num">
                      Food names
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Matched to food data</th>
                    <td className="num">{rowsOf(report.matched)}</td>
                    <td className="num">{report.matched.length}</td>
                  </tr>
                  <tr>
                    <th scope="row">Imported as own food</th>
                    <td className="num">{rowsOf(report.ownFood)}</td>
                    <td className="num">{report.ownFood.length}</td>
                  </tr>
                  <tr>
                    <th scope="row">Ambiguous (kept as own food)</th>
                    <td className="num">{rowsOf(report.ambiguous)}</td>
                    <td className="num">{report.ambiguous.length}</td>
                  </tr>
                  <tr>
                    <th scope="row">Rejected</th>
                    <td className="num">{report.rejected.length}</td>
                    <td className="num" />
                  </tr>
                </tbody>
              </table>
            </div>
          )}
          <ItemTable caption="Matched" items={report.matched} link="Linked to" />
          <ItemTable caption="Ambiguous" items={report.ambiguous} link="What happens" />
          <ItemTable caption="Own foods" items={report.ownFood} link="What happens" />
          {report.rejected.length > 0 ? (
            <div className="table-scroll">
              <table className="import-rejected">
                <caption>Rejected</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Food</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.slice(0, SHOWN).map((row) => (
                    <tr key={row.line}>
                      <td className="num">{row.line}</td>
                      <td>{row.name ?? ''}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {report.unknown.map((line) => (
            <p key={line} className="muted">
              Unknown: {line}
            </p>
          ))}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm()}
            >
              Import {entries} entries
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setReport(undefined);
                setPending(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="ok">
        {busy ? 'Reading the file…' : status}
      </p>
      <ErrorMessage error={error} title="The file was not imported." />
    </section>
  );
}
