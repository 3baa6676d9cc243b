/**
 * Condition codes (docs/design.md §4). CKD stages follow KDIGO GFR categories G1–G5;
 * `dialysis` is G5D. Pregnancy and lactation come from the profile's lifeStage.
 */
export const CONDITION_CODES = [
  'ckd-1',
  'ckd-2',
  'ckd-3',
  'ckd-3a',
  'ckd-3b',
  'ckd-4',
  'ckd-5',
  'dialysis',
  'kidney-transplant',
  'hypercalcemia',
  'hyperparathyroidism',
  'familial-hypocalciuric-hypercalcemia',
  'sarcoidosis',
  'granulomatous-disease',
  'kidney-stones',
] as const;

export type ConditionCode = (typeof CONDITION_CODES)[number];

/** What each condition code means, in words a person and a clinician read (KDIGO G stages). */
export const CONDITION_LABELS: Readonly<Record<ConditionCode, string>> = {
  'ckd-1': 'Chronic kidney disease, stage 1',
  'ckd-2': 'Chronic kidney disease, stage 2',
  'ckd-3': 'Chronic kidney disease, stage 3',
  'ckd-3a': 'Chronic kidney disease, stage 3a',
  'ckd-3b': 'Chronic kidney disease, stage 3b',
  'ckd-4': 'Chronic kidney disease, stage 4',
  'ckd-5': 'Chronic kidney disease, stage 5',
  dialysis: 'Dialysis',
  'kidney-transplant': 'Kidney transplant',
  hypercalcemia: 'Hypercalcaemia (high blood calcium)',
  hyperparathyroidism: 'Hyperparathyroidism',
  'familial-hypocalciuric-hypercalcemia': 'Familial hypocalciuric hypercalcaemia',
  sarcoidosis: 'Sarcoidosis',
  'granulomatous-disease': 'Granulomatous disease',
  'kidney-stones': 'Kidney stones',
};

const ALIASES: Readonly<Record<string, ConditionCode>> = {
  'ckd-g1': 'ckd-1',
  'ckd-g2': 'ckd-2',
  'ckd-g3': 'ckd-3',
  'ckd-g3a': 'ckd-3a',
  'ckd-g3b': 'ckd-3b',
  'ckd-g4': 'ckd-4',
  'ckd-g5': 'ckd-5',
  'ckd-5d': 'dialysis',
  'ckd-g5d': 'dialysis',
  hemodialysis: 'dialysis',
  haemodialysis: 'dialysis',
  'peritoneal-dialysis': 'dialysis',
  hypercalcaemia: 'hypercalcemia',
  'primary-hyperparathyroidism': 'hyperparathyroidism',
  'normocalcemic-hyperparathyroidism': 'hyperparathyroidism',
  fhh: 'familial-hypocalciuric-hypercalcemia',
  'familial-hypocalciuric-hypercalcaemia': 'familial-hypocalciuric-hypercalcemia',
  'kidney-stone': 'kidney-stones',
  nephrolithiasis: 'kidney-stones',
};

/** Order of CKD severity; `ckd-3` without a letter is treated as 3a. */
const CKD_RANK: Partial<Record<ConditionCode, number>> = {
  'ckd-1': 1,
  'ckd-2': 2,
  'ckd-3': 3,
  'ckd-3a': 3,
  'ckd-3b': 3.5,
  'ckd-4': 4,
  'ckd-5': 5,
  dialysis: 6,
};

export const CKD_LABEL: Readonly<Record<number, string>> = {
  1: 'CKD G1',
  2: 'CKD G2',
  3: 'CKD G3a',
  3.5: 'CKD G3b',
  4: 'CKD G4',
  5: 'CKD G5',
  6: 'CKD G5D (dialysis)',
};

/** Rank at or above which kidney function is impaired (G3a: eGFR below 60). */
export const CKD_G3A = 3;

export function normalizeCondition(code: string): ConditionCode | undefined {
  const normalized = code
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if ((CONDITION_CODES as readonly string[]).includes(normalized)) {
    return normalized as ConditionCode;
  }
  return ALIASES[normalized];
}

/** The most advanced CKD stage among the conditions: its rank and code. */
export function ckdStage(
  conditions: Iterable<ConditionCode>,
): { rank: number; code: ConditionCode; label: string } | undefined {
  let best: { rank: number; code: ConditionCode; label: string } | undefined;
  for (const code of conditions) {
    const rank = CKD_RANK[code];
    if (rank !== undefined && (!best || rank > best.rank)) {
      best = { rank, code, label: CKD_LABEL[rank] ?? code };
    }
  }
  return best;
}
