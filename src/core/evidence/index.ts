export * from './types.js';
export { STUDIES } from './data/studies.js';
export { CLAIMS } from './data/claims.js';
export { EVIDENCE_NUTRIENTS } from './data/nutrients.js';
export { FAQ, EVIDENCE_DISCLAIMER } from './data/faq.js';
export {
  DESIGN_CEILING,
  certaintyRank,
  checkClaimGrade,
  effectCeiling,
  maxCertainty,
  relevantEffects,
} from './grading.js';
export { findAffirmativeReversal } from './language.js';
export { checkEvidenceBase, type EvidenceBase } from './integrity.js';
export {
  CLAIMS_BY_ID,
  STUDIES_BY_ID,
  getEvidence,
  getFaq,
  type EvidenceDocument,
} from './query.js';
