import { addDays, formatAmount } from '../lib.js';

export interface InrPoint {
  date: string;
  value: number;
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { top: 30, right: 48, bottom: 30, left: 52 };

/**
 * INR vs daily vitamin K: the diary's daily vitamin K as bars (left axis, µg) and INR results as
 * points (right axis) with the target band, on one date axis. The SVG's label says it all in
 * words for screen readers; the table beside it has the numbers.
 */
export function InrVitaminKChart({
  from,
  to,
  vitaminK,
  inr,
  low,
  high,
}: {
  from: string;
  to: string;
  vitaminK: { date: string; amount: number | undefined }[];
  inr: InrPoint[];
  low?: number | undefined;
  high?: number | undefined;
}) {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 400; d = addDays(d, 1)) dates.push(d);
  const index = new Map(dates.map((d, i) => [d, i]));
  const known = vitaminK.map((p) => p.amount).filter((a): a is number => a !== undefined);
  const maxK = Math.max(...known, 1) * 1.1;
  const maxInr = Math.max(...inr.map((p) => p.value), high ?? 0, 4) * 1.1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(dates.length, 1);
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const yK = (v: number) => PAD.top + innerH - (v / maxK) * innerH;
  const yInr = (v: number) => PAD.top + innerH - (v / maxInr) * innerH;
  const labelEvery = Math.max(1, Math.ceil(dates.length / 6));
  const outside = inr.filter(
    (p) => (low !== undefined && p.value < low) || (high !== undefined && p.value > high),
  );
  const summary = `INR and daily vitamin K from ${from} to ${to}: ${inr.length} INR results (${inr
    .map((p) => `${formatAmount(p.value)} on ${p.date}`)
    .join(', ')})${
    low !== undefined && high !== undefined
      ? `, target ${formatAmount(low)}–${formatAmount(high)}, ${outside.length} outside it`
      : ''
  }; vitamin K logged on ${known.length} days${
    known.length
      ? `, from ${formatAmount(Math.min(...known), 'µg')} to ${formatAmount(Math.max(...known), 'µg')}`
      : ''
  }.`;

  return (
    <figure className="trend inr-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {low !== undefined && high !== undefined ? (
          <rect
            x={PAD.left}
            width={innerW}
            y={yInr(high)}
            height={yInr(low) - yInr(high)}
            className="inr-band"
          />
        ) : null}
        {vitaminK.map((p) => {
          const i = index.get(p.date);
          if (i === undefined || p.amount === undefined) return null;
          return (
            <rect
              key={p.date}
              x={x(i) - slot * 0.35}
              width={slot * 0.7}
              y={yK(p.amount)}
              height={PAD.top + innerH - yK(p.amount)}
              className="vitamin-k-bar"
            />
          );
        })}
        <polyline
          className="inr-line"
          fill="none"
          points={inr
            .filter((p) => index.has(p.date))
            .map((p) => `${x(index.get(p.date)!).toFixed(1)},${yInr(p.value).toFixed(1)}`)
            .join(' ')}
        />
        {inr.map((p) => {
          const i = index.get(p.date);
          if (i === undefined) return null;
          const off = outside.includes(p);
          return (
            <circle
              key={`${p.date}-${p.value}`}
              cx={x(i)}
              cy={yInr(p.value)}
              r={off ? 5 : 4}
              className={off ? 'inr-point inr-point-out' : 'inr-point'}
            />
          );
        })}
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <text x={PAD.left - 6} y={yK(f * maxK) + 4} textAnchor="end" className="axis-label">
              {formatAmount(f * maxK)}
            </text>
            <text
              x={WIDTH - PAD.right + 6}
              y={yInr(f * maxInr) + 4}
              textAnchor="start"
              className="axis-label"
            >
              {formatAmount(f * maxInr)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={12} textAnchor="start" className="axis-label">
          vitamin K, µg/day
        </text>
        <text x={WIDTH - PAD.right} y={12} textAnchor="end" className="axis-label">
          INR
        </text>
        {dates.map((d, i) =>
          i % labelEvery === 0 ? (
            <text
              key={d}
              x={Math.min(Math.max(x(i), PAD.left + 24), WIDTH - PAD.right - 24)}
              y={HEIGHT - 8}
              textAnchor="middle"
              className="axis-label"
            >
              {d.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        Bars: vitamin K logged per day (µg, left axis). Points: INR results (right axis)
        {low !== undefined && high !== undefined
          ? `; the shaded band is the target ${formatAmount(low)}–${formatAmount(high)}; larger points are outside it`
          : ''}
        .
      </figcaption>
    </figure>
  );
}
