import nlp from 'compromise';
import type { ExtractedEntity } from '@newsgraph/shared';
import type { MentionView } from './sentence-context.ts';
import { isFamilyNameFirst } from '../lexicon/east-asian-surnames.ts';

/**
 * Coreference across sentences, as far as rules can take it without a parser: a pronoun
 * (he/she/him/his/her) or a definite description ("the minister", "the company", "the bank",
 * "the ministry", "the country") stands for an entity named before it. Each one found becomes a
 * reference view: a mention with the antecedent's entity, the pronoun's span, and the
 * antecedent mention, so every rule that accepts references reads "He met Wang Yi" like
 * "Blinken met Wang Yi", and the claim can record the sentence that names the entity.
 *
 * Choices (English, not a test document):
 * - Gender comes from a form of address or a gendered title (Mr, Mrs, spokeswoman, King), else
 *   from compromise's first-name lexicon; a name with no known gender agrees with both pronouns.
 * - A subject pronoun looks back at most three sentences and takes, in the nearest sentence
 *   naming an agreeing person, the first one (most often that sentence's subject: the subject
 *   carries over). An object pronoun (him, her + no noun) skips persons of its own sentence,
 *   which English would write as "himself".
 * - A description takes the nearest entity of its kind within five sentences: "the minister"
 *   the last person whose title or nearby words carry "minister", "the official" the last person
 *   with any title, "the company" the last company, "the bank" the last bank, "the ministry" the
 *   last ministry or department, "the bloc" the last bloc, "the country" the last country.
 * - A person named inside a quotation is no antecedent for a pronoun outside it.
 * - The headline is the first sentence of the text (the corpora and most feeds put it there), so
 *   a description in the lead resolves to the name in the headline like to any earlier sentence.
 */

export interface ReferenceInfo {
  kind: 'pronoun' | 'description';
  /** "his", "her" before a noun, "the company's": an owner, never the object of a verb. */
  possessive: boolean;
  /** The mention that names the entity. */
  antecedent: MentionView;
}

/** Longest run of references read in one sentence; more is noise, and the cap keeps it linear. */
const MAX_REFERENCES_PER_SENTENCE = 24;
/** How far back a lookup walks through the document's mentions. */
const MAX_LOOKBACK_MENTIONS = 160;

type Gender = 'm' | 'f' | null;

const PRONOUN = /\b(he|she|him|his|her)\b/gi;

/** Words heading a description of a person, with the title words that agree with them. */
const PERSON_DESCRIPTION =
  /\bthe\s+(?:(?:former|deputy|acting|outgoing|incoming|new|visiting|top|senior|veteran)\s+)?((?:foreign|finance|trade|defen[cs]e|economy|economic|energy|interior|prime)\s+minister|minister|president|premier|chancellor|secretary|official|spokes(?:man|woman|person)|ambassador|envoy|diplomat|chief executive|ceo|chairman|chairwoman|deputy|governor|senator|lawmaker|leader|general|commander|executive|negotiator|prosecutor)\b/gi;
/** What else a description's head may be written as in the words around the antecedent. */
const DESCRIPTION_SYNONYMS: Readonly<Record<string, string>> = {
  ceo: '(?:ceo|chief executive)',
  executive: '(?:executive|ceo)',
  // An ambassador, an envoy or a consul is a diplomat; "the envoy" may be the ambassador.
  diplomat: '(?:diplomat|ambassador|envoy|consul|charg[eé])',
  envoy: '(?:envoy|ambassador)',
};
const ORG_DESCRIPTION =
  /\bthe\s+((?:company|firm|manufacturer|maker|producer|exporter|importer|supplier|distributor|trader|dealer|reseller|forwarder|carrier|airline|shipper|shipbuilder|shipyard|operator|conglomerate|group)|(?:bank|lender)|(?:ministry|department)|(?:agency|bureau|regulator|watchdog)|(?:bloc|alliance|union))\b/gi;
