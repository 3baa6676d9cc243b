/**
 * The session as the UI holds it when the server has accounts: the CSRF token every write sends
 * (the session itself is an HttpOnly cookie the page never sees), and the event pages raise when
 * the server says the session is gone.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Headers for a write: X-CSRF-Token when logged in with accounts, none in local mode. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Dispatched on window when any request answers 401: the app shows the login form. */
export const SESSION_ENDED_EVENT = 'calcwise:session-ended';

export function sessionEnded(): void {
  setCsrfToken(undefined);
  globalThis.dispatchEvent?.(new Event(SESSION_ENDED_EVENT));
}
