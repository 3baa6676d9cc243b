import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen. The region takes keyboard focus so
 * that it can be scrolled without a mouse (axe `scrollable-region-focusable`, WCAG 2.1.1), and
 * is named so a screen reader says what it is.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
