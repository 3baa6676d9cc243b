import { boundedEditDistance } from '../search/edit-distance.js';
import {
  MEDICATION_VOCABULARY,
  type SourceLevel,
  type VocabularyKind,
} from './data/medication-vocabulary.js';
import {
  MEDICATION_VOCABULARY_EXTRA,
  VERIFIED_SOURCES,
} from './data/medication-vocabulary-extra.js';

/**
 * Generic medication names mapped to the classes the safety rules know, and the vocabulary of
 * brands, salts and combinations that resolve to them (data/medication-vocabulary.ts). A name
 * that resolves to nothing is reported as not screened (caution), never ignored.
 */
export const MEDICATION_CLASSES = {
  vka: 'vitamin K antagonist',
  doac: 'direct oral anticoagulant (DOAC)',
  thiazide: 'thiazide diuretic',
  'loop-diuretic': 'loop diuretic',
  ppi: 'proton pump inhibitor',
  digoxin: 'cardiac glycoside',
  'ace-inhibitor': 'ACE inhibitor',
  arb: 'angiotensin receptor blocker (ARB)',
  'potassium-sparing': 'potassium-sparing diuretic',
  nsaid: 'NSAID',
  trimethoprim: 'trimethoprim',
  bisphosphonate: 'oral bisphosphonate',
  levothyroxine: 'levothyroxine',
  tetracycline: 'tetracycline antibiotic',
  fluoroquinolone: 'fluoroquinolone antibiotic',
  antibiotic: 'antibiotic',
  antiplatelet: 'antiplatelet',
  'fat-absorption-reducer': 'orlistat / bile-acid sequestrant / mineral oil',
  'enzyme-inducer': 'enzyme-inducing anticonvulsant',
  corticosteroid: 'systemic corticosteroid',
  'iron-zinc': 'iron or zinc supplement',
  'active-vitamin-d': 'active vitamin D or analogue (calcitriol, alfacalcidol, paricalcitol)',
  calcimimetic: 'calcimimetic (cinacalcet, etelcalcetide)',
  'phosphate-binder': 'phosphate binder',
  'calcium-containing': 'contains calcium (counts towards calcium intake)',
  'vitamin-d-containing': 'contains vitamin D (counts towards vitamin D intake)',
  lithium: 'lithium',
  heparin: 'heparin or low-molecular-weight heparin',
  'calcineurin-inhibitor': 'calcineurin inhibitor (ciclosporin, tacrolimus)',
  'magnesium-containing': 'magnesium antacid or laxative',
} as const;

export type MedicationClass = keyof typeof MEDICATION_CLASSES;

