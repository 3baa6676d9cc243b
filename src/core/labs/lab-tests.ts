import type { SourceRef } from '../sources.js';

/**
 * Lab tests and measurements calcwise records, as data: each with its canonical unit, the units
 * it accepts (a factor to the canonical unit), a plausibility window that rejects impossible
 * values, and a default reference range with its source. Laboratory reference intervals are
 * laboratory-specific: the person's own lab range, entered with the result, wins over these.
 */
export const LAB_TEST_IDS = [
  'inr',
  'egfr',
  'potassium',
  'calcium',
  'phosphate',
  'magnesium',
  '25-oh-d',
  'pth',
  'dp-ucmgp',
  'cac-agatston',
  'bp-systolic',
  'bp-diastolic',
] as const;

export type LabTestId = (typeof LAB_TEST_IDS)[number];

/** `lab-range`: a conventional laboratory interval; `guideline`: a guideline's threshold; `target`: a therapeutic target. */
export type RangeKind = 'lab-range' | 'guideline' | 'target';

export interface ReferenceRange {
  /** In the canonical unit; an absent bound is open. */
  low?: number;
  high?: number;
  kind: RangeKind;
  /** What the range means, e.g. "IOM 2011: sufficient for practically all people at ≥ 50 nmol/L". */
  label: string;
  source: SourceRef;
}

/** A named band of a scale (KDIGO GFR categories, Agatston categories, blood pressure stages). */
export interface LabCategory {
  code: string;
  label: string;
  /** Inclusive lower bound, exclusive upper bound, in the canonical unit. */
  min?: number;
  below?: number;
}

export interface LabUnit {
  unit: string;
  /** canonical = value × toCanonical. */
  toCanonical: number;
  /** Spellings accepted for this unit (lower-cased, spaces removed before matching). */
  aliases?: readonly string[];
}

export interface LabTest {
  id: LabTestId;
  name: string;
  canonicalUnit: string;
  units: readonly LabUnit[];
  /** Values outside this window (canonical unit) are refused as impossible, not stored. */
  plausible: { min: number; max: number };
  /** Absent where no accepted reference interval exists (dp-ucMGP). */
  reference?: ReferenceRange;
  categories?: { scheme: string; source: SourceRef; bands: readonly LabCategory[] };
  /** How the unit factors were worked out. */
  conversion?: SourceRef;
  note?: string;
}

// Molar masses for the conversions (mg/dL → mmol/L: × 10 / M, M in g/mol).
/** CIAAW standard atomic weights: Ca 40.078, P 30.974, Mg 24.305. */
export const CIAAW_ATOMIC_WEIGHTS: SourceRef = {
  label: 'IUPAC/CIAAW standard atomic weights (Ca 40.078, P 30.974, Mg 24.305 g/mol)',
  kind: 'derived',
  url: 'https://www.ciaaw.org/atomic-weights.htm',
  note: 'mg/dL → mmol/L = × 10 / M: calcium ÷ 4.008, phosphorus ÷ 3.097, magnesium ÷ 2.431.',
};
export const CALCIFEDIOL_MOLAR_MASS: SourceRef = {
  label: 'Calcifediol (25-hydroxyvitamin D3, C27H44O2) 400.6 g/mol, PubChem CID 5283731',
  kind: 'derived',
  url: 'https://pubchem.ncbi.nlm.nih.gov/compound/5283731',
  note: 'Molar mass from the formula C27H44O2 (27 × 12.011 + 44 × 1.008 + 2 × 15.999 = 400.6); CID from memory. ng/mL → nmol/L = × 1000 / 400.64 = × 2.496; 25(OH)D2 (412.7 g/mol) would give × 2.423, so the factor is that of D3, as labs report total 25(OH)D.',
};
export const PTH_MOLAR_MASS: SourceRef = {
  label: 'Parathyroid hormone 1–84 (84 residues, UniProt P01270 mature chain) ≈ 9,425 g/mol',
  kind: 'derived',
  url: 'https://www.uniprot.org/uniprotkb/P01270/entry',
  note: 'Molar mass from memory (≈ 9.4 kDa; converters use 9.4–9.5). pg/mL = ng/L; pg/mL → pmol/L = ÷ 9.43. Converters that use 9.5 kDa give ÷ 9.5 (0.8 % apart).',
};
export const MMHG_PER_KPA: SourceRef = {
  label: '1 kPa = 7.50062 mmHg (1 mmHg = 133.322 Pa, ISO 80000-4)',
  kind: 'derived',
};
export const CALCWISE_PLAUSIBILITY: SourceRef = {
  label: 'calcwise plausibility windows (design choice)',
  kind: 'derived',
  note: 'Wide windows that only refuse values no living person has (typing errors, wrong units); they are not clinical thresholds.',
};

