import { ARTICLE_SUBJECT, type EntityType, type ExtractedEntity, type Predicate } from '@newsgraph/shared';
import type { EntityAnalysis, EntityMention, Sentence } from '../interfaces/analysis.ts';
import { ROLE_HEADS } from '../lexicon/titles.ts';
import { findReferences, type ReferenceInfo } from './references.ts';
import { SENTENCE_CUES } from './cue-index.ts';

/**
 * What a relation rule sees: one sentence, its entity mentions (typed, sorted, not overlapping)
 * and helpers to read the words between and around them. All positions are absolute UTF-16
 * offsets into the analysed text.
 */

export interface MentionView extends EntityMention {
  type: EntityType;
  /** Organization kind from the entity attributes (e.g. 'MediaOutlet'), when known. */
  kind: string | null;
  /** Canonical name of the entity. */
  name: string;
  /** Index in SentenceContext.mentions (-1 for a view made up by a rule). */
  index: number;
  /** Set when the words are a pronoun or description standing for an entity named before. */
  reference?: ReferenceInfo;
}

/** The reserved subject of an article-level REPORTED_BY claim: the article itself (defined in shared). */
export { ARTICLE_SUBJECT };

export interface RelationCandidate {
  /** A mention, or ARTICLE_SUBJECT for article-level claims. */
  subject: MentionView | typeof ARTICLE_SUBJECT;
  predicate: Predicate;
  object: MentionView;
  rule: string;
  confidence: number;
}

export interface SentenceContext {
  text: string;
  sentence: Sentence;
  sentenceIndex: number;
  /** The sentence's mentions, references ("he", "the company") included, sorted, indexed. */
  mentions: MentionView[];
  /** Every sentence of the document (to quote an antecedent's sentence). */
  sentences: readonly Sentence[];
  /** Only the mentions that name their entity (for rules that need the name itself). */
  namedMentions: MentionView[];
  entities: ReadonlyMap<string, ExtractedEntity>;
  /** All typed mentions of the document in order, for the few rules that look back (coreference of "the items"). */
  documentMentions: readonly MentionView[];
}

/** Words of a sporting fixture: there "meet" means play against and "go to X" an away match. */
export const SPORTS_FIXTURE = /\b(?:round|final|semi-final|semi-finals|quarter-final|quarter-finals|semis|seed|seeded|match|tournament|championships?|fixture|league|cup|derby|tie-break|play-off|play-offs|grand slam|wimbledon|the open)\b/i;

export const AGENT_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization', 'Country']);
export const STATE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
export const PERSON_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Person']);
export const ORG_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization']);
export const COUNTRY_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Country']);
export const GOODS_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Goods']);
export const LOCATION_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Place', 'Country']);

/**
 * A mention's view with every field present, in one order, whatever optional fields the mention
 * has: the rules then see one object shape (one hidden class) for every view, so V8 keeps their
 * property reads monomorphic instead of deoptimizing on each new shape ("wrong map"). Views made
 * from a view by spreading it (references, pronouns, made-up views) keep that shape.
 */
function mentionView(m: EntityMention, type: EntityType, kind: string | null, name: string, index: number): MentionView {
  return {
    entityId: m.entityId,
    start: m.start,
    end: m.end,
    text: m.text,
    sentenceIndex: m.sentenceIndex,
    source: m.source,
    adjectival: m.adjectival,
    role: m.role,
    resolvedBy: m.resolvedBy,
    type,
    kind,
    name,
    index,
    reference: undefined,
  };
}

