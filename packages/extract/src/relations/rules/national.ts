import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { PERSON_NOUNS, PERSON_NOUN_PLURALS, personNounPattern } from '../../lexicon/person-nouns.ts';
import { GOVERNMENT_ROLE_HEADS } from '../../lexicon/titles.ts';
import { FUNCTION_WORDS, wordClasses } from '../../lexicon/word-classes.ts';
import { PERSON_TYPES, between, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * NATIONAL_OF: a person's nationality as the text states it, never inferred from an office.
 * - "British actress Jane Doe", "the Russian businessman Ivan Petrov", "a French citizen, Marie
 *   Dupont", "Kenyan runner X", "U.S. citizen X", "Russian nationals X and Y": a nationality
 *   (a demonym, or a country name used as one) before a noun for a person that no state confers
 *   (lexicon/person-nouns.ts), then the name;
 * - "Briton Andy Murray", "Spaniard X": the demonym alone, directly before the name;
 * - "Petrov, a Russian national,", "Doe, 34, the British actress,", "Smith, an American, said":
 *   the same description in apposition after the name; "Petrov is a Russian citizen";
 * - "1. Jane Doe (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3": the country in brackets after
 *   the name in a result of individual sport.
 *
 * An office of a country is HOLDS_ROLE and adds no NATIONAL_OF ("French President X": the
 * person-noun list holds no office, so this rule never reads it). Not read: organizations (only a
 * Person name is a subject: "French carmaker Renault" is LOCATED_IN), a demonym inside a longer
 * name or a hyphenated word ("Latin American", "Russian-made", "British-born"), a description
 * qualified by an organization noun ("a British army soldier", "the French team doctor"), and the
 * demonyms that name no single nationality (`AMBIGUOUS`).
 */

/**
 * Demonyms and names that do not say which state: "Korean" (north or south), "Congolese",
 * "Guinean", "Dominican" (Dominica or the Dominican Republic), "Georgian" (also the US state),
 * "Macedonian" (also the Greek region), "Serb"/"Croat" (also the peoples of Bosnia), "Sahrawi" (a
 * people of a territory), "Antarctic" (no nationality).
 */
const AMBIGUOUS = new Set(
  `korean koreans korea congolese congo guinean guineans guinea dominican dominicans georgian georgians georgia
  macedonian macedonians macedonia serb serbs croat croats sahrawi antarctic antarctican`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make the description an organization's or a force's, not the person's: "the British team doctor". */
const ORGANIZATION_WORDS = new Set(
  `team teams club side squad company companies firm bank group government state state-owned state-run army navy
  military police embassy ministry party league federation university school hospital airline media newspaper
  national-team intelligence defence defense`
    .split(/\s+/)
    .filter(Boolean),
);

const NOUN = `(?:${personNounPattern(PERSON_NOUN_PLURALS)}|${personNounPattern(PERSON_NOUNS)})`;
const MODIFIER = String.raw`(?:[a-z][a-z-]*|\d{1,3}-year-old)`;
/** After the nationality: up to three modifiers, the noun, maybe a comma, then the name ("actress Jane Doe", "citizen, X"). */
const BEFORE_GAP = new RegExp(String.raw`^\s+((?:${MODIFIER}\s+){0,3}?)(${NOUN})\s*,?\s+$`);
/** Before the nationality in apposition: ", a", ", 34, the former", ", who is a". */
const APPOSITIVE_OPEN = new RegExp(String.raw`^\s*,\s+(?:\d{1,3},\s+)?(?:who\s+(?:is|was)\s+)?(?:a|an|the)\s+((?:${MODIFIER}\s+){0,3})$`);
const COPULA_OPEN = new RegExp(String.raw`^\s+(?:is|was)\s+(?:a|an)\s+((?:${MODIFIER}\s+){0,3})$`);
/** After the nationality in apposition: the noun (or none: "an American,"), then the end of the phrase. */
const APPOSITIVE_CLOSE = new RegExp(String.raw`^(?:\s+((?:${MODIFIER}\s+){0,3}?)(${NOUN}))?(?=\s*(?:[,.;:)]|$)|\s+(?:who|living|based|working|resident|held|detained|arrested|jailed|killed)\b)`);
/** What follows "X (France)" in a result: a time, a score, a distance, or the verb of a match. */
const RESULT_AFTER = /^\s*\)\s*(?:\d|[-–]\s*\d|(?:beat|bt|def|defeated|v|vs)\b\.?)/i;
const RANK_BEFORE = /(?:^|\n|[\s:;,])\d{1,3}[.)]?\s+$/;

