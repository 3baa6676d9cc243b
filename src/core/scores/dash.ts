import type { SourceRef } from '../sources.js';

/**
 * DASH as guidance. The DASH-style score of Fung 2008 gives 1–5 points per component by
 * quintile of intake within the study population (total 8–40). A single person has no
 * population to rank against and calcwise ships no reference distribution, so calcwise does
 * not compute a DASH score; fixed cut-off DASH indices (e.g. Mellen 2008, Günther) were not
 * verified against their sources and are not implemented.
 */

export interface DashComponent {
  component: string;
  /** Which way earns more points in the score. */
  better: 'more' | 'less';
}

export const DASH_SOURCE: SourceRef = {
  label: "Fung 2008, Arch Intern Med 168(7):713 (DASH-style score, Nurses' Health Study)",
  kind: 'study',
  doi: '10.1001/archinte.168.7.713',
};

export const DASH_COMPONENTS: readonly DashComponent[] = [
  { component: 'Fruits (including juice)', better: 'more' },
  { component: 'Vegetables (excluding potatoes and legumes)', better: 'more' },
  { component: 'Nuts and legumes', better: 'more' },
  { component: 'Whole grains', better: 'more' },
  { component: 'Low-fat dairy', better: 'more' },
  { component: 'Sodium', better: 'less' },
  { component: 'Red and processed meats', better: 'less' },
  { component: 'Sweetened beverages', better: 'less' },
];

export interface DashGuidance {
  scored: false;
  why: string;
  components: readonly DashComponent[];
  evidence: string;
  notImplemented: string[];
  source: SourceRef;
}

export function dashGuidance(): DashGuidance {
  return {
    scored: false,
    why: 'The DASH-style score ranks each component by quintile within a study population; one person’s diary cannot be ranked without a reference distribution, which calcwise does not ship.',
    components: DASH_COMPONENTS,
    evidence:
      "In the Nurses' Health Study (88,517 women, 24 years) the highest fifth of the DASH-style score had a coronary heart disease RR of 0.76 (0.67–0.85) and a stroke RR of 0.82 compared with the lowest fifth (Fung 2008). Calcification was not measured.",
    notImplemented: [
      'Quintile scoring against a reference population (e.g. NHANES cut-points, not retrieved).',
      'Fixed cut-off DASH indices (e.g. Mellen 2008 nutrient targets, Günther): not verified against their sources.',
    ],
    source: DASH_SOURCE,
  };
}
