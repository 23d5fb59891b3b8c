import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { Sentence } from '../../interfaces/analysis.ts';
import {
  STATE_TYPES,
  between,
  firstDocumentMentionAtOrAfter,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';
import { listForwardDescribed, phraseCount } from '../plural-antecedents.ts';
import { firstMentionOf, referenceView } from '../references.ts';
import { previousSanctioner } from './sanctions.ts';

/**
 * SANCTIONS for targets a story describes first and names after (cataphora across sentences):
 * - "Britain imposed sanctions on two ship management companies. The Foreign Office said A and B
 *   managed ..."; "X sanctioned three firms. They are A, B and C"; "X added a Russian maker of
 *   propellant to its list. The Council said A produced ..." (`named-after`). A described group
 *   ("two ... companies", "a ... maker", "three ... nationals") sits in a sanctions clause of one of
 *   the two sentences before; this sentence names, as its subject, after "They are", after "X said"
 *   or after "It accused", a list of exactly that many entities of the group's kind, none of them
 *   named earlier in the story (a description introduces the ones it describes).
 * - "Also listed were X's partner, A, and a second firm, B, which ..." (`also-listed`): the inverted
 *   passive points back to the story's designation, up to eight sentences; every name of its
 *   noun phrase that is not an owner ("X's") is a target.
 * - "Among them is A ... . Another, B, shipped ..." (`another`): the next member of a listing.
 * The sanctioner is the subject of the sanctions clause (`previousSanctioner` for `another`).
 */

type GroupKind = 'company' | 'bank' | 'person';

interface DescribedGroup {
  count: number;
  kind: GroupKind;
  sanctioner: MentionView;
}

const COUNT_WORD = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';
const GROUP_NOUN =
  '(compan(?:y|ies)|firms?|entit(?:y|ies)|makers?|manufacturers?|producers?|traders?|suppliers?|distributors?|dealers?|exporters?|importers?|forwarders?|shippers?|operators?|managers?|banks?|lenders?|individuals|people|persons|nationals|citizens|executives|businessm[ae]n)';
/** A sanctions verb with a described object right after it. */
const SANCTIONS_CLAUSE =
  /\b(?:sanctioned|designated|blacklisted|(?:imposed|placed|slapped)\s+(?:new\s+|fresh\s+|further\s+)?sanctions\s+(?:on|against)|(?:froze|frozen)\s+(?:the\s+)?assets\s+of|added)\s+/gi;
/** "two ship management companies", "a Russian maker", "three Chinese chemical companies". */
const DESCRIBED = new RegExp(`(?:^|\\s)(?:on\\s+|of\\s+)?${COUNT_WORD}\\s+(?:[\\w'’-]+\\s+){0,4}?${GROUP_NOUN}\\b`, 'gi');
/** Where a described object ends: a relative clause, a purpose or a time. */
const OBJECT_END = /\s(?:that|which|who|whom|saying|said|because|after|over|for|to\s+(?:its|the|their|a)\b)|[;:"“”]/i;
/** "added ... to its Entity List": "added" is a designation only with a list after it. */
const LIST_AFTER = /\bto\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}list\b/i;
const MAX_GROUPS = 8;

/** Where the named list may begin: the sentence's start, "They are", "The firms are", "X said", "It accused". */
const OPENER =
  /^[\s"“‘(]*(?:(?:(?:they|these|those)\s+(?:are|were|include|included)|(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:companies|firms|entities|banks|lenders|individuals|targets|traders)\s+(?:are|were|include|included)|it\s+(?:also\s+)?(?:accused|named|identified))\s+|(?:the\s+)?([^;:"“”]{1,90}?)\s+(?:also\s+)?(?:said|says|named|identified|accused)\s+(?:on\s+\w+day\s+)?(?:that\s+)?)?(?:the\s+)?$/i;
/** A sayer that speaks for a government: a ministry, office, council, treasury ... by name. */
const PUBLIC_BODY = /\b(?:ministry|department|office|council|commission|treasury|bureau|agency|government|cabinet|secretariat)\b/i;

