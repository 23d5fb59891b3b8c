import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { wordClasses } from '../../lexicon/word-classes.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { AMBIGUOUS_NATIONALITIES } from './national.ts';

/**
 * NATIONAL_OF from a country's possessive right before a person's full name: "Serbia's Ana Novak
 * won the final", "he beat Spain's Pablo Ortega", "Britain's Kelly Marsh came fourth". News English
 * uses "<Country>'s <Name>" for a person's nationality, above all in sport and in lists of
 * nominees; a post between ("Britain's Prime Minister X") is HOLDS_ROLE and not read here.
 *
 * The name must be a person's beyond doubt, because the same shape names a country's companies and
 * places ("Italy's Illva Saronno", "Russia's Norilsk Nickel"): the person's full name (as written
 * here or earlier, "France's Mauresmo" after "Amelie Mauresmo") has two or more words, the first a
 * given name of the name lists, no honorific or title, and no firm's noun after it. The country is a name
 * (not a capital standing for its government, not a reference, not a demonym) that says which state
 * it is. No list is expanded: "Spain's A and B" says nothing of B.
 */

const POSSESSIVE_GAP = /^['’]s\s+$/;
/** Words after a name that make it a firm's or a product's: "Spain's Carlos Sainz team". */
const NOT_A_PERSON_AFTER = /^\s*(?:['’]s\s+)?(?:company|firm|group|corporation|concern|bank|plc|ltd|inc|unit|subsidiary|team|foundation|prize|award|trophy|cup|stadium|centre|center|museum|airport|university|school|hospital|street|bridge|brand)\b/i;

function isCountryName(ctx: SentenceContext, m: MentionView): boolean {
  if (m.type !== 'Country' || m.reference || m.adjectival || m.source === 'metonymy' || AMBIGUOUS_NATIONALITIES.has(m.text.toLowerCase())) return false;
  // "the president of France's ...", "New South Wales's ...": the possessive belongs to a longer phrase
  // (a capitalised word before it, unless that word opens the sentence: "There Spain's X won").
  const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 24), m.start);
  if (/\bof\s+$/.test(left)) return false;
  const word = /(\S+)\s+$/.exec(left);
  if (!word || !/^\p{Lu}/u.test(word[1] as string)) return true;
  return /^\s*["“'‘(]?\s*$/.test(ctx.text.slice(ctx.sentence.start, m.start - left.length + word.index));
}

function isFullPersonName(ctx: SentenceContext, m: MentionView): boolean {
  if (m.type !== 'Person' || m.reference || m.role !== undefined || m.text.includes('&')) return false;
  // "France's Mauresmo" after "Amelie Mauresmo": the entity's full name decides, not the surname written here.
  const words = m.name.split(/\s+/);
  if (words.length < 2) return false;
  const first = (words[0] as string).toLowerCase();
  // A given name that is also an ordinary word ("Miner Highland Gold") is too weak to make a person.
  const { firstNames, givenNames, common } = wordClasses();
  if (!firstNames.has(first) && !(givenNames.has(first) && !common.has(first))) return false;
  return !NOT_A_PERSON_AFTER.test(ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 24)));
}

export function nationalPossessiveRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const country = ms[i] as MentionView;
    const person = ms[i + 1] as MentionView;
    if (!POSSESSIVE_GAP.test(ctx.text.slice(country.end, person.start))) continue;
    if (!isCountryName(ctx, country) || !isFullPersonName(ctx, person)) continue;
    out.push({ subject: person, predicate: 'NATIONAL_OF', object: country, rule: 'national-possessive.name', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'national-possessive',
  predicate: 'NATIONAL_OF',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: 'A country\'s possessive right before a person\'s full name ("Serbia\'s Ana Novak"); not a post between, not a firm\'s name.',
  variants: [{ id: 'national-possessive.name', example: '"Serbia\'s Ana Novak won", "beat Spain\'s Pablo Ortega" (not "Britain\'s Prime Minister X", "Italy\'s Illva Saronno")' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: /['’]s\s/,
  run: nationalPossessiveRule,
};