/** The mention is a nationality: a country (by demonym or name), not a capital standing for a government. */
function isNationality(ctx: SentenceContext, m: MentionView): boolean {
  if (m.type !== 'Country' || m.reference || m.source === 'metonymy') return false;
  if (AMBIGUOUS.has(m.text.toLowerCase())) return false;
  // "Russian-made", "Anglo-Dutch", "British-born": part of a hyphenated word.
  if (/[-‐–]$/.test(ctx.text.slice(Math.max(0, m.start - 1), m.start)) || /^[-‐–\p{L}]/u.test(ctx.text.slice(m.end, m.end + 1))) return false;
  // "Britain's ...": a possessive is an owner, not a nationality.
  if (/^['’]/.test(ctx.text.slice(m.end, m.end + 1))) return false;
  return true;
}

/**
 * "the Latin American ...", "Bosnian Serb ...": a capitalised word right before the demonym makes
 * it part of a longer name; "its UK director": an organization's owner makes it the organization's
 * branch in that country.
 */
function insideLongerName(ctx: SentenceContext, m: MentionView): boolean {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 20), m.start);
  if (/\b(?:its|their)\s+$/i.test(left)) return true;
  const word = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(left)?.[1];
  return word !== undefined && !/^(?:The|A|An)$/.test(word);
}

/** After a bare demonym and a name, a noun of a firm makes the name the firm's: "the British Townsend Thorensen company". */
const FIRM_AFTER = /^\s+(?:company|firm|group|corporation|concern|bank|plc|ltd|inc|unit|subsidiary)\b/i;

/**
 * Modifiers of the noun are adjectives and nouns of the description ("former", "long-distance",
 * "oil"), never a function word, a verb form ("Iran gave judo world champion X") or an
 * organization's word; after a country's name ("US tycoon X") at most one.
 */
function plainModifiers(words: string | undefined, max = 3): boolean {
  const list = (words ?? '').split(/\s+/).filter(Boolean);
  if (list.length > max) return false;
  const { verbForms } = wordClasses();
  return list.every((w) => !FUNCTION_WORDS.has(w) && !ORGANIZATION_WORDS.has(w) && !verbForms.has(w));
}

/**
 * Whether the name after a bare demonym is no person the demonym describes: "American Depository
 * Receipt" (a capitalised pair that only its shape made a person: the name must be found by a name
 * list or a title, or hold a given name or a surname of the lists), "the British Townsend Thorensen
 * company", "Economy minister German Gref" (a given name), "American Hoechst" (one word that is
 * not the surname of the entity it resolved to).
 */
function weakName(ctx: SentenceContext, demonym: MentionView, m: MentionView): boolean {
  if (FIRM_AFTER.test(ctx.text.slice(m.end, m.end + 16))) return true;
  const { givenNames, lastNames } = wordClasses();
  const words = m.text.toLowerCase().split(/\s+/);
  // "Economy minister German Gref": after a title the demonym is the given name of the titled person.
  const before = /([A-Za-z-]+)\s+$/.exec(ctx.text.slice(Math.max(ctx.sentence.start, demonym.start - 24), demonym.start))?.[1]?.toLowerCase();
  if (before !== undefined && GOVERNMENT_ROLE_HEADS.has(before)) return true;
  if (words.length === 1 && givenNames.has(demonym.text.toLowerCase())) return true;
  // "American Hoechst" for Hoechst Celanese: one word alone names a person by the surname, the last word of the name.
  if (words.length === 1 && !m.name.toLowerCase().endsWith(words[0] as string)) return true;
  if (m.source !== 'name-shape') return false;
  return !words.some((w) => givenNames.has(w) || lastNames.has(w));
}

/** A person named in the sentence; "Marsh & McLennan" is a firm's name typed as a person's. */
function isPersonName(m: MentionView | undefined): m is MentionView {
  return m?.type === 'Person' && !m.reference && !m.text.includes('&');
}

