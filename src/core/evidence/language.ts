/**
 * The wording rule: calcwise never says a nutrient reverses calcification, because no human
 * trial has shown it. Negated uses ("no trial has shown reversal") and questions ("Can K2
 * reverse calcification?") are allowed; an affirmative use is reported.
 */

const REVERSE_WORD = /\brevers(?:e|es|ed|ing|al|ible|ibly)\b/i;

/** Words that negate a statement in the same clause. */
const NEGATION =
  /\b(?:no|not|none|never|nor|neither|without|cannot|can't|didn't|doesn't|don't|hasn't|haven't|isn't|wasn't|weren't|failed|unproven|lack|lacks)\b/i;

/**
 * Clause breaks: a negation in one clause does not cover another ("K2 reverses it, unlike D,
 * which does not"). Split on punctuation and on contrastive conjunctions.
 */
const CLAUSE_BREAK =
  /[.;:,!()—–]|\s-\s|\b(?:but|while|whereas|although|though|unlike|however|yet)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Sentences of `text` that use "reverse"/"reversal" affirmatively. Empty when the text is fine.
 * @example findAffirmativeReversal('MK-7 reverses calcification.') // ['MK-7 reverses calcification.']
 * @example findAffirmativeReversal('No trial has shown reversal.') // []
 */
export function findAffirmativeReversal(text: string): string[] {
  const offending: string[] = [];
  for (const sentence of sentences(text)) {
    if (!REVERSE_WORD.test(sentence)) continue;
    if (sentence.endsWith('?')) continue;
    const clauses = sentence.split(CLAUSE_BREAK);
    const affirmative = clauses.some(
      (clause) => REVERSE_WORD.test(clause) && !NEGATION.test(clause),
    );
    if (affirmative) offending.push(sentence);
  }
  return offending;
}
