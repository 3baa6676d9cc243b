import { useCallback, useEffect, useState } from 'react';
import { NUTRIENTS, type NutrientId } from '../core/nutrients.js';
import { CONDITION_LABELS, type ConditionCode } from '../core/safety/conditions.js';

export const DISCLAIMER =
  'calcwise informs; it does not diagnose. Discuss doses and medications with your clinician.';

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Adds whole days to an ISO date, in UTC so that DST changes cannot shift it. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function nutrientName(id: string): string {
  return NUTRIENTS.get(id as NutrientId)?.name ?? id;
}

/** "Chronic kidney disease, stage 3a" for "ckd-3a"; a code the app does not know, as given. */
export function conditionLabel(code: string): string {
  return CONDITION_LABELS[code as ConditionCode] ?? code;
}

const CODE_IN_TEXT = new RegExp(
  `(?<![\\w-])(${[
    ...Object.keys(CONDITION_LABELS),
    ...[...NUTRIENTS.keys()].filter((id) => /[-0-9]/.test(id)),
  ]
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\w-])`,
  'g',
);

/**
 * A finding's trigger with its codes in words: "condition: ckd-3a; supplement: mk7" becomes
 * "condition: Chronic kidney disease, stage 3a; supplement: Vitamin K2 (MK-7)".
 */
export function plainTrigger(trigger: string): string {
  return trigger.replace(CODE_IN_TEXT, (code) =>
    code in CONDITION_LABELS ? conditionLabel(code) : nutrientName(code),
  );
}

export function nutrientUnit(id: string): string {
  return NUTRIENTS.get(id as NutrientId)?.unit ?? '';
}

/** Rounds for display: three significant figures, never more than two decimals above 1. */
export function formatAmount(value: number | undefined | null, unit = ''): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return 'unknown';
  const abs = Math.abs(value);
  let text: string;
  if (abs === 0) text = '0';
  else if (abs >= 100) text = Math.round(value).toLocaleString('en-US');
  else if (abs >= 10) text = String(Number(value.toFixed(1)));
  else if (abs >= 1) text = String(Number(value.toFixed(2)));
  else text = String(Number(value.toPrecision(2)));
  return unit ? `${text} ${unit}` : text;
}

/**
 * A household portion as USDA states it, amount included: "0.5 container (4 oz) = 113 g",
 * "1 cup, chopped = 67 g". Dividing grams by the amount would turn that container into 226 g.
 */
export function portionLabel(portion: { name: string; amount: number; grams: number }): string {
  return `${formatAmount(portion.amount)} ${portion.name} = ${formatAmount(portion.grams, 'g')}`;
}

export function formatPercent(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return 'unknown';
  return `${Math.round(share * 100)} %`;
}

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change; the latest answer wins. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Debounces a changing value: the returned value follows `value` after `ms` of quiet. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