function kindOf(noun: string): GroupKind {
  if (/^(?:banks?|lenders?)$/i.test(noun)) return 'bank';
  if (/^(?:individuals|people|persons|nationals|citizens|executives|businessm[ae]n)$/i.test(noun)) return 'person';
  return 'company';
}

function fits(m: MentionView, kind: GroupKind): boolean {
  if (m.adjectival || m.reference) return false;
  if (kind === 'person') return m.type === 'Person';
  if (m.type !== 'Organization') return false;
  if (kind === 'bank') return m.kind === 'Bank' || /\bbank\b/i.test(m.name);
  return (m.kind === 'Company' || m.kind === 'Bank' || m.kind === null) && !PUBLIC_BODY.test(m.name);
}

/** The state named before a sanctions verb of the same clause ("Britain on Monday imposed ..."). */
function clauseSanctioner(ctx: SentenceContext, sentenceStart: number, verbAt: number): MentionView | null {
  let found: MentionView | null = null;
  for (let i = firstDocumentMentionAtOrAfter(ctx, sentenceStart); i < ctx.documentMentions.length; i++) {
    const m = ctx.documentMentions[i] as MentionView;
    if (m.end > verbAt) break;
    if (STATE_TYPES.has(m.type) && !m.adjectival) found = m;
  }
  if (!found) return null;
  const gap = ctx.text.slice(found.end, verbAt);
  // "Britain on Monday", "The European Union", "BIS (the bureau) has": no other clause between.
  return gap.length <= 60 && !/[;:"“”]|\b(?:said|says|told|that|which|who|after|when|not|never)\b|n['’]t\b/i.test(gap) ? found : null;
}

/** The described groups of the sanctions clauses of sentence `index`. */
function describedGroups(ctx: SentenceContext, index: number): DescribedGroup[] {
  const s = ctx.sentences[index];
  if (!s) return [];
  const text = ctx.text.slice(s.start, s.end);
  const out: DescribedGroup[] = [];
  SANCTIONS_CLAUSE.lastIndex = 0;
  for (let clause = SANCTIONS_CLAUSE.exec(text); clause && out.length < MAX_GROUPS; clause = SANCTIONS_CLAUSE.exec(text)) {
    const rest = text.slice(clause.index + clause[0].length, clause.index + clause[0].length + 220);
    if (/^added/i.test(clause[0]) && !LIST_AFTER.test(rest)) continue;
    const sanctioner = clauseSanctioner(ctx, s.start, s.start + clause.index);
    if (!sanctioner) continue;
    // The object runs to a relative clause or a purpose; "and on eleven tankers" stays in it.
    const cut = OBJECT_END.exec(rest);
    const object = cut ? rest.slice(0, cut.index) : rest;
    DESCRIBED.lastIndex = 0;
    for (let d = DESCRIBED.exec(object); d && out.length < MAX_GROUPS; d = DESCRIBED.exec(object)) {
      const word = (d[1] as string).toLowerCase();
      const count = word === 'a' || word === 'an' ? 1 : phraseCount(word);
      if (count === null || count < 1) continue;
      out.push({ count, kind: kindOf(d[2] as string), sanctioner });
    }
  }
  return out;
}

function isNew(ctx: SentenceContext, m: MentionView): boolean {
  return (firstMentionOf(ctx.documentMentions, m.entityId)?.sentenceIndex ?? ctx.sentenceIndex) >= ctx.sentenceIndex;
}

/** The sayer of "X said A ...", when it may speak for the sanctioner: the sanctioner, a public body, not another state. */
function speaksForSanctioner(ctx: SentenceContext, sayerText: string | undefined, sanctioner: MentionView): boolean {
  if (sayerText === undefined) return true;
  const from = ctx.sentence.start;
  const sayers = ctx.namedMentions.filter((m) => m.start - from < sayerText.length + 8 && STATE_TYPES.has(m.type));
  if (sayers.length === 0) return PUBLIC_BODY.test(sayerText);
  return sayers.every(
    (m) => m.entityId === sanctioner.entityId || (m.type === 'Organization' && (m.kind === 'GovernmentAgency' || m.kind === 'InternationalOrganization' || PUBLIC_BODY.test(m.name))),
  );
}

/** Per document (its sentence list): whether sentence i holds a sanctions clause at all (1 yes, 0 no, absent: not asked yet). */
const clauseSentences = new WeakMap<readonly Sentence[], Int8Array>();

/**
 * Whether sentence `index` of the document has a SANCTIONS_CLAUSE match, the first thing
 * `describedGroups` needs: asked once per sentence and document (the two sentences after it ask),
 * so that a sentence after none is done before its openers are read.
 */
function hasSanctionsClause(ctx: SentenceContext, index: number): boolean {
  const s = ctx.sentences[index];
  if (!s) return false;
  let known = clauseSentences.get(ctx.sentences);
  if (!known) {
    known = new Int8Array(ctx.sentences.length).fill(-1);
    clauseSentences.set(ctx.sentences, known);
  }
  if (known[index] === -1) {
    SANCTIONS_CLAUSE.lastIndex = 0;
    known[index] = SANCTIONS_CLAUSE.test(ctx.text.slice(s.start, s.end)) ? 1 : 0;
    SANCTIONS_CLAUSE.lastIndex = 0;
  }
  return known[index] === 1;
}

function namedAfter(ctx: SentenceContext, out: RelationCandidate[]): void {
  // The described groups come from the sanctions clauses of the two sentences before: none, no claim.
  if (!hasSanctionsClause(ctx, ctx.sentenceIndex - 1) && !hasSanctionsClause(ctx, ctx.sentenceIndex - 2)) return;
  let groups: DescribedGroup[] | null = null;
  // Only the first few names may open the list ("The Council of the EU said A ..."), and it must
  // be new to the story: cheap tests, so the sentences before are read only for the few that pass.
  for (const first of ctx.namedMentions.slice(0, 4)) {
    if (first.adjectival || (first.type !== 'Organization' && first.type !== 'Person') || !isNew(ctx, first)) continue;
    const opener = OPENER.exec(between(ctx, ctx.sentence.start, first.start));
    if (!opener) continue;
    if (!groups) {
      groups = [];
      for (let j = ctx.sentenceIndex - 1; j >= 0 && j >= ctx.sentenceIndex - 2; j--) groups.push(...describedGroups(ctx, j));
      if (groups.length === 0) return;
    }
    if (!groups.some((g) => fits(first, g.kind))) continue;
    // `listForwardDescribed` walks `ctx.mentions` (references included) from the view's index there.
    const view = ctx.mentions.find((m) => m.start === first.start && !m.reference);
    if (!view) return;
    const list = listForwardDescribed(ctx, view, new Set<EntityType>([first.type])).filter((m) => !m.reference);
    const match = groups.find((g) => g.count === list.length && list.every((m) => fits(m, g.kind) && isNew(ctx, m)) && speaksForSanctioner(ctx, opener[1], g.sanctioner));
    if (!match) return;
    const subject = referenceView(match.sanctioner, ctx.sentence.start, ctx.sentenceIndex);
    for (const o of list) if (o.entityId !== match.sanctioner.entityId) out.push({ subject, predicate: 'SANCTIONS', object: o, rule: 'sanctions-described.named-after', confidence: 0.55 });
    return;
  }
}

/** "Also listed were X's partner, A, and a second firm, B, which ...". */
const ALSO_LISTED = /^[\s"“‘(]*also\s+(?:listed|named|designated|sanctioned|blacklisted|targeted)\s+(?:were|was|are|is)\s+/i;
const ALSO_LISTED_LOOKBACK = 8;
/** Where the inverted subject ends: a relative clause or a verb of its own. */
const NOUN_PHRASE_END = /,?\s+(?:which|who|that|whose|for|after|because|over)\b|[;:]/i;
const TARGET_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization']);

/** The sanctioner of the nearest sentence before, within `sentences`, whose clause designates or sanctions (not "has not joined sanctions"). */
function lastDesignation(ctx: SentenceContext, sentences: number): MentionView | null {
  for (let j = ctx.sentenceIndex - 1; j >= 0 && j >= ctx.sentenceIndex - sentences; j--) {
    const s = ctx.sentences[j];
    if (!s) continue;
    const text = ctx.text.slice(s.start, s.end);
    SANCTIONS_CLAUSE.lastIndex = 0;
    for (let clause = SANCTIONS_CLAUSE.exec(text); clause; clause = SANCTIONS_CLAUSE.exec(text)) {
      if (/^added/i.test(clause[0]) && !LIST_AFTER.test(text.slice(clause.index, clause.index + 240))) continue;
      const sanctioner = clauseSanctioner(ctx, s.start, s.start + clause.index);
      if (sanctioner) return referenceView(sanctioner, ctx.sentence.start, ctx.sentenceIndex);
    }
  }
  return null;
}

function alsoListed(ctx: SentenceContext, out: RelationCandidate[]): void {
  const local = ctx.text.slice(ctx.sentence.start, ctx.sentence.end);
  const lead = ALSO_LISTED.exec(local);
  if (!lead) return;
  const from = ctx.sentence.start + lead[0].length;
  const cut = NOUN_PHRASE_END.exec(ctx.text.slice(from, ctx.sentence.end));
  const to = cut ? from + cut.index : ctx.sentence.end;
  const sanctioner = lastDesignation(ctx, ALSO_LISTED_LOOKBACK);
  if (!sanctioner) return;
  for (const m of ctx.namedMentions) {
    if (m.start < from || m.end > to || !TARGET_TYPES.has(m.type) || m.adjectival) continue;
    // "Ozkaya's partner": the owner names who the target is, not a target.
    if (/^['’]s\b/.test(ctx.text.slice(m.end, m.end + 3))) continue;
    if (m.entityId !== sanctioner.entityId) out.push({ subject: sanctioner, predicate: 'SANCTIONS', object: m, rule: 'sanctions-described.also-listed', confidence: 0.6 });
  }
}

/** "Another, B, shipped ...", "Another firm, B,": a further member after "Among them is A". */
const ANOTHER = /^[\s"“‘(]*another(?:\s+(?:company|firm|entity|target|bank|trader|supplier))?\s*,\s*(?:the\s+)?$/i;

function another(ctx: SentenceContext, out: RelationCandidate[]): void {
  const first = ctx.namedMentions[0];
  if (!first || !TARGET_TYPES.has(first.type) || first.adjectival) return;
  if (!ANOTHER.test(between(ctx, ctx.sentence.start, first.start))) return;
  // The sentence before must list a target itself ("Among them is A", "The list includes A").
  const prev = ctx.sentences[ctx.sentenceIndex - 1];
  if (!prev || !/^[\s"“‘(]*(?:among\s+(?:them|those)|the\s+list\s+(?:also\s+)?includes?)\b/i.test(prev.text)) return;
  const sanctioner = previousSanctioner(ctx, ctx.sentence.start, 7);
  if (sanctioner && sanctioner.entityId !== first.entityId) out.push({ subject: sanctioner, predicate: 'SANCTIONS', object: first, rule: 'sanctions-described.another', confidence: 0.55 });
}

export function sanctionsDescribedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  namedAfter(ctx, out);
  alsoListed(ctx, out);
  another(ctx, out);
  return out;
}

export const rule: RelationRule = {
  id: 'sanctions-described',
  predicate: 'SANCTIONS',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Person', 'Organization'],
  summary: 'Targets described in a sanctions sentence and named after it: "X sanctioned three firms. They are A, B and C".',
  variants: [
    { id: 'sanctions-described.named-after', example: '"X sanctioned two shipping companies. The ministry said A and B ran ...", "X designated three firms. They are A, B and C"' },
    { id: 'sanctions-described.also-listed', example: '"X sanctioned a trader. ... Also listed were his partner, A, and a second firm, B"' },
    { id: 'sanctions-described.another', example: '"X added 14 firms to its list. Among them is A. Another, B, shipped ..."' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  sidesInSentence: 'object',
  run: sanctionsDescribedRule,
};
