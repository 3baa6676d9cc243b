/**
 * Progress of a long import on stderr: on a terminal one line rewritten in place (percent,
 * rows/s, ETA); otherwise a plain line at each tenth, so logs and CI stay readable.
 */
import type { CliIo } from './io.js';

export interface ProgressSnapshot {
  /** What is being read, e.g. "food_nutrient.csv". */
  label: string;
  /** 0 … 1 of the whole work. */
  fraction: number;
  rows: number;
  secondsElapsed: number;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `m:ss` (or `h:mm:ss`); "–" when not yet known. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * One progress line.
 * @example formatProgress({ label: 'food_nutrient.csv', fraction: 0.5, rows: 60000, secondsElapsed: 2 })
 * // ' 50%  food_nutrient.csv  60,000 rows  30,000 rows/s  ETA 0:02'
 */
export function formatProgress(snapshot: ProgressSnapshot): string {
  const fraction = Math.min(1, Math.max(0, snapshot.fraction));
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const rate = snapshot.secondsElapsed > 0 ? snapshot.rows / snapshot.secondsElapsed : undefined;
  const eta =
    fraction >= 1
      ? 0
      : fraction > 0 && snapshot.secondsElapsed > 0
        ? (snapshot.secondsElapsed * (1 - fraction)) / fraction
        : undefined;
  return [
    percent,
    snapshot.label,
    `${count(snapshot.rows)} rows`,
    rate === undefined ? '– rows/s' : `${count(rate)} rows/s`,
    `ETA ${formatDuration(eta)}`,
  ].join('  ');
}

export interface ProgressReporter {
  update(progress: { label: string; fraction: number; rows: number }): void;
  /** Writes the last state (100 %) and ends the line. */
  finish(): void;
}

const TTY_REFRESH_SECONDS = 0.1;
const CLEAR_TO_END = '\u001b[K';

/** A reporter on `io.stderr`; `now` is seconds on any monotonic clock. */
export function progressReporter(
  io: Pick<CliIo, 'stderr'>,
  options: { tty: boolean; now: () => number },
): ProgressReporter {
  const started = options.now();
  let lastWrite = -Infinity;
  let lastTenth = -1;
  let last: { label: string; fraction: number; rows: number } | undefined;
  const line = (p: NonNullable<typeof last>) =>
    formatProgress({ ...p, secondsElapsed: options.now() - started });
  return {
    update(progress) {
      last = progress;
      if (options.tty) {
        const now = options.now();
        if (now - lastWrite < TTY_REFRESH_SECONDS) return;
        lastWrite = now;
        io.stderr(`\r${line(progress)}${CLEAR_TO_END}`);
        return;
      }
      const tenth = Math.floor(Math.min(1, progress.fraction) * 10);
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      io.stderr(`${line(progress)}\n`);
    },
    finish() {
      if (!last) return;
      const done = { ...last, fraction: 1 };
      if (options.tty) io.stderr(`\r${line(done)}${CLEAR_TO_END}\n`);
      else if (lastTenth < 10) io.stderr(`${line(done)}\n`);
    },
  };
}
