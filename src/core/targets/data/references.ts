import type { SourceRef } from '../../sources.js';

/**
 * The documents the reference tables come from. URLs are the ones the research dossier
 * (research/dri.csv) read; a `note` says when a value or identifier was not seen there.
 */

const NOT_IN_DOSSIER =
  'Not in the research dossier (research/dri.csv); value from the official DRI summary tables, to be checked against the primary document.';

export const NASEM_2019_ELEMENTS: SourceRef = {
  label: 'NASEM DRI Sodium and Potassium 2019, App. J "RDAs and AIs, Elements"',
  kind: 'guideline',
  url: 'https://www.ncbi.nlm.nih.gov/books/NBK545442/table/appJ_tab3/',
};

export const NASEM_2019_SODIUM_CDRR: SourceRef = {
  label: 'NASEM Sodium and Potassium 2019 (CDRR)',
  kind: 'guideline',
  url: 'https://www.ncbi.nlm.nih.gov/books/NBK545442/',
  note: 'CDRR seen in summaries of the report (Hogan Lovells, ESHA); "reduce intakes if above 2,300 mg/d".',
};

export const IOM_2011_CALCIUM_VITAMIN_D: SourceRef = {
  label: 'NASEM/IOM DRI Calcium and Vitamin D 2011',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=13050&page=445',
};

export const IOM_2011_CALCIUM_RDA: SourceRef = {
  label: 'NASEM/IOM DRI Calcium and Vitamin D 2011 (as tabulated in NASEM 2019 App. J)',
  kind: 'guideline',
  url: 'https://www.ncbi.nlm.nih.gov/books/NBK545442/table/appJ_tab3/',
};

export const HEALTH_CANADA_VITAMINS: SourceRef = {
  label: 'NASEM/IOM DRI Calcium and Vitamin D 2011 (Health Canada DRI table, vitamins)',
  kind: 'guideline',
  url: 'https://www.canada.ca/en/health-canada/services/food-nutrition/healthy-eating/dietary-reference-intakes/tables/reference-values-vitamins-dietary-reference-intakes-tables-2005.html',
};

export const IOM_UL_ELEMENTS: SourceRef = {
  label: 'NASEM/IOM DRI summary table "Tolerable Upper Intake Levels, Elements"',
  kind: 'guideline',
  url: 'https://www.nationalacademies.org/read/9956/chapter/28',
};

export const IOM_1997_MAGNESIUM_UL: SourceRef = {
  label: 'IOM 1997 DRI Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (magnesium UL)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=5776&page=243',
  note: 'UL applies to magnesium from supplements and medicines only, not food or water (osmotic diarrhoea).',
};

export const IOM_2001_VITAMINS: SourceRef = {
  label: 'IOM 2001 DRI summary table "Recommended Intakes, Vitamins"',
  kind: 'guideline',
  url: 'https://www.nap.edu/read/10026/chapter/32',
};

export const IOM_2000_VITAMIN_C_SMOKERS: SourceRef = {
  label: 'IOM 2000 DRI Vitamin C, Vitamin E, Selenium and Carotenoids, p. 152 (smokers +35 mg)',
  kind: 'guideline',
  url: 'http://books.nap.edu/openbook.php?record_id=9810&page=152',
};

export const VITAMIN_C_UL: SourceRef = {
  label: 'IOM 2000 vitamin C UL (Endotext NBK278991, Table 17 DRI ULs, vitamins)',
  kind: 'guideline',
  url: 'https://www.ncbi.nlm.nih.gov/books/NBK278991/table/diet-treatment-obes.table17die/',
};

export const IOM_FIBER: SourceRef = {
  label: 'IOM DRI Macronutrients 2002/2005 (total fiber AI, 14 g/1,000 kcal basis)',
  kind: 'guideline',
  url: 'https://www.dietaryfiberfood.com/dietary-fiber/fiber-rda-rdi.php',
  note: 'Secondary reproduction of the IOM age table; primary: IOM Macronutrients (NAP 10490).',
};

export const IOM_MACRONUTRIENTS: SourceRef = {
  label: 'IOM DRI Macronutrients 2002/2005 (summary table)',
  kind: 'guideline',
  url: 'https://nap.nationalacademies.org/catalog/10490',
  note: NOT_IN_DOSSIER,
};

export const DGA_2020_2025: SourceRef = {
  label: 'Dietary Guidelines for Americans 2020–2025',
  kind: 'guideline',
  url: 'https://www.dietaryguidelines.gov/',
  note: 'Key recommendation: added sugars and saturated fat each below 10 % of energy (seen in summaries of the guidelines).',
};

export const EFSA_2010_FATS: SourceRef = {
  label: 'EFSA NDA 2010 DRVs for fats (EFSA J 2010;8(3):1461)',
  kind: 'guideline',
  url: 'http://www.efsa.europa.eu/en/efsajournal/pub/1461',
};

