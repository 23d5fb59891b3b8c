import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { verbAlternation } from '../verb-forms.ts';
import {
  AGENT_TYPES,
  PERSON_TITLE_GAP,
  PERSON_TYPES,
  COUNTRY_TYPES,
  listForward,
  mentionAfter,
  mentionBefore,
  sentenceSubject,
  pronounSubject,
  subjectBefore,
  titledPerson,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/** URGED: "A urged B to ...", "A called on B to ...", "B was urged by A", "A visited X to urge the central bank ...". */

const URGE = new RegExp(
  `\\b(?:${verbAlternation(['urge', 'pressure', 'exhort', 'implore'])}|pressed|pressing|presses|lobbied|lobbying|lobbies|(?:${verbAlternation(['call'])})\\s+(?:on|upon))\\b`,
  'gi',
);
/** Verbs that ask only with an infinitive after the object: "asked Y to", "encouraged Y to", "appealed to Y to". */
const ASK = new RegExp(`\\b(?:${verbAlternation(['ask', 'encourage', 'push', 'implore', 'beg', 'advise', 'tell'])}|(?:${verbAlternation(['appeal'])})\\s+to)\\b`, 'gi');
const INFINITIVE_AFTER = /^\s*(?:,[^,;]{1,60},\s*)?(?:not\s+)?to\s+[a-z]/i;
/** "X warned Y that ...", "X warned Y not to ...", "X warned Y against ...": a warning presses Y to act. */
const WARN = new RegExp(`\\b(?:${verbAlternation(['warn'])})\\b`, 'gi');
/** "warned Yerevan last year against ...": a time phrase may stand between the warned and the warning. */
const WARNING_AFTER =
  /^\s*(?:,[^,;]{1,60},\s*)?(?:(?:last|this|next)\s+(?:week|month|year)\s+|(?:on|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:(?:not\s+)?to\s+[a-z]|against\b|that\b)/i;
const WARNER_GAP = /^(?:['’]s\s+(?:[a-z-]+\s+){0,2}?(?:officials?|government|leaders?|ministers?|spokes\w+)\s+|\s+)(?:(?:has|have|had|also|again|then|once|\w+ly|on\s+\w+day)\s+){0,2}$/i;
/** "an EU demand for Turkey to recognise Cyprus", "Washington's call for Beijing to ...": the nominal form. */
const DEMAND_FOR = /^(?:['’]s)?\s+(?:(?:new|fresh|repeated|renewed|latest|public|formal|long-standing|longstanding|key)\s+)?(?:demands?|calls?|appeals?|requests?|pressure|pleas?)\s+(?:for|on)\s+(?:the\s+)?$/i;
const OBJECT_GAP =
  /^\s*(?:the\s+)?(?:(?:governments?|authorities|officials|leaders|regulators|lawmakers|companies|banks|firms)\s+(?:of|in|from)\s+(?:the\s+)?)?$/i;
/** An institution named only by its function; the country it belongs to is the one just named. */
const GENERIC_INSTITUTION =
  /^\s*(?:the\s+)?(?:central bank|government|authorities|regulators?|monetary authority|financial regulators?|finance ministry|customs|banks)\b/i;
const INFINITIVE = /\bto\s+$/i;

export function urgeRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, URGE)) {
    // Passive: "Beijing was urged by Washington".
    const passiveAgent = mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+by\s+(?:the\s+)?$/i);
    if (passiveAgent && /\b(?:was|were|is|are|been|being)\s+$/i.test(ctx.text.slice(Math.max(0, t.start - 12), t.start))) {
      const target = mentionBefore(ctx, t.start, AGENT_TYPES, /^\s+(?:was|were|is|are|has been|have been|had been|being)\s+$/i);
      if (target && target.entityId !== passiveAgent.entityId) {
        out.push({ subject: passiveAgent, predicate: 'URGED', object: target, rule: 'urge.passive', confidence: 0.75 });
      }
      continue;
    }
    const infinitive = INFINITIVE.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 4), t.start));
    // "X visited Y to urge ...": the infinitive's agent is the clause's subject, not the nearest name.
    let subject: MentionView | null = null;
    if (infinitive) {
      const main = sentenceSubject(ctx, AGENT_TYPES);
      if (main && main.end <= t.start && t.start - main.end < 200 && !/[;:]/.test(ctx.text.slice(main.end, t.start))) subject = main;
    }
    subject ??= subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    // "China said it opposed the move and urged Japan to ...": a verb coordinated with the main clause.
    if (!subject && /\band\s+(?:also\s+|then\s+)?$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 12), t.start))) {
      const main = sentenceSubject(ctx, AGENT_TYPES);
      if (main && main.end <= t.start && t.start - main.end < 160 && !/[;:“”"]/.test(ctx.text.slice(main.end, t.start))) subject = main;
    }
    if (!subject) continue;
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    const first = objectMention ? titledPerson(ctx, objectMention) : null;
    const objects = first ? listForward(ctx, first, AGENT_TYPES) : [];
    const lastObject = objects[objects.length - 1];
    // "urged Japan to ...", "called on Iran not to ...": the object is followed by what it is urged
    // to do; "urges Henry punishment" (a headline) urges something about Henry.
    if (lastObject && !/^\s*(?:[,.;:)]|$|to\b|not\b|for\b|against\b|on\b|in\b|that\b|over\b|again\b|instead\b|also\b|once\b|and\b|during\b|at\b|this\b|last\b|on\b|—|-)/i.test(ctx.text.slice(lastObject.end, lastObject.end + 12))) continue;
    if (first && first.entityId !== subject.entityId) {
      for (const o of objects) {
        if (o.entityId === subject.entityId) continue;
        out.push({ subject, predicate: 'URGED', object: o, rule: o === first ? 'urge.verb' : 'urge.list', confidence: 0.8 });
      }
      continue;
    }
    if (GENERIC_INSTITUTION.test(ctx.text.slice(t.end, t.end + 40))) {
      // "visited Hong Kong ... to urge the central bank": the institution of the country just named.
      const country = mentionBefore(ctx, t.start, COUNTRY_TYPES, /^[^;:"“”]{0,80}$/);
      if (country && country.entityId !== subject.entityId && !country.adjectival && country.start > subject.end) {
        out.push({ subject, predicate: 'URGED', object: country, rule: 'urge.institution', confidence: 0.55 });
      }
    }
  }
  // "X asked Y to", "X encouraged Y to", "X appealed to Y to": asking, when an infinitive follows.
  for (const t of triggers(ctx, ASK)) {
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES);
    if (!subject) continue;
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    const first = objectMention ? titledPerson(ctx, objectMention) : null;
    if (!first || first.entityId === subject.entityId || first.adjectival) continue;
    const list = listForward(ctx, first, AGENT_TYPES);
    const last = list[list.length - 1] as MentionView;
    if (!INFINITIVE_AFTER.test(ctx.text.slice(last.end, last.end + 80))) continue;
    for (const o of list) if (o.entityId !== subject.entityId) out.push({ subject, predicate: 'URGED', object: o, rule: o === first ? 'urge.ask' : 'urge.list', confidence: 0.65 });
  }
  // "Lyng warned Japan that ...".
  for (const t of triggers(ctx, WARN)) {
    // The one warning is named right before the verb: an appositive or a clause between hides who it is.
    const subject = mentionBefore(ctx, t.start, AGENT_TYPES, WARNER_GAP);
    if (!subject || subject.adjectival) continue;
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    const first = objectMention ? titledPerson(ctx, objectMention) : null;
    if (!first || first.entityId === subject.entityId || first.adjectival) continue;
    const list = listForward(ctx, first, AGENT_TYPES);
    const last = list[list.length - 1] as MentionView;
    if (!WARNING_AFTER.test(ctx.text.slice(last.end, last.end + 80))) continue;
    for (const o of list) if (o.entityId !== subject.entityId) out.push({ subject, predicate: 'URGED', object: o, rule: 'urge.warn', confidence: 0.6 });
  }
  // "an EU demand for Turkey to recognise Cyprus".
  for (const m of ctx.mentions) {
    const next = ctx.mentions[m.index + 1];
    if (!AGENT_TYPES.has(m.type) || !next || !AGENT_TYPES.has(next.type) || next.adjectival || next.entityId === m.entityId) continue;
    // The owner: a demonym or a name before the noun ("an EU demand", "Washington's call").
    if (!m.adjectival && !/^['’]s|^\s+(?:new\s+|fresh\s+)?(?:demands?|calls?|appeals?|requests?)\b/i.test(ctx.text.slice(m.end, m.end + 12))) continue;
    if (!DEMAND_FOR.test(ctx.text.slice(m.end, next.start))) continue;
    const target = titledPerson(ctx, next);
    if (!/^\s+(?:not\s+)?to\s+[a-z]/i.test(ctx.text.slice(target.end, target.end + 20))) continue;
    out.push({ subject: m, predicate: 'URGED', object: target, rule: 'urge.noun', confidence: 0.6 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'urge',
  predicate: 'URGED',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'An agent urges another to act.',
  variants: [
    { id: 'urge.verb', example: '"X urged Y to", "called on Y"' },
    { id: 'urge.ask', example: '"X asked Y to", "X encouraged Y to", "X appealed to Y to" (an infinitive must follow)' },
    { id: 'urge.warn', example: '"X warned Y that ...", "X warned Y not to ...", "X warned Y against ..."' },
    { id: 'urge.noun', example: '"an EU demand for Y to ...", "X\'s call for Y to ..."' },
    { id: 'urge.list', example: 'every further member of the object list' },
    { id: 'urge.passive', example: '"Y was urged by X"' },
    { id: 'urge.institution', example: '"visited Hong Kong to urge the central bank" (→ Hong Kong)' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /urg|pressur|press|exhort|implor|lobb|\bcall|\bask|encourag|push|request|\bbeg|advis|\btell|\btold|warn|appeal|demand|plea/i,
  run: urgeRule,
};
