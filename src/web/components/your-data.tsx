import { useState } from 'react';
import { csrfHeaders } from '../session.js';
import { ErrorMessage } from './status.js';
import { TrackerImport } from './tracker-import.js';

/** The data routes (GET/DELETE /api/data, POST /api/import); errors as `{ error: { message } }`. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...csrfHeaders(),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const parsed = (await response.json().catch(() => undefined)) as
    (T & { error?: { message?: string } }) | undefined;
  if (!response.ok)
    throw new Error(parsed?.error?.message ?? `${method} ${path}: ${response.status}`);
  return parsed as T;
}

const api = {
  dataSummary: () =>
    call<{
      counts: {
        profile: number;
        diary: number;
        foods: number;
        plans: number;
        labs: number;
        recipes: number;
      };
      confirmToken: string;
    }>('GET', '/api/data'),
  eraseAllData: (confirm: string) => call<unknown>('DELETE', '/api/data', { confirm }),
  restoreExport: (document: unknown) =>
    call<{ restored: Record<string, number> }>('POST', '/api/import', document),
};

/**
 * Your data: download everything (JSON, or the diary as CSV), restore an export into an empty
 * store, and "Delete all my data" — after showing what will go and asking to confirm.
 */
export function YourData() {
  const [error, setError] = useState<Error | undefined>();
  const [status, setStatus] = useState('');

  async function restore(file: File) {
    setError(undefined);
    setStatus('');
    try {
      const document = JSON.parse(await file.text()) as unknown;
      const { restored } = await api.restoreExport(document);
      setStatus(
        `Restored ${restored.diary_entries ?? 0} diary entries and ${restored.custom_foods ?? 0} own foods.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  async function eraseAll() {
    setError(undefined);
    setStatus('');
    try {
      const summary = await api.dataSummary();
      const { profile, diary, foods, plans, labs, recipes } = summary.counts;
      const what = `${diary} diary entries, ${foods} own or imported foods, ${recipes} recipes, ${plans} saved plans, ${labs} lab results${profile ? ' and your profile' : ''}`;
      if (
        !window.confirm(
          `Delete all your data: ${what}? This cannot be undone. Export it first if you want to keep a copy.`,
        )
      )
        return;
      await api.eraseAllData(summary.confirmToken);
      setStatus(`Deleted ${what}.`);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  return (
    <section aria-labelledby="your-data-title" className="your-data">
      <h2 id="your-data-title">Your data</h2>
      <p>
        <a href="/api/export" download="calcwise-export.json">
          Export everything (JSON)
        </a>{' '}
        ·{' '}
        <a href="/api/export?format=csv" download="calcwise-diary.csv">
          Export the diary (CSV)
        </a>
      </p>
      <label>
        Restore an export into an empty store{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void restore(file);
          }}
        />
      </label>
      <div className="actions">
        <button type="button" className="danger" onClick={() => void eraseAll()}>
          Delete all my data
        </button>
        <span role="status" className="ok">
          {status}
        </span>
      </div>
      <ErrorMessage error={error} title="That did not work." />
      <TrackerImport />
    </section>
  );
}
