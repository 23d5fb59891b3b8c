import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  PERSON_TITLE_GAP,
  PERSON_TYPES,
  listForward,
  mentionAfter,
  pronounSubject,
  titledPerson,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * MET_WITH (symmetric) from a meeting stated by a gerund or a noun phrase in the middle of a
 * clause, the one who met being the clause's subject: "Funaro will leave for Zurich after meeting
 * Stoltenberg", "He told reporters after meeting with President Suharto", "Ortiz is expected here
 * on Friday for talks with his counterpart X". `meet` reads the phrase when it opens the sentence
 * or follows its subject directly; here other words stand between (a verb phrase, a time, a
 * place). The subject is the nearest person named before the phrase in the sentence, or a "he"/
 * "she" standing for one, when no other agent stands between them and no quotation or new clause
 * ("said", "which") breaks the chain.
 */

/** The phrase: a time preposition and a gerund, or a purpose or a setting and a noun of talks. */
const PHRASE =
  /\b(?:(?:after|before|following|since|while|when|on)\s+(?:meeting\s+with|meeting|talking\s+(?:with|to)|speaking\s+(?:with|to)|holding\s+talks\s+with)|(?:for|in)\s+(?:(?:further|more|fresh|new|private|bilateral|two\s+days\s+of|a\s+round\s+of)\s+)?talks\s+(?:(?:here|there|today|tomorrow|yesterday|this\s+(?:morning|afternoon|evening|week)|on\s+\w+day)\s+)?with)\s+/gi;
/** Before the person met: his counterpart, a title in capitals ("President", "Foreign Minister"). */
const OBJECT_GAP = /^(?:(?:his|her|their|the)\s+)?(?:(?:[A-Z][a-z]+|[a-z]+)\s+)?(?:counterparts?\s*,?\s*)?$/;
/** Words that open another clause between the subject and the phrase. */
const CLAUSE_BREAK = /[;:“”"(]|\b(?:said|says|told|who|which|that|whose|while|but|according)\b/i;

/** The nearest person named before `pos` in the sentence, with no other agent and no new clause between. */
function clauseSubject(ctx: SentenceContext, pos: number): MentionView | null {
  let candidate: MentionView | null = null;
  for (const m of ctx.mentions) {
    if (m.end > pos) break;
    if (AGENT_TYPES.has(m.type)) candidate = m;
  }
  if (candidate && candidate.type === 'Person' && !candidate.adjectival && !CLAUSE_BREAK.test(ctx.text.slice(candidate.end, pos)) && pos - candidate.end < 140) return candidate;
  // "He told reporters after meeting with X": a clause-initial pronoun before the phrase.
  const pronoun = /(?:^|[.!?]\s+|,\s+)(he|she)\s+[^,;:“”"]{0,80}$/i.exec(ctx.text.slice(ctx.sentence.start, pos));
  if (pronoun && !candidate) return pronounSubject(ctx, ctx.sentence.start + pronoun.index + pronoun[0].indexOf(pronoun[1] as string) + (pronoun[1] as string).length + 1);
  return null;
}

export function meetGerundRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  PHRASE.lastIndex = 0;
  const text = ctx.sentence.text;
  for (let match = PHRASE.exec(text); match; match = PHRASE.exec(text)) {
    const start = ctx.sentence.start + match.index;
    const end = start + match[0].length;
    // "refused talks with", "before breaking off talks with": no meeting is read from a phrase that is not one.
    const subject = clauseSubject(ctx, start);
    if (!subject) continue;
    const objectMention = mentionAfter(ctx, end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, end, PERSON_TYPES, PERSON_TITLE_GAP);
    if (!objectMention) continue;
    // "for talks with his Algerian counterpart X": the person the demonym's title names.
    const first = titledPerson(ctx, objectMention);
    if (first.adjectival) continue;
    // "after meeting Stoltenberg's deputy": the person owns who was met.
    if (/^['’]s?\b/.test(ctx.text.slice(first.end, first.end + 2))) continue;
    for (const o of listForward(ctx, first, AGENT_TYPES)) {
      if (o.entityId === subject.entityId || o.adjectival) continue;
      out.push({ subject, predicate: 'MET_WITH', object: o, rule: o === first ? 'meet-gerund.phrase' : 'meet-gerund.list', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'meet-gerund',
  predicate: 'MET_WITH',
  subjectTypes: ['Person'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'A meeting stated by a gerund or a noun of talks inside the clause, the clause subject having met: "X left for Zurich after meeting Y", "X arrived for talks with Y".',
  variants: [
    { id: 'meet-gerund.phrase', example: '"X will leave for Zurich after meeting Y", "He told reporters after meeting with President Y", "X is expected here on Friday for talks with his counterpart Y"' },
    { id: 'meet-gerund.list', example: 'every further member of a list after the phrase' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /\b(?:meeting|talking|speaking|talks)\b/i,
  sidesInSentence: 'object',
  run: meetGerundRule,
};