export const CHEST_2012_INR: SourceRef = {
  label:
    'CHEST 2012 antithrombotic guideline (Holbrook A et al., Chest 141(2 Suppl):e152S–e184S): INR target 2.0–3.0 for most VKA indications (Grade 1B)',
  kind: 'guideline',
  doi: '10.1378/chest.11-2295',
  pmid: '22315259',
  note: 'Text (e152S, Grade 1B) seen; DOI and PMID from memory, not verified here. Mechanical valves have other targets (ACC/AHA 2020: 2.5 or 3.0; mitral 2.5–3.5): enter your own range.',
};
export const KDIGO_2012_GFR_CATEGORIES: SourceRef = {
  label:
    'KDIGO 2012 CKD guideline, Kidney Int Suppl 3:19–62, GFR categories G1–G5 (kept in KDIGO 2024, Kidney Int 105(4S):S117–S314)',
  kind: 'guideline',
  doi: '10.1038/kisup.2012.64',
  url: 'https://www.ccjm.org/highwire/markup/1488/expansion?height=500&iframe=true&width=1000',
  note: 'G1 and G2 are CKD only with markers of kidney damage; CKD needs the finding for more than 3 months. One eGFR does not stage CKD.',
};
export const CLEGG_2020_HYPERKALAEMIA: SourceRef = {
  label:
    'Clegg DJ et al., Kidney Med 2020: potassium 3.5–5.0 mmol/L (mEq/L); hyperkalaemia defined as > 5.0 or > 5.5',
  kind: 'study',
  pmid: '32775988',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7406842',
  note: 'Conventional laboratory interval; each lab sets its own.',
};
export const MEDLINEPLUS_CALCIUM: SourceRef = {
  label: 'MedlinePlus calcium blood test: 8.5–10.2 mg/dL (2.12–2.54 mmol/L) in adults',
  kind: 'guideline',
  url: 'https://medlineplus.gov/ency/article/003477.htm',
  note: '8.5–10.2 mg/dL seen attributed to MedlinePlus on secondary pages; the page itself not opened here. Conventional laboratory interval for total calcium (varies by lab; others use 8.6–10.3 or 8.5–10.5 mg/dL). Low albumin lowers total calcium.',
};
export const KALANTAR_ZADEH_2010_PHOSPHATE: SourceRef = {
  label:
    'Kalantar-Zadeh K et al., CJASN 2010;5(3):519–530: serum phosphorus normal range 2.5–4.5 mg/dL',
  kind: 'study',
  doi: '10.2215/CJN.06080809',
  note: 'Conventional laboratory interval; 0.81–1.45 mmol/L by the molar mass of phosphorus.',
};
export const MEDLINEPLUS_MAGNESIUM: SourceRef = {
  label: 'MedlinePlus magnesium blood test: 1.7–2.2 mg/dL',
  kind: 'guideline',
  url: 'https://medlineplus.gov/ency/article/003487.htm',
  note: 'Conventional laboratory interval; 0.70–0.91 mmol/L by the molar mass of magnesium (the page’s own “0.85–1.10 mmol/L” does not match its mg/dL figures). UK labs often use 0.7–1.0 mmol/L.',
};
export const IOM_2011_25OHD: SourceRef = {
  label:
    'IOM 2011 DRI for calcium and vitamin D: practically all people are sufficient at 25(OH)D ≥ 50 nmol/L (20 ng/mL); reason for concern above 125 nmol/L (50 ng/mL)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=13050&page=14',
  doi: '10.1210/jc.2010-2704',
  note: 'Endocrine Society 2011 called ≥ 75 nmol/L (30 ng/mL) sufficient; its 2024 guideline (Demay MB et al., doi:10.1210/clinem/dgae290) no longer endorses that definition.',
};
export const DAVIS_LAB_PTH: SourceRef = {
  label: 'Davis’s Lab & Diagnostic Tests: intact PTH 15–65 pg/mL (ng/L) in adults',
  kind: 'guideline',
  url: 'https://nursing.unboundmedicine.com/nursingcentral/view/Davis-Lab-and-Diagnostic-Tests/425422/2/Parathyroid_Hormone',
  note: 'Conventional laboratory interval; strongly assay-dependent. KDIGO CKD-MBD targets in dialysis are multiples of the assay’s upper limit.',
};
export const AHA_ACC_2018_CAC: SourceRef = {
  label:
    '2018 AHA/ACC cholesterol guideline (Grundy SM et al., Circulation 139:e1082): CAC 0, 1–99 and ≥ 100 Agatston units as decision thresholds; 100–399 and ≥ 400 as used in MESA-style reports',
  kind: 'guideline',
  doi: '10.1161/CIR.0000000000000625',
  note: 'Thresholds seen in a secondary summary (mdedge); DOI from memory, not verified here. Other reports use other schemes (Rumberger 0/1–10/11–100/101–400/> 400; SCCT CAC-DRS): the raw score is stored.',
};
export const ACC_AHA_2017_BP: SourceRef = {
  label:
    '2017 ACC/AHA high blood pressure guideline (Whelton PK et al., Hypertension 71:e13–e115): normal < 120/< 80, elevated 120–129/< 80, stage 1 130–139 or 80–89, stage 2 ≥ 140 or ≥ 90 mmHg',
  kind: 'guideline',
  doi: '10.1161/HYP.0000000000000065',
  note: 'Categories seen restated (MSD Manual table; BMC Cardiovasc Disord 2019 table 1); a category needs the average of ≥ 2 readings on ≥ 2 occasions. DOI from memory.',
  url: 'https://www.msdmanuals.com/en-pt/home/multimedia/table/classification-of-blood-pressure-in-adults',
};
export const DP_UCMGP_NO_RANGE: SourceRef = {
  label: 'No accepted reference interval for dp-ucMGP',
  kind: 'derived',
  note: 'dp-ucMGP (IDS InaKtif MGP assay) is a research marker of vitamin K status; values depend on the assay. calcwise records it without a range.',
};

