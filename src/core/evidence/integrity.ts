import { CLAIMS } from './data/claims.js';
import { FAQ } from './data/faq.js';
import { EVIDENCE_NUTRIENTS } from './data/nutrients.js';
import { STUDIES } from './data/studies.js';
import { checkClaimGrade } from './grading.js';
import { findAffirmativeReversal } from './language.js';
import type { Claim, EvidenceNutrientRecord, FaqEntry, Study } from './types.js';

/** The data the checks run over; tests pass a broken copy to see each check fire. */
export interface EvidenceBase {
  studies: readonly Study[];
  claims: readonly Claim[];
  nutrients: readonly EvidenceNutrientRecord[];
  faq: readonly FaqEntry[];
}

const BUNDLED: EvidenceBase = {
  studies: STUDIES,
  claims: CLAIMS,
  nutrients: EVIDENCE_NUTRIENTS,
  faq: FAQ,
};

/**
 * Every rule the evidence base must keep, checked over the data: unique ids, identifiers or a
 * reason for their absence, claims citing existing studies with consistent grades, nutrients
 * pointing to claims of the right kind, FAQ answers citing studies, and no affirmative
 * "reverses" anywhere a user reads. Food ids are checked against the food data by the tests.
 */
export function checkEvidenceBase(base: EvidenceBase = BUNDLED): string[] {
  const { studies, claims, nutrients, faq } = base;
  const studiesById = new Map(studies.map((study) => [study.id, study]));
  const claimsById = new Map(claims.map((claim) => [claim.id, claim]));
  const problems: string[] = [];
  const duplicates = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${what} id ${id}`);
      seen.add(id);
    }
  };
  duplicates(
    studies.map((s) => s.id),
    'study',
  );
  duplicates(
    claims.map((c) => c.id),
    'claim',
  );
  duplicates(
    nutrients.map((n) => n.id),
    'nutrient',
  );

  for (const study of studies) {
    if (study.pmid === null && study.doi === null && !study.noIdentifier) {
      problems.push(`${study.id}: neither PMID nor DOI, and no noIdentifier reason`);
    }
    if (study.pmid !== null && !/^\d{6,9}$/.test(study.pmid)) {
      problems.push(`${study.id}: PMID "${study.pmid}" is not a PubMed number`);
    }
    if (study.doi !== null && !/^10\.\d{4,9}\/\S+$/.test(study.doi)) {
      problems.push(`${study.id}: DOI "${study.doi}" is malformed`);
    }
    for (const sentence of findAffirmativeReversal(`${study.result}`)) {
      problems.push(`${study.id}: result says "${sentence}"`);
    }
  }

  for (const claim of claims) {
    problems.push(...checkClaimGrade(claim, studiesById));
    for (const sentence of findAffirmativeReversal(claim.statement)) {
      problems.push(`${claim.id}: statement says "${sentence}"`);
    }
  }

  for (const nutrient of nutrients) {
    const expect = (claimId: string, kind: string) => {
      const claim = claimsById.get(claimId);
      if (!claim) problems.push(`${nutrient.id}: unknown claim ${claimId}`);
      else if (claim.nutrient !== nutrient.id)
        problems.push(`${nutrient.id}: claim ${claimId} belongs to ${claim.nutrient}`);
      else if (kind !== '*' && claim.kind !== kind)
        problems.push(`${nutrient.id}: claim ${claimId} is ${claim.kind}, expected ${kind}`);
    };
    expect(nutrient.mechanismClaim, 'mechanism');
    expect(nutrient.reversalClaim, 'reversal');
    expect(nutrient.preventionClaim, 'prevention');
    nutrient.otherClaims.forEach((id) => expect(id, '*'));
    const texts = [nutrient.mechanism, ...nutrient.cautions];
    for (const sentence of texts.flatMap(findAffirmativeReversal)) {
      problems.push(`${nutrient.id}: says "${sentence}"`);
    }
    if (!claimsById.get(nutrient.reversalClaim)?.statement.startsWith('No evidence of reversal')) {
      problems.push(
        `${nutrient.id}: the reversal summary must start with "No evidence of reversal"`,
      );
    }
  }
  const claimed = new Set(
    nutrients.flatMap((n) => [
      n.mechanismClaim,
      n.reversalClaim,
      n.preventionClaim,
      ...n.otherClaims,
    ]),
  );
  for (const claim of claims) {
    if (!claimed.has(claim.id)) problems.push(`claim ${claim.id} is not shown by any nutrient`);
  }

  for (const entry of faq) {
    if (entry.studies.length === 0) problems.push(`FAQ "${entry.question}" cites no study`);
    for (const id of entry.studies) {
      if (!studiesById.has(id)) problems.push(`FAQ "${entry.question}" cites unknown study ${id}`);
    }
    for (const sentence of findAffirmativeReversal(entry.answer)) {
      problems.push(`FAQ "${entry.question}" says "${sentence}"`);
    }
  }
  return problems;
}
