import type { Modality, Span } from '@newsgraph/shared';

/**
 * How a sentence states a claim: asserted (it happened or holds), planned (it is scheduled or
 * announced: "will travel to", "is due to meet", "plans to visit"), negated ("has not imposed
 * sanctions", "denied supplying", "refused to meet") or hypothetical ("is discussing whether to
 * sanction", "could supply", "threatened to sanction", "warned against exporting").
 *
 * The cue has to stand in the claim's own clause: between the start of the clause that holds the
 * first of the two mentions and the second mention. Relative clauses and parentheticals set off by
 * commas (", which has not joined the sanctions,") and quotations are taken out first, so that a
 * negation inside them does not reach the main verb. Negation wins over hypothesis, hypothesis over
 * plan: "will not visit" is negated, "would not meet" negated, "may visit next week" hypothetical.
 * Claims that are facts about names ("Veldhoven-based ASML", "Kyiv, Ukraine") are always
 * asserted: the caller passes `timeless`.
 */

const NEGATED =
  /\b(?:not|never|no\s+longer|neither|nor|without|no\s+(?!doubt\b|sooner\b|\d)[a-z]+)\b|n['’]t\b|\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)\s+to|fail(?:s|ed|ing)?\s+to|reject(?:s|ed|ing)?|rul(?:e|es|ed|ing)\s+out|call(?:s|ed|ing)?\s+off|cancel(?:s|ed|led|ing|ling)?|scrapp?(?:ed|ing)?|postpon(?:e|es|ed|ing)|stopp?(?:ed|ing)?\s+short\s+of|has\s+yet\s+to|have\s+yet\s+to)\b/i;
/** "not only", "not least", "nothing but": negation words that negate nothing. */
const NOT_NEGATION = /\bnot\s+(?:only|just|least|merely|simply)\b|\bno\s+(?:doubt|sooner)\b/gi;
const HYPOTHETICAL =
  /\b(?:whether|if|unless|could|might|would|should|considers?|considered|considering|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|contemplat\w+|explor(?:e|es|ed|ing)\s+(?:whether|ways|options)|discuss(?:es|ed|ing)?\s+(?:whether|how|possible|potential|new|further|fresh|imposing|sanctioning)|threat(?:en|ens|ened|ening)\s+to|warn(?:s|ed|ing)?\s+(?:against|of|that)|propos(?:e|es|ed|ing|al)\s+to|possible|possibly|potential(?:ly)?|seek(?:s|ing)?\s+to|sought\s+to|want(?:s|ed)?\s+to|push(?:es|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)\s+\w+(?:\s+\w+){0,3}\s+to|asked\s+\w+(?:\s+\w+){0,3}\s+to|pressure\w*\s+\w+(?:\s+\w+){0,3}\s+to|allegedly|suspected\s+of|hop(?:e|es|ed|ing)\s+to|(?:un)?likely\s+to|expected\s+to\s+(?:consider|decide|discuss)|accus(?:e|es|ed|ing)\s+\w+(?:\s+\w+){0,4}\s+of)\b/i;
/** "has offered to supply", "offers to buy": an offer is not yet the event. */
const OFFERED = /\boffer(?:s|ed|ing)?\s+to\b/i;
const PLANNED =
  /\b(?:will|shall|going\s+to|due\s+to|set\s+to|scheduled\s+to|expected\s+to|slated\s+to|poised\s+to|plan(?:s|ned|ning)?\s+to|intends?\s+to|intending\s+to|prepar(?:es|ed|ing)\s+to|(?:is|are|was|were)\s+to\s+(?:visit|travel|meet|hold|fly|go|sign|impose|announce)|next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|later\s+this\s+(?:week|month|year)|upcoming|forthcoming|planned)\b|['’]ll\b/i;

/** "Talks between A and B were called off", "A's visit to B did not take place". */
const CALLED_OFF_AFTER =
  /^\s*(?:[a-z]+\s+){0,2}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:cancel(?:l)?ed|called\s+off|postponed|scrapped|shelved|suspended)\b|^\s*(?:[a-z]+\s+){0,2}?(?:did\s+not|didn['’]t|never)\s+(?:take\s+place|happen|materiali[sz]e)\b/i;
/**
 * "A visit to Moscow by X was under consideration", "Talks between A and B are being discussed":
 * a nominal event whose own verb, after it, only weighs it.
 */
const WEIGHED_AFTER =
  /^\s*(?:[a-z]+\s+){0,4}?(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:still\s+|now\s+)?(?:under\s+(?:consideration|discussion|review)|being\s+(?:considered|discussed|weighed|explored)|(?:possible|mooted|in\s+doubt|uncertain))\b/i;
const REPORTED_FUTURE = /\b(?:said|says|announced|announces|told\s+\w+)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|he|she|they|\w+)\s+would\b/i;
/** Relative clauses, parentheticals, and quotations: their cues belong to another verb. */
const SET_OFF = /,\s*(?:which|who|whose|where|a|an|the|its|his|her)\b[^,;]{0,120},|\([^()]{0,120}\)|“[^”]{0,300}”|"[^"]{0,300}"/g;
/** A clause break: what is on its left belongs to another clause. */
const CLAUSE_BREAK = /[;:]|,\s*(?:but|while|whereas|although|though|however|and)\b|\b(?:but|after|before|because|since|although|though|while|whereas)\b|,["”’']?\s*(?:said|says|according)\b/gi;

/**
 * The modality of a claim read between `first` and `second` (mention spans, in either order)
 * inside the sentence span `sentence` of `text`.
 */
export function claimModality(text: string, sentence: Span, a: Span | null, b: Span | null, timeless: boolean): Modality {
  if (timeless || !a || !b) return 'asserted';
  const first = a.start <= b.start ? a : b;
  const second = first === a ? b : a;
  const from = Math.max(sentence.start, first.start - 120);
  const to = Math.min(sentence.end, Math.max(second.start, first.end));
  let left = text.slice(from, first.start);
  // Only the clause that holds the first mention: cut at the last clause break before it.
  let cut = -1;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(left); m; m = CLAUSE_BREAK.exec(left)) cut = m.index + m[0].length;
  if (cut >= 0) left = left.slice(cut);
  // A lower-case opener after a comma ("..., as X visited") still counts; a sentence-initial
  // "If" or "Unless" governs the whole sentence and stays in.
  const between = text.slice(first.end, to);
  const window = ` ${left} ${between} `.replace(SET_OFF, ' ').replace(NOT_NEGATION, ' ');
  const right = text.slice(second.end, Math.min(sentence.end, second.end + 60));
  if (NEGATED.test(window) || CALLED_OFF_AFTER.test(right)) return 'negated';
  // "said it would sanction": the future of reported speech is an announcement, not a hypothesis.
  if (REPORTED_FUTURE.test(window) && !HYPOTHETICAL.test(window.replace(/\bwould\b/g, ' '))) return 'planned';
  if (HYPOTHETICAL.test(window) || OFFERED.test(window) || WEIGHED_AFTER.test(right) || /\bmay\b/.test(window) || /^\s*(?:if|unless|should)\b/i.test(text.slice(sentence.start, first.start))) return 'hypothetical';
  if (PLANNED.test(window)) return 'planned';
  return 'asserted';
}
