import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { PERSON_NOUNS, PERSON_NOUN_PLURALS, personNounPattern } from '../../lexicon/person-nouns.ts';
import { GOVERNMENT_ROLE_HEADS } from '../../lexicon/titles.ts';
import { FUNCTION_WORDS, wordClasses } from '../../lexicon/word-classes.ts';
import { PERSON_TYPES, between, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { isSportStory } from '../sport-story.ts';

/**
 * NATIONAL_OF: a person's nationality as the text states it, never inferred from an office.
 * - "British actress Jane Doe", "the Russian businessman Ivan Petrov", "a French citizen, Marie
 *   Dupont", "Kenyan runner X", "U.S. citizen X", "Russian nationals X and Y": a nationality
 *   (a demonym, or a country name used as one) before a noun for a person that no state confers
 *   (lexicon/person-nouns.ts), then the name;
 * - "Briton Andy Murray", "Spaniard X": the demonym alone, directly before the name;
 * - "Petrov, a Russian national,", "Doe, 34, the British actress,", "Smith, an American, said":
 *   the same description in apposition after the name; "Petrov is a Russian citizen"; "Smith holds
 *   British and Canadian citizenship";
 * - hyphenated demonyms: "Iranian-American journalist X" is American (the last), "a dual
 *   British-Iranian national" holds both;
 * - "1. Jane Doe (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3": the country in brackets after
 *   the name in a result of individual sport.
 *
 * An office of a country is HOLDS_ROLE and adds no NATIONAL_OF ("French President X": the
 * person-noun list holds no office, so this rule never reads it). Not read: organizations (only a
 * Person name is a subject: "French carmaker Renault" is LOCATED_IN), a demonym inside a longer
 * name or a word hyphenated with anything but a demonym ("Latin American", "Russian-made",
 * "British-born"), a description
 * qualified by an organization noun ("a British army soldier", "the French team doctor"), and the
 * demonyms that name no single nationality (`AMBIGUOUS_NATIONALITIES`).
 */

/**
 * Demonyms and names that do not say which state: "Korean" (north or south), "Congolese",
 * "Guinean", "Dominican" (Dominica or the Dominican Republic), "Georgian" (also the US state),
 * "Macedonian" (also the Greek region), "Serb"/"Croat" (also the peoples of Bosnia), "Sahrawi" (a
 * people of a territory), "Antarctic" (no nationality).
 */
export const AMBIGUOUS_NATIONALITIES = new Set(
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

/** A country mention that may state a nationality: not a reference, not a capital standing for a government, not ambiguous. */
function countryMention(m: MentionView | undefined): m is MentionView {
  return m !== undefined && m.type === 'Country' && !m.reference && m.source !== 'metonymy' && !AMBIGUOUS_NATIONALITIES.has(m.text.toLowerCase());
}

/** One nationality as written: a demonym or a name, or demonyms joined by hyphens ("British-Iranian"). */
interface Nationality {
  first: MentionView;
  last: MentionView;
  members: MentionView[];
}

const HYPHEN = /^[-‐–]$/;

/**
 * The nationalities of the sentence. "Russian-made", "Anglo-Dutch", "British-born": a demonym in a
 * hyphenated word with anything but another demonym is none; "Britain's ...": a possessive is an
 * owner.
 */
function nationalities(ctx: SentenceContext): Nationality[] {
  const out: Nationality[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i] as MentionView;
    if (!countryMention(m)) continue;
    const members = [m];
    for (;;) {
      const last = members[members.length - 1] as MentionView;
      const n = ms[last.index + 1];
      if (!last.adjectival || !countryMention(n) || !n.adjectival || !HYPHEN.test(between(ctx, last.end, n.start))) break;
      members.push(n);
    }
    const last = members[members.length - 1] as MentionView;
    i = last.index;
    if (/[-‐–]$/.test(ctx.text.slice(Math.max(0, m.start - 1), m.start)) || /^[-‐–\p{L}'’]/u.test(ctx.text.slice(last.end, last.end + 1))) continue;
    out.push({ first: m, last, members });
  }
  return out;
}

/**
 * Which countries of a hyphenated nationality the person holds: "Iranian-American journalist" is
 * an American of Iranian descent (the last only); "a dual British-Iranian national" and
 * "British-Iranian national" hold both.
 */
function heldCountries(unit: Nationality, noun: string | undefined, dual: boolean): MentionView[] {
  if (unit.members.length === 1) return unit.members;
  return dual || (noun !== undefined && /^(?:national|citizen)s?$/i.test(noun)) ? unit.members : [unit.last];
}

/**
 * "the Latin American ...", "Bosnian Serb ...": a capitalised word right before the demonym makes
 * it part of a longer name; "its UK director": an organization's owner makes it the organization's
 * branch in that country.
 */
/** Modifiers of a person's description that open a sentence capitalised: "Fellow Spaniard X", "Former British actor Y". */
const OPENING_MODIFIERS = new Set(['fellow', 'former', 'veteran', 'late', 'young', 'teenage', 'compatriot']);

function insideLongerName(ctx: SentenceContext, m: MentionView): boolean {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 20), m.start);
  if (/\b(?:its|their)\s+$/i.test(left)) return true;
  const word = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(left)?.[1];
  // "And British actor X", "Fellow Spaniard Y": a function word or a modifier of the description,
  // capitalised at the sentence's start, opens no name.
  return word !== undefined && !FUNCTION_WORDS.has(word.toLowerCase()) && !OPENING_MODIFIERS.has(word.toLowerCase());
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
  // "the Spaniard ousted sixth seed X": a past form ending in -ed is the clause's verb, not a modifier ("long-awaited" is one).
  return list.every((w) => !FUNCTION_WORDS.has(w) && !ORGANIZATION_WORDS.has(w) && !verbForms.has(w) && !/^[a-z]+ed$/.test(w));
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

/** A NATIONAL_OF candidate (a module function, not a closure per sentence: see `addSupply` in supplies.ts). */
function claimNational(out: RelationCandidate[], person: MentionView, country: MentionView, rule: string, confidence: number): void {
  out.push({ subject: person, predicate: 'NATIONAL_OF', object: country, rule, confidence });
}

export function nationalRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  const units = nationalities(ctx);
  for (const unit of units) {
    const { first, last } = unit;
    const next = ms[last.index + 1];
    const prev = ms[first.index - 1];
    const dualBefore = /\bdual\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, first.start - 8), first.start));
    // Before the name: "British actress Jane Doe", "Briton Andy Murray".
    if (isPersonName(next) && !insideLongerName(ctx, first)) {
      const gap = between(ctx, last.end, next.start);
      const before = BEFORE_GAP.exec(gap);
      if (before && plainModifiers(before[1], last.adjectival ? 3 : 1)) {
        const plural = isPlural(before[2] as string);
        const people = plural ? listForward(ctx, next, PERSON_TYPES) : [next];
        for (const p of people) for (const c of heldCountries(unit, before[2], dualBefore)) claimNational(out, p, c, p === next ? 'national.before' : 'national.before.list', 0.7);
      } else if (unit.members.length === 1 && last.adjectival && /^\s+$/.test(gap) && next.role === undefined && !weakName(ctx, last, next)) {
        // "Briton Andy Murray", "Kenyan Eliud Kipchoge won": a demonym used as a noun; a titled name ("Chancellor X") is an office.
        claimNational(out, next, last, 'national.bare', 0.6);
      }
    }
    // After the name: "Petrov, a Russian national,", "Petrov is a Russian citizen".
    if (isPersonName(prev)) {
      const gap = between(ctx, prev.end, first.start);
      const open = APPOSITIVE_OPEN.exec(gap) ?? COPULA_OPEN.exec(gap);
      if (open && plainModifiers(open[1], last.adjectival ? 3 : 1)) {
        const close = APPOSITIVE_CLOSE.exec(ctx.text.slice(last.end, ctx.sentence.end));
        // Without a noun the demonym must be one ("an American,"), which only an adjectival mention is.
        if (close && plainModifiers(close[1]) && (close[2] !== undefined || last.adjectival)) {
          const dual = /\bdual\b/i.test(open[1] ?? '');
          for (const c of heldCountries(unit, close[2], dual)) claimNational(out, prev, c, APPOSITIVE_OPEN.test(gap) ? 'national.appositive' : 'national.copula', 0.7);
        }
      }
    }
  }
  citizenship(ctx, units, out);
  results(ctx, out);
  ofCountry(ctx, out);
  return out;
}

