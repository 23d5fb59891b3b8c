import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { SPORTS_FIXTURE, between, listForward, titledPerson, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * MET_WITH stated by a fronted phrase of a meeting or a call, its other party after the comma:
 * "In a phone call with X, Y urged restraint", "During talks with X in Riyadh on Monday, Y said",
 * "After meeting X, Y told reporters". Symmetric; the party of the phrase may be a list. Not
 * "Before her meeting with X" (it has not happened; the phrase's tense is not read) and not in a
 * sports story, where a meeting is a match.
 */

const AGENT: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization', 'Country']);
/** The phrase at the sentence start, up to the first party. */
const FRONTED =
  /^[\s"“]*(?:in|during|at|after|following)\s+(?:(?:a|an|his|her|their|its|the|last\s+week's|monday's|tuesday's|wednesday's|thursday's|friday's)\s+)?(?:[\w-]+\s+){0,2}?(?:call|calls|talks|meeting|meetings|conversation|discussions|phone\s+call|telephone\s+call|video\s+call|summit)\s+with\s+(?:the\s+)?$|^[\s"“]*(?:after|while|when)\s+meeting\s+(?:with\s+)?(?:the\s+)?$/i;
/** From the last party of the phrase to the agent after the comma: a place or a time, the comma. */
const TAIL = /^(?:\s+(?:in|on|at|last|this|earlier|late)\s+[^,;]{1,40})?\s*,\s*(?:the\s+)?(?:[A-Z][a-z]+\s+){0,3}$/;

export function meetFrontedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const opening = ctx.mentions[0];
  if (!opening) return out;
  if (SPORTS_FIXTURE.test(ctx.sentence.text) || SPORTS_FIXTURE.test(ctx.sentences[ctx.sentenceIndex - 1]?.text ?? '')) return out;
  // "In a call with French President X": the titled person, not the demonym.
  const first = titledPerson(ctx, opening);
  if (!AGENT.has(first.type) || first.adjectival) return out;
  const left = ctx.text.slice(ctx.sentence.start, opening.start);
  if (left.length > 90 || !FRONTED.test(left)) return out;
  // "with X and Y, Z said": a list closes with "and" (a comma alone ends the phrase).
  const parties = listForward(ctx, first, AGENT).filter((m) => !m.adjectival);
  let i = (parties[parties.length - 1] as MentionView).index + 1;
  const last = parties[parties.length - 1] as MentionView;
  // The agent: the first agent after the phrase (places and times of the phrase are skipped).
  for (; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i] as MentionView;
    if (m.start - last.end > 80) break;
    if (m.type === 'Place' || m.type === 'Goods') continue;
    if (!AGENT.has(m.type) || !TAIL.test(between(ctx, last.end, m.start))) break;
    const agent = titledPerson(ctx, m);
    if (agent.adjectival) break;
    for (const p of parties) if (p.entityId !== agent.entityId) out.push({ subject: agent, predicate: 'MET_WITH', object: p, rule: p === parties[0] ? 'meet-fronted.phrase' : 'meet-fronted.phrase.list', confidence: 0.7 });
    break;
  }
  return out;
}

export const rule: RelationRule = {
  id: 'meet-fronted',
  predicate: 'MET_WITH',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'A meeting or call stated by a phrase that opens the sentence, the other party after the comma ("In a phone call with X, Y urged ...").',
  variants: [{ id: 'meet-fronted.phrase', example: '"In a phone call with X, Y urged restraint", "During talks with X in Riyadh on Monday, Y said", "After meeting X, Y told reporters"' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: /^[\s"“]*(?:in|during|at|after|following|while|when)\s[^,.;]{0,60}?\b(?:call|calls|talks|meeting|meetings|conversation|discussions|summit)\b/i,
  sidesInSentence: 'both',
  run: meetFrontedRule,
};