/** Builds typed, non-overlapping mention views for every sentence. */
export function buildSentenceContexts(analysis: EntityAnalysis): SentenceContext[] {
  const entities = new Map<string, ExtractedEntity>();
  for (const e of analysis.entities) entities.set(e.id, e);
  const perSentence: MentionView[][] = analysis.sentences.map(() => []);
  const all: MentionView[] = [];
  const sorted = [...analysis.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const m of sorted) {
    const entity = entities.get(m.entityId);
    const bucket = perSentence[m.sentenceIndex];
    if (!entity || !bucket || m.start < lastEnd || m.end <= m.start) continue;
    lastEnd = m.end;
    const kind = entity.attributes['kind'];
    const view = mentionView(m, entity.type, typeof kind === 'string' ? kind : null, entity.name, bucket.length);
    bucket.push(view);
    all.push(view);
  }
  const scope = {
    text: analysis.text,
    entities,
    documentMentions: all,
    firstAtOrAfter: (pos: number) => lowerBound(all, pos),
    openingPersons: new Map<number, MentionView>(),
    sentences: analysis.sentences,
  };
  return analysis.sentences.map((sentence, sentenceIndex) => {
    const named = perSentence[sentenceIndex] ?? [];
    const references = findReferences(scope, sentence, sentenceIndex, named);
    let mentions = named;
    if (references.length > 0) {
      mentions = [...named, ...references].sort((a, b) => a.start - b.start).map((m, index) => ({ ...m, index }));
    }
    return { text: analysis.text, sentence, sentenceIndex, sentences: analysis.sentences, mentions, namedMentions: named, entities, documentMentions: all };
  });
}

function lowerBound(list: readonly MentionView[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as MentionView).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Text between two absolute offsets. */
export function between(ctx: SentenceContext, from: number, to: number): string {
  return from < to ? ctx.text.slice(from, to) : '';
}

/** Up to `max` characters of the sentence before `pos`. */
export function leftText(ctx: SentenceContext, pos: number, max = 120): string {
  return ctx.text.slice(Math.max(ctx.sentence.start, pos - max), pos);
}

/** Up to `max` characters of the sentence after `pos`. */
export function rightText(ctx: SentenceContext, pos: number, max = 120): string {
  return ctx.text.slice(pos, Math.min(ctx.sentence.end, pos + max));
}

/** Index of the first mention starting at or after `pos` (binary search). */
export function firstMentionAtOrAfter(ctx: SentenceContext, pos: number): number {
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ctx.mentions[mid] as MentionView).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first document mention starting at or after `pos` (binary search). */
export function firstDocumentMentionAtOrAfter(ctx: SentenceContext, pos: number): number {
  const list = ctx.documentMentions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as MentionView).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest mention ending at or before `pos`, if the text between satisfies `gap`. */
export function mentionBefore(
  ctx: SentenceContext,
  pos: number,
  types: ReadonlySet<EntityType>,
  gap: RegExp,
): MentionView | null {
  let i = firstMentionAtOrAfter(ctx, pos) - 1;
  // A mention straddling pos (trigger inside a name) is not "before".
  while (i >= 0 && (ctx.mentions[i] as MentionView).end > pos) i--;
  // Goods are part of the words between agents ("access foreign chips through ..."): look past them.
  if (!types.has('Goods')) while (i >= 0 && (ctx.mentions[i] as MentionView).type === 'Goods') i--;
  const m = ctx.mentions[i];
  if (!m || !types.has(m.type)) return null;
  if (pos - m.end > 300) return null;
  return gap.test(between(ctx, m.end, pos)) ? m : null;
}

/** The nearest mention starting at or after `pos`, if the text between satisfies `gap`. */
export function mentionAfter(
  ctx: SentenceContext,
  pos: number,
  types: ReadonlySet<EntityType>,
  gap: RegExp,
): MentionView | null {
  let i = firstMentionAtOrAfter(ctx, pos);
  // An owner ("met his counterpart", "the company's") is never the object: look past it.
  const skippable = (m: MentionView): boolean => (m.type === 'Goods' && !types.has('Goods')) || m.reference?.possessive === true;
  while (i < ctx.mentions.length && skippable(ctx.mentions[i] as MentionView)) i++;
  const m = ctx.mentions[i];
  if (!m || !types.has(m.type)) return null;
  if (m.start - pos > 300) return null;
  return gap.test(between(ctx, pos, m.start)) ? m : null;
}

const LIST_JOINER =
  /^(?:\s*\([A-Z][A-Za-z.&-]{1,11}\))?\)?\s*(?:,\s*(?:and|or|as well as|followed by|along with|plus)?|and|or|&|as well as|followed by|along with|plus|then)\s*(?:also\s+)?(?:by\s+)?(?:the\s+)?$/i;

/**
 * "Yeutter and Agriculture Secretary Richard Lyng": two people joined by "and", the second under a
 * title. Only for the agents of a verb (`titled`): a title rule must not hand the first person's
 * title to the second ("Chancellor Schroeder and Commission President Barroso").
 */
