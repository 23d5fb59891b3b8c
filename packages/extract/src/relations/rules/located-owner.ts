import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN where a place or a country owns the words that name a body:
 * - "Lyon's Museum of Textiles", "Oslo's Ullevaal Hospital": a city's (or region's) possessive
 *   before an organization places it there (a country's possessive is the general rule's, which
 *   leaves out a state's own bodies);
 * - "the Harbour Safety Board, the Norwegian agency that ...", "the Tariff Office, the U.S. body
 *   in charge of ...": a public body described by its country in an appositive (the general rule
 *   reads companies described this way).
 */

const POSSESSIVE = /^\s?['’]s\s+(?:the\s+)?$/;
const APPOSITIVE_OPEN = /^\s*,\s*(?:the|a|an)\s+$/;
/** The noun after the country: a public body, a party, a paper. */
const BODY_AFTER =
  /^\s+(?:(?:government|federal|state|national|state-run|official|main|leading|independent|opposition|ruling)\s+){0,2}(?:agency|body|watchdog|regulator|authority|ministry|department|office|service|institute|institution|university|party|union|newspaper|daily|news\s+agency|broadcaster|army|navy|court|foundation|organi[sz]ation)\b/i;

export function locatedOwnerRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const gap = ctx.text.slice(a.end, b.start);
    if (a.type === 'Place' && !a.adjectival && b.type === 'Organization' && !b.adjectival && POSSESSIVE.test(gap)) {
      out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located-owner.place-possessive', confidence: 0.6 });
      continue;
    }
    if (a.type === 'Organization' && !a.adjectival && b.type === 'Country' && APPOSITIVE_OPEN.test(gap) && BODY_AFTER.test(ctx.text.slice(b.end, b.end + 50))) {
      // "the U.S.'s agency" reads as a possessive, which another rule takes.
      if (/^\s?['’]s/.test(ctx.text.slice(b.end, b.end + 3))) continue;
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located-owner.body-appositive', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-owner',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place', 'Country'],
  summary: 'A city\'s possessive before an organization ("Lyon\'s Museum of Textiles"); a public body described by its country in an appositive.',
  variants: [
    { id: 'located-owner.place-possessive', example: '"Lyon\'s Museum of Textiles", "Oslo\'s Ullevaal Hospital"' },
    { id: 'located-owner.body-appositive', example: '"the Harbour Safety Board, the Norwegian agency that ..."' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: locatedOwnerRule,
};
