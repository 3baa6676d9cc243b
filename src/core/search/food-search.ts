import type { Food, FoodId } from '../foods.js';
import { boundedEditDistance } from './edit-distance.js';
import { assessFoodForm, liftedDemotions } from './food-form.js';
import { rewritePhrase, splitWords, stemWord, STOPWORDS, SYNONYMS } from './normalize.js';

export interface FoodSearchHit {
  id: FoodId;
  name: string;
  group: string;
  /** 0–1, higher is better. */
  score: number;
}

export interface FoodSearchOptions {
  /** Maximum hits (default 10). */
  limit?: number;
  /** Hits to skip, for paging (default 0). */
  offset?: number;
  /** Keeps foods whose group contains this text, case-insensitively ("dairy", "Vegetables"). */
  group?: string;
}

/** One page of hits, the number of foods matching in all, and a note when the query was read as another. */
export interface FoodSearchPage {
  hits: FoodSearchHit[];
  total: number;
  /** Set when a modern name was mapped to the closest food the data has ("greek yogurt"). */
  note?: string;
}

export interface FoodSearchIndexOptions {
  /** Pantry commonness by food id, 1–3 (data/pantry/meal-tags.csv); other foods have none. */
  commonness?: ReadonlyMap<string, number>;
}

export interface FoodSearch {
  search(query: string, options?: FoodSearchOptions): FoodSearchHit[];
  /** As search, with the total number of matching foods and any note on how the query was read. */
  searchPage(query: string, options?: FoodSearchOptions): FoodSearchPage;
  /** The distinct food groups, for messages and filters. */
  readonly groups: readonly string[];
  readonly size: number;
}

/**
 * How well a query word matched a name word. Exact beats synonym beats prefix beats typo;
 * a prefix scores higher the more of the word was typed.
 */
const WEIGHT = {
  exact: 1,
  synonym: 0.95,
  prefixBase: 0.6,
  prefixSpan: 0.3,
  typo1: 0.7,
  typo2: 0.5,
};
/** Where the word sits: first word of the name, head of the first or second segment, elsewhere. */
const POSITION_FACTOR = [1, 0.85, 0.7, 0.7] as const;
/** Final score = MATCH·weight + POSITION·position (both averaged over query words) + STATIC·name quality. */
const MATCH = 0.55;
const POSITION = 0.25;
const STATIC = 0.2;
/** Weight of the food's form (common, ready to eat), and the cost of an unasked-for by-product. */
const PRIOR = 0.2;
const DEMOTE = 0.2;
/** Above this many hits to rank, a full sort beats the insertion top-k. */
const TOP_K_SORT_FROM = 400;
const MAX_PREFIX_EXPANSIONS = 300;
const MAX_QUERY_WORDS = 12;
/** Name heads that mark a specialised or branded variant rather than the plain food. */
const OBSCURE_HEADS = new Set(['babyfood', 'fast', 'restaurant', 'usda', 'school', 'formulated']);

interface NameAnalysis {
  tokens: Map<string, number>;
  staticScore: number;
}

/**
 * Builds a ranked name search over foods. The index (word → postings, sorted vocabulary for
 * prefixes, words by length for typos) is computed once; each query touches only the postings
 * of its words.
 * @example createFoodSearch(foods).search('kale', { limit: 3 })[0]?.name // 'Kale, raw'
 */
