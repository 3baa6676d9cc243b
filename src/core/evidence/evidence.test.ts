import { describe, expect, it } from 'vitest';
import {
  CLAIMS,
  EVIDENCE_NUTRIENT_IDS,
  EVIDENCE_NUTRIENTS,
  FAQ,
  STUDIES,
  STUDIES_BY_ID,
  certaintyRank,
  checkClaimGrade,
  checkEvidenceBase,
  getEvidence,
  getFaq,
  maxCertainty,
  type Claim,
  type Study,
} from './index.js';

function claim(overrides: Partial<Claim>): Claim {
  return {
    id: 'test-claim',
    nutrient: 'vitamin-k2',
    kind: 'prevention',
    statement: 'test',
    grade: 'low',
    direction: 'benefit',
    outcome: 'calcification',
    studies: [],
    rationale: 'test',
    ...overrides,
  };
}

function study(overrides: Partial<Study>): Study {
  return {
    id: 'fake',
    label: 'Fake 2030',
    title: 'Fake',
    firstAuthor: 'Fake',
    year: 2030,
    design: 'rct',
    designDetail: 'double-blind RCT',
    population: 'test',
    n: 100,
    outcome: 'calcification',
    result: 'test',
    direction: 'benefit',
    effects: [{ outcome: 'calcification', direction: 'benefit' }],
    pmid: '12345678',
    doi: null,
    verified: { result: true, title: true },
    ...overrides,
  };
}

