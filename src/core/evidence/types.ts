import type { FoodId } from '../foods.js';
import type { NutrientId } from '../nutrients.js';

/**
 * The evidence base: studies, graded claims that cite them, nutrients that summarise the claims,
 * and the questions people ask. The grading scheme is documented in docs/evidence-grading.md.
 */

/** Evidence-base nutrient ids: the ten nutrients calcwise grades. */
export const EVIDENCE_NUTRIENT_IDS = [
  'vitamin-k2',
  'vitamin-k1',
  'vitamin-d',
  'magnesium',
  'vitamin-c',
  'potassium',
  'omega-3',
  'calcium',
  'sodium',
  'added-sugars',
] as const;

export type EvidenceNutrientId = (typeof EVIDENCE_NUTRIENT_IDS)[number];

/**
 * Study designs, from the strongest to the weakest for a causal question. `rct-secondary` is a
 * post-hoc, subgroup or ancillary analysis of a randomised trial; `rct-open` is randomised but
 * not blinded (or stopped early); `guideline` and `protocol` are cited but carry no result.
 */
export type StudyDesign =
  | 'rct-meta-analysis'
  | 'rct'
  | 'rct-secondary'
  | 'rct-open'
  | 'rct-review'
  | 'single-arm'
  | 'cohort'
  | 'cross-sectional'
  | 'animal'
  | 'in-vitro'
  | 'protocol'
  | 'guideline';

/** What a study's result says about its exposure: more of it was better, no different, worse. */
export type Direction = 'benefit' | 'null' | 'harm' | 'mixed';

/** Outcomes a study measured, in the classes the grading rules compare. */
export type OutcomeKind =
  | 'calcification'
  | 'stiffness'
  | 'cv-events'
  | 'plaque'
  | 'endothelial'
  | 'biomarker'
  | 'adverse-events'
  | 'kidney-stones'
  | 'bone'
  | 'blood-pressure'
  | 'diet-quality';

/** How the exposure was given: as food, as supplements/drugs, or measured in blood. */
export type Exposure = 'diet' | 'supplement' | 'status' | 'pattern';

/** One outcome of one study, with its direction. */
export interface StudyEffect {
  outcome: OutcomeKind;
  direction: Direction;
  /** Set when a study tested several nutrients (VITAL: vitamin D and omega-3). */
  nutrient?: EvidenceNutrientId;
  exposure?: Exposure;
  /**
   * Calcification outcomes only: the calcium score went down (regression), not merely rose
   * less. No study in the base shows this; the reversal rule depends on it.
   */
  regression?: boolean;
  /** A subgroup or post-hoc finding: hypothesis-generating, graded one level lower. */
  subgroup?: boolean;
}

export interface Study {
  /** Stable id, the dossier's (research/studies.csv) where it has one. */
  id: string;
  /** Short citation label, e.g. "AVADEC, Diederichsen 2022". */
  label: string;
  /** The published title; in [brackets] a description where the title was not seen. */
  title: string;
  /** Null where the dossier does not name the author. */
  firstAuthor: string | null;
  year: number | null;
  journal?: string;
  design: StudyDesign;
  /** Design as the publication states it. */
  designDetail: string;
  population: string;
  /** Participants analysed or randomised (see nDetail); null when not seen. */
  n: number | null;
  nDetail?: string;
  duration?: string;
  dose?: string;
  outcome: string;
  result: string;
  /** The study's primary outcome direction; `unknown` for protocols and unretrieved results. */
  direction: Direction | 'unknown';
  effects: StudyEffect[];
  pmid: string | null;
  doi: string | null;
  /** Why neither PMID nor DOI is given (required when both are null), or caveats on them. */
  noIdentifier?: string;
  identifierNote?: string;
  url?: string;
  funding?: string;
  verified: {
    /** Numbers in `result` were seen in the source (false: marked unverified in the text). */
    result: boolean;
    /** The title was seen as published. */
    title: boolean;
  };
}

/** GRADE-style certainty; `insufficient` when no study speaks to the claim. */
export type Certainty = 'high' | 'moderate' | 'low' | 'very-low' | 'insufficient';

export const CERTAINTY_ORDER: readonly Certainty[] = [
  'insufficient',
  'very-low',
  'low',
  'moderate',
  'high',
];

export type ClaimKind = 'mechanism' | 'reversal' | 'prevention' | 'harm' | 'food';

export interface Claim {
  id: string;
  nutrient: EvidenceNutrientId;
  kind: ClaimKind;
  /** Plain words, as a user reads them. */
  statement: string;
  /** Certainty of the statement given the cited studies. */
  grade: Certainty;
  /** What the cited evidence shows; `none` when nothing speaks to it. */
  direction: Direction | 'none';
  /** The outcome class the grade is about. */
  outcome: OutcomeKind;
  exposure?: Exposure;
  studies: string[];
  /** Why this grade: designs, consistency, caveats. */
  rationale: string;
}

/** A nutrient's row in the comparison table, as stored (claims by id). */
export interface EvidenceNutrientRecord {
  id: EvidenceNutrientId;
  name: string;
  mechanism: string;
  mechanismClaim: string;
  reversalClaim: string;
  preventionClaim: string;
  /** Other claims for this nutrient (harms, foods). */
  otherClaims: string[];
  /** `sources`: foods rich in it; `limit`: the main sources to cut down on. */
  foodRole: 'sources' | 'limit';
  foods: FoodId[];
  /** The registry nutrient `calcwise foods top` ranks, if there is one. */
  topNutrient?: NutrientId;
  cautions: string[];
  /** Registry ids this entry covers (vitamin-k2 covers mk4…mk10). */
  nutrientIds: NutrientId[];
}

export interface GradedSummary {
  summary: string;
  grade: Certainty;
  direction: Direction | 'none';
  studies: string[];
  claim: string;
}

/** A nutrient as the CLI and API return it (claims resolved). */
export interface EvidenceNutrient {
  id: EvidenceNutrientId;
  name: string;
  mechanism: string;
  reversal: GradedSummary;
  prevention: GradedSummary;
  foodRole: 'sources' | 'limit';
  foods: FoodId[];
  /** `calcwise foods top <nutrient>`, when the registry has the nutrient. */
  topFoodsCommand?: string;
  cautions: string[];
  nutrientIds: NutrientId[];
  claims: Claim[];
}

export interface FaqEntry {
  question: string;
  answer: string;
  studies: string[];
}