export function createFoodSearch(
  foods: readonly Food[],
  indexOptions: FoodSearchIndexOptions = {},
): FoodSearch {
  const count = foods.length;
  // What a food scores before matching: plain name (STATIC) and everyday, ready form (PRIOR).
  const foodScore = new Float32Array(count);
  const demotion = new Int32Array(count);
  const groups: string[] = [];
  const groupIds = new Map<string, number>();
  const foodGroup = new Int32Array(count);
  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  const lists: number[][] = [];

  foods.forEach((food, index) => {
    let groupId = groupIds.get(food.group);
    if (groupId === undefined) {
      groupId = groups.length;
      groups.push(food.group);
      groupIds.set(food.group, groupId);
    }
    foodGroup[index] = groupId;
    const analysis = analyseName(food.name);
    const form = assessFoodForm(food.name, food.group, indexOptions.commonness?.get(food.id));
    foodScore[index] = STATIC * analysis.staticScore + PRIOR * form.prior;
    demotion[index] = form.demotions;
    for (const [token, positionClass] of analysis.tokens) {
      let tokenId = tokenIds.get(token);
      if (tokenId === undefined) {
        tokenId = tokens.length;
        tokens.push(token);
        tokenIds.set(token, tokenId);
        lists.push([]);
      }
      lists[tokenId]!.push(index * 4 + positionClass);
    }
  });

  const postings = lists.map((list) => Int32Array.from(list));
  const sortedTokenIds = tokens
    .map((_, id) => id)
    .sort((a, b) => compareStrings(tokens[a]!, tokens[b]!));
  const sortedTokens = sortedTokenIds.map((id) => tokens[id]!);
  const tokensByLength = new Map<number, number[]>();
  tokens.forEach((token, id) => {
    const bucket = tokensByLength.get(token.length);
    if (bucket) bucket.push(id);
    else tokensByLength.set(token.length, [id]);
  });

  // Scratch arrays reused across queries; generation stamps avoid clearing them.
  const matchedStamp = new Int32Array(count);
  const matchedWords = new Uint8Array(count);
  const accumulated = new Float32Array(count);
  const wordStamp = new Int32Array(count);
  const wordBest = new Float32Array(count);
  let generation = 0;
  let wordGeneration = 0;

  function expand(word: string): Map<number, number> {
    const expansion = new Map<number, number>();
    const put = (tokenId: number | undefined, weight: number) => {
      if (tokenId === undefined) return;
      if ((expansion.get(tokenId) ?? 0) < weight) expansion.set(tokenId, weight);
    };
    const exact = tokenIds.get(word);
    put(exact, WEIGHT.exact);
    let synonymFound = false;
    for (const synonym of SYNONYMS.get(word) ?? []) {
      const id = tokenIds.get(synonym);
      if (id !== undefined) synonymFound = true;
      put(id, WEIGHT.synonym);
    }
    if (word.length >= 2) {
      let position = lowerBound(sortedTokens, word);
      let expanded = 0;
      while (position < sortedTokens.length && expanded < MAX_PREFIX_EXPANSIONS) {
        const candidate = sortedTokens[position]!;
        if (!candidate.startsWith(word)) break;
        if (candidate !== word) {
          put(
            sortedTokenIds[position],
            WEIGHT.prefixBase + WEIGHT.prefixSpan * (word.length / candidate.length),
          );
          expanded += 1;
        }
        position += 1;
      }
    }
    if (exact === undefined && !synonymFound && word.length >= 4 && !/^[0-9]+$/.test(word)) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      for (
        let length = word.length - maxDistance;
        length <= word.length + maxDistance;
        length += 1
      ) {
        for (const id of tokensByLength.get(length) ?? []) {
          const distance = boundedEditDistance(word, tokens[id]!, maxDistance);
          if (distance > maxDistance) continue;
          put(id, distance === 1 ? WEIGHT.typo1 : WEIGHT.typo2);
        }
      }
    }
    return expansion;
  }

  function search(query: string, options: FoodSearchOptions = {}): FoodSearchHit[] {
    return searchPage(query, options).hits;
  }

  function searchPage(query: string, options: FoodSearchOptions = {}): FoodSearchPage {
    const limit = Math.max(1, Math.floor(options.limit ?? 10));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const none: FoodSearchPage = { hits: [], total: 0 };
    const phrase = rewritePhrase(query);
    const noted = phrase ? { note: phrase.note } : {};
    let allowedGroups: Uint8Array | undefined;
    if (options.group !== undefined) {
      const wanted = options.group.trim().toLowerCase();
      allowedGroups = new Uint8Array(groups.length);
      let any = false;
      groups.forEach((group, id) => {
        if (group.toLowerCase().includes(wanted)) {
          allowedGroups![id] = 1;
          any = true;
        }
      });
      if (!any) return none;
    }

    const words = queryWords(phrase?.query ?? query);
    if (words.length === 0) return none;
    const lifted = liftedDemotions(words);
    const expansions = words
      .map((word) => ({ word, expansion: expand(word) }))
      .filter(({ expansion }) => expansion.size > 0)
      .map(({ expansion }) => ({ expansion, size: postingSize(expansion) }))
      .sort((a, b) => a.size - b.size);
    if (expansions.length === 0) return { ...none, ...noted };

    generation += 1;
    let candidates: number[] = [];
    expansions.forEach(({ expansion }, wordIndex) => {
      wordGeneration += 1;
      const touched: number[] = [];
      for (const [tokenId, weight] of expansion) {
        const list = postings[tokenId]!;
        for (let i = 0; i < list.length; i += 1) {
          const code = list[i]!;
          const food = code >> 2;
          if (wordIndex === 0) {
            if (allowedGroups && allowedGroups[foodGroup[food]!] === 0) continue;
          } else if (matchedStamp[food] !== generation || matchedWords[food] !== wordIndex) {
            continue;
          }
          const value = MATCH * weight + POSITION * POSITION_FACTOR[code & 3]!;
          if (wordStamp[food] !== wordGeneration) {
            wordStamp[food] = wordGeneration;
            wordBest[food] = value;
            touched.push(food);
          } else if (value > wordBest[food]!) {
            wordBest[food] = value;
          }
        }
      }
      for (const food of touched) {
        if (wordIndex === 0) {
          matchedStamp[food] = generation;
          accumulated[food] = wordBest[food]!;
        } else {
          accumulated[food] = accumulated[food]! + wordBest[food]!;
        }
        matchedWords[food] = wordIndex + 1;
      }
      candidates = touched;
    });

    // Words that match nothing still count: "kale xyz" scores below "kale".
    const wordCount = words.length;
    const tieBreak = (a: number, b: number) =>
      foods[a]!.name.length - foods[b]!.name.length || a - b;
    const formScore = (food: number) =>
      (demotion[food]! & ~lifted) !== 0 ? foodScore[food]! - DEMOTE : foodScore[food]!;
    const ranked =
      candidates.length > 0 || expansions.length === 1
        ? rank(
            candidates,
            (food) => accumulated[food]! / wordCount + formScore(food),
            tieBreak,
            offset + limit,
          )
        : partialMatches(expansions, wordCount, allowedGroups, offset + limit, tieBreak, formScore);
    const hits = ranked.top.slice(offset).map(({ item, score }) => {
      const food = foods[item]!;
      return {
        id: food.id,
        name: food.name,
        group: food.group,
        score: Math.round(Math.max(0, Math.min(1, score / (1 + PRIOR))) * 1000) / 1000,
      };
    });
    return { hits, total: ranked.total, ...noted };
  }

  /**
   * When no food has every word ("kale salad"), foods matching some of them, scored by the
   * share of words they match, so the best partial answers still come first.
   */
  function partialMatches(
    expansions: { expansion: Map<number, number> }[],
    wordCount: number,
    allowedGroups: Uint8Array | undefined,
    limit: number,
    tieBreak: (a: number, b: number) => number,
    formScore: (food: number) => number,
  ): Ranked<number> {
    const sums = new Map<number, number>();
    for (const { expansion } of expansions) {
      const best = new Map<number, number>();
      for (const [tokenId, weight] of expansion) {
        const list = postings[tokenId]!;
        for (let i = 0; i < list.length; i += 1) {
          const code = list[i]!;
          const food = code >> 2;
          if (allowedGroups && allowedGroups[foodGroup[food]!] === 0) continue;
          const value = MATCH * weight + POSITION * POSITION_FACTOR[code & 3]!;
          if ((best.get(food) ?? 0) < value) best.set(food, value);
        }
      }
      for (const [food, value] of best) sums.set(food, (sums.get(food) ?? 0) + value);
    }
    return rank(
      [...sums.keys()],
      (food) => sums.get(food)! / wordCount + formScore(food),
      tieBreak,
      limit,
    );
  }

  function postingSize(expansion: Map<number, number>): number {
    let size = 0;
    for (const tokenId of expansion.keys()) size += postings[tokenId]!.length;
    return size;
  }

  return { search, searchPage, groups, size: count };
}