export const AHA_2005_OMEGA3: SourceRef = {
  label: 'AHA 2005 omega-3 recommendations (IOM 2007 Seafood Choices, Table 1-1)',
  kind: 'guideline',
  url: 'http://www.nap.edu/openbook.php?record_id=11762&page=20',
};

/** General Atwater factors, to turn %-of-energy guidance into grams. */
export const ATWATER_FACTORS: SourceRef = {
  label: 'General Atwater factors: fat 9 kcal/g, carbohydrate 4 kcal/g (FAO 2003, Food energy)',
  kind: 'guideline',
  url: 'https://www.fao.org/4/y5022e/y5022e00.htm',
  note: NOT_IN_DOSSIER,
};

export const MIFFLIN_1990: SourceRef = {
  label: 'Mifflin MD et al. 1990, Am J Clin Nutr 51:241 (resting energy expenditure)',
  kind: 'study',
  pmid: '2305711',
  note: 'Activity factors 1.2 / 1.375 / 1.55 / 1.725 / 1.9 are the conventional multipliers applied to it.',
};

export const DEFAULT_ENERGY: SourceRef = {
  label: 'FDA 2,000 kcal reference diet for Daily Values (21 CFR 101.9)',
  kind: 'guideline',
  url: 'https://www.ecfr.gov/current/title-21/chapter-I/subchapter-B/part-101/subpart-A/section-101.9',
  note: 'A labelling reference, not a personal estimate; used only when neither energyKcal nor weight, height and age are known.',
};

export const KNAPEN_2015: SourceRef = {
  label: 'Knapen 2015, Thromb Haemost 113:1135 (MK-7 180 µg/day, 3 years)',
  kind: 'study',
  pmid: '25694037',
  doi: '10.1160/TH14-08-0675',
  note: 'Outcome was arterial stiffness, not calcification; funded by the MK-7 manufacturer.',
};

export const AVADEC_2022: SourceRef = {
  label: 'AVADEC, Diederichsen 2022, Circulation 145:1387 (MK-7 720 µg + D3 25 µg/day)',
  kind: 'study',
  pmid: '35465686',
  doi: '10.1161/CIRCULATIONAHA.121.057008',
  note: 'Primary outcome (aortic valve calcification) null.',
};

const EFSA_NOTE =
  'EFSA Journal identifier as published; not in the research dossier, to be checked against the opinion.';

function efsa(label: string, doi: string, extra: Partial<SourceRef> = {}): SourceRef {
  return { label, kind: 'guideline', doi, note: EFSA_NOTE, ...extra };
}

export const EFSA_CALCIUM = efsa('EFSA NDA 2015 DRVs for calcium', '10.2903/j.efsa.2015.4101');
export const EFSA_CALCIUM_UL = efsa('EFSA NDA 2012 UL for calcium', '10.2903/j.efsa.2012.2814');
export const EFSA_MAGNESIUM = efsa('EFSA NDA 2015 DRVs for magnesium', '10.2903/j.efsa.2015.4186');
export const EFSA_MAGNESIUM_UL: SourceRef = {
  label: 'SCF 2001 UL for magnesium (EFSA 2006 Tolerable Upper Intake Levels compendium)',
  kind: 'guideline',
  url: 'https://www.efsa.europa.eu/sites/default/files/efsa_rep/blobserver_assets/ndatolerableuil.pdf',
  note: 'Applies to readily dissociable magnesium salts and compounds in supplements, water and fortified foods, not to magnesium naturally in food. URL not in the research dossier.',
};
export const EFSA_PHOSPHORUS = efsa(
  'EFSA NDA 2015 DRVs for phosphorus',
  '10.2903/j.efsa.2015.4185',
);
export const EFSA_POTASSIUM = efsa('EFSA NDA 2016 DRVs for potassium', '10.2903/j.efsa.2016.4592');
export const EFSA_SODIUM = efsa('EFSA NDA 2019 DRVs for sodium', '10.2903/j.efsa.2019.5778');
export const EFSA_VITAMIN_D = efsa('EFSA NDA 2016 DRVs for vitamin D', '10.2903/j.efsa.2016.4547');
export const EFSA_VITAMIN_D_UL = efsa('EFSA NDA 2012 UL for vitamin D', '10.2903/j.efsa.2012.2813');
export const EFSA_VITAMIN_K = efsa('EFSA NDA 2017 DRVs for vitamin K', '10.2903/j.efsa.2017.4780', {
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7010012',
});
export const EFSA_VITAMIN_C = efsa('EFSA NDA 2013 DRVs for vitamin C', '10.2903/j.efsa.2013.3418');
export const EFSA_CARBOHYDRATES_FIBRE = efsa(
  'EFSA NDA 2010 DRVs for carbohydrates and dietary fibre',
  '10.2903/j.efsa.2010.1462',
);
export const EFSA_PROTEIN = efsa('EFSA NDA 2012 DRVs for protein', '10.2903/j.efsa.2012.2557');