describe('the evidence base', () => {
  it('keeps every rule (ids, identifiers, grades, wording, FAQ citations)', () => {
    expect(checkEvidenceBase()).toEqual([]);
  });

  it('covers the ten nutrients, each with mechanism, reversal, prevention, foods and cautions', () => {
    expect(EVIDENCE_NUTRIENTS.map((n) => n.id).sort()).toEqual([...EVIDENCE_NUTRIENT_IDS].sort());
    for (const nutrient of EVIDENCE_NUTRIENTS) {
      expect(nutrient.mechanism.length).toBeGreaterThan(20);
      expect(nutrient.foods.length).toBeGreaterThanOrEqual(4);
      expect(nutrient.cautions.length).toBeGreaterThanOrEqual(1);
      for (const id of nutrient.foods) expect(id).toMatch(/^sr24:\d{5}$/);
    }
  });

  it('every study has a PMID, a DOI or a stated reason for having neither', () => {
    for (const s of STUDIES) {
      expect(s.pmid !== null || s.doi !== null || (s.noIdentifier ?? '').length > 10, s.id).toBe(
        true,
      );
    }
  });

  it('carries identifiers over from the dossier exactly (research/studies.csv)', () => {
    const dossier: Record<string, { pmid: string | null; doi: string | null }> = {
      geleijnse2004_rotterdam: { pmid: '15514282', doi: '10.1093/jn/134.11.3100' },
      beulens2009_prospect_epic: { pmid: null, doi: '10.1016/j.atherosclerosis.2008.07.010' },
      knapen2015_mk7_stiffness: { pmid: '25694037', doi: '10.1160/TH14-08-0675' },
      avadec_diederichsen2022: { pmid: '35465686', doi: '10.1161/CIRCULATIONAHA.121.057008' },
      ipack_hd_holden2023: { pmid: '35641194', doi: '10.1093/ndt/gfac191' },
      zwakenberg2019_mk7_t2d: { pmid: '31387121', doi: '10.1093/ajcn/nqz147' },
      valkyrie_devriese2020: { pmid: null, doi: '10.1681/ASN.2019060579' },
      shea2009_phylloquinone_cac: { pmid: '19386744', doi: null },
      whi_cad_cac_manson2010: { pmid: '20551849', doi: '10.1097/gme.0b013e3181d683b5' },
      magical_ckd_bressendorff2023: { pmid: '36749131', doi: '10.1681/ASN.0000000000000092' },
      hruby2014_fhs_mg: { pmid: '24290571', doi: null },
      bolland2010_calcium_mi: { pmid: '20671013', doi: '10.1136/bmj.c3691' },
      anderson2016_mesa_calcium: { pmid: '27729333', doi: '10.1161/JAHA.116.003815' },
      sun2017_potassium_mice: { pmid: '28978809', doi: '10.1172/jci.insight.94920' },
      alfaddagh2017_omega3_plaque: { pmid: '29246960', doi: '10.1161/JAHA.117.006981' },
      park2026_korea_sodium_cac: { pmid: null, doi: '10.5334/gh.1528' },
      fung2008_dash_nhs: { pmid: null, doi: '10.1001/archinte.168.7.713' },
      brandenburg2017_avc_vitk1: { pmid: null, doi: null },
    };
    for (const [id, ids] of Object.entries(dossier)) {
      const s = STUDIES_BY_ID.get(id);
      expect(s, id).toBeDefined();
      expect({ pmid: s?.pmid, doi: s?.doi }, id).toEqual(ids);
    }
    // The dossier marks Beulens' commonly cited PMID unverified: it stays out, with a note.
    expect(STUDIES_BY_ID.get('beulens2009_prospect_epic')?.identifierNote).toMatch(/not verified/);
    // A study the dossier could not find is not in the base.
    expect(STUDIES_BY_ID.has('heydari_omega3_cac')).toBe(false);
  });

  it('keeps unverified numbers marked as such', () => {
    const brandenburg = STUDIES_BY_ID.get('brandenburg2017_avc_vitk1')!;
    expect(brandenburg.verified.result).toBe(false);
    expect(brandenburg.n).toBeNull();
    expect(brandenburg.result).toMatch(/unverified/);
    const vitak = STUDIES_BY_ID.get('vitak_cac')!;
    expect(vitak.direction).toBe('unknown');
    expect(vitak.dose).toMatch(/unverified/);
  });

  it('holds the negative trials as null for calcification', () => {
    const negative = [
      'avadec_diederichsen2022',
      'ipack_hd_holden2023',
      'valkyrie_devriese2020',
      'zwakenberg2019_mk7_t2d',
      'magical_ckd_bressendorff2023',
      'whi_cad_cac_manson2010',
      'shea2009_phylloquinone_cac',
      'welty_omega3_cac_secondary',
      'ikari2016_mk4',
    ];
    for (const id of negative) {
      const s = STUDIES_BY_ID.get(id)!;
      expect(s.direction, id).toBe('null');
      expect(
        s.effects.some(
          (e) => e.outcome === 'calcification' && e.direction === 'null' && !e.subgroup,
        ),
        id,
      ).toBe(true);
    }
  });

  it('holds the harm signals', () => {
    const harm = (id: string, outcome: string) =>
      STUDIES_BY_ID.get(id)!.effects.some((e) => e.outcome === outcome && e.direction === 'harm');
    expect(harm('bolland2010_calcium_mi', 'cv-events')).toBe(true);
    expect(harm('anderson2016_mesa_calcium', 'calcification')).toBe(true);
    expect(harm('thomas2013_vitc_stones', 'kidney-stones')).toBe(true);
    expect(harm('agarwal2012_laas_vitc', 'plaque')).toBe(true);
    expect(harm('magical_ckd_bressendorff2023', 'adverse-events')).toBe(true);
    expect(STUDIES_BY_ID.get('thomas2013_vitc_stones')!.result).toContain('RR 2.23 (1.28–3.88)');
    expect(STUDIES_BY_ID.get('bolland2010_calcium_mi')!.result).toContain('MI HR 1.31 (1.02–1.67)');
  });

  it('grades no reversal claim above what its studies support, and none as benefit', () => {
    const reversal = CLAIMS.filter((c) => c.kind === 'reversal');
    expect(reversal).toHaveLength(10);
    for (const c of reversal) {
      expect(['null', 'none'], c.id).toContain(c.direction);
      const studies = c.studies.map((id) => STUDIES_BY_ID.get(id)!);
      expect(certaintyRank(c.grade), c.id).toBeLessThanOrEqual(
        certaintyRank(maxCertainty(c, studies)),
      );
      expect(c.statement, c.id).toMatch(/^No evidence of reversal/);
    }
    // No study in the base shows calcification going down.
    expect(STUDIES.flatMap((s) => s.effects).some((e) => e.regression)).toBe(false);
  });
});