function queryWords(query: string): string[] {
  const words = splitWords(query);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  const chosen = meaningful.length > 0 ? meaningful : words;
  return [...new Set(chosen.map(stemWord))].slice(0, MAX_QUERY_WORDS);
}

/**
 * Index words of a name with their position class, and a 0–1 score for how plain the name is:
 * fewer meaningful words, a raw/whole/plain form, no brand in capitals, no specialised head
 * ("Babyfood", "Fast foods", "Restaurant").
 */
function analyseName(name: string): NameAnalysis {
  const tokens = new Map<string, number>();
  const segments = name
    .split(',')
    .map((segment) => splitWords(segment).filter((word) => !STOPWORDS.has(word)));
  segments.forEach((words, segmentIndex) => {
    words.forEach((word, wordIndex) => {
      const token = stemWord(word);
      const previous = tokens.get(token);
      const positionClass = classifyPosition(segmentIndex, wordIndex, words.length);
      if (previous === undefined || positionClass < previous) tokens.set(token, positionClass);
    });
  });

  const core = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bwith(out)? added [^,]*/gi, ' ')
    .replace(/\bwith(out)? salt( added)?/gi, ' ')
    .toLowerCase();
  const meaningfulWords = splitWords(core).filter(
    (word) => !STOPWORDS.has(word) && !/^[0-9]+$/.test(word),
  );
  const brevity = 1 / (1 + 0.3 * Math.max(0, meaningfulWords.length - 1));
  const commonForm = /\b(raw|whole|plain|fresh)\b/i.test(name) ? 1 : 0;
  const processed =
    /\b(dry|dried|dehydrated|powder|powdered|canned|frozen|instant|concentrate|imitation|substitute|prepared|mix)\b/i.test(
      name,
    );
  const head = splitWords(name)[0] ?? '';
  const plain = /[A-Z]{3,}/.test(name) || OBSCURE_HEADS.has(head) ? 0 : 1;
  return {
    tokens,
    staticScore: 0.55 * brevity + 0.15 * commonForm + 0.15 * plain + 0.15 * (processed ? 0 : 1),
  };
}