const MG_DL = (molarMass: number, extra: readonly string[] = []): LabUnit => ({
  unit: 'mg/dL',
  toCanonical: 10 / molarMass,
  aliases: ['mg/dl', 'mg/100ml', ...extra],
});
const MMOL_L: LabUnit = { unit: 'mmol/L', toCanonical: 1, aliases: ['mmol/l', 'mm'] };
const MMHG: readonly LabUnit[] = [
  { unit: 'mmHg', toCanonical: 1, aliases: ['mmhg', 'mm hg'] },
  { unit: 'kPa', toCanonical: 7.50062, aliases: ['kpa'] },
];

export const LAB_TESTS: Readonly<Record<LabTestId, LabTest>> = {
  inr: {
    id: 'inr',
    name: 'INR',
    canonicalUnit: 'ratio',
    units: [{ unit: 'ratio', toCanonical: 1, aliases: ['inr', '', '1'] }],
    plausible: { min: 0.5, max: 20 },
    reference: {
      low: 2,
      high: 3,
      kind: 'target',
      label: 'INR target 2.0–3.0 on a vitamin K antagonist',
      source: CHEST_2012_INR,
    },
    note: 'The target applies to people taking a vitamin K antagonist; your clinic may set another.',
  },
  egfr: {
    id: 'egfr',
    name: 'eGFR',
    canonicalUnit: 'mL/min/1.73m²',
    units: [
      {
        unit: 'mL/min/1.73m²',
        toCanonical: 1,
        aliases: ['ml/min/1.73m²', 'ml/min/1.73m2', 'ml/min/1.73 m2', 'ml/min', 'ml/min/1.73'],
      },
    ],
    plausible: { min: 1, max: 200 },
    reference: {
      low: 60,
      kind: 'guideline',
      label: 'KDIGO: eGFR below 60 is category G3a or lower',
      source: KDIGO_2012_GFR_CATEGORIES,
    },
    categories: {
      scheme: 'KDIGO GFR categories',
      source: KDIGO_2012_GFR_CATEGORIES,
      bands: [
        { code: 'ckd-1', label: 'G1 (normal or high)', min: 90 },
        { code: 'ckd-2', label: 'G2 (mildly decreased)', min: 60, below: 90 },
        { code: 'ckd-3a', label: 'G3a (mildly to moderately decreased)', min: 45, below: 60 },
        { code: 'ckd-3b', label: 'G3b (moderately to severely decreased)', min: 30, below: 45 },
        { code: 'ckd-4', label: 'G4 (severely decreased)', min: 15, below: 30 },
        { code: 'ckd-5', label: 'G5 (kidney failure)', below: 15 },
      ],
    },
  },
  potassium: {
    id: 'potassium',
    name: 'Serum potassium',
    canonicalUnit: 'mmol/L',
    units: [MMOL_L, { unit: 'mEq/L', toCanonical: 1, aliases: ['meq/l'] }],
    plausible: { min: 1, max: 10 },
    reference: {
      low: 3.5,
      high: 5.0,
      kind: 'lab-range',
      label: 'Conventional laboratory range 3.5–5.0 mmol/L',
      source: CLEGG_2020_HYPERKALAEMIA,
    },
  },
  calcium: {
    id: 'calcium',
    name: 'Serum calcium (total)',
    canonicalUnit: 'mmol/L',
    units: [MMOL_L, MG_DL(40.078), { unit: 'mEq/L', toCanonical: 0.5, aliases: ['meq/l'] }],
    plausible: { min: 0.5, max: 5 },
    reference: {
      low: 8.5 / 4.0078,
      high: 10.2 / 4.0078,
      kind: 'lab-range',
      label: 'Conventional laboratory range 8.5–10.2 mg/dL (2.12–2.54 mmol/L)',
      source: MEDLINEPLUS_CALCIUM,
    },
    conversion: CIAAW_ATOMIC_WEIGHTS,
  },
  phosphate: {
    id: 'phosphate',
    name: 'Serum phosphate',
    canonicalUnit: 'mmol/L',
    units: [MMOL_L, MG_DL(30.974)],
    plausible: { min: 0.1, max: 6 },
    reference: {
      low: 2.5 / 3.0974,
      high: 4.5 / 3.0974,
      kind: 'lab-range',
      label: 'Conventional laboratory range 2.5–4.5 mg/dL (0.81–1.45 mmol/L)',
      source: KALANTAR_ZADEH_2010_PHOSPHATE,
    },
    conversion: CIAAW_ATOMIC_WEIGHTS,
  },
  magnesium: {
    id: 'magnesium',
    name: 'Serum magnesium',
    canonicalUnit: 'mmol/L',
    units: [MMOL_L, MG_DL(24.305), { unit: 'mEq/L', toCanonical: 0.5, aliases: ['meq/l'] }],
    plausible: { min: 0.1, max: 5 },
    reference: {
      low: 1.7 / 2.4305,
      high: 2.2 / 2.4305,
      kind: 'lab-range',
      label: 'Conventional laboratory range 1.7–2.2 mg/dL (0.70–0.91 mmol/L)',
      source: MEDLINEPLUS_MAGNESIUM,
    },
    conversion: CIAAW_ATOMIC_WEIGHTS,
  },
  '25-oh-d': {
    id: '25-oh-d',
    name: '25-hydroxyvitamin D',
    canonicalUnit: 'nmol/L',
    units: [
      { unit: 'nmol/L', toCanonical: 1, aliases: ['nmol/l'] },
      { unit: 'ng/mL', toCanonical: 1000 / 400.64, aliases: ['ng/ml', 'µg/l', 'ug/l', 'mcg/l'] },
    ],
    plausible: { min: 2, max: 1000 },
    reference: {
      low: 50,
      high: 125,
      kind: 'guideline',
      label:
        'IOM 2011: sufficient for practically all at ≥ 50 nmol/L (20 ng/mL); concern above 125 nmol/L (50 ng/mL)',
      source: IOM_2011_25OHD,
    },
    conversion: CALCIFEDIOL_MOLAR_MASS,
  },
  pth: {
    id: 'pth',
    name: 'Parathyroid hormone (intact)',
    canonicalUnit: 'pg/mL',
    units: [
      { unit: 'pg/mL', toCanonical: 1, aliases: ['pg/ml'] },
      { unit: 'ng/L', toCanonical: 1, aliases: ['ng/l'] },
      { unit: 'pmol/L', toCanonical: 9.43, aliases: ['pmol/l'] },
    ],
    plausible: { min: 0.5, max: 5000 },
    reference: {
      low: 15,
      high: 65,
      kind: 'lab-range',
      label: 'Conventional laboratory range 15–65 pg/mL (1.6–6.9 pmol/L)',
      source: DAVIS_LAB_PTH,
    },
    conversion: PTH_MOLAR_MASS,
  },
  'dp-ucmgp': {
    id: 'dp-ucmgp',
    name: 'dp-ucMGP',
    canonicalUnit: 'pmol/L',
    units: [
      { unit: 'pmol/L', toCanonical: 1, aliases: ['pmol/l', 'pm'] },
      { unit: 'nmol/L', toCanonical: 1000, aliases: ['nmol/l'] },
    ],
    plausible: { min: 1, max: 20000 },
    note: DP_UCMGP_NO_RANGE.note!,
  },
  'cac-agatston': {
    id: 'cac-agatston',
    name: 'Coronary artery calcium (Agatston)',
    canonicalUnit: 'AU',
    units: [{ unit: 'AU', toCanonical: 1, aliases: ['au', 'agatston', '', 'score'] }],
    plausible: { min: 0, max: 20000 },
    reference: {
      high: 0,
      kind: 'guideline',
      label: 'CAC 0: no detectable coronary calcium',
      source: AHA_ACC_2018_CAC,
    },
    categories: {
      scheme: 'Agatston categories (0, 1–99, 100–399, ≥ 400)',
      source: AHA_ACC_2018_CAC,
      bands: [
        { code: 'cac-0', label: '0 (none detected)', below: 1 },
        { code: 'cac-1-99', label: '1–99', min: 1, below: 100 },
        { code: 'cac-100-399', label: '100–399', min: 100, below: 400 },
        { code: 'cac-400', label: '≥ 400', min: 400 },
      ],
    },
  },
  'bp-systolic': {
    id: 'bp-systolic',
    name: 'Blood pressure, systolic',
    canonicalUnit: 'mmHg',
    units: MMHG,
    plausible: { min: 50, max: 300 },
    categories: {
      scheme: 'ACC/AHA 2017 blood pressure categories (systolic)',
      source: ACC_AHA_2017_BP,
      bands: [
        { code: 'bp-normal', label: 'normal (< 120)', below: 120 },
        { code: 'bp-elevated', label: 'elevated (120–129)', min: 120, below: 130 },
        { code: 'bp-stage-1', label: 'stage 1 (130–139)', min: 130, below: 140 },
        { code: 'bp-stage-2', label: 'stage 2 (≥ 140)', min: 140 },
      ],
    },
    conversion: MMHG_PER_KPA,
  },
  'bp-diastolic': {
    id: 'bp-diastolic',
    name: 'Blood pressure, diastolic',
    canonicalUnit: 'mmHg',
    units: MMHG,
    plausible: { min: 20, max: 200 },
    categories: {
      scheme: 'ACC/AHA 2017 blood pressure categories (diastolic)',
      source: ACC_AHA_2017_BP,
      bands: [
        { code: 'bp-normal', label: 'normal (< 80)', below: 80 },
        { code: 'bp-stage-1', label: 'stage 1 (80–89)', min: 80, below: 90 },
        { code: 'bp-stage-2', label: 'stage 2 (≥ 90)', min: 90 },
      ],
    },
    conversion: MMHG_PER_KPA,
  },
};
