import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  PERSON_TITLE_GAP,
  PERSON_TYPES,
  listBackward,
  listForward,
  mentionAfter,
  sentenceSubject,
  pronounSubject,
  subjectBefore,
  titledPerson,
  triggers,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/** MET_WITH (symmetric): "A met (with) B", "A held talks with B", "A and B met". */

const MEET = /\b(?:met|meets|meet|meeting|held talks|hold talks|holds talks|holding talks|talks|sat down)(?:\s+with)?\b/gi;
/** "met with officials from the United Arab Emirates", "met his counterpart from Japan". */
const OBJECT_GAP =
  /^\s*(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:(?:senior\s+|top\s+|government\s+|\w+\s+)?(?:officials?|representatives?|counterparts?|leaders?|delegations?|executives?|members?|envoys?|ministers?|diplomats?|regulators?)\s+(?:from|of)\s+(?:the\s+)?)?$/i;

const BETWEEN = /\b(?:talks|meeting|meetings|summit|call|phone call|negotiations)\s+between\b/gi;
const CALLED_OFF =
  /\b(?:cut\s+off|broke\s+off|break\s+off|breaking\s+off|refus\w*\s+to|cancel\w*|called\s+off|postpon\w*|declin\w*\s+to|not|never|won't|didn't|no)\s+(?:\w+\s+)?$/i;

/** A lower-case title after a country or organization: the one who met is a person the text does not name. */
const UNNAMED_OFFICIAL =
  /^(?:['’]s)?\s+(?:(?:deputy|assistant|acting|former|top|senior|chief|foreign|finance|trade|defen[cs]e|prime|vice|under)\s+)*(?:secretary|minister|president|premier|chancellor|ambassador|envoy|governor|senator|spokesman|spokeswoman|spokesperson|negotiator|diplomat|official|leader|chief|head|director|commissioner|representative|adviser|advisor)(?:\s+(?:of|for)\s+[a-z]+(?:\s+[a-z]+)?)?\s*$/i;

export function meetRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, MEET)) {
    const phrase = t.match[0].toLowerCase();
    // "cut off talks with", "refused to meet": no meeting took place.
    if (CALLED_OFF.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 30), t.start))) continue;
    const withWith = phrase.endsWith('with');
    // "meeting"/"talks" without "with" is a noun ("the meeting"), not a claim.
    if (!withWith && !/^(?:met|meets|meet)$/.test(phrase)) continue;
    let subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    // "X prepared to head to Brussels to meet with Y": the infinitive's agent is the clause's subject.
    if (!subject && /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 4), t.start))) {
      const main = sentenceSubject(ctx, AGENT_TYPES);
      if (main && main.end <= t.start && t.start - main.end < 160 && !/[;:]/.test(ctx.text.slice(main.end, t.start))) subject = main;
    }
    if (!subject) continue;
    // "The US secretary of state met Wang Yi": an unnamed official met, not the country.
    if (subject.type !== 'Person' && UNNAMED_OFFICIAL.test(ctx.text.slice(subject.end, t.start))) continue;
    const subjects = listBackward(ctx, subject, AGENT_TYPES);
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    const first = objectMention ? titledPerson(ctx, objectMention) : null;
    if (!first) {
      // "Japan and Korea met on Monday": a coordinated subject meets among itself.
      if (subjects.length >= 2 && /^(?:met|meet|meets)$/.test(phrase) && !/^\s*(?:with\b|the\b|\w+\s+(?:of|from)\b)/i.test(ctx.text.slice(t.end, t.end + 20))) {
        for (let i = 0; i < subjects.length; i++) {
          for (let j = i + 1; j < subjects.length; j++) {
            out.push({ subject: subjects[i]!, predicate: 'MET_WITH', object: subjects[j]!, rule: 'meet.coordinated', confidence: 0.7 });
          }
        }
      }
      continue;
    }
    for (const s of subjects) {
      for (const o of listForward(ctx, first, AGENT_TYPES)) {
        if (s.entityId === o.entityId) continue;
        out.push({ subject: s, predicate: 'MET_WITH', object: o, rule: s === subject && o === first ? 'meet.verb' : 'meet.list', confidence: 0.8 });
      }
    }
  }
  // "talks between A and B", "a meeting between A and B".
  for (const t of triggers(ctx, BETWEEN)) {
    const a = mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:the\s+)?$/i);
    if (!a) continue;
    const pa = titledPerson(ctx, a);
    const b = ctx.mentions[pa.index + 1];
    if (!b || !AGENT_TYPES.has(b.type) || !/^\s+and\s+(?:the\s+)?$/i.test(ctx.text.slice(pa.end, b.start))) continue;
    const pb = titledPerson(ctx, b);
    if (pa.entityId !== pb.entityId && !pa.adjectival && !pb.adjectival) out.push({ subject: pa, predicate: 'MET_WITH', object: pb, rule: 'meet.between', confidence: 0.75 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'meet',
  predicate: 'MET_WITH',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'Two agents met or talked (symmetric).',
  variants: [
    { id: 'meet.verb', example: '"X met (with) Y", "held talks with", "met Russian President Y" (the person, not the demonym)' },
    { id: 'meet.list', example: '"X and Z met with A and B" (every pair)' },
    { id: 'meet.coordinated', example: '"A and B met on Monday"' },
    { id: 'meet.between', example: '"talks between A and B", "a meeting between A and B"' },
  ],
  acceptsReferences: true,
  run: meetRule,
};