const COUNTRY_DESCRIPTION = /\bthe\s+(country|kingdom|republic|nation)\b(?!\s*['’]s\s+(?:central|national)\b)/gi;

const FEMALE_WORDS = /\b(?:mrs|ms|miss|madam|madame|lady|dame|queen|princess|empress|duchess|spokeswoman|chairwoman|congresswoman|businesswoman|sister|mother|wife|daughter)\b/i;
const MALE_WORDS = /\b(?:mr|sir|lord|king|prince|emperor|duke|spokesman|chairman|congressman|businessman|brother|father|husband|son)\b/i;

let nameLexicon: Record<string, unknown> | null = null;

function firstNameGender(first: string): Gender {
  nameLexicon ??= (nlp.world() as { model: { one: { lexicon: Record<string, unknown> } } }).model.one.lexicon;
  const tag = nameLexicon[first.toLowerCase()];
  return tag === 'FemaleName' ? 'f' : tag === 'MaleName' ? 'm' : null;
}

/**
 * Slavic and Central Asian family names mark gender by their ending: -ova, -eva, -skaya, -ska for
 * women (Petrova, Satpayeva, Kraszewska), -ov, -ev, -sky, -ski for men (Sokolov, Zielinski). Read
 * only from the last word of a name of two or more, and only when the given name is unknown.
 */
const FEMALE_SURNAME = /\s\p{Lu}\p{L}+(?:ova|eva|yova|skaya|tskaya|ska|cka|dzka)$/u;
const MALE_SURNAME = /\s\p{Lu}\p{L}+(?:ov|ev|yov|sky|skiy|ski|cki|dzki)$/u;

function surnameGender(name: string): Gender {
  return FEMALE_SURNAME.test(name) ? 'f' : MALE_SURNAME.test(name) ? 'm' : null;
}

const genderCache = new WeakMap<ExtractedEntity, Gender>();

/** The gender a text gives a person: title or form of address first, then the first name. */
export function personGender(entity: ExtractedEntity | undefined, text: string, mention: MentionView): Gender {
  if (!entity) return null;
  if (genderCache.has(entity)) return genderCache.get(entity) ?? null;
  const role = typeof entity.attributes['role'] === 'string' ? (entity.attributes['role'] as string) : (mention.role ?? '');
  const before = text.slice(Math.max(0, mention.start - 30), mention.start);
  let gender: Gender;
  if (FEMALE_WORDS.test(role) || /\b(?:Mrs|Ms|Miss|Madam|Lady|Dame|Queen)\.?\s+$/.test(before)) gender = 'f';
  else if (MALE_WORDS.test(role) || /\b(?:Mr|Sir|Lord|King)\.?\s+$/.test(before)) gender = 'm';
  else {
    // "Kim Jong Un": an East Asian family name first is no given name, and says nothing of gender.
    const first = isFamilyNameFirst(entity.name) ? undefined : /^\p{L}+/u.exec(entity.name)?.[0];
    gender = (first ? firstNameGender(first) : null) ?? surnameGender(entity.name);
  }
  genderCache.set(entity, gender);
  return gender;
}

export interface ReferenceScope {
  text: string;
  entities: ReadonlyMap<string, ExtractedEntity>;
  /** Named mentions of the whole document, in order. */
  documentMentions: readonly MentionView[];
  /** Index of the first document mention at or after a position. */
  firstAtOrAfter: (pos: number) => number;
  /**
   * For each sentence read so far that opens with a description of a person ("The envoy is due
   * to ..."), that reference: a later "he"/"she" carries the same subject on. Filled by
   * `findReferences` as the sentences are read in order.
   */
  openingPersons?: Map<number, MentionView>;
  /** The document's sentences, to read where one starts (a description's antecedent as its subject). */
  sentences?: readonly { start: number }[];
}

/** Before a sentence's subject: quotes, and a fronted time phrase ("On Tuesday", "Later,", "In May"). */
const OPENING_LEAD = /^[\s"“‘(]*(?:(?:on|in|by|late|early)\s+(?:\w+\s+){0,2}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\s*,?\s*|(?:later|earlier|afterwards|meanwhile|then|separately)\s*,?\s*)?$/i;

/** How far back, in sentences, an opening description still carries the subject to a pronoun. */
const OPENING_PERSON_SENTENCES = 2;

/** A person named inside a quotation is seldom the antecedent of a pronoun outside it. */
function insideQuote(text: string, m: MentionView): boolean {
  const before = text.slice(Math.max(0, m.start - 200), m.start);
  const open = before.lastIndexOf('“');
  return open >= 0 && before.lastIndexOf('”') < open;
}

function roleText(scope: ReferenceScope, m: MentionView): string {
  const e = scope.entities.get(m.entityId);
  const role = typeof e?.attributes['role'] === 'string' ? (e.attributes['role'] as string) : '';
  // "X, the chief executive of Y" / "Trade Minister X": the words around the name, up to the
  // neighbouring names (the title of the next person is not this one's).
  const i = scope.firstAtOrAfter(m.start);
  const prev = scope.documentMentions[i - 1];
  // A demonym inside the title ("X, the Chilean ambassador to Peru") is a word of it, not the next name.
  let j = i + 1;
  while (scope.documentMentions[j]?.adjectival && scope.documentMentions[j]?.sentenceIndex === m.sentenceIndex) j++;
  const next = scope.documentMentions[j];
  const from = Math.max(0, m.start - 50, prev && prev.sentenceIndex === m.sentenceIndex ? prev.end : 0);
  const to = Math.min(m.end + 60, next && next.sentenceIndex === m.sentenceIndex ? next.start : Infinity);
  // Neither beyond the sentence: the words after a full stop belong to the next one.
  // After the name only an apposition describes it ("X, the chief executive of Y"); "X was
  // accompanied by his deputy" gives X no deputy's title.
  const rest = scope.text.slice(m.end, to);
  const after = /^\s*[,(]/.test(rest) ? (rest.split(/[.!?](?:\s|$)/)[0] ?? '') : '';
  const before = scope.text.slice(from, m.start).split(/[.!?]\s/).pop() ?? '';
  return `${role} ${m.role ?? ''} ${before} ${after}`.toLowerCase();
}

function orgMatches(scope: ReferenceScope, m: MentionView, head: string): boolean {
  if (m.type !== 'Organization' || m.adjectival) return false;
  const kind = m.kind ?? '';
  const name = m.name.toLowerCase();
  if (/^(?:bank|lender)$/.test(head)) return kind === 'Bank' || /\bbank\b/.test(name);
  if (/^(?:ministry|department)$/.test(head)) return /\b(?:ministry|department)\b/.test(name);
  if (/^(?:agency|bureau|regulator|watchdog)$/.test(head)) return kind === 'GovernmentAgency' && !/\b(?:ministry|department)\b/.test(name);
  if (/^(?:bloc|alliance|union)$/.test(head)) return kind === 'InternationalOrganization';
  // company and its synonyms: a company, or an organization of unknown kind that no word marks as public.
  if (kind === 'Company') return true;
  return kind === '' && !/\b(?:ministry|department|agency|office|bureau|commission|council|government|university|party|union|bank|police|army|court)\b/.test(name) && !scope.text.slice(m.end, m.end + 2).startsWith('(');
}

/**
 * The references of one sentence, sorted by start, none overlapping a named mention. `named` are
 * the sentence's named mentions.
 */
export function findReferences(
  scope: ReferenceScope,
  sentence: { start: number; end: number },
  sentenceIndex: number,
  named: readonly MentionView[],
): Array<MentionView & { reference: ReferenceInfo }> {
  const local = scope.text.slice(sentence.start, sentence.end);
  // Cheap test first: most sentences hold no pronoun and no "the".
  if (!/\b(?:he|she|him|his|her|the)\b/i.test(local)) return [];
  const out: Array<MentionView & { reference: ReferenceInfo }> = [];
  const overlapsNamed = (start: number, end: number): boolean => named.some((m) => m.start < end && start < m.end);
  const add = (start: number, end: number, antecedent: MentionView | null, kind: ReferenceInfo['kind'], possessive: boolean): void => {
    if (!antecedent || overlapsNamed(start, end) || out.length >= MAX_REFERENCES_PER_SENTENCE) return;
    out.push({
      ...antecedent,
      start,
      end,
      text: scope.text.slice(start, end),
      sentenceIndex,
      source: kind,
      adjectival: false,
      index: -1,
      reference: { kind, antecedent, possessive },
    });
  };
  /** Walks back from `pos` through named mentions, nearest first, within `sentences` sentences. */
  const lookBack = (pos: number, sentences: number, accept: (m: MentionView) => boolean, firstOfSentence: boolean, skipOwnSentence: boolean): MentionView | null => {
    const doc = scope.documentMentions;
    let found: MentionView | null = null;
    let steps = 0;
    for (let i = scope.firstAtOrAfter(pos) - 1; i >= 0 && steps < MAX_LOOKBACK_MENTIONS; i--, steps++) {
      const m = doc[i] as MentionView;
      if (m.sentenceIndex < sentenceIndex - sentences) break;
      if (found && m.sentenceIndex !== found.sentenceIndex) break;
      if (skipOwnSentence && m.sentenceIndex === sentenceIndex) continue;
      if (!accept(m)) continue;
      found = m;
      if (!firstOfSentence) break;
    }
    return found;
  };

  /**
   * The antecedent of a definite description: the nearest entity that fits, unless the nearest
   * sentence naming one names two that fit ("A bought motors from B. The company ..."): then the
   * one that is that sentence's subject (its first name, at its start), else none.
   */
  const describedAntecedent = (pos: number, sentences: number, accept: (m: MentionView) => boolean): MentionView | null => {
    const nearest = lookBack(pos, sentences, accept, false, false);
    if (!nearest) return null;
    const doc = scope.documentMentions;
    let subject: MentionView | null = null;
    const fitting = new Set<string>();
    let steps = 0;
    let i = scope.firstAtOrAfter(pos) - 1;
    for (; i >= 0 && steps < MAX_LOOKBACK_MENTIONS; i--, steps++) {
      const m = doc[i] as MentionView;
      if (m.sentenceIndex < nearest.sentenceIndex) break;
      if (m.sentenceIndex > nearest.sentenceIndex) continue;
      if (accept(m)) fitting.add(m.entityId);
      // "Altria's Philip Morris said": the owner before "'s" is not the subject.
      if (!/^['’]s?\b/.test(scope.text.slice(m.end, m.end + 2))) subject = m;
    }
    if (fitting.size < 2) return nearest;
    const s = scope.sentences?.[nearest.sentenceIndex]?.start;
    if (subject && accept(subject) && s !== undefined && /^[\s"“‘(]*(?:[A-Z][A-Z .,'-]+\s+(?:--|—|-)\s+)?(?:the\s+)?(?:(?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*['’]s?\s+)?$/u.test(scope.text.slice(s, subject.start))) return subject;
    // Else the story's topic: the one of them named most often before, if clearly so.
    const counts = new Map<string, number>();
    for (let k = i, n = 0; k >= 0 && n < MAX_LOOKBACK_MENTIONS; k--, n++) {
      const id = (doc[k] as MentionView).entityId;
      if (fitting.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const top = ranked[0];
    if (top && top[1] >= 1 && (ranked[1]?.[1] ?? 0) < top[1]) {
      for (let k = scope.firstAtOrAfter(pos) - 1; k >= 0; k--) if ((doc[k] as MentionView).entityId === top[0]) return doc[k] as MentionView;
    }
    return null;
  };

  /**
   * "The envoy is due in Bishkek on Thursday. In May he urged ...": a sentence that opens with a
   * description of a person, nearer than the sentence naming `named`, carries that subject on.
   */
  const carriedOpening = (named: MentionView | null, gender: Gender): MentionView | null => {
    const openings = scope.openingPersons;
    if (!openings) return null;
    for (let j = sentenceIndex - 1; j >= sentenceIndex - OPENING_PERSON_SENTENCES && j >= 0; j--) {
      // A person named after sentence j is nearer; one named in j itself is, most often, the
      // object of the description that opens j ("On Tuesday the deputy minister met X").
      if (named && named.sentenceIndex > j) return null;
      const opening = openings.get(j);
      if (!opening) continue;
      const g = personGender(scope.entities.get(opening.entityId), scope.text, opening);
      return g === null || g === gender ? opening : null;
    }
    return null;
  };

  let count = 0;
  PRONOUN.lastIndex = 0;
  for (let match = PRONOUN.exec(local); match && count < MAX_REFERENCES_PER_SENTENCE * 4; match = PRONOUN.exec(local)) {
    count++;
    const word = (match[1] as string).toLowerCase();
    const start = sentence.start + match.index;
    const end = start + word.length;
    const gender: Gender = word === 'he' || word === 'him' || word === 'his' ? 'm' : 'f';
    const after = scope.text.slice(end, end + 20);
    // "her" before a noun is a possessive ("her visit"), before a verb, a preposition or the end an object.
    const objectPronoun = word === 'him' || (word === 'her' && !/^\s+(?:[a-z-]+)/.test(after));
    const person = lookBack(
      start,
      3,
      (m) => {
        if (m.type !== 'Person' || insideQuote(scope.text, m)) return false;
        const g = personGender(scope.entities.get(m.entityId), scope.text, m);
        return g === null || g === gender;
      },
      !objectPronoun,
      objectPronoun,
    );
    add(start, end, objectPronoun ? person : (carriedOpening(person, gender) ?? person), 'pronoun', word === 'his' || (word === 'her' && !objectPronoun));
  }
  const descriptions: Array<{ re: RegExp; accept: (head: string, deputy: boolean) => (m: MentionView) => boolean; sentences: number }> = [
    {
      re: PERSON_DESCRIPTION,
      sentences: 5,
      accept: (head, deputy) => (m) => {
        if (m.type !== 'Person') return false;
        const words = roleText(scope, m);
        if (head === 'official') return /\b(?:minister|secretary|official|spokes\w+|ambassador|envoy|diplomat|director|commissioner|adviser|advisor|administrator|head|chief|president|governor|deputy|undersecretary)\b/.test(words);
        // "the deputy minister": the deputy, not the minister the deputy serves.
        if (deputy) return /\bdeputy\b/.test(words);
        // "the prime minister", "the foreign minister": the whole title, not any minister.
        if (head === 'chief executive') return /\b(?:chief executive|ceo)\b/.test(words);
        if (/\s/.test(head)) return words.includes(head);
        return new RegExp(`\\b${DESCRIPTION_SYNONYMS[head] ?? head}`, 'i').test(words);
      },
    },
    { re: ORG_DESCRIPTION, sentences: 5, accept: (head) => (m) => orgMatches(scope, m, head) },
    { re: COUNTRY_DESCRIPTION, sentences: 2, accept: () => (m) => m.type === 'Country' && !m.adjectival },
  ];
  for (const d of descriptions) {
    d.re.lastIndex = 0;
    let n = 0;
    for (let match = d.re.exec(local); match && n < MAX_REFERENCES_PER_SENTENCE * 4; match = d.re.exec(local)) {
      n++;
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      const next = scope.text.slice(end, end + 40);
      // "toured the country", "left the country": after a verb "the country" is most often the
      // writer's own; only an owner ("the country's") or a clause subject refers back.
      if (d.re === COUNTRY_DESCRIPTION && !/^['’]s\b/.test(next) && !/(?:^|[,;:]\s*|\b(?:and|but|that|said|where)\s+)$/i.test(scope.text.slice(Math.max(sentence.start, start - 8), start))) continue;
      // "the company Rostec", "the Bank of England", "the minister of ...": a name or a
      // complement follows, so the phrase describes something new or is itself a name.
      if (/^\s*(?:\p{Lu}|of\b|for\b|in\b|at\b|from\b|-)/u.test(next) || /^\s*\(/.test(next)) continue;
      const head = (match[1] as string).toLowerCase().replace(/\s+/g, ' ');
      // A story seldom names two blocs: "the bloc" may point back past the five-sentence window.
      const window = d.re === ORG_DESCRIPTION && /^(?:bloc|alliance|union)$/.test(head) ? BLOC_LOOKBACK_SENTENCES : d.sentences;
      const deputy = /^the\s+deputy\b/i.test(match[0]);
      add(start, end, describedAntecedent(start, window, d.accept(head, deputy)), 'description', /^['’]s\b/.test(next));
    }
  }
  const sorted = out.sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= (all[i - 1] as MentionView).end);
  const opening = sorted[0];
  if (scope.openingPersons && opening && opening.type === 'Person' && opening.reference.kind === 'description' && !opening.reference.possessive) {
    // Only when the description is the sentence's first words and no name comes before it.
    const firstNamed = named[0];
    if (OPENING_LEAD.test(scope.text.slice(sentence.start, opening.start)) && (!firstNamed || firstNamed.start > opening.start)) {
      scope.openingPersons.set(sentenceIndex, opening.reference.antecedent);
    }
  }
  return sorted;
}

/** How far back "the bloc", "the alliance" look for their international organization. */
const BLOC_LOOKBACK_SENTENCES = 15;

/**
 * A view of an entity named in another sentence, standing at `pos` of sentence `sentenceIndex`:
 * the claim a rule builds from it records the antecedent's sentence as evidence.
 */
export function referenceView(antecedent: MentionView, pos: number, sentenceIndex: number): MentionView & { reference: ReferenceInfo } {
  return { ...antecedent, start: pos, end: pos + 1, sentenceIndex, index: -1, reference: { kind: 'description', antecedent, possessive: false } };
}

const firstMentionCache = new WeakMap<readonly MentionView[], Map<string, MentionView>>();

/** The first mention of each entity in the document (computed once per document). */
export function firstMentionOf(documentMentions: readonly MentionView[], entityId: string): MentionView | undefined {
  let map = firstMentionCache.get(documentMentions);
  if (!map) {
    map = new Map();
    for (const m of documentMentions) if (!map.has(m.entityId)) map.set(m.entityId, m);
    firstMentionCache.set(documentMentions, map);
  }
  return map.get(entityId);
}
