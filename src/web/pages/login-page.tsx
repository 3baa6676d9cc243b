import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { ErrorMessage } from '../components/status.js';
import { DISCLAIMER } from '../lib.js';

export interface SignedIn {
  username: string;
  csrfToken: string;
}

/**
 * Logging in (or creating an account) when the server runs with accounts. The session is an
 * HttpOnly cookie; the page keeps only the CSRF token the server returns.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (session: SignedIn) => void }) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const session =
        mode === 'login'
          ? await api.login(username, password)
          : await api.register(username, password);
      onSignedIn({
        username: session.user.username ?? username,
        csrfToken: session.csrfToken ?? '',
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const field = error instanceof ApiError ? error.field : undefined;
  const title = mode === 'login' ? 'Log in to calcwise' : 'Create a calcwise account';
  return (
    <main id="main" tabIndex={-1} className="login">
      <section aria-labelledby="login-title" className="card">
        <h1 id="login-title">{title}</h1>
        <p className="muted">
          This calcwise server has accounts: your diary, profile, medications and labs are yours
          alone.
        </p>
        <form onSubmit={submit} className="login-form">
          <label>
            Username
            <input
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={field === 'username' || undefined}
              aria-describedby={error ? 'login-error' : undefined}
            />
          </label>
          <label>
            Password
            <input
              name="password"
              type="password"
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              required
              minLength={mode === 'register' ? 8 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={field === 'password' || undefined}
              aria-describedby={error ? 'login-error' : 'password-hint'}
            />
          </label>
          {mode === 'register' && (
            <p id="password-hint" className="muted">
              At least 8 characters; a few words you will remember work well.
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'login' ? 'Log in' : 'Create account'}
          </button>
          <div id="login-error">
            <ErrorMessage
              error={error}
              title={mode === 'login' ? 'Not logged in.' : 'No account created.'}
            />
          </div>
        </form>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setMode(mode === 'login' ? 'register' : 'login');
              setError(undefined);
            }}
          >
            {mode === 'login' ? 'New here? Create an account' : 'Have an account? Log in'}
          </button>
        </p>
      </section>
      <p className="disclaimer" role="note">
        {DISCLAIMER}
      </p>
    </main>
  );
}
