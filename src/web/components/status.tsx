import { ApiError } from '../api.js';

export function ErrorMessage({ error, title }: { error: Error | undefined; title?: string }) {
  if (!error) return null;
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 501);
  return (
    <div className="error" role="alert">
      <strong>{title ?? 'Something went wrong.'}</strong>{' '}
      {missing && error instanceof ApiError && error.code === 'HTTP_404'
        ? 'This part of the server is not available yet.'
        : error.message}
      {error instanceof ApiError && error.field ? (
        <span className="muted"> (field: {error.field})</span>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}