const TITLED_JOINER = /^\s+and\s+(?:(?:the|his|her|their|its)\s+)?(?:(?:[A-Z][a-z]+\.?|[a-z]+)\s+){1,4}$/;

function titledMember(ctx: SentenceContext, a: MentionView, b: MentionView): boolean {
  if (a.type !== 'Person' || b.type !== 'Person' || b.reference) return false;
  const gap = between(ctx, a.end, b.start);
  if (!TITLED_JOINER.test(gap)) return false;
  const last = gap.trim().split(/\s+/).pop()?.replace(/\.$/, '').toLowerCase() ?? '';
  return ROLE_HEADS.has(last) || /^(?:counterpart|colleague|deputy|successor|predecessor|rival|opposite number)$/.test(last);
}

/** Longest list a rule expands; longer runs are tables or noise, not prose. */
const MAX_LIST = 24;

/**
 * The coordinated list starting at `first` and running right: "China, followed by Taiwan, the EU,
 * Malaysia, the US and Israel". Members must have one of `types`.
 */
export function listForward(ctx: SentenceContext, first: MentionView, types: ReadonlySet<EntityType>, titled = false): MentionView[] {
  const list = [first];
  let prev = first;
  for (let i = first.index + 1; i < ctx.mentions.length && list.length < MAX_LIST; i++) {
    const m = ctx.mentions[i] as MentionView;
    // "the Association of ... (ACAMS), Standard Chartered": the acronym is the same member.
    if (m.entityId === prev.entityId && /^\s*\(\s*$/.test(between(ctx, prev.end, m.start))) {
      prev = m;
      continue;
    }
    if (!types.has(m.type) || !(LIST_JOINER.test(between(ctx, prev.end, m.start)) || (titled && titledMember(ctx, prev, m)))) break;
    list.push(m);
    prev = m;
  }
  // A list closes with "and"/"or"/"followed by": "sanctions on Belarus, Reuters reported" is no list.
  while (list.length > 1) {
    const last = list[list.length - 1] as MentionView;
    const before = list[list.length - 2] as MentionView;
    if (!/^\s*,\s*(?:the\s+)?$/.test(between(ctx, before.end, last.start))) break;
    list.pop();
  }
  return list;
}

/** The coordinated list ending at `last` and running left: "Japan, Germany and France met". */
export function listBackward(ctx: SentenceContext, last: MentionView, types: ReadonlySet<EntityType>, titled = false): MentionView[] {
  const list = [last];
  let next = last;
  for (let i = last.index - 1; i >= 0 && list.length < MAX_LIST; i--) {
    const m = ctx.mentions[i] as MentionView;
    // "the Association of ... (ACAMS), Standard Chartered": the name before its bracketed acronym.
    if (m.entityId === next.entityId && /^\s*\(\s*$/.test(between(ctx, m.end, next.start))) {
      list[0] = m;
      next = m;
      continue;
    }
    if (!types.has(m.type) || !(LIST_JOINER.test(between(ctx, m.end, next.start)) || (titled && titledMember(ctx, m, next)))) break;
    list.unshift(m);
    next = m;
  }
  return list;
}

/** A match of a trigger pattern in the sentence, absolute offsets. */
export interface Trigger {
  start: number;
  end: number;
  match: RegExpExecArray;
}

const NO_TRIGGERS: readonly Trigger[] = Object.freeze([]);

/**
 * Every match of `pattern` (which must have the g flag) inside the sentence, absolute offsets.
 * An array, not a generator: most sentences match none of a rule's patterns, and a generator
 * costs an object and a resumption per call even then.
 */
export function triggers(ctx: SentenceContext, pattern: RegExp): readonly Trigger[] {
  const s = ctx.sentence;
  const local = s.text.length === s.end - s.start ? s.text : ctx.text.slice(s.start, s.end);
  pattern.lastIndex = 0;
  // The sentence's one cue scan says whether the pattern can match here at all: most cannot.
  if (!SENTENCE_CUES.mayMatch(SENTENCE_CUES.idOf(pattern), local)) return NO_TRIGGERS;
  let match = pattern.exec(local);
  if (!match) return NO_TRIGGERS;
  const out: Trigger[] = [];
  for (; match; match = pattern.exec(local)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    // A sentence with thousands of trigger words is noise; stop early to stay linear.
    if (out.length >= 200) break;
    out.push({ start: s.start + match.index, end: s.start + match.index + match[0].length, match });
  }
  return out;
}

/**
 * The grammatical subject of the sentence's main clause, as a rule of thumb: the first agent
 * mention, when only a few words (a dateline, a determiner, an adverb) come before it.
 */
export function sentenceSubject(ctx: SentenceContext, types: ReadonlySet<EntityType>): MentionView | null {
  const lead = datelineEnd(ctx);
  const firstIndex = lead === ctx.sentence.start ? 0 : firstMentionAtOrAfter(ctx, lead);
  const first = ctx.mentions[firstIndex];
  if (!first || !types.has(first.type)) return null;
  const before = between(ctx, lead, first.start);
  if (!/^[\s"“'‘(]*(?:[A-Z][A-Z .]+:\s*)?(?:(?:the|a|an|but|and|however,?|meanwhile,?|also|now|then|so)\s+)*$/i.test(before)) return null;
  // "German Chancellor Olaf Scholz ...": the titled person, not the country of the title.
  const next = ctx.mentions[firstIndex + 1];
  if (first.type !== 'Person' && next?.type === 'Person' && types.has('Person') && isTitleGap(between(ctx, first.end, next.start))) return next;
  // "The Irish prime minister, Bertie Ahern, will visit": a demonym's title set off by commas before the name.
  if (first.adjectival && next?.type === 'Person' && types.has('Person') && isApposedDemonymTitle(between(ctx, first.end, next.start))) return next;
  return first;
}

/** "BRUSSELS -- ", "HONG KONG, March 14 - ", "LONDON (Reuters) - ": a dateline in capitals and a dash. */
const DATELINE = /^[\s"“]*\p{Lu}[\p{Lu} .'’-]{1,40}?(?:,\s*(?:\p{Lu}[\p{L}.]+\s*){1,3}\d{0,2})?\s*(?:\([^()]{1,30}\)\s*)?(?:--|—|–|-)\s+/u;

/** Where the sentence's own words begin: after a dateline that opens it, else its start. */
function datelineEnd(ctx: SentenceContext): number {
  const start = ctx.sentence.start;
  // Cheap test first: a dateline opens with two capitals.
  if (!/^[\s"“]*\p{Lu}\p{Lu}/u.test(ctx.text.slice(start, start + 4))) return start;
  const match = DATELINE.exec(ctx.text.slice(start, Math.min(ctx.sentence.end, start + 80)));
  return match ? start + match[0].length : start;
}

/**
 * The words between a country and a person are a title when they end in a title word: "German
 * Chancellor", "'s foreign minister"; "US secretary of state met" ends in a verb and is no title.
 */
function isTitleGap(gap: string): boolean {
  // "Japan's foreign minister, Yumiko Sato, will ...", "The EU's special envoy for sanctions, Jan
  // Berg, arrived": a possessive title set off by a comma before the name is an apposition.
  const apposed = APPOSED_TITLE_BETWEEN.exec(gap);
  if (apposed) return isApposedTitle(apposed[1]!);
  if (!TITLE_BETWEEN.test(gap)) return false;
  const words = gap.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /^\p{Lu}/u.test(last) || ROLE_HEADS.has(last.toLowerCase().replace(/\.$/, '')) || /^['’]s$/.test(last);
}

const APPOSED_TITLE_BETWEEN = /^['’]s((?:\s+[a-z][\w-]*){1,6}),\s+$/;

/** " prime minister, " after a demonym: lower-case title words ending in a role, then a comma. */
function isApposedDemonymTitle(gap: string): boolean {
  const match = /^((?:\s+[a-z][\w-]*){1,3}),\s+$/.exec(gap);
  return match !== null && isApposedTitle(match[1]!);
}

/** Lower-case words that are a role, optionally with an "of/for/on" complement: "trade minister", "special envoy for sanctions". */
function isApposedTitle(words: string): boolean {
  const list = words.trim().split(/\s+/);
  const complement = list.findIndex((w) => /^(?:of|for|on)$/.test(w));
  const title = complement < 0 ? list : list.slice(0, complement);
  const last = title[title.length - 1];
  return last !== undefined && ROLE_HEADS.has(last) && (complement < 0 || list.length - complement <= 4);
}

const SHORT_TITLE_BETWEEN = /^(?:['’]s(?:\s+[A-Za-z][\w.-]*){0,4}|(?:\s+[A-Za-z][\w.-]*){1,4})\s+$/;
/** "Singapore's trade minister, Tan Wei Liang": a possessive title in lower case, set off by a comma before the name. */
const APPOSED_SHORT_TITLE_BETWEEN = /^['’]s(?:\s+[a-z][\w-]*){1,4},\s+$/;
/** "his Turkish counterpart, Elif Sezer", "the Kazakh trade minister, X": a demonym's title in lower case, set off by a comma. */
const APPOSED_DEMONYM_TITLE_BETWEEN = /^(?:\s+[a-z][\w-]*){1,3},\s+$/;
const TITLE_BETWEEN = /^(?:['’]s)?(?:\s+[A-Za-z][\w.-]*){0,6}\s+$/;

/** Gap before a person object that may hold a title: "urged President Joe Biden", "met Prime Minister Kishida". */
export const PERSON_TITLE_GAP = /^\s*(?:the\s+)?(?:(?:[A-Z][a-z]+\.?|of|for)\s+){1,5}$/;

/** "Russian President Vladimir Putin": a demonym or organization opening a title stands for the titled person. */
export function titledPerson(ctx: SentenceContext, m: MentionView): MentionView {
  if (m.type === 'Person') return m;
  const next = ctx.mentions[m.index + 1];
  if (next?.type === 'Person') {
    const gap = between(ctx, m.end, next.start);
    if (SHORT_TITLE_BETWEEN.test(gap)) return next;
    const apposed = APPOSED_SHORT_TITLE_BETWEEN.exec(gap) ?? (m.adjectival ? APPOSED_DEMONYM_TITLE_BETWEEN.exec(gap) : null);
    const head = gap.replace(/,\s+$/, '').trim().split(/\s+/).pop() ?? '';
    if (apposed && (ROLE_HEADS.has(head) || (m.adjectival && /^counterparts?$/.test(head)))) return next;
  }
  return m;
}

/** "UK bank Barclays", "US firm Boeing", "German airline Lufthansa": a country and a common noun before the name. */
const DESCRIBED_ORG_GAP =
  /^\s+(?:[a-z-]+\s+)?(?:bank|banks|lender|firm|company|group|airline|carrier|giant|maker|manufacturer|producer|rival|insurer|retailer|operator|conglomerate|exporter|supplier|brewer|winemaker|carmaker|steelmaker|chipmaker|miner|utility|broadcaster|telecoms\s+firm|oil\s+firm)\s+$/;

/** A country that only describes the organization named after it ("talks with UK bank Barclays") stands for that organization. */
export function describedOrganization(ctx: SentenceContext, m: MentionView): MentionView {
  if (m.type !== 'Country') return m;
  const next = ctx.mentions[m.index + 1];
  if (next?.type === 'Organization' && !next.reference && DESCRIBED_ORG_GAP.test(between(ctx, m.end, next.start))) return next;
  return m;
}

const SUBJECT_FILLER =
  /^(?:['’]s)?(?:\s+(?:[a-z][a-z-]*|[A-Z][a-z]+(?=\s+(?:officials?|delegation|team)\b)))?(?:\s+[a-z][a-z-]*){0,4}\s*$/;
const RELATIVE_WHO = /^\s*,\s*(?:who|which)\s+(?:(?:it|they|officials|prosecutors|investigators|the\s+[a-z]+)\s+(?:said|says|alleged|alleges|claimed|claims)\s+)?(?:(?:has|had|have|also|recently|last|this|week|month|year|\w+ly)\s+){0,3}$/i;
const CLAUSE_WORDS =
  /\b(?:that|which|who|whom|whose|when|where|because|but|if|while|although|after|before|as|since|until|than|said|says|say|think|thinks|believe|believes|claim|claims|allege|alleges|suspect|suspects|estimate|estimates|argue|argues|and|or)\b/i;

/**
 * The agent doing the verb at `pos`: the nearest mention on the left with only a few lower-case
 * words between ("US Treasury Department officials visited", "Rosenberg recently visited").
 */
export function subjectBefore(ctx: SentenceContext, pos: number, types: ReadonlySet<EntityType>): MentionView | null {
  // "X, who recently visited Y": the relative clause's antecedent.
  const relative = mentionBefore(ctx, pos, types, RELATIVE_WHO);
  if (relative) return relative;
  // "Norland said it would sanction ...": the pronoun after "said" is the sayer.
  const sayer = mentionBefore(ctx, pos, types, SAID_IT);
  if (sayer) return sayer;
  const m = mentionBefore(ctx, pos, types, ANY_GAP);
  if (m) {
    // "OFAC (OFAC) on Tuesday sanctioned": a bracketed acronym and a time phrase are no clause.
    const gap = withoutTimeAndAcronym(between(ctx, m.end, pos));
    if (SUBJECT_FILLER.test(gap) && !CLAUSE_WORDS.test(gap)) return m;
  }
  return appositiveSubject(ctx, pos, types) ?? apposedNameSubject(ctx, pos, types) ?? coordinatedSubject(ctx, pos, types);
}

/**
 * "Japan's foreign minister, Yumiko Sato, arrived": the name set off by commas after its title is
 * the sentence's subject (`sentenceSubject` reads the title), right before the verb.
 */
function apposedNameSubject(ctx: SentenceContext, pos: number, types: ReadonlySet<EntityType>): MentionView | null {
  const name = mentionBefore(ctx, pos, types, /^\s*,\s*$/);
  if (!name || name.type !== 'Person' || !/,\s*$/.test(ctx.text.slice(Math.max(ctx.sentence.start, name.start - 3), name.start))) return null;
  return sentenceSubject(ctx, types)?.entityId === name.entityId ? name : null;
}

/** "... and (will) visit", "..., then flew to": a verb coordinated with the main clause's. */
const COORDINATED_VERB =
  /(?:\b(?:and|then|before|after|but)|,)\s+(?:(?:also|then|later|later\s+on|will|would|has|had|have|is|was|are|were|plans\s+to|planned\s+to|is\s+due\s+to|is\s+expected\s+to|is\s+set\s+to|\w+ly|this\s+week|next\s+week|last\s+week|on\s+\w+day)\s+){0,3}$/i;

/**
 * The subject carried over to a second verb of the same sentence: "X met Y in Ankara and then
 * flew to Baku" (X flew), "X, after meeting Y, visited Z".
 */
function coordinatedSubject(ctx: SentenceContext, pos: number, types: ReadonlySet<EntityType>): MentionView | null {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 60), pos);
  if (!COORDINATED_VERB.test(left)) return null;
  const main = sentenceSubject(ctx, types);
  if (!main || main.end >= pos || pos - main.end > 200) return null;
  // Another clause ("; ", a quotation, a new subject with "said") breaks the chain.
  if (/[;:“”"]|\b(?:said|says|told|who|which|that)\b/i.test(ctx.text.slice(main.end, pos))) return null;
  return main;
}

const ANY_GAP = /^/;
const SAID_IT =
  /^\s+(?:(?:has|have|had)\s+)?(?:said|says|announced|announces|confirmed|warned|threatened|vowed|pledged|promised)\s+(?:on\s+\w+\s+|earlier\s+|last\s+week\s+)?(?:that\s+)?(?:it|they|he|she)\s+(?:(?:would|will|could|might|may|had|has|have|was|is|did|does)\s+)?(?:(?:also|soon|not|never|now|again|shortly|further|jointly|still|currently|already)\s+)?(?:(?:plans?|intends?|wants?|is\s+(?:set|due|going|expected|ready)|was\s+(?:set|due|going|expected|ready)|(?:is|was)\s+preparing|(?:is|was)\s+planning)\s+to\s+|in\s+)?$/i;
const TIME_PHRASE =
  /\b(?:on|in|last|this|early|late|earlier|later|since)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,\s+\d{4})?,?/g;
const BRACKETED_ACRONYM = /^\s*\([A-Z][A-Za-z.&-]{1,11}\)/;

/**
 * Old wire copy capitalises the word after an abbreviation ("the U.S. Would impose", "U.S. Is
 * willing"): an auxiliary there is still the verb of the clause.
 */
const CAPITALISED_AUXILIARY = /^(\s+)(Is|Are|Was|Were|Has|Have|Had|Will|Would|Could|Should|May|Might|Can|Does|Did|Do|Must|Plans|Wants|Intends)\b/;

function withoutTimeAndAcronym(gap: string): string {
  return gap
    .replace(BRACKETED_ACRONYM, '')
    .replace(/^\)/, '')
    .replace(CAPITALISED_AUXILIARY, (_m, space: string, word: string) => `${space}${word.toLowerCase()}`)
    .replace(TIME_PHRASE, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * ", the Commerce Department agency that enforces export controls," or ", assistant secretary for
 * export enforcement," between the subject and its verb: an appositive opening in lower case.
 */
const APPOSITIVE_GAP = /^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\))?\s*,\s+(?:the|a|an|its|which|who|[a-z][a-z-]+)\b[^,;:]{1,140},\s*$/;

/**
 * "The Bureau of Industry and Security (BIS), the Commerce Department agency that enforces export
 * controls, added ...": the sentence's subject, when only an appositive stands between it and the verb.
 */
function appositiveSubject(ctx: SentenceContext, pos: number, types: ReadonlySet<EntityType>): MentionView | null {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 3), pos);
  if (!/,\s*$/.test(left)) return null;
  const main = sentenceSubject(ctx, types);
  if (!main || main.end >= pos) return null;
  const gap = withoutTimeAndAcronym(between(ctx, main.end, pos));
  return APPOSITIVE_GAP.test(gap) ? main : null;
}

const PRONOUN_BEFORE = /(?:^|[,;“"]\s*|\b(?:and|but|where|when|after|before|then|while)\s+)(he|she)\s+(?:(?:has|had|have|also|recently|later|then|will|would|was|is|\w+ly)\s+){0,2}$/i;

/**
 * "He visited Tokyo": a clause-initial he/she stands for the last person named before it (this
 * sentence or the three before). The view keeps the person's entity with the pronoun's span.
 */
export function pronounSubject(ctx: SentenceContext, pos: number): MentionView | null {
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 40), pos);
  const match = PRONOUN_BEFORE.exec(left);
  if (!match || !match[1]) return null;
  const pronounStart = pos - left.length + match.index + match[0].indexOf(match[1]);
  const doc = ctx.documentMentions;
  // The nearest sentence naming a person; within it the first person named, who is most often the
  // subject ("Blinken met Wang Yi. He urged China" → Blinken).
  let found: MentionView | null = null;
  for (let i = firstDocumentMentionAtOrAfter(ctx, pronounStart) - 1; i >= 0; i--) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < ctx.sentenceIndex - 3 || (found && m.sentenceIndex !== found.sentenceIndex)) break;
    if (m.type === 'Person' && !isInsideQuote(ctx, m)) found = m;
  }
  return found ? { ...found, start: pronounStart, end: pronounStart + match[1].length, text: match[1], sentenceIndex: ctx.sentenceIndex, index: -1 } : null;
}

/** A person named inside a quotation is seldom the antecedent of a pronoun outside it. */
function isInsideQuote(ctx: SentenceContext, m: MentionView): boolean {
  const before = ctx.text.slice(Math.max(0, m.start - 200), m.start);
  const open = Math.max(before.lastIndexOf('“'), -1);
  return open >= 0 && before.lastIndexOf('”') < open;
}

/** True when a media outlet: by entity kind, or by a name that only newspapers and agencies have. */
export function isMediaOutlet(m: MentionView): boolean {
  if (m.type !== 'Organization') return false;
  if (m.kind && /media|news|outlet|publisher|newspaper|broadcaster/i.test(m.kind)) return true;
  return MEDIA_NAME.test(m.name) || MEDIA_NAME.test(m.text);
}

// Public facts: names of large news organizations and words that only outlets carry in their names.
const MEDIA_NAME =
  /\b(?:news|times|journal|post|herald|tribune|gazette|chronicle|telegraph|guardian|economist|reuters|bloomberg|nikkei|xinhua|tass|interfax|ria novosti|yonhap|kyodo|afp|agence france-presse|associated press|bbc|cnn|cnbc|npr|politico|axios|al jazeera|der spiegel|le monde|financial times|wsj|nyt|ft\.com|the star|the hill|south china morning post|scmp|caixin|kommersant|vedomosti|newsweek|forbes|fortune|semafor|the information|the intercept|radio free|voice of america|deutsche welle|euronews|dpa|ansa|efe|press trust|straits times|daily|weekly|magazine|wire)\b/i;
