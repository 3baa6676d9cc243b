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
  label: 'KDIGO 2017 CKD-MBD guideline update, Kidney Int Suppl 2017;7:1–59',
  kind: 'guideline',
  note: 'Journal citation as seen in the research dossier; DOI not verified. A personal summary page was the earlier link.',
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
  label:
    'Taylor, Stampfer, Curhan 2004, J Am Soc Nephrol 15:3225–3232 (vitamin C ≥ 1,000 mg/d, kidney stones RR 1.41, 95 % CI 1.11–1.80)',
  kind: 'study',
  note: 'Citation and result read from a copy of the paper; PMID and DOI not seen. IOM 2000 judged the epidemiology insufficient (NAP 9810 p.157).',
};

export const HEART_2012_CALCIUM_STONES: SourceRef = {
  label: 'Heart 2012 editorial: calcium supplements and renal calculi',
  kind: 'guideline',
  url: 'http://natap.org/2012/HIV/060112_02.htm',
};

export const NHS_STONES_REVIEW: SourceRef = {
  label:
    "Prochaska, Taylor, Curhan 2016, Insights into nephrolithiasis from the Nurses' Health Studies, Am J Public Health 106:1638–1643",
  kind: 'study',
  doi: '10.2105/AJPH.2016.303319',
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
  label:
    'calcwise medication vocabulary (src/core/safety/medications.ts, data/medication-vocabulary.ts)',
  kind: 'derived',
  note: 'Screening covers the generics, salts, brands and combinations listed there, each with its source; anything else is reported as not screened.',
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

export const THEUWISSEN_2013_MK7: SourceRef = {
  label:
    'Theuwissen 2013, J Thromb Haemost 11(6):1085–1092 (MK-7 10, 20, 45 µg/day with acenocoumarol)',
  kind: 'study',
  doi: '10.1111/jth.12203',
  pmid: '23530987',
  url: 'https://onlinelibrary.wiley.com/doi/10.1111/jth.12203',
  note: '10 and 20 µg/day MK-7 lowered the INR in a clinically relevant way in at least 40 % and 60 % of 15 healthy volunteers on acenocoumarol; authors: MK-7 supplements need to be avoided with VKA therapy. Healthy volunteers, not patients.',
};

export const KDIGO_2024_CKD: SourceRef = {
  label:
    'KDIGO 2024 CKD guideline, Kidney Int 105(4S):S117–S314: protein 0.8 g/kg/d in G3–G5 (Rec 3.3.1.1, 2C), avoid > 1.3 g/kg/d (PP 3.3.1.1), sodium < 2 g/d (Rec 3.3.2.1, 2C)',
  kind: 'guideline',
  doi: '10.1016/j.kint.2023.10.018',
  pmid: '38490803',
  note: 'Not for people on dialysis or with a kidney transplant.',
};

export const KDOQI_2020_DIALYSIS_PROTEIN: SourceRef = {
  label:
    'KDOQI/AND Nutrition in CKD 2020 update, Am J Kidney Dis 76(3 Suppl 1): protein 1.0–1.2 g/kg/d on maintenance dialysis, metabolically stable',
  kind: 'guideline',
  doi: '10.1053/j.ajkd.2020.05.006',
  pmid: '32829751',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8045140/table/T1',
};

export const CKD_POTASSIUM_DEFAULT: SourceRef = {
  label:
    'Conservative default for the kidney team to change: potassium ≤ 3,000 mg/day (KDOQI 2004 CKD 3–4 "2–4 g/d"; review: "usually less than 3 g per day"), as tabulated by AlSahow, World J Nephrol 2023;12(4):73–81',
  kind: 'guideline',
  doi: '10.5527/wjn.v12.i4.73',
  pmid: '37766841',
  note: 'Current guidelines (KDOQI 2020, KDIGO 2024) give no number: adjust to serum potassium. A default, not a recommendation; the profile override wins.',
};

export const CKD_PHOSPHORUS_DEFAULT: SourceRef = {
  label:
    'Conservative default for the kidney team to change: phosphorus ≤ 1,000 mg/day (KDOQI 2003 bone guideline 4.1: 800–1,000 mg/day when serum phosphorus is high, CKD 3–5)',
  kind: 'guideline',
  pmid: '14520607',
  url: 'https://pubmed.ncbi.nlm.nih.gov/14520607/',
  note: 'KDOQI 2020 says adjust to serum phosphate and gives no number; the 2003 threshold for stages 3–4 was graded OPINION. The profile override wins.',
};

export const FDA_EPA_FISH_2021: SourceRef = {
  label:
    'FDA/EPA Advice about Eating Fish (2021): choices to avoid — king mackerel, marlin, orange roughy, shark, swordfish, tilefish (Gulf of Mexico), bigeye tuna',
  kind: 'guideline',
  url: 'https://www.epa.gov/fish-tech/epa-fda-advice-about-eating-fish-and-shellfish',
};

export const CDC_LISTERIA_PREGNANCY: SourceRef = {
  label:
    'CDC, Preventing Listeria: do not eat unpasteurized soft cheeses, unheated deli meat, refrigerated pâté or smoked fish; sprouts can carry Listeria',
  kind: 'guideline',
  url: 'https://www.cdc.gov/listeria/prevention/index.html',
};

export const NHS_PREGNANCY_FOODS: SourceRef = {
  label:
    'NHS, Foods to avoid in pregnancy: mould-ripened and soft blue cheeses, liver and liver products (vitamin A), raw shellfish, shark, swordfish, marlin, raw sprouted seeds unless cooked',
  kind: 'guideline',
  url: 'https://www.nhs.uk/pregnancy/keeping-well/foods-to-avoid/',
  note: 'The nhs.uk page itself was not retrieved for this release; NHS Wales 111 and NHS Health Scotland pages with the same advice were (research/clinical_guidance.md §3.3).',
};

export const USPSTF_2017_FOLIC_ACID: SourceRef = {
  label:
    'US Preventive Services Task Force 2017, Folic acid supplementation for the prevention of neural tube defects, JAMA 317(2):183–189 (grade A: a daily supplement with 0.4–0.8 mg folic acid for everyone planning or capable of pregnancy; reaffirmed in 2023)',
  kind: 'guideline',
  pmid: '28097362',
  doi: '10.1001/jama.2016.19438',
};

export const CALCWISE_VKA_BAND: SourceRef = {
  label:
    'calcwise design choice: daily vitamin K within ±25 % of the person’s own average (informed by Khan 2004, Br J Haematol 124:348: +100 µg/day lowered the INR by 0.2)',
  kind: 'derived',
  doi: '10.1046/j.1365-2141.2003.04787.x',
  note: 'No guideline gives a numeric consistency band (NIH ODS: keep intake consistent).',
};

export const DIGOXIN_LABEL_POTASSIUM: SourceRef = {
  label:
    'Digoxin label: hypokalaemia or hypomagnesaemia (e.g. from diuretics) sensitises the myocardium to digoxin; Steiness & Olesen, Br Heart J 1976;38:167',
  kind: 'guideline',
  url: 'http://heart.bmj.com/content/38/2/167',
  note: 'Label wording seen in a label mirror; check the current DailyMed label.',
};

export const ALDACTONE_LABEL_HYPERKALEMIA: SourceRef = {
  label:
    'Aldactone (spironolactone) label §5.1, §7.1: hyperkalaemia risk rises with impaired renal function, potassium supplements, salt substitutes, ACE inhibitors and ARBs',
  kind: 'guideline',
  url: 'https://www.pfizermedicalinformation.com/aldactone/warnings',
};

/** Prescribing information named, not retrieved for this release: verify against DailyMed/emc. */
function label(drug: string, point: string): SourceRef {
  return {
    label: `${drug} prescribing information: ${point}`,
    kind: 'guideline',
    url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=${encodeURIComponent(drug.split(' ')[0] as string)}`,
    note: 'Secondary: the label text was not retrieved for this release; the link is a DailyMed search.',
  };
}

export const LABEL_CALCITRIOL = label(
  'Calcitriol (Rocaltrol)',
  'hypercalcaemia; avoid other vitamin D and calcium supplements unless directed',
);
export const LABEL_CINACALCET = label(
  'Cinacalcet (Sensipar)',
  'hypocalcaemia; monitor serum calcium',
);
export const LABEL_LITHIUM = label(
  'Lithium carbonate',
  'sodium intake changes lithium levels; hypercalcaemia and hyperparathyroidism',
);
export const LABEL_HEPARIN = label(
  'Heparin',
  'hyperkalaemia through aldosterone suppression; osteoporosis with long-term use',
);
export const LABEL_TACROLIMUS = label(
  'Tacrolimus (Prograf)',
  'hyperkalaemia, hypomagnesaemia; avoid grapefruit (CYP3A4)',
);
export const LABEL_CALCIUM_ACETATE = label(
  'Calcium acetate (PhosLo)',
  'each 667 mg capsule has 169 mg elemental calcium; avoid calcium supplements',
);
