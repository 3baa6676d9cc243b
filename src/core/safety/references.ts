import type { SourceRef } from '../sources.js';

/**
 * Sources of the safety rules, as research/interactions.csv and REPORT.md cite them.
 * Identifiers are carried exactly; a `note` marks what the dossier could not verify.
 */

export const ODS_VITAMIN_K: SourceRef = {
  label: 'NIH ODS Vitamin K fact sheet for health professionals',
  kind: 'guideline',
  url: 'https://ods.od.nih.gov/factsheets/vitaminK-HealthProfessional/',
  note: '"Individuals who are taking these anticoagulants need to maintain consistent vitamin K intakes."',
};

export const SCHURGERS_2007_MK7: SourceRef = {
  label: 'Schurgers 2007, Blood 109(8):3279 (MK-7 and oral anticoagulation)',
  kind: 'study',
  url: 'http://ashpublications.net/blood/article/109/8/3279/23729/',
  note: 'MK-7 ≥ 50 µg/day may interfere with oral anticoagulation; PMID/DOI not seen in the dossier.',
};

export const VALKYRIE_2020: SourceRef = {
  label: 'Valkyrie, De Vriese 2020, JASN 31(1):186',
  kind: 'study',
  doi: '10.1681/ASN.2019060579',
  note: 'Rivaroxaban given with vitamin K2 as a study arm; calcification progression did not differ between arms.',
};

export const DOAC_PHARMACOLOGY: SourceRef = {
  label: 'DOAC pharmacology (factor Xa / thrombin inhibitors, not vitamin K dependent)',
  kind: 'derived',
  note: 'UNVERIFIED: no formal DOAC–vitamin K statement was found in the research dossier; supportive: Valkyrie (doi 10.1681/ASN.2019060579).',
};

export const ANTIBIOTICS_VITAMIN_K: SourceRef = {
  label: 'interactionsguide.com vitamin K summary (secondary)',
  kind: 'guideline',
  url: 'https://interactionsguide.com/?item=42',
  note: 'Secondary source; antibiotic courses reduce gut vitamin K and warrant INR checks in VKA users.',
};

export const SMPC_KALCIPOS_D: SourceRef = {
  label: 'UK SmPC Kalcipos-D (calcium carbonate + vitamin D3), section 4.5',
  kind: 'guideline',
  url: 'http://www.medicines.org.uk/emc/product/4481/smpc',
};

export const CALCIUM_CARBONATE_LABEL: SourceRef = {
  label: 'Calcium carbonate product information (drug interactions)',
  kind: 'guideline',
  url: 'https://uat.mimsdev.com/philippines/drug/info/khriz-care-calcium-carbonate/drug-interactions',
};

export const SMPC_MAGNESIUM_2678: SourceRef = {
  label: 'UK SmPC magnesium (emc 2678)',
  kind: 'guideline',
  url: 'https://medicines.org.uk/emc/product/2678/smpc',
};

export const SMPC_MAGNESIUM_12118: SourceRef = {
  label: 'UK SmPC magnesium (emc 12118)',
  kind: 'guideline',
  url: 'https://www.medicines.org.uk/emc/product/12118/smpc',
};

export const FDA_2011_PPI_MAGNESIUM: SourceRef = {
  label: 'FDA 2011 drug safety communication: long-term PPI use and low magnesium (as reported)',
  kind: 'guideline',
  url: 'http://www.nursingcenter.com/healthdayarticle?Article_id=650503',
};

export const PPI_HYPOMAGNESAEMIA_META: SourceRef = {
  label: 'Meta-analysis: PPI use and hypomagnesaemia, adjusted OR 1.71 (1.33–2.19)',
  kind: 'study',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6946416',
};

export const PALMER_2004_HYPERKALAEMIA: SourceRef = {
  label: 'Palmer 2004, NEJM 351:585 (hyperkalaemia with RAAS inhibitors), summary',
  kind: 'study',
  url: 'https://nursingcenter.com/journalarticle?Article_ID=539889',
};

export const CCJM_HYPERKALAEMIA: SourceRef = {
  label: 'Cleveland Clinic Journal of Medicine review of hyperkalaemia (86:601)',
  kind: 'guideline',
  url: 'https://www.ccjm.org/content/86/9/601.full.txt',
};

export const KDOQI_2020: SourceRef = {
  label: 'KDOQI/Academy of Nutrition and Dietetics 2020 CKD nutrition guideline',
  kind: 'guideline',
  url: 'https://www.andeal.org/topic.cfm?menu=5861&cat=5973',
};

export const POTASSIUM_AI_FOOTNOTE: SourceRef = {
  label: 'Potassium AIs do not apply to impaired potassium excretion (DRI table footnote)',
  kind: 'guideline',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9932710/table/tbl1',
};

export const KDOQI_2003_PHOSPHORUS: SourceRef = {
  label: 'KDOQI 2003 bone metabolism guideline 4 (phosphorus 800–1,000 mg/d when serum P elevated)',
  kind: 'guideline',
  url: 'http://kidneyfoundation.cachefly.net/professionals/KDOQI/guidelines_bone/guide4.htm',
};

export const KDIGO_2017_CKD_MBD: SourceRef = {
  label: 'KDIGO 2017 CKD-MBD guideline update (summary)',
  kind: 'guideline',
  url: 'https://cfu288.github.io/im-rec-deck/nephrology/ckd-mbd/2017-kdigo/',
};

export const IOM_1997_MAGNESIUM: SourceRef = {
  label: 'IOM 1997 DRI (magnesium UL: hypermagnesaemia with impaired renal function)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=5776&page=243',
};

