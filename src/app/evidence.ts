import { EVIDENCE_DISCLAIMER } from '../core/evidence/data/faq.js';
import { getEvidence, getFaq } from '../core/evidence/query.js';
import { ok } from '../core/result.js';

/** The evidence base (all of it, or one nutrient's claims and studies) with its disclaimer. */
export function evidenceDocument(nutrient?: string) {
  const evidence = getEvidence(nutrient);
  return evidence.ok ? ok({ ...evidence.value, disclaimer: EVIDENCE_DISCLAIMER }) : evidence;
}

/** The questions people ask, answered from the evidence base, with its disclaimer. */
export function faqDocument() {
  return { questions: getFaq(), disclaimer: EVIDENCE_DISCLAIMER };
}
