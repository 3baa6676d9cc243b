import type { EvidenceNutrientRecord } from '../types.js';

/**
 * The comparison table: one row per nutrient, its claims by id, food sources as bundled SR24
 * food ids (chosen among rich sources; rank more with `calcwise foods top <nutrient>`) and
 * cautions. Reference intakes quoted in cautions come from the targets module's sources
 * (IOM 2011, IOM 1997, IOM 2000, NASEM 2019, DGA 2020–2025) as the research dossier cites them.
 */
export const EVIDENCE_NUTRIENTS: readonly EvidenceNutrientRecord[] = [
  {
    id: 'vitamin-k2',
    name: 'Vitamin K2 (menaquinones, MK-7)',
    mechanism:
      'Cofactor that activates matrix Gla protein (MGP), a calcification inhibitor in the artery wall; MK-7 lasts longest in the blood.',
    mechanismClaim: 'k2-mechanism-mgp',
    reversalClaim: 'k2-reversal',
    preventionClaim: 'k2-prevention',
    otherClaims: ['k2-stiffness', 'k2-food-events', 'k2-harm-anticoagulants'],
    foodRole: 'sources',
    // natto (MK-7), gouda and cheddar (MK-8/9 and MK-4), chicken leg and egg yolk (MK-4)
    foods: ['sr24:16113', 'sr24:01022', 'sr24:01009', 'sr24:05080', 'sr24:01125'],
    topNutrient: 'vitamin-k2',
    cautions: [
      'On warfarin or another vitamin K antagonist: do not start MK-7 supplements or natto without your prescriber; from about 50 µg/day MK-7 may interfere with anticoagulation.',
      'Trial doses (180–720 µg/day, or 2,000 µg three times a week in haemodialysis) were supplements, and none reduced calcification; discuss any supplement and its dose with your clinician.',
      'No pregnancy safety data for high-dose MK-7 were found.',
    ],
    nutrientIds: ['vitamin-k2', 'vitamin-k', 'mk4', 'mk5', 'mk6', 'mk7', 'mk8', 'mk9', 'mk10'],
  },
  {
    id: 'vitamin-k1',
    name: 'Vitamin K1 (phylloquinone)',
    mechanism:
      'Also activates MGP and the clotting factors; richest in green leafy vegetables (SR24).',
    mechanismClaim: 'k1-mechanism-mgp',
    reversalClaim: 'k1-reversal',
    preventionClaim: 'k1-prevention',
    otherClaims: [],
    foodRole: 'sources',
    // kale, spinach, collards, beet greens, broccoli
    foods: ['sr24:11233', 'sr24:11457', 'sr24:11161', 'sr24:11086', 'sr24:11090'],
    topNutrient: 'vitamin-k1',
    cautions: [
      'On warfarin or another vitamin K antagonist: keep vitamin K intake steady rather than avoiding greens (NIH ODS), and agree any change with your prescriber.',
      'AI 120 µg/day for men and 90 µg/day for women (IOM 2001); no upper limit was set.',
    ],
    nutrientIds: ['vitamin-k1', 'vitamin-k'],
  },
  {
    id: 'vitamin-d',
    name: 'Vitamin D',
    mechanism:
      'Raises absorption of calcium and phosphate; far above the upper limit it causes hypercalcaemia.',
    mechanismClaim: 'd-mechanism',
    reversalClaim: 'd-reversal',
    preventionClaim: 'd-prevention',
    otherClaims: ['d-stiffness'],
    foodRole: 'sources',
    // sockeye salmon (canned, cooked), farmed rainbow trout, herring, egg yolk, UV-exposed portabella
    foods: ['sr24:15087', 'sr24:15086', 'sr24:15241', 'sr24:15040', 'sr24:01125', 'sr24:11939'],
    topNutrient: 'vitamin-d',
    cautions: [
      'Aim for the RDA (600 IU / 15 µg; 800 IU / 20 µg over 70) and stay under the UL of 4,000 IU (100 µg) a day unless your clinician prescribes more (IOM 2011).',
      'Thiazide diuretics, sarcoidosis or other granulomatous disease, hyperparathyroidism and CKD change how vitamin D and calcium act: discuss supplements with your clinician.',
    ],
    nutrientIds: ['vitamin-d'],
  },
  {
    id: 'magnesium',
    name: 'Magnesium',
    mechanism:
      'Inhibits phosphate-driven calcification of smooth muscle cells and the maturation of calciprotein particles (laboratory rationale).',
    mechanismClaim: 'mg-mechanism',
    reversalClaim: 'mg-reversal',
    preventionClaim: 'mg-prevention',
    otherClaims: ['mg-harm-ckd', 'mg-food-stones'],
    foodRole: 'sources',
    // pumpkin seeds, chia seeds, almonds, black beans, cooked spinach, whole-wheat bread
    foods: ['sr24:12014', 'sr24:12006', 'sr24:12063', 'sr24:16015', 'sr24:11458', 'sr24:18075'],
    topNutrient: 'magnesium',
    cautions: [
      'The UL of 350 mg/day applies to supplemental magnesium only (IOM 1997); food magnesium has no upper limit.',
      'With CKD: no magnesium supplements without your clinician (more serious adverse events in MAGiCAL-CKD).',
      'Long-term PPIs, diuretics and digoxin affect magnesium: discuss checks with your clinician.',
    ],
    nutrientIds: ['magnesium'],
  },
  {
    id: 'vitamin-c',
    name: 'Vitamin C',
    mechanism:
      'Needed for collagen; antioxidant. Reduced calcification of smooth muscle cells in culture only.',
    mechanismClaim: 'c-mechanism',
    reversalClaim: 'c-reversal',
    preventionClaim: 'c-prevention',
    otherClaims: ['c-harm-stones', 'c-harm-imt'],
    foodRole: 'sources',
    // red sweet pepper, guava, kiwifruit, orange, strawberries, broccoli
    foods: ['sr24:11821', 'sr24:09139', 'sr24:09148', 'sr24:09200', 'sr24:09316', 'sr24:11090'],
    topNutrient: 'vitamin-c',
    cautions: [
      'Meet the RDA (90 mg men, 75 mg women; +35 mg for smokers) from fruit and vegetables (IOM 2000).',
      'Supplements of about 1 g/day or more were associated with kidney stones in men; avoid them if you have had stones, and discuss doses with your clinician.',
    ],
    nutrientIds: ['vitamin-c'],
  },
  {
    id: 'potassium',
    name: 'Potassium',
    mechanism:
      'In mice, low potassium turns smooth muscle cells towards bone-like cells and promotes calcification; lowers blood pressure.',
    mechanismClaim: 'k-mechanism',
    reversalClaim: 'k-reversal',
    preventionClaim: 'k-prevention',
    otherClaims: ['k-food-stones'],
    foodRole: 'sources',
    // white beans, baked sweet potato, cooked spinach, avocado, banana, lentils
    foods: ['sr24:16050', 'sr24:11508', 'sr24:11458', 'sr24:09037', 'sr24:09040', 'sr24:16070'],
    topNutrient: 'potassium',
    cautions: [
      'AI 3,400 mg/day for men and 2,600 mg/day for women (NASEM 2019); it does not apply when the kidneys cannot excrete potassium.',
      'With ACE inhibitors, ARBs, potassium-sparing diuretics or CKD: no potassium supplements or potassium salt substitutes; discuss food potassium with your clinician.',
    ],
    nutrientIds: ['potassium'],
  },
  {
    id: 'omega-3',
    name: 'Omega-3 (EPA + DHA)',
    mechanism:
      'Lowers triglycerides; anti-inflammatory and plaque-stabilising. No direct effect on calcification shown.',
    mechanismClaim: 'o3-mechanism',
    reversalClaim: 'o3-reversal',
    preventionClaim: 'o3-prevention',
    otherClaims: ['o3-plaque'],
    foodRole: 'sources',
    // farmed and wild Atlantic salmon, herring, mackerel, sardines
    foods: ['sr24:15237', 'sr24:15209', 'sr24:15040', 'sr24:15047', 'sr24:15088'],
    topNutrient: 'epa-dha',
    cautions: [
      'Fish twice a week or 250–500 mg/day EPA+DHA covers the usual advice (EFSA; AHA).',
      'Above 3 g/day with anticoagulants or antiplatelet drugs: only under your clinician’s care (bleeding).',
    ],
    nutrientIds: ['omega-3', 'epa', 'dha', 'dpa', 'epa-dha', 'ala'],
  },
  {
    id: 'calcium',
    name: 'Calcium',
    mechanism:
      'The mineral of calcification itself; a supplement dose briefly raises blood calcium, the proposed link to heart attacks.',
    mechanismClaim: 'ca-mechanism',
    reversalClaim: 'ca-reversal',
    preventionClaim: 'ca-prevention',
    otherClaims: ['ca-harm-supplements-events', 'ca-harm-supplements-cac'],
    foodRole: 'sources',
    // low-fat yogurt, 2% milk, calcium-set tofu, sardines with bones, collards
    foods: ['sr24:01117', 'sr24:01079', 'sr24:16426', 'sr24:15088', 'sr24:11161'],
    topNutrient: 'calcium',
    cautions: [
      'Get calcium from food first; supplements were associated with more heart attacks and new coronary calcium. If your clinician prescribed calcium, discuss it before changing anything.',
      'RDA 1,000–1,200 mg/day by age and sex; UL 2,500 mg (19–50) and 2,000 mg (51+) (IOM 2011).',
      'Thiazides, digoxin, and timing with levothyroxine, bisphosphonates, tetracyclines or quinolones: discuss with your clinician or pharmacist.',
    ],
    nutrientIds: ['calcium'],
  },
  {
    id: 'sodium',
    name: 'Sodium',
    mechanism: 'Raises blood pressure, which speeds atherosclerosis and arterial stiffening.',
    mechanismClaim: 'na-mechanism',
    reversalClaim: 'na-reversal',
    preventionClaim: 'na-prevention',
    otherClaims: [],
    foodRole: 'limit',
    // condensed chicken noodle soup, sliced ham, beef frankfurter, dill pickles, bacon
    foods: ['sr24:06019', 'sr24:07029', 'sr24:07022', 'sr24:11937', 'sr24:10862'],
    topNutrient: 'sodium',
    cautions: [
      'Keep sodium under 2,300 mg/day (NASEM 2019 CDRR; DGA 2020–2025); in CKD 3–5 under 2.3 g/day (KDOQI 2020).',
    ],
    nutrientIds: ['sodium'],
  },
  {
    id: 'added-sugars',
    name: 'Added sugars',
    mechanism:
      'No calcification-specific mechanism; part of overall diet quality and cardiometabolic risk.',
    mechanismClaim: 'sugar-mechanism',
    reversalClaim: 'sugar-reversal',
    preventionClaim: 'sugar-prevention',
    otherClaims: [],
    foodRole: 'limit',
    // cola, chocolate-chip cookies, glazed doughnuts, milk chocolate
    foods: ['sr24:14400', 'sr24:18159', 'sr24:18250', 'sr24:19120'],
    cautions: [
      'Keep added sugars under 10% of energy (DGA 2020–2025).',
      'USDA SR24 has no added-sugar values, so calcwise cannot total added sugar from the bundled foods.',
    ],
    nutrientIds: ['added-sugars'],
  },
];
