import { isNutrientId } from '../nutrients.js';
import { err, ok, type Result } from '../result.js';
import { CLAIMS } from './data/claims.js';
import { FAQ } from './data/faq.js';
import { EVIDENCE_NUTRIENTS } from './data/nutrients.js';
import { STUDIES } from './data/studies.js';
import type {
  Claim,
  EvidenceNutrient,
  EvidenceNutrientRecord,
  FaqEntry,
  GradedSummary,
  Study,
} from './types.js';
import { EVIDENCE_NUTRIENT_IDS } from './types.js';

export const STUDIES_BY_ID: ReadonlyMap<string, Study> = new Map(STUDIES.map((s) => [s.id, s]));
export const CLAIMS_BY_ID: ReadonlyMap<string, Claim> = new Map(CLAIMS.map((c) => [c.id, c]));

function claimOf(id: string): Claim {
  const claim = CLAIMS_BY_ID.get(id);
  if (!claim) throw new Error(`evidence base has no claim ${id}`);
  return claim;
}

function summarise(claim: Claim): GradedSummary {
  return {
    summary: claim.statement,
    grade: claim.grade,
    direction: claim.direction,
    studies: [...claim.studies],
    claim: claim.id,
  };
}

function claimIdsOf(record: EvidenceNutrientRecord): string[] {
  return [
    record.mechanismClaim,
    record.reversalClaim,
    record.preventionClaim,
    ...record.otherClaims,
  ];
}

function resolve(record: EvidenceNutrientRecord): EvidenceNutrient {
  return {
    id: record.id,
    name: record.name,
    mechanism: record.mechanism,
    reversal: summarise(claimOf(record.reversalClaim)),
    prevention: summarise(claimOf(record.preventionClaim)),
    foodRole: record.foodRole,
    foods: [...record.foods],
    ...(record.topNutrient ? { topFoodsCommand: `calcwise foods top ${record.topNutrient}` } : {}),
    cautions: [...record.cautions],
    nutrientIds: [...record.nutrientIds],
    claims: claimIdsOf(record).map(claimOf),
  };
}

/** Ids of the studies cited by these nutrients' claims, in the base's study order. */
function citedStudies(nutrients: readonly EvidenceNutrient[]): Study[] {
  const cited = new Set(nutrients.flatMap((n) => n.claims.flatMap((c) => c.studies)));
  return STUDIES.filter((study) => cited.has(study.id));
}

export interface EvidenceDocument {
  nutrients: EvidenceNutrient[];
  studies: Study[];
}

/**
 * The evidence base, or one nutrient of it with the studies it cites. `nutrient` is an
 * evidence id (`vitamin-k2`) or a registry id it covers (`mk7`, `epa-dha`).
 * @example getEvidence('mk7') // ok: { nutrients: [vitamin-k2], studies: [...] }
 */
export function getEvidence(nutrient?: string): Result<EvidenceDocument> {
  if (nutrient === undefined) {
    return ok({ nutrients: EVIDENCE_NUTRIENTS.map(resolve), studies: [...STUDIES] });
  }
  const wanted = nutrient.trim().toLowerCase();
  const records = EVIDENCE_NUTRIENTS.filter(
    (record) =>
      record.id === wanted || (isNutrientId(wanted) && record.nutrientIds.includes(wanted)),
  );
  if (records.length === 0) {
    return err({
      code: 'UNKNOWN_NUTRIENT',
      message: `no evidence entry for "${nutrient}"; use one of: ${EVIDENCE_NUTRIENT_IDS.join(', ')}`,
      field: 'nutrient',
    });
  }
  const nutrients = records.map(resolve);
  return ok({ nutrients, studies: citedStudies(nutrients) });
}

/** The questions people ask, answered from the base. */
export function getFaq(): FaqEntry[] {
  return FAQ.map((entry) => ({ ...entry, studies: [...entry.studies] }));
}
