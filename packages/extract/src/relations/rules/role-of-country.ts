import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { GOVERNMENT_ROLE_HEADS } from '../../lexicon/titles.ts';
import { between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for a public office whose country is written after the name or as the owner of the
 * government the person leads:
 * - "President Nestor Kirchner of Argentina", "Ambassador Stefan Johannesson of Iceland",
 *   "Foreign Minister Jan Eliasson of Sweden": a government title before the name, "of" and the
 *   country after it. Without a government title "X of France" is as often an athlete's
 *   nationality ("Nathalie Dechy of France"), so it is not read.
 * - "Indonesia's previous government, led by President X", "the Dutch government led by Prime
 *   Minister X": the head of a country's government.
 */

/** The title right before the name: its last word must be a government post ("President", "Foreign Minister"). */
const TITLE_BEFORE = /(?:^|[\s("“])((?:\p{Lu}[\p{L}.-]*\s+){0,3}?(\p{Lu}[\p{L}-]*))\s+$/u;
const OF_COUNTRY = /^\s*(?:\([^)]{1,20}\)\s*)?\s+of\s+(?:the\s+)?$/;
const GOVERNMENT_LED_BY =
  /^(?:['’]s)?\s+(?:(?:previous|former|new|current|coalition|military|interim|caretaker|socialist|conservative|centre-left|centre-right)\s+)?(?:government|administration|cabinet|junta)\s*,?\s+(?:(?:which\s+is|which\s+was|then)\s+)?(?:led|headed|run)\s+by\s+(?:(?:the\s+)?(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Sultan|General|Gen\.)\s+)$/;

function governmentTitle(ctx: SentenceContext, person: MentionView): boolean {
  if (person.role && GOVERNMENT_ROLE_HEADS.has(person.role.split(/\s+/).pop()?.toLowerCase() ?? '')) return true;
  const before = ctx.text.slice(Math.max(ctx.sentence.start, person.start - 50), person.start);
  const title = TITLE_BEFORE.exec(before);
  return title !== null && GOVERNMENT_ROLE_HEADS.has((title[2] ?? '').toLowerCase());
}

/** "of Japan Airlines", "of Japan's ...": the country opens another name. */
function opensName(ctx: SentenceContext, m: MentionView): boolean {
  return /^(?:\s?['’]s\b|\s+\p{Lu}|-)/u.test(ctx.text.slice(m.end, m.end + 3));
}

export function roleOfCountryRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i] as MentionView;
    const b = ms[i + 1] as MentionView;
    const gap = between(ctx, a.end, b.start);
    if (a.type === 'Person' && b.type === 'Country' && !b.adjectival && OF_COUNTRY.test(gap) && !opensName(ctx, b) && governmentTitle(ctx, a)) {
      out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'role-of-country.of', confidence: 0.7 });
    } else if (a.type === 'Country' && b.type === 'Person' && GOVERNMENT_LED_BY.test(gap) && !(a.adjectival && /^['’]/.test(gap))) {
      out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'role-of-country.government', confidence: 0.7 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-of-country',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: "A public office with the country after the name, or the head of a country's government.",
  variants: [
    { id: 'role-of-country.of', example: '"President X of Argentina", "Ambassador X of Iceland" (not the untitled "X of France")' },
    { id: 'role-of-country.government', example: '"Indonesia\'s previous government, led by President X", "the Dutch government led by Prime Minister X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  cue: /\bof\b|\b(?:led|headed|run)\s+by\b/,
  run: roleOfCountryRule,
};