/** After "X of Portugal" in a sports story: the end of the phrase, a time or score, or the next clause. */
const OF_COUNTRY_AFTER = /^\s*(?:[,.;:)]|$|\(|\d|and\b|in\b|at\b|who\b|was\b|were\b|is\b|has\b|had\b|won\b|took\b|finished\b|set\b|beat\b|came\b|clocked\b|ran\b|['’]s\s+\d)/;

/**
 * "the race was won by Francis Mendes of Portugal", "ahead of Ana Novak of Serbia in 2:21": a
 * competitor written with the country after "of", in a story about sport (elsewhere "X of France"
 * is as often an office or a royal title). Not after a post ("coach X of France" is France's coach).
 */
function ofCountry(ctx: SentenceContext, out: RelationCandidate[]): void {
  if (!isSportStory(ctx.text)) return;
  for (const m of ctx.mentions) {
    const prev = ctx.mentions[m.index - 1];
    if (!countryMention(m) || m.adjectival || !isPersonName(prev) || prev.role !== undefined) continue;
    if (!/^\s+of\s+(?:the\s+)?$/.test(between(ctx, prev.end, m.start))) continue;
    if (!OF_COUNTRY_AFTER.test(ctx.text.slice(m.end, m.end + 12))) continue;
    if (out.some((c) => c.subject === prev)) continue;
    claimNational(out, prev, m, 'national.of-country', 0.6);
  }
}

/** "X holds British and Canadian citizenship", "X, who has dual British-Iranian nationality", "X has a Russian passport". */
const HOLDS = /^\s*,?\s+(?:who\s+)?(?:also\s+)?(?:holds|held|has|had|acquired|obtained|gained|took|was\s+granted|has\s+been\s+granted)\s+(?:(?:a|an)\s+)?((?:dual|joint)\s+)?$/i;
const CITIZENSHIP = /^\s+(?:citizenship|nationality|nationalities|passports?)\b/i;

function citizenship(ctx: SentenceContext, units: readonly Nationality[], out: RelationCandidate[]): void {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Nationality;
    const person = ctx.mentions[unit.first.index - 1];
    if (!isPersonName(person)) continue;
    const open = HOLDS.exec(between(ctx, person.end, unit.first.start));
    if (!open) continue;
    // "British and Canadian citizenship": the nationalities joined by "and" share the noun.
    const held = [unit];
    for (let j = i + 1; j < units.length; j++) {
      const u = units[j] as Nationality;
      if (!/^\s+and\s+$/.test(between(ctx, (held[held.length - 1] as Nationality).last.end, u.first.start))) break;
      held.push(u);
    }
    const lastUnit = held[held.length - 1] as Nationality;
    if (!CITIZENSHIP.test(ctx.text.slice(lastUnit.last.end, ctx.sentence.end))) continue;
    for (const u of held) for (const c of heldCountries(u, 'citizen', open[1] !== undefined)) claimNational(out, person, c, 'national.citizenship', 0.7);
    i += held.length - 1;
  }
}

/** "1. Jane Doe (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3": only in a result of individual sport. */
function results(ctx: SentenceContext, out: RelationCandidate[]): void {
  const items: Array<{ person: MentionView; country: MentionView }> = [];
  for (const m of ctx.mentions) {
    const prev = ctx.mentions[m.index - 1];
    if (m.type !== 'Country' || m.adjectival || m.reference || !prev || prev.type !== 'Person' || prev.reference) continue;
    if (!/^\s*\(\s*$/.test(between(ctx, prev.end, m.start)) || !/^\s*\)/.test(ctx.text.slice(m.end, m.end + 3))) continue;
    if (AMBIGUOUS_NATIONALITIES.has(m.text.toLowerCase())) continue;
    items.push({ person: prev, country: m });
  }
  const table = items.length >= 2;
  for (const { person, country } of items) {
    const scored = RESULT_AFTER.test(ctx.text.slice(country.end, country.end + 16));
    const ranked = RANK_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, person.start - 8), person.start));
    if (table || scored || ranked) claimNational(out, person, country, 'national.result', 0.7);
  }
}

export const rule: RelationRule = {
  id: 'national',
  predicate: 'NATIONAL_OF',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: 'A nationality stated next to a name with a noun no state confers ("British actress X", "X, a Russian national"), or a country in brackets or after "of" in an individual sports result.',
  variants: [
    { id: 'national.before', example: '"British actress X", "the Russian businessman X", "a French citizen, X", "Russian nationals X and Y" (`.list`: each)' },
    { id: 'national.bare', example: '"Briton X", "Spaniard X", "Kenyan X won"' },
    { id: 'national.appositive', example: '"X, a Russian national,", "X, 34, the British actress,", "X, an American, said"' },
    { id: 'national.copula', example: '"X is a British citizen"' },
    { id: 'national.citizenship', example: '"X holds British and Canadian citizenship", "X, who has dual British-Iranian nationality"' },
    { id: 'national.result', example: '"1. X (Britain) 2:21.04", "X (France) beat Y (Spain) 6-3"' },
    { id: 'national.of-country', example: '"the race was won by X of Portugal" in a sports story (not "coach X of France")' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'subject',
  run: nationalRule,
};