export const MAGICAL_CKD_2023: SourceRef = {
  label: 'MAGiCAL-CKD, Bressendorff 2023, JASN 34:886',
  kind: 'study',
  pmid: '36749131',
  doi: '10.1681/ASN.0000000000000092',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10125639',
  note: 'No slowing of coronary calcification; more serious adverse events with magnesium hydroxide.',
};

export const IOM_1997_VITAMIN_D_SPECIAL: SourceRef = {
  label: 'IOM 1997 vitamin D UL, special considerations (granulomatous disease)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=5776&page=285',
};

export const BAUGHMAN_2013: SourceRef = {
  label: 'Baughman 2013 (vitamin D3 in sarcoidosis)',
  kind: 'study',
  pmid: '24071882',
  url: 'http://pubmed.gov/24071882/',
};

export const BOLLAND_2013_SARCOIDOSIS: SourceRef = {
  label: 'Bolland 2013, BMJ Open (vitamin D in sarcoidosis)',
  kind: 'study',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3808783',
  note: 'PMC3808783 as cited in the dossier.',
};

export const UL_NOT_APPLICABLE_FOOTNOTE: SourceRef = {
  label:
    'Vitamin D UL footnote: not applicable to hyperparathyroidism and FHH (ESPG/SACN/IOM/EFSA comparison)',
  kind: 'guideline',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7731935/table/t4-cbr-41-103',
};

export const IOM_2011_VITAMIN_D_UL: SourceRef = {
  label: 'NASEM/IOM DRI Calcium and Vitamin D 2011 (UL: hypercalcaemia; healthy people only)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=13050&page=445',
};

export const THOMAS_2013_VITAMIN_C: SourceRef = {
  label:
    'Thomas 2013, JAMA Intern Med 173(5):386 (ascorbic acid supplements and kidney stones, RR 2.23)',
  kind: 'study',
  url: 'https://www.nature.com/articles/nrurol.2013.29',
  note: 'PMID/DOI not seen in the dossier.',
};

export const TAYLOR_2004_STONES: SourceRef = {
  label: 'Taylor 2004, JASN 15:3225 (vitamin C ≥ 1,000 mg/d, kidney stones RR 1.41)',
  kind: 'study',
  url: 'https://www.scribd.com/document/479573307/nephro-me-pdf',
  note: 'Secondary copy; IOM 2000 judged the epidemiology insufficient (NAP 9810 p.157).',
};

export const HEART_2012_CALCIUM_STONES: SourceRef = {
  label: 'Heart 2012 editorial: calcium supplements and renal calculi',
  kind: 'guideline',
  url: 'http://natap.org/2012/HIV/060112_02.htm',
};

export const NHS_STONES_REVIEW: SourceRef = {
  label: "Nurses' Health Studies review of nephrolithiasis, AJPH 2016",
  kind: 'study',
  url: 'https://d.docksci.com/insights-into-nephrolithiasis-from-the-nurses-health-studies_5a0920fdd64ab2291beca813.html',
  note: 'Higher dietary calcium was associated with lower stone risk.',
};

export const IOM_2000_SMOKERS: SourceRef = {
  label: 'IOM 2000 DRI Vitamin C (smokers +35 mg/day), p. 152',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=9810&page=152',
};

export const AHA_2005_OMEGA3: SourceRef = {
  label: 'AHA 2005 omega-3 recommendations (IOM 2007 Seafood Choices, Table 1-1)',
  kind: 'guideline',
  url: 'http://www.nap.edu/openbook.php?record_id=11762&page=20',
  note: 'More than 3 g/day EPA+DHA only under physician care (bleeding). EFSA 2012 found up to 5 g/day did not increase bleeding.',
};

export const EXAMINE_VITAMIN_D_DRUGS: SourceRef = {
  label: 'examine.com: vitamin D supplement–medication interactions (secondary)',
  kind: 'guideline',
  url: 'https://cf.examinecdn.com/supplements/vitamin-d/faq/do-vitamin-d-supplements-interact-with-any-medications',
};

export const EFSA_2010_FATS: SourceRef = {
  label: 'EFSA NDA 2010 DRVs for fats (EFSA J 2010;8(3):1461)',
  kind: 'guideline',
  url: 'http://www.efsa.europa.eu/en/efsajournal/pub/1461',
};

export const BOLLAND_2010_CALCIUM: SourceRef = {
  label: 'Bolland 2010, BMJ 341:c3691 (calcium supplements and myocardial infarction, HR 1.31)',
  kind: 'study',
  pmid: '20671013',
  doi: '10.1136/bmj.c3691',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC2912459',
};

export const ANDERSON_2016_MESA: SourceRef = {
  label: 'Anderson 2016, JAHA 5:e003815 (MESA: calcium supplements and incident CAC, RR 1.22)',
  kind: 'study',
  pmid: '27729333',
  doi: '10.1161/JAHA.116.003815',
};

export const CALCWISE_MEDICATION_LIST: SourceRef = {
  label: 'calcwise medication list (src/core/safety/medications.ts)',
  kind: 'derived',
  note: 'Screening covers the generic names listed there; anything else is reported as not screened.',
};

export const CALCWISE_CONDITION_LIST: SourceRef = {
  label: 'calcwise condition codes (src/core/safety/conditions.ts)',
  kind: 'derived',
  note: 'Screening covers the codes listed there; anything else is reported as not screened.',
};

export const PREGNANCY_K2_GAP: SourceRef = {
  label:
    'Research dossier, interactions.csv (pregnancy/lactation row): safety gap for high-dose MK-7',
  kind: 'derived',
  url: 'http://www.efsa.europa.eu/en/efsajournal/pub/1461',
  note: 'UNVERIFIED: no pregnancy safety data for high-dose MK-7 were retrieved; a stated gap, not a known harm.',
};