export const GENERICS: Readonly<Record<string, readonly MedicationClass[]>> = {
  warfarin: ['vka'],
  acenocoumarol: ['vka'],
  phenprocoumon: ['vka'],
  fluindione: ['vka'],
  apixaban: ['doac'],
  rivaroxaban: ['doac'],
  dabigatran: ['doac'],
  edoxaban: ['doac'],
  hydrochlorothiazide: ['thiazide'],
  chlorthalidone: ['thiazide'],
  chlortalidone: ['thiazide'],
  indapamide: ['thiazide'],
  bendroflumethiazide: ['thiazide'],
  metolazone: ['thiazide'],
  furosemide: ['loop-diuretic'],
  bumetanide: ['loop-diuretic'],
  torasemide: ['loop-diuretic'],
  torsemide: ['loop-diuretic'],
  omeprazole: ['ppi'],
  esomeprazole: ['ppi'],
  pantoprazole: ['ppi'],
  lansoprazole: ['ppi'],
  dexlansoprazole: ['ppi'],
  rabeprazole: ['ppi'],
  digoxin: ['digoxin'],
  digitoxin: ['digoxin'],
  lisinopril: ['ace-inhibitor'],
  enalapril: ['ace-inhibitor'],
  ramipril: ['ace-inhibitor'],
  perindopril: ['ace-inhibitor'],
  captopril: ['ace-inhibitor'],
  benazepril: ['ace-inhibitor'],
  quinapril: ['ace-inhibitor'],
  fosinopril: ['ace-inhibitor'],
  trandolapril: ['ace-inhibitor'],
  losartan: ['arb'],
  valsartan: ['arb'],
  candesartan: ['arb'],
  irbesartan: ['arb'],
  olmesartan: ['arb'],
  telmisartan: ['arb'],
  azilsartan: ['arb'],
  'sacubitril/valsartan': ['arb'],
  spironolactone: ['potassium-sparing'],
  eplerenone: ['potassium-sparing'],
  finerenone: ['potassium-sparing'],
  amiloride: ['potassium-sparing'],
  triamterene: ['potassium-sparing'],
  ibuprofen: ['nsaid'],
  naproxen: ['nsaid'],
  diclofenac: ['nsaid'],
  celecoxib: ['nsaid'],
  meloxicam: ['nsaid'],
  trimethoprim: ['trimethoprim', 'antibiotic'],
  'trimethoprim/sulfamethoxazole': ['trimethoprim', 'antibiotic'],
  'co-trimoxazole': ['trimethoprim', 'antibiotic'],
  alendronate: ['bisphosphonate'],
  'alendronic acid': ['bisphosphonate'],
  risedronate: ['bisphosphonate'],
  ibandronate: ['bisphosphonate'],
  levothyroxine: ['levothyroxine'],
  doxycycline: ['tetracycline', 'antibiotic'],
  tetracycline: ['tetracycline', 'antibiotic'],
  minocycline: ['tetracycline', 'antibiotic'],
  oxytetracycline: ['tetracycline', 'antibiotic'],
  ciprofloxacin: ['fluoroquinolone', 'antibiotic'],
  levofloxacin: ['fluoroquinolone', 'antibiotic'],
  moxifloxacin: ['fluoroquinolone', 'antibiotic'],
  ofloxacin: ['fluoroquinolone', 'antibiotic'],
  norfloxacin: ['fluoroquinolone', 'antibiotic'],
  amoxicillin: ['antibiotic'],
  'amoxicillin/clavulanate': ['antibiotic'],
  cefalexin: ['antibiotic'],
  cephalexin: ['antibiotic'],
  cefuroxime: ['antibiotic'],
  ceftriaxone: ['antibiotic'],
  clarithromycin: ['antibiotic'],
  azithromycin: ['antibiotic'],
  metronidazole: ['antibiotic'],
  aspirin: ['antiplatelet'],
  clopidogrel: ['antiplatelet'],
  prasugrel: ['antiplatelet'],
  ticagrelor: ['antiplatelet'],
  orlistat: ['fat-absorption-reducer'],
  cholestyramine: ['fat-absorption-reducer'],
  colestyramine: ['fat-absorption-reducer'],
  colestipol: ['fat-absorption-reducer'],
  colesevelam: ['fat-absorption-reducer'],
  'mineral oil': ['fat-absorption-reducer'],
  phenytoin: ['enzyme-inducer'],
  phenobarbital: ['enzyme-inducer'],
  carbamazepine: ['enzyme-inducer'],
  primidone: ['enzyme-inducer'],
  prednisone: ['corticosteroid'],
  prednisolone: ['corticosteroid'],
  methylprednisolone: ['corticosteroid'],
  dexamethasone: ['corticosteroid'],
  hydrocortisone: ['corticosteroid'],
  'ferrous sulfate': ['iron-zinc'],
  'ferrous sulphate': ['iron-zinc'],
  'ferrous fumarate': ['iron-zinc'],
  'ferrous gluconate': ['iron-zinc'],
  iron: ['iron-zinc'],
  'zinc sulfate': ['iron-zinc'],
  zinc: ['iron-zinc'],
  // Round 2 classes (issue 9).
  calcitriol: ['active-vitamin-d'],
  alfacalcidol: ['active-vitamin-d'],
  paricalcitol: ['active-vitamin-d'],
  doxercalciferol: ['active-vitamin-d'],
  cinacalcet: ['calcimimetic'],
  etelcalcetide: ['calcimimetic'],
  sevelamer: ['phosphate-binder'],
  'lanthanum carbonate': ['phosphate-binder'],
  'ferric citrate': ['phosphate-binder'],
  'sucroferric oxyhydroxide': ['phosphate-binder'],
  'calcium acetate': ['phosphate-binder', 'calcium-containing'],
  'calcium carbonate': ['calcium-containing'],
  cholecalciferol: ['vitamin-d-containing'],
  lithium: ['lithium'],
  'lithium carbonate': ['lithium'],
  heparin: ['heparin'],
  enoxaparin: ['heparin'],
  dalteparin: ['heparin'],
  tinzaparin: ['heparin'],
  ciclosporin: ['calcineurin-inhibitor'],
  cyclosporine: ['calcineurin-inhibitor'],
  tacrolimus: ['calcineurin-inhibitor'],
  'magnesium hydroxide': ['magnesium-containing'],
  'magnesium carbonate': ['magnesium-containing'],
  'magnesium citrate': ['magnesium-containing'],
  'magnesium oxide': ['magnesium-containing'],
  'magnesium trisilicate': ['magnesium-containing'],
  hydroflumethiazide: ['thiazide'],
  sacubitril: [],
  sulfamethoxazole: ['antibiotic'],
  sulfadiazine: ['antibiotic'],
  // Known components that no calcwise rule concerns: resolved, screened, nothing to report.
  'aluminium hydroxide': [],
  amlodipine: [],
  atenolol: [],
  atropine: [],
  'belladonna alkaloids': [],
  'bismuth subcitrate potassium': [],
  'citric acid': [],
  clonidine: [],
  codeine: [],
  dipyridamole: ['antiplatelet'],
  ergotamine: [],
  famotidine: [],
  hydrocodone: [],
  hyoscyamine: [],
  misoprostol: [],
  oxycodone: [],
  scopolamine: [],
  simethicone: [],
  'sodium bicarbonate': [],
  sumatriptan: [],
  verapamil: [],
  diltiazem: [],
  // INN / British spellings people type.
  frusemide: ['loop-diuretic'],
  bendrofluazide: ['thiazide'],
  acenocumarol: ['vka'],
};

