import type { FaqEntry } from '../types.js';

/** Appended to every answer. */
export const EVIDENCE_DISCLAIMER =
  'calcwise informs; it does not diagnose or treat. Discuss supplements, doses and medications with your clinician.';

type FaqDraft = FaqEntry;

const DRAFTS: readonly FaqDraft[] = [
  {
    question: 'Can vitamin K2 reverse calcification?',
    answer:
      'No trial has shown it. In AVADEC, 720 µg of MK-7 with vitamin D a day for two years did not slow aortic valve calcification (+275 vs +292 AU, p=0.64); Zwakenberg 2019 (360 µg/day for 6 months, type 2 diabetes) and Valkyrie (haemodialysis) were negative too. K2 does activate matrix Gla protein — its inactive form fell in the trials that report it — and people who eat more menaquinone have less calcification in cohort studies (Rotterdam, Prospect-EPIC), which is an association, not proof. In the AVADEC coronary substudy, men with coronary calcium of 400 or more progressed less (p=0.047); that subgroup finding is being tested in a new trial. If you take warfarin or a similar drug, do not start K2 supplements or natto without your prescriber.',
    studies: [
      'avadec_diederichsen2022',
      'zwakenberg2019_mk7_t2d',
      'valkyrie_devriese2020',
      'geleijnse2004_rotterdam',
      'beulens2009_prospect_epic',
      'avadec_cac_hasific2024',
      'hasific2023_protocol',
      'schurgers2007_mk7_vka',
    ],
  },
  {
    question: 'Should I worry about calcium supplements?',
    answer:
      'Food calcium and supplement calcium behave differently in the studies. In a meta-analysis of placebo-controlled trials, calcium supplements without vitamin D were associated with more heart attacks (HR 1.31). In MESA, supplement users developed new coronary calcium more often (RR 1.22), while people with the highest total calcium intake, mostly from food, developed it less often (RR 0.73). Calcium with vitamin D for about 7 years did not change coronary calcium in WHI. So: meet the RDA (1,000–1,200 mg/day) from food first and keep total intake under the UL. If your clinician prescribed calcium, for example for osteoporosis, discuss it before stopping; thiazides, digoxin and several drug timings also matter.',
    studies: [
      'bolland2010_calcium_mi',
      'anderson2016_mesa_calcium',
      'whi_cad_cac_manson2010',
      'iom2011_calcium_vitamin_d',
    ],
  },
  {
    question: 'Can too much vitamin D cause calcification?',
    answer:
      'Vitamin D raises calcium absorption, and intakes far above the upper limit of 4,000 IU (100 µg) a day can cause high blood calcium — that risk is why the limit exists (IOM 2011). At ordinary doses trials found neither harm nor benefit for arteries: calcium with 400 IU of vitamin D did not change coronary calcium (WHI-CaD), 2,000 IU/day did not change cardiovascular events (VITAL), and 2,500 IU/day did not change arterial stiffness (Gepner 2012). Aim for the RDA and stay under the UL. With sarcoidosis, hyperparathyroidism, thiazide diuretics or CKD, take vitamin D only as your clinician advises.',
    studies: [
      'iom2011_calcium_vitamin_d',
      'whi_cad_cac_manson2010',
      'vital_manson',
      'gepner2012_vitd_stiffness',
    ],
  },
  {
    question: 'How does magnesium help?',
    answer:
      'In the laboratory magnesium blocks phosphate-driven calcification of smooth muscle cells. People who eat more magnesium have less coronary calcium (Framingham: 22% lower per 50 mg/day more), which is an association. In CKD stages 3–4 an open-label trial of magnesium oxide may have slowed progression (11.3% vs 39.5%), but the double-blind MAGiCAL-CKD trial found no slowing and more serious adverse events with magnesium. Get magnesium from food — seeds, nuts, legumes, whole grains and greens. Supplements count against a UL of 350 mg/day, and with kidney disease take none without your clinician.',
    studies: ['hruby2014_fhs_mg', 'sakaguchi2019_mgo_ckd', 'magical_ckd_bressendorff2023'],
  },
  {
    question: 'Which foods help prevent calcification?',
    answer:
      'No food has been shown in a trial to prevent calcification; these are associations. Menaquinone-rich foods — natto above all, also cheese — went with less aortic and coronary calcification (Rotterdam, Prospect-EPIC). More magnesium, from seeds, nuts, legumes and whole grains, went with less coronary calcium (Framingham). Calcium from food rather than supplements went with less new coronary calcium (MESA). More sodium went with more coronary calcium through blood pressure (SCAPIS). A DASH-style pattern — fruit, vegetables, nuts, legumes, whole grains and low-fat dairy, with less sodium, red and processed meat and sweetened drinks — was associated with 24% less coronary heart disease (Fung 2008). `calcwise foods top <nutrient>` lists the richest foods.',
    studies: [
      'geleijnse2004_rotterdam',
      'beulens2009_prospect_epic',
      'hruby2014_fhs_mg',
      'anderson2016_mesa_calcium',
      'wuopio2023_scapis_sodium',
      'fung2008_dash_nhs',
    ],
  },
  {
    question: 'Can advanced coronary calcification be reversed with diet and supplements?',
    answer:
      'No trial has shown that. In people who already had calcification, calcium scores kept rising with every supplement tested: MK-7 with vitamin D (AVADEC and its coronary substudy), vitamin K1 (iPACK-HD), magnesium (MAGiCAL-CKD), omega-3 (median +183.5 vs +221.0 AU) and high-dose MK-4 (+14% in a year). Diet still matters for the heart as a whole — blood pressure, lipids, weight and blood sugar — and for slowing what can be slowed, but it does not replace the care your clinician offers for established coronary disease.',
    studies: [
      'avadec_diederichsen2022',
      'avadec_cac_hasific2024',
      'ipack_hd_holden2023',
      'magical_ckd_bressendorff2023',
      'welty_omega3_cac_secondary',
      'ikari2016_mk4',
    ],
  },
  {
    question: 'What is the best overall approach?',
    answer:
      'Food first, within the reference intakes: a DASH- or Mediterranean-style pattern (DASH-style eating was associated with less coronary heart disease; a high Mediterranean screener score went with less abdominal fat in PREDIMED), greens and fermented foods for vitamin K, fish twice a week, nuts, seeds and legumes for magnesium, calcium from food, and sodium under 2,300 mg a day. Avoid high-dose supplements without your clinician: calcium supplements, vitamin C of 1 g or more, magnesium with kidney disease, and vitamin K with warfarin-type drugs. Keep up the medical basics — blood pressure, lipids, diabetes, not smoking — which calcwise does not replace. `calcwise score medas` scores your Mediterranean pattern.',
    studies: [
      'fung2008_dash_nhs',
      'martinezgonzalez2012_medas',
      'bolland2010_calcium_mi',
      'thomas2013_vitc_stones',
      'magical_ckd_bressendorff2023',
      'schurgers2007_mk7_vka',
    ],
  },
];

/** The questions people ask, each answer ending with the disclaimer. */
export const FAQ: readonly FaqEntry[] = DRAFTS.map((draft) => ({
  ...draft,
  answer: `${draft.answer} ${EVIDENCE_DISCLAIMER}`,
}));
