import type { SourceRef } from '../api-types.js';
import { formatAmount } from '../lib.js';
import { SourceList } from './source-ref.js';

const LABELS: Record<string, string> = {
  dVsK2: 'Vitamin D vs K2',
  'd-vs-k2': 'Vitamin D vs K2',
  caMg: 'Calcium : magnesium (mass)',
  'ca-mg': 'Calcium : magnesium (mass)',
  naK: 'Sodium : potassium (molar)',
  'na-k': 'Sodium : potassium (molar)',
  caP: 'Calcium : phosphorus',
  'ca-p': 'Calcium : phosphorus',
  vitaminKConsistency: 'Vitamin K consistency',
  'vitamin-k-consistency': 'Vitamin K consistency',
};

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/ ug$/, ' (µg)'],
  [/ mg$/, ' (mg)'],
  [/ g$/, ' (g)'],
  [/ percent$/, ' (%)'],
  [/ kcal$/, ' (kcal)'],
];

/** `cvPercent` → "CV (%)", `meanUg` → "Mean (µg)", `daysWithData` → "Days with data". */
export function humanize(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  let text = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  for (const [pattern, replacement] of UNIT_SUFFIXES) text = text.replace(pattern, replacement);
  text = text.replace(/^cv\b/, 'CV');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSource(value: unknown): value is SourceRef {
  return isRecord(value) && typeof value.label === 'string' && typeof value.kind === 'string';
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'number') return formatAmount(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describe).join(', ');
  if (isRecord(value)) {
    if ('min' in value || 'max' in value) {
      return `${value.min !== undefined ? describe(value.min) : '…'} – ${value.max !== undefined ? describe(value.max) : '…'}`;
    }
    return Object.entries(value)
      .map(([k, v]) => `${humanize(k)}: ${describe(v)}`)
      .join('; ');
  }
  return String(value);
}

const SKIP = new Set(['source', 'sources', 'note', 'evidence', 'message', 'label', 'name']);

/** Any JSON object as a readable list: plan explanations, diagnoses, unknown shapes. */
export function DataView({ data }: { data: Record<string, unknown> | undefined }) {
  const entries = Object.entries(data ?? {}).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return <p className="muted">Nothing to show.</p>;
  return (
    <ul className="balance">
      {entries.map(([key, raw]) => {
        const value = isRecord(raw) ? raw : { value: raw };
        const sources = [
          ...(Array.isArray(value.sources) ? value.sources.filter(isSource) : []),
          ...(isSource(value.source) ? [value.source] : []),
        ];
        const title =
          typeof value.label === 'string'
            ? value.label
            : typeof value.name === 'string'
              ? value.name
              : humanize(key);
        const notes = ['message', 'note', 'evidence']
          .map((k) => value[k])
          .filter((v): v is string => typeof v === 'string');
        return (
          <li key={key} className="balance-item">
            <h3>{title}</h3>
            <dl>
              {Object.entries(value)
                .filter(([k]) => !SKIP.has(k))
                .map(([k, v]) => (
                  <div key={k} className="dl-row">
                    <dt>{humanize(k)}</dt>
                    <dd>{describe(v)}</dd>
                  </div>
                ))}
            </dl>
            {notes.map((note, index) => (
              <p key={index} className="small">
                {note}
              </p>
            ))}
            {sources.length ? (
              <details>
                <summary>Sources ({sources.length})</summary>
                <SourceList sources={sources} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