function isPlural(noun: string): boolean {
  const key = noun.toLowerCase().replace(/\s+/g, '-');
  return PERSON_NOUN_PLURALS.has(key) && !PERSON_NOUNS.has(key);
}

export function nationalRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  const claim = (person: MentionView, country: MentionView, rule: string, confidence: number): void => {
    out.push({ subject: person, predicate: 'NATIONAL_OF', object: country, rule, confidence });
  };
  for (const m of ms) {
    if (!isNationality(ctx, m)) continue;
    const next = ms[m.index + 1];
    const prev = ms[m.index - 1];
    // Before the name: "British actress Jane Doe", "Briton Andy Murray".
    if (isPersonName(next) && !insideLongerName(ctx, m)) {
      const gap = between(ctx, m.end, next.start);
      const before = BEFORE_GAP.exec(gap);
      if (before && plainModifiers(before[1], m.adjectival ? 3 : 1)) {
        const plural = isPlural(before[2] as string);
        const people = plural ? listForward(ctx, next, PERSON_TYPES) : [next];
        for (const p of people) claim(p, m, p === next ? 'national.before' : 'national.before.list', 0.7);
      } else if (m.adjectival && /^\s+$/.test(gap) && next.role === undefined && !weakName(ctx, m, next)) {
        // "Briton Andy Murray", "Kenyan Eliud Kipchoge won": a demonym used as a noun; a titled name ("Chancellor X") is an office.
        claim(next, m, 'national.bare', 0.6);
      }
    }
    // After the name: "Petrov, a Russian national,", "Petrov is a Russian citizen".
    if (isPersonName(prev)) {
      const gap = between(ctx, prev.end, m.start);
      const open = APPOSITIVE_OPEN.exec(gap) ?? COPULA_OPEN.exec(gap);
      if (open && plainModifiers(open[1], m.adjectival ? 3 : 1)) {
        const close = APPOSITIVE_CLOSE.exec(ctx.text.slice(m.end, ctx.sentence.end));
        // Without a noun the demonym must be one ("an American,"), which only an adjectival mention is.
        if (close && plainModifiers(close[1]) && (close[2] !== undefined || m.adjectival)) {
          claim(prev, m, APPOSITIVE_OPEN.test(gap) ? 'national.appositive' : 'national.copula', 0.7);
        }
      }
    }
  }
  results(ctx, claim);
  return out;
}

/** "1. Jane Doe (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3": only in a result of individual sport. */
function results(ctx: SentenceContext, claim: (person: MentionView, country: MentionView, rule: string, confidence: number) => void): void {
  const items: Array<{ person: MentionView; country: MentionView }> = [];
  for (const m of ctx.mentions) {
    const prev = ctx.mentions[m.index - 1];
    if (m.type !== 'Country' || m.adjectival || m.reference || !prev || prev.type !== 'Person' || prev.reference) continue;
    if (!/^\s*\(\s*$/.test(between(ctx, prev.end, m.start)) || !/^\s*\)/.test(ctx.text.slice(m.end, m.end + 3))) continue;
    if (AMBIGUOUS.has(m.text.toLowerCase())) continue;
    items.push({ person: prev, country: m });
  }
  const table = items.length >= 2;
  for (const { person, country } of items) {
    const scored = RESULT_AFTER.test(ctx.text.slice(country.end, country.end + 16));
    const ranked = RANK_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, person.start - 8), person.start));
    if (table || scored || ranked) claim(person, country, 'national.result', 0.7);
  }
}

export const rule: RelationRule = {
  id: 'national',
  predicate: 'NATIONAL_OF',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: 'A nationality stated next to a name with a noun no state confers ("British actress X", "X, a Russian national"), or a country in brackets in an individual sports result.',
  variants: [
    { id: 'national.before', example: '"British actress X", "the Russian businessman X", "a French citizen, X", "Russian nationals X and Y" (`.list`: each)' },
    { id: 'national.bare', example: '"Briton X", "Spaniard X", "Kenyan X won"' },
    { id: 'national.appositive', example: '"X, a Russian national,", "X, 34, the British actress,", "X, an American, said"' },
    { id: 'national.copula', example: '"X is a British citizen"' },
    { id: 'national.result', example: '"1. X (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  run: nationalRule,
};
