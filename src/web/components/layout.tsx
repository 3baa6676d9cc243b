import type { ReactNode } from 'react';
import { DISCLAIMER } from '../lib.js';
import { href } from '../router.js';

const LINKS: { page: string; label: string }[] = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'diary', label: 'Diary' },
  { page: 'foods', label: 'Foods' },
  { page: 'my-foods', label: 'My foods' },
  { page: 'recipes', label: 'Recipes' },
  { page: 'labs', label: 'Labs' },
  { page: 'plan', label: 'Plan' },
  { page: 'evidence', label: 'Evidence' },
  { page: 'report', label: 'Report' },
  { page: 'profile', label: 'Profile' },
];

/** The logged-in person on a server with accounts. */
export interface Account {
  username: string;
  logout: () => Promise<void>;
}

export function Layout({
  current,
  account,
  children,
}: {
  current: string;
  account?: Account | undefined;
  children: ReactNode;
}) {
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Hash routing owns the fragment: move focus instead of navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header>
        <div className="site-header">
          <a className="brand" href={href('dashboard')}>
            calcwise
          </a>
          <nav aria-label="Main">
            <ul>
              {LINKS.map((link) => (
                <li key={link.page}>
                  <a
                    href={href(link.page)}
                    aria-current={current === link.page ? 'page' : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {account && (
            <div className="account">
              <span>
                Logged in as <strong>{account.username}</strong>
              </span>
              <button type="button" className="link-button" onClick={() => void account.logout()}>
                Log out
              </button>
            </div>
          )}
        </div>
        <p className="disclaimer" role="note">
          {DISCLAIMER}
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{DISCLAIMER}</p>
        <p className="muted">
          Food data: USDA SR24 (public domain) with cited vitamin K2 and omega-3 tables. Unknown
          values are shown as unknown, never as zero.
        </p>
      </footer>
    </>
  );
}
