import { addDays, formatAmount } from '../lib.js';

export interface TrendPoint {
  date: string;
  /** Undefined: nothing logged that day, or no food with a known value. */
  amount: number | undefined;
}

const WIDTH = 480;
const HEIGHT = 200;
const PAD = { top: 16, right: 16, bottom: 28, left: 52 };

/**
 * Daily amounts as an inline SVG line chart, one point a day, gaps for unknown days, a dashed
 * line for the target and a red line for the upper limit.
 */
export function TrendChart({
  title,
  unit,
  from,
  to,
  points,
  target,
  limit,
}: {
  title: string;
  unit: string;
  from: string;
  to: string;
  points: TrendPoint[];
  target?: number | undefined;
  limit?: number | undefined;
}) {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 400; d = addDays(d, 1)) dates.push(d);
  const byDate = new Map(points.map((p) => [p.date, p.amount]));
  const known = points.map((p) => p.amount).filter((a): a is number => a !== undefined);
  const maxY = Math.max(...known, target ?? 0, limit ?? 0) * 1.1 || 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (dates.length <= 1 ? innerW / 2 : (index / (dates.length - 1)) * innerW);
  const y = (value: number) => PAD.top + innerH - (value / maxY) * innerH;

  const segments: string[] = [];
  let current: string[] = [];
  dates.forEach((date, index) => {
    const amount = byDate.get(date);
    if (amount === undefined) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(index).toFixed(1)},${y(amount).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));

  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
  const summary = known.length
    ? `${title} per day from ${from} to ${to}: ${known.length} days with values, average ${formatAmount(average, unit)}, lowest ${formatAmount(Math.min(...known), unit)}, highest ${formatAmount(Math.max(...known), unit)}${target !== undefined ? `, target ${formatAmount(target, unit)}` : ''}${limit !== undefined ? `, limit ${formatAmount(limit, unit)}` : ''}.`
    : `${title}: no days with known values between ${from} and ${to}.`;
  const ticks = [0, 0.5, 1].map((f) => f * maxY);
  const labelEvery = Math.max(1, Math.ceil(dates.length / 6));

  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="grid-line"
            />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="axis-label">
              {formatAmount(tick)}
            </text>
          </g>
        ))}
        {dates.map((date, index) => {
          const last = dates.length - 1;
          // The last date always shows, right-aligned so it stays inside the chart; a regular
          // label too close to it would overlap, so it gives way.
          const isLast = index === last && last > 0;
          const shown = isLast || (index % labelEvery === 0 && last - index >= labelEvery / 2);
          if (!shown && !(index === 0 && last === 0)) return null;
          return (
            <text
              key={date}
              x={x(index)}
              y={HEIGHT - 8}
              textAnchor={isLast ? 'end' : 'middle'}
              className="axis-label"
            >
              {date.slice(5)}
            </text>
          );
        })}
        {target !== undefined ? (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(target)}
            y2={y(target)}
            className="target-line"
          />
        ) : null}
        {limit !== undefined ? (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(limit)}
            y2={y(limit)}
            className="limit-line"
          />
        ) : null}
        {segments.map((segment, index) => (
          <polyline key={index} points={segment} className="trend-line" />
        ))}
        {dates.map((date, index) => {
          const amount = byDate.get(date);
          return amount === undefined ? null : (
            <circle
              key={date}
              cx={x(index)}
              cy={y(amount)}
              r={dates.length > 40 ? 2 : 3.5}
              className="trend-point"
            >
              <title>{`${date}: ${formatAmount(amount, unit)}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="small muted">
        {summary} <span className="legend-target">Dashed line: target.</span>
        {limit !== undefined ? <span className="legend-limit"> Red line: limit.</span> : null}
      </figcaption>
    </figure>
  );
}