describe('checkClaimGrade', () => {
  const avadec = STUDIES_BY_ID.get('avadec_diederichsen2022')!;
  const rotterdam = STUDIES_BY_ID.get('geleijnse2004_rotterdam')!;
  const byId = (...studies: Study[]) => new Map(studies.map((s) => [s.id, s]));

  it('accepts a claim graded at what its studies support', () => {
    const c = claim({
      grade: 'low',
      direction: 'benefit',
      exposure: 'diet',
      studies: [rotterdam.id],
    });
    expect(checkClaimGrade(c, byId(rotterdam))).toEqual([]);
  });

  it('rejects moderate + benefit without a randomised trial showing benefit on that outcome', () => {
    const c = claim({
      grade: 'moderate',
      direction: 'benefit',
      exposure: 'diet',
      studies: [rotterdam.id],
    });
    expect(checkClaimGrade(c, byId(rotterdam))).toEqual([
      'test-claim: graded moderate but its studies support at most low',
    ]);
  });

  it('rejects a benefit claim whose studies point the other way', () => {
    const c = claim({
      grade: 'low',
      direction: 'benefit',
      exposure: 'supplement',
      studies: [avadec.id],
    });
    expect(checkClaimGrade(c, byId(avadec))[0]).toMatch(
      /no cited study shows a benefit effect on calcification/,
    );
  });

  it('counts only effects on the claimed outcome (a biomarker benefit is not a calcification benefit)', () => {
    const marker = claim({
      outcome: 'biomarker',
      grade: 'moderate',
      direction: 'benefit',
      studies: [avadec.id],
    });
    expect(checkClaimGrade(marker, byId(avadec))).toEqual([]);
    const calcification = claim({ grade: 'moderate', direction: 'benefit', studies: [avadec.id] });
    expect(checkClaimGrade(calcification, byId(avadec))).not.toEqual([]);
  });

  it('gives high only to two agreeing RCT-level studies', () => {
    const second = study({
      id: 'second',
      effects: [{ outcome: 'calcification', direction: 'null' }],
    });
    const one = claim({ kind: 'reversal', grade: 'high', direction: 'null', studies: [avadec.id] });
    expect(checkClaimGrade(one, byId(avadec))).toEqual([
      'test-claim: graded high but its studies support at most moderate',
    ]);
    const two = { ...one, studies: [avadec.id, second.id] };
    expect(checkClaimGrade(two, byId(avadec, second))).toEqual([]);
  });

  it('refuses a reversal benefit unless an RCT showed calcification going down', () => {
    const rising = study({
      id: 'rising',
      effects: [{ outcome: 'calcification', direction: 'benefit' }],
    });
    const c = claim({
      kind: 'reversal',
      grade: 'moderate',
      direction: 'benefit',
      studies: ['rising'],
    });
    expect(checkClaimGrade(c, byId(rising))).toEqual([
      'test-claim: reversal graded as benefit but no randomised trial it cites showed calcification going down',
    ]);
    const regressing = study({
      id: 'regressing',
      effects: [{ outcome: 'calcification', direction: 'benefit', regression: true }],
    });
    expect(checkClaimGrade({ ...c, studies: ['regressing'] }, byId(regressing))).toEqual([]);
    const cohort = study({ ...regressing, id: 'cohort', design: 'cohort' });
    expect(checkClaimGrade({ ...c, studies: ['cohort'] }, byId(cohort))).toContain(
      'test-claim: reversal graded as benefit but no randomised trial it cites showed calcification going down',
    );
  });

  it('lowers subgroup findings and unverified numbers', () => {
    const subgroup = study({
      effects: [{ outcome: 'calcification', direction: 'benefit', subgroup: true }],
    });
    expect(maxCertainty(claim({ studies: ['fake'] }), [subgroup])).toBe('low');
    const unverified = study({ verified: { result: false, title: true } });
    expect(maxCertainty(claim({ studies: ['fake'] }), [unverified])).toBe('very-low');
  });

  it('caps mixed evidence at low and needs two directions for it', () => {
    const benefit = study({ id: 'b' });
    const nullRct = study({ id: 'n', effects: [{ outcome: 'calcification', direction: 'null' }] });
    expect(
      maxCertainty(claim({ direction: 'mixed', studies: ['b', 'n'] }), [benefit, nullRct]),
    ).toBe('low');
    expect(maxCertainty(claim({ direction: 'mixed', studies: ['b'] }), [benefit])).toBe(
      'insufficient',
    );
  });

  it('reports unknown studies and a "none" direction graded above insufficient', () => {
    const c = claim({ direction: 'none', grade: 'low', studies: ['nope'] });
    expect(checkClaimGrade(c, byId())).toEqual([
      'test-claim: cites unknown study "nope"',
      'test-claim: direction "none" must be graded insufficient, not low',
    ]);
  });
});

