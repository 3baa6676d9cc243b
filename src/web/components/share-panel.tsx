import { useEffect, useState } from 'react';
import { api, type Share, type ShareAccess } from '../api.js';
import { useAsync } from '../lib.js';
import { ErrorMessage, Loading } from './status.js';

const EXPIRIES: { days: number; label: string }[] = [
  { days: 1, label: '1 day' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
];

const STATE_LABELS: Record<Share['state'], string> = {
  active: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** "2026-12-02T12:00:00.000Z" in the reader's locale, to the minute. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}

function Accesses({ id }: { id: string }) {
  const accesses = useAsync(() => api.shareAccesses(id), [id]);
  if (accesses.loading && !accesses.data) return <Loading what="the openings" />;
  if (accesses.error) return <ErrorMessage error={accesses.error} title="Could not load." />;
  const list: ShareAccess[] = accesses.data?.accesses ?? [];
  if (list.length === 0) return <p className="muted small">Not opened yet.</p>;
  return (
    <ul className="share-accesses small">
      {list.map((access, index) => (
        <li key={`${access.at}-${index}`}>
          {formatTime(access.at)} · {access.resource === 'pdf' ? 'PDF' : 'report'} ·{' '}
          {access.client ?? 'address unknown'}
          {access.userAgent ? ` · ${access.userAgent}` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Share with a clinician" on the Report page: a read-only link to the report of a period, with
 * an expiry; the list of links with their state and openings, and revoking. The link is shown
 * when made and not again (the server keeps only a hash of its token).
 */
export function SharePanel({ from: defaultFrom, to: defaultTo }: { from: string; to: string }) {
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [days, setDays] = useState(30);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  /** Links made on this page, by share id: the only place a token is ever seen again. */
  const [links, setLinks] = useState<Record<string, string>>({});
  const [latest, setLatest] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const shares = useAsync(() => api.shares(), []);
  // The Report page's period is the default: follow it when it changes there.
  useEffect(() => {
    setFrom(defaultFrom);
    setTo(defaultTo);
  }, [defaultFrom, defaultTo]);

  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const created = await api.createShare({ from, to, expiresAt });
      setLinks((previous) => ({ ...previous, [created.id]: created.url }));
      setLatest(created.id);
      shares.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(undefined);
    try {
      await api.revokeShare(id);
      shares.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  }

  const latestUrl = latest ? links[latest] : undefined;
  return (
    <section className="no-print share-panel" aria-labelledby="share-title">
      <h2 id="share-title">Share with a clinician</h2>
      <p className="small muted">
        A read-only link to this report for the period you choose. Anyone who has the link can read
        the report until it expires or you revoke it; it opens nothing else. Each opening is
        recorded below.
      </p>
      <div className="inline share-form">
        <label>
          From
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Expires after
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRIES.map((option) => (
              <option key={option.days} value={option.days}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          Create link
        </button>
      </div>
      <ErrorMessage error={error} title="Could not share." />
      {latestUrl ? (
        <div className="share-created" role="status">
          <label htmlFor="share-link">Link (shown only now: copy it before leaving the page)</label>
          <div className="inline">
            <input
              id="share-link"
              className="share-link"
              readOnly
              value={latestUrl}
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={latestUrl} label="Copy the new link" />
          </div>
        </div>
      ) : null}

      <h3>Your links</h3>
      {shares.loading && !shares.data ? <Loading what="your links" /> : null}
      <ErrorMessage error={shares.error} title="Could not load your links." />
      {shares.data && shares.data.shares.length === 0 ? (
        <p className="muted small">No links yet.</p>
      ) : null}
      {shares.data && shares.data.shares.length > 0 ? (
        <ul className="share-list">
          {shares.data.shares.map((share) => (
            <li key={share.id} className={`share share-${share.state}`}>
              <div className="share-line">
                <span>
                  <strong>
                    {share.from} to {share.to}
                  </strong>{' '}
                  · <span className="share-state">{STATE_LABELS[share.state]}</span> ·{' '}
                  {share.state === 'revoked' && share.revokedAt
                    ? `revoked ${formatTime(share.revokedAt)}`
                    : `expires ${formatTime(share.expiresAt)}`}{' '}
                  · opened {share.accesses} {share.accesses === 1 ? 'time' : 'times'}
                </span>
                <span className="share-actions">
                  {links[share.id] && share.state === 'active' ? (
                    <CopyButton
                      text={links[share.id]!}
                      label={`Copy the link for ${share.from} to ${share.to}`}
                    />
                  ) : null}
                  <button
                    type="button"
                    aria-expanded={open === share.id}
                    onClick={() => setOpen(open === share.id ? undefined : share.id)}
                  >
                    {open === share.id ? 'Hide openings' : 'Openings'}
                  </button>
                  {share.state === 'active' ? (
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Revoke the link for ${share.from} to ${share.to}`}
                      onClick={() => void revoke(share.id)}
                    >
                      Revoke
                    </button>
                  ) : null}
                </span>
              </div>
              {open === share.id ? <Accesses id={share.id} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