/** Where a generic's class comes from: the rules' own cited references (src/core/safety/references.ts). */
const GENERIC_SOURCE: MedicationSource = {
  url: 'https://www.who.int/teams/health-product-and-policy-standards/inn',
  level: 'reference',
  label: 'generic name (INN/USAN); class as used by the calcwise rule that cites it',
};

export interface MedicationSource {
  url: string;
  level: SourceLevel;
  label?: string;
}

export interface MedicationMatch {
  /** The name matched in the vocabulary, as written there ("Coumadin", "warfarin sodium"). */
  name: string;
  kind: VocabularyKind | 'generic';
  generic: string;
  classes: MedicationClass[];
  source: MedicationSource;
}

export interface MedicationResolution {
  input: string;
  /** One entry per component (a combination product gives several); empty when unknown. */
  matches: MedicationMatch[];
  /** Close names when nothing matched exactly (edit distance, or a product family). */
  suggestions: string[];
}

/** Lower case, no diacritics, letters and digits only: "Co-Amilofruse " → "coamilofruse". */
export function medicationKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Dose and form words people add: "Lasix 40 mg tablets" → "Lasix". */
function withoutDose(name: string): string {
  return name
    .toLowerCase()
    .replace(
      /\b\d+([.,]\d+)?\s*(mg|mcg|µg|ug|g|ml|iu|units?|%)?\b|\b(tablets?|tabs?|capsules?|caps?|oral|solution|suspension|film-?coated|extended|release|er|xr|sr|daily|once|twice|injection)\b/g,
      ' ',
    )
    .trim();
}

interface Entry {
  name: string;
  kind: VocabularyKind | 'generic';
  generics: readonly string[];
  source: MedicationSource;
}

const ENTRIES = new Map<string, Entry[]>();
function addEntry(entry: Entry): void {
  const key = medicationKey(entry.name);
  if (!key) return;
  ENTRIES.set(key, [...(ENTRIES.get(key) ?? []), entry]);
}
for (const generic of Object.keys(GENERICS)) {
  addEntry({ name: generic, kind: 'generic', generics: [generic], source: GENERIC_SOURCE });
}
for (const [name, kind, generics, , url, level] of [
  ...MEDICATION_VOCABULARY,
  ...MEDICATION_VOCABULARY_EXTRA,
]) {
  const overridden = VERIFIED_SOURCES[medicationKey(name)];
  addEntry({ name, kind, generics, source: overridden ?? { url, level } });
}

