import { Component, type ErrorInfo, type ReactNode } from 'react';
import { href } from '../router.js';

interface Props {
  /** What the boundary guards ("Report"), for the message. */
  page: string;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
}

/**
 * Keeps the app usable when a page throws while rendering: the header, navigation and footer
 * stay, the page is replaced by a message. The app keys it by route, so moving to another page
 * starts again with a fresh boundary.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.page} page failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="page-error" aria-labelledby="page-error-title">
        <h1 id="page-error-title">{this.props.page}</h1>
        <div className="error" role="alert">
          <strong>This page could not be shown.</strong> {error.message}
        </div>
        <p>
          The rest of calcwise still works: pick another page above, or{' '}
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            try again
          </button>
          . Checking the <a href={href('profile')}>profile</a> often helps.
        </p>
      </section>
    );
  }
}