describe('getEvidence and getFaq', () => {
  it('returns all nutrients and studies without a filter', () => {
    const result = getEvidence();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.nutrients).toHaveLength(10);
    expect(result.value.studies).toHaveLength(STUDIES.length);
  });

  it('filters to one nutrient by its id or a registry id it covers, with only the studies it cites', () => {
    for (const id of ['vitamin-k2', 'mk7', 'MK4']) {
      const result = getEvidence(id);
      expect(result.ok, id).toBe(true);
      if (!result.ok) continue;
      expect(result.value.nutrients.map((n) => n.id)).toEqual(['vitamin-k2']);
      const cited = new Set(result.value.nutrients[0]!.claims.flatMap((c) => c.studies));
      expect(new Set(result.value.studies.map((s) => s.id))).toEqual(cited);
      expect(cited.has('avadec_diederichsen2022')).toBe(true);
      expect(cited.has('bolland2010_calcium_mi')).toBe(false);
    }
    const omega = getEvidence('epa-dha');
    expect(omega.ok && omega.value.nutrients.map((n) => n.id)).toEqual(['omega-3']);
    const k = getEvidence('vitamin-k');
    expect(k.ok && k.value.nutrients.map((n) => n.id)).toEqual(['vitamin-k2', 'vitamin-k1']);
  });

  it('resolves the reversal and prevention summaries from their claims', () => {
    const result = getEvidence('magnesium');
    if (!result.ok) throw new Error('magnesium missing');
    const mg = result.value.nutrients[0]!;
    expect(mg.reversal.claim).toBe('mg-reversal');
    expect(mg.reversal.studies).toContain('magical_ckd_bressendorff2023');
    expect(mg.reversal.direction).toBe('null');
    expect(mg.prevention.direction).toBe('mixed');
    expect(mg.topFoodsCommand).toBe('calcwise foods top magnesium');
  });

  it('fails on an unknown nutrient, listing the valid ids', () => {
    const result = getEvidence('unobtainium');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNKNOWN_NUTRIENT');
    expect(result.error.message).toContain('vitamin-k2, vitamin-k1, vitamin-d');
  });

  it('answers the seven questions, each citing existing studies and ending with the disclaimer', () => {
    const faq = getFaq();
    expect(faq.map((q) => q.question)).toEqual([
      'Can vitamin K2 reverse calcification?',
      'Should I worry about calcium supplements?',
      'Can too much vitamin D cause calcification?',
      'How does magnesium help?',
      'Which foods help prevent calcification?',
      'Can advanced coronary calcification be reversed with diet and supplements?',
      'What is the best overall approach?',
    ]);
    for (const entry of faq) {
      expect(entry.studies.length, entry.question).toBeGreaterThanOrEqual(1);
      for (const id of entry.studies) expect(STUDIES_BY_ID.has(id), id).toBe(true);
      expect(entry.answer).toMatch(
        /Discuss supplements, doses and medications with your clinician\.$/,
      );
    }
    expect(FAQ[0]!.answer).toMatch(/^No trial has shown it\./);
  });
});

describe('checkEvidenceBase on a broken copy', () => {
  const base = { studies: STUDIES, claims: CLAIMS, nutrients: EVIDENCE_NUTRIENTS, faq: FAQ };

  it('reports a study without PMID, DOI or reason', () => {
    const studies = STUDIES.map((s) =>
      s.id === 'ikari2016_mk4' ? { ...s, pmid: null, doi: null, noIdentifier: undefined } : s,
    );
    expect(checkEvidenceBase({ ...base, studies })).toEqual([
      'ikari2016_mk4: neither PMID nor DOI, and no noIdentifier reason',
    ]);
  });

  it('reports an FAQ answer without studies or citing an unknown one', () => {
    const faq = [
      { question: 'Q1?', answer: 'A.', studies: [] },
      { question: 'Q2?', answer: 'A.', studies: ['made_up_2031'] },
    ];
    expect(checkEvidenceBase({ ...base, faq })).toEqual([
      'FAQ "Q1?" cites no study',
      'FAQ "Q2?" cites unknown study made_up_2031',
    ]);
  });

  it('reports affirmative reversal wording in a caution and in a claim', () => {
    const nutrients = EVIDENCE_NUTRIENTS.map((n) =>
      n.id === 'magnesium' ? { ...n, cautions: ['Magnesium reverses calcification.'] } : n,
    );
    expect(checkEvidenceBase({ ...base, nutrients })).toEqual([
      'magnesium: says "Magnesium reverses calcification."',
    ]);
    const claims = CLAIMS.map((c) =>
      c.id === 'k2-stiffness' ? { ...c, statement: 'MK-7 reverses stiffening.' } : c,
    );
    expect(checkEvidenceBase({ ...base, claims })).toEqual([
      'k2-stiffness: statement says "MK-7 reverses stiffening."',
    ]);
  });

  it('reports a reversal claim graded as benefit and a nutrient whose reversal claim is of another kind', () => {
    const claims = CLAIMS.map((c) =>
      c.id === 'k2-reversal' ? { ...c, direction: 'benefit' as const, grade: 'low' as const } : c,
    );
    const problems = checkEvidenceBase({ ...base, claims });
    expect(problems).toContain(
      'k2-reversal: reversal graded as benefit but no randomised trial it cites showed calcification going down',
    );
    const nutrients = EVIDENCE_NUTRIENTS.map((n) =>
      n.id === 'calcium'
        ? { ...n, reversalClaim: 'ca-prevention', otherClaims: [...n.otherClaims, 'ca-reversal'] }
        : n,
    );
    expect(checkEvidenceBase({ ...base, nutrients })).toContain(
      'calcium: claim ca-prevention is prevention, expected reversal',
    );
  });
});