/** Every name calcwise can resolve (generics, brands, salts, combinations), for "as you type". */
export const KNOWN_MEDICATIONS: readonly string[] = [
  ...new Set([...ENTRIES.values()].flatMap((list) => list.map((e) => e.name))),
].sort((a, b) => a.localeCompare(b));

function classesOf(generic: string): MedicationClass[] {
  return [...(GENERICS[generic] ?? [])];
}

function exact(key: string): Entry[] | undefined {
  const all = ENTRIES.get(key);
  if (!all) return undefined;
  // A vocabulary row (synonym "frusemide" → furosemide) wins over a generic alias spelled alike.
  const rows = all.filter((e) => e.kind !== 'generic');
  const list = rows.length > 0 && rows.length < all.length ? rows : all;
  // A vocabulary row for a brand beats a generic of the same spelling only when they differ.
  const seen = new Set<string>();
  return list.filter((e) => {
    const id = e.generics.join(';');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Resolves a medication name as a person types it: generic, salt, brand (US, UK, EU, CA, AU) or
 * combination product, case, spacing and punctuation insensitive; dose and form words are
 * ignored. A combination resolves to all its components. Nothing matched → suggestions.
 * @example resolveMedication('Coumadin').matches[0]?.generic // 'warfarin'
 */
export function resolveMedication(input: string): MedicationResolution {
  const candidates = [input, withoutDose(input)];
  for (const candidate of candidates) {
    const key = medicationKey(candidate);
    const entries = key ? exact(key) : undefined;
    if (entries && entries.length > 0) {
      const matches = entries.flatMap((entry) =>
        entry.generics.map((generic) => ({
          name: entry.name,
          kind: entry.kind,
          generic,
          classes: classesOf(generic),
          source: entry.source,
        })),
      );
      // Two rows spelled alike that mean different products: say so, offer both.
      const ambiguous = entries.length > 1;
      return {
        input,
        matches: ambiguous ? [] : matches,
        suggestions: ambiguous ? entries.map((e) => `${e.name} (${e.generics.join(' + ')})`) : [],
      };
    }
    // "warfarin sodium clathrate": a known generic as the first word.
    const first = candidate.trim().toLowerCase().split(/\s+/)[0] ?? '';
    if (first !== candidate.trim().toLowerCase() && GENERICS[first]) {
      return {
        input,
        matches: [
          {
            name: first,
            kind: 'generic',
            generic: first,
            classes: classesOf(first),
            source: GENERIC_SOURCE,
          },
        ],
        suggestions: [],
      };
    }
  }
  return { input, matches: [], suggestions: suggestMedications(input) };
}

/** Close names: product families that start with the input, then names within edit distance. */
export function suggestMedications(input: string, limit = 5): string[] {
  const key = medicationKey(withoutDose(input)) || medicationKey(input);
  if (key.length < 3) return [];
  const max = key.length <= 5 ? 1 : key.length <= 8 ? 2 : 3;
  const scored: { name: string; score: number }[] = [];
  for (const [entryKey, list] of ENTRIES) {
    const name = list[0]?.name as string;
    if (entryKey.startsWith(key) && entryKey !== key) {
      scored.push({ name, score: 0.5 + (entryKey.length - key.length) / 100 });
      continue;
    }
    const d = boundedEditDistance(key, entryKey, max);
    if (d <= max) scored.push({ name, score: d });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/**
 * The classes of a medication, or undefined when calcwise does not know it.
 * @example classifyMedication('Warfarin sodium') // ['vka']
 */
export function classifyMedication(name: string): readonly MedicationClass[] | undefined {
  const resolved = resolveMedication(name);
  if (resolved.matches.length === 0) return undefined;
  return [...new Set(resolved.matches.flatMap((m) => m.classes))];
}
