/**
 * Text normalisation for food search: lower case, no diacritics, words split on anything that is
 * not a letter or digit, and a light English singulariser so "eggs" finds "Egg, whole, raw" and
 * "almond" finds "Nuts, almonds". Index and query go through the same functions.
 */

/** Words that carry no meaning on their own in food names; not indexed, dropped from queries. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'in',
  'with',
  'without',
  'the',
  'to',
  'from',
  'for',
  'by',
]);

const IRREGULAR: Readonly<Record<string, string>> = {
  leaves: 'leaf',
  halves: 'half',
  loaves: 'loaf',
  knives: 'knife',
  geese: 'goose',
  teeth: 'tooth',
  feet: 'foot',
};

/** Splits text into lower-case ASCII words (diacritics removed). */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * Reduces an English word to a singular-ish stem. Not linguistics: a consistent mapping applied
 * to both the index and the query, so that plural and singular meet.
 * @example stemWord('berries') // 'berry'; stemWord('tomatoes') // 'tomato'; stemWord('cookie') // 'cooky'
 */
export function stemWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /^[0-9]/.test(word)) return word;
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && stem.endsWith('oes')) stem = stem.slice(0, -2);
  else if (/(ches|shes|sses|xes|zes)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith('ie')) stem = `${stem.slice(0, -2)}y`;
  return stem;
}

/** Words of a text, stemmed. */
export function tokenize(text: string): string[] {
  return splitWords(text).map(stemWord);
}

/**
 * Synonyms and regional names, keyed by stem, pointing to the stem used in USDA names.
 * British/Commonwealth and culinary names mostly; both directions where USDA uses both words.
 */
const SYNONYM_LIST: readonly (readonly [string, readonly string[]])[] = [
  ['yoghurt', ['yogurt']],
  ['yoghourt', ['yogurt']],
  ['garbanzo', ['chickpea']],
  ['chickpea', ['garbanzo']],
  ['aubergine', ['eggplant']],
  ['brinjal', ['eggplant']],
  ['courgette', ['zucchini']],
  ['prawn', ['shrimp']],
  ['coriander', ['cilantro']],
  ['cilantro', ['coriander']],
  ['rocket', ['arugula']],
  ['roquette', ['arugula']],
  ['capsicum', ['pepper']],
  ['beetroot', ['beet']],
  ['swede', ['rutabaga']],
  ['soya', ['soy', 'soybean']],
  ['sultana', ['raisin']],
  ['mince', ['ground']],
  ['minced', ['ground']],
  ['crisp', ['chip']],
  ['cornflour', ['cornstarch']],
  ['icing', ['powdered']],
  ['wholemeal', ['wheat']],
  ['rapeseed', ['canola']],
  ['maize', ['corn']],
  ['groundnut', ['peanut']],
  ['filbert', ['hazelnut']],
  ['hazelnut', ['filbert']],
  ['gammon', ['ham']],
  ['treacle', ['molasses']],
  ['silverbeet', ['chard']],
  ['tinned', ['canned']],
  ['skimmed', ['skim', 'nonfat']],
  ['ladyfinger', ['okra']],
  ['scallion', ['onion']],
  ['mangetout', ['pea']],
  ['fava', ['broadbean']],
  ['cos', ['romaine']],
  ['coley', ['pollock']],
  ['pilchard', ['sardine']],
  ['linseed', ['flaxseed']],
  ['flax', ['flaxseed']],
  ['kipper', ['herring']],
  ['oatmeal', ['oat']],
  ['porridge', ['oatmeal', 'oat']],
];

export const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  SYNONYM_LIST.map(([from, to]) => [
    stemWord(from),
    to.map(stemWord).filter((t) => t !== stemWord(from)),
  ]),
);

/**
 * Modern names the 2011 SR24 data lacks, read as the closest food it has, with a note saying
 * so. A food imported from FoodData Central under the modern name (an owner's `fdc:` food) is
 * found by its own name first; this only steers the bundled search.
 */
const PHRASES: readonly { words: readonly string[]; query: string; note: string }[] = [
  {
    words: ['greek', 'yogurt'],
    query: 'yogurt plain',
    note: 'SR24 (2011) has no Greek (strained) yogurt: showing plain yogurt (whole milk is the closest in fat). Strained yogurt has about twice the protein and less calcium per 100 g; import it from FoodData Central for exact values.',
  },
  {
    words: ['strained', 'yogurt'],
    query: 'yogurt plain',
    note: 'SR24 (2011) has no strained yogurt: showing plain yogurt. Import strained yogurt from FoodData Central for exact values.',
  },
  {
    words: ['skyr'],
    query: 'yogurt plain skim milk',
    note: 'SR24 (2011) has no skyr: showing plain skim-milk yogurt, the closest in fat; skyr has more protein.',
  },
];

/** The query SR24 can answer for a modern name ("greek yogurt"), or undefined. */
export function rewritePhrase(query: string): { query: string; note: string } | undefined {
  const words = tokenize(query);
  const phrase = PHRASES.find((p) => p.words.every((word) => words.includes(stemWord(word))));
  if (!phrase) return undefined;
  const phraseStems = new Set(phrase.words.map(stemWord));
  const rest = words.filter((word) => !phraseStems.has(word));
  return { query: [phrase.query, ...rest].join(' '), note: phrase.note };
}