/**
 * 0: the word is the whole first segment ("Kale, raw"), or the whole second segment after a
 * category head ("Nuts, almonds", "Cheese, cheddar"); 1: elsewhere in the first segment or the
 * head of the second ("Candies, milk chocolate"); 2: anywhere else.
 */
function classifyPosition(segmentIndex: number, wordIndex: number, segmentLength: number): number {
  if (segmentIndex <= 1 && segmentLength === 1) return 0;
  if (segmentIndex === 0 || (segmentIndex === 1 && wordIndex === 0)) return 1;
  return 2;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Ranked<T> {
  top: { item: T; score: number }[];
  total: number;
}

/** The k best of `items` and how many there were; a full sort when k is large (deep pages). */
function rank<T>(
  items: readonly T[],
  scoreOf: (item: T) => number,
  tieBreak: (a: T, b: T) => number,
  k: number,
): Ranked<T> {
  if (k < TOP_K_SORT_FROM) return { top: topK(items, scoreOf, tieBreak, k), total: items.length };
  const all = items.map((item) => ({ item, score: scoreOf(item) }));
  all.sort((a, b) => b.score - a.score || tieBreak(a.item, b.item));
  return { top: all.slice(0, k), total: items.length };
}

/** The k best items by score (ties broken by `tieBreak`), without sorting every candidate. */
function topK<T>(
  items: readonly T[],
  scoreOf: (item: T) => number,
  tieBreak: (a: T, b: T) => number,
  k: number,
): { item: T; score: number }[] {
  const best: { item: T; score: number }[] = [];
  const better = (a: { item: T; score: number }, b: { item: T; score: number }) =>
    a.score !== b.score ? a.score > b.score : tieBreak(a.item, b.item) < 0;
  for (const item of items) {
    const entry = { item, score: scoreOf(item) };
    if (best.length === k && !better(entry, best[k - 1]!)) continue;
    let position = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push(entry);
    while (position > 0 && better(entry, best[position - 1]!)) {
      best[position] = best[position - 1]!;
      position -= 1;
    }
    best[position] = entry;
  }
  return best;
}
