import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { verbAlternation } from '../verb-forms.ts';
import {
  AGENT_TYPES,
  LOCATION_TYPES,
  PERSON_TYPES as PERSON,
  listBackward,
  listForward,
  mentionAfter,
  mentionBefore,
  sentenceSubject,
  titledPerson,
  type MentionView,
  pronounSubject,
  subjectBefore,
  SPORTS_FIXTURE,
  triggers,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/** VISITED: a person, organization or country's officials went to a place or country. */

const VISIT_VERB = new RegExp(
  `\\b(?:${verbAlternation(['visit', 'tour'])})\\b|\\b(?:${verbAlternation(['travel', 'fly', 'head', 'go', 'come', 'journey', 'jet'])})\\s+to\\b|\\b(?:${verbAlternation(['arrive', 'land', 'stop'])})\\s+(?:over\\s+)?in\\b|\\bspen[dt]s?\\s+(?:(?:a|an|the|two|three|four|five|several|few|\\d+)\\s+)?(?:[a-z-]+\\s+)?(?:days?|weeks?|nights?|hours?|months?)\\s+in\\b|\\barrival\\s+in\\b|\\b(?:leave|leaves|leaving|left|depart|departs|departed|departing)\\s+for\\b|\\b(?:is|are|was|were)\\s+due\\s+in\\b|\\b(?:trip|journey|tour)\\s+to\\b`,
  'gi',
);
/** Verbs of a draw or a fixture list: "Fulham face Watford", "Villa were drawn against Sheffield United". */
const FIXTURE_LIST = /\b(?:face|faces|drawn\s+against|draw\s+against|take\s+on|takes\s+on|host|hosts|entertain|entertains)\b/i;
/** "visited Japan", "flew to the Netherlands", "toured Northwestern Europe". */
const OBJECT_GAP = /^\s*(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?\w+|south-?\w+)\s+)?$/i;
const NOUN_OBJECT_GAP = /^\s+to\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?$/i;
const TRIP = /\b(?:during|on|after|ahead of|before|in)\s+(?:a|an|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+to\s+(?:the\s+)?$/i;
const PASSIVE_BY = /^\s+by\s+(?:the\s+)?$/i;
/** "is in Tokyo for an international trade conference". */
const PRESENCE = /\b(?:is|was|are|were|has been|have been|had been|will be)\s+in\s+(?:the\s+)?$/i;
const PRESENCE_PURPOSE = /^\s*(?:this week\s+|next week\s+|on \w+\s+)?(?:for|to attend|to meet|to hold|to take part|to discuss|to sign|on a (?:\w+\s+)?(?:visit|trip|tour)|attending|meeting|holding|exchanging|discussing|negotiating|visiting|touring)\b/i;

export function visitRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, VISIT_VERB)) {
    const word = t.match[0].toLowerCase();
    if (/^visit(?:s|ed)?$/.test(word) || /^tour/.test(word)) {
      // Passive: "Beijing was visited by Blinken".
      const agent = mentionAfter(ctx, t.end, AGENT_TYPES, PASSIVE_BY);
      const place = mentionBefore(ctx, t.start, LOCATION_TYPES, /^\s+(?:was|were|is|are|has been|had been)\s+$/i);
      if (agent && place && /\s+(?:was|were|is|are|been)\s+$/.test(ctx.text.slice(place.end, t.start))) {
        out.push({ subject: agent, predicate: 'VISITED', object: place, rule: 'visit.passive', confidence: 0.8 });
        continue;
      }
    }
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    if (!subject) continue;
    // "Liverpool travel to Burnley, Palace go to Sunderland" (the cup draw): a club plays away, nobody visits.
    // A sentence listing fixtures ("X face Y, Z were drawn against W") speaks of matches whoever the subject is.
    if ((subject.type === 'Organization' || FIXTURE_LIST.test(ctx.sentence.text)) && (SPORTS_FIXTURE.test(ctx.sentence.text) || SPORTS_FIXTURE.test(ctx.sentences[ctx.sentenceIndex - 1]?.text ?? ''))) continue;
    // "Another Boca Juniors player is coming to Brazil": with come and go the one who moves is
    // named right before the verb; a noun between is the mover ("player").
    if (/^(?:come|comes|came|coming|go|goes|went|gone|going)\s/.test(word) && !/^(?:['’]s)?\s+(?:(?:has|have|had|is|are|was|were|will|would|also|then|later|now|soon|\w+ly|to|plans\s+to|is\s+due\s+to)\s+){0,3}$/i.test(ctx.text.slice(subject.end, t.start))) continue;
    // "visit to X" (noun) is only a visit when preceded by a possessive ("Blinken's visit to"), handled by the subject gap.
    const nounVisit = /^visits?$/.test(word) && /['’]s(?:\s+[a-z]+)?\s+$/.test(ctx.text.slice(subject.end - 2, t.start));
    // "trip to", "arrival in" are nouns: only with an owner ("his trip to", "Lavrov's arrival in").
    if (/^(?:trip|journey|tour|arrival)\s/.test(word) && !/^(?:['’]s)?\s+(?:(?:first|second|third|latest|recent|planned|upcoming|surprise|official|state|two-day|three-day|week-long|\w+-day)\s+)?$/i.test(ctx.text.slice(subject.end, t.start))) continue;
    if (/^(?:trip|journey|tour|arrival)\s/.test(word) && !(subject.reference?.possessive || /^['’]s/.test(ctx.text.slice(subject.end, subject.end + 2)))) continue;
    const first = mentionAfter(ctx, t.end, LOCATION_TYPES, nounVisit ? NOUN_OBJECT_GAP : OBJECT_GAP);
    // "visit the Thai resort of Phuket": a demonym is not the place visited.
    if (!first || first.entityId === subject.entityId || first.adjectival) continue;
    // "He came to Britain as a high jumper", "went to Oxford to study": moving there, not a visit.
    if (/^(?:come|comes|came|coming|go|goes|went|gone|going)\s/.test(word) && /^\s*(?:as\s+(?:a|an)\b|to\s+(?:live|study|work|settle|join)\b|in\s+\d{4})/i.test(ctx.text.slice(first.end, first.end + 20))) continue;
    const subjects = listBackward(ctx, subject, AGENT_TYPES, true);
    const objects = listForward(ctx, first, LOCATION_TYPES);
    for (const s of subjects) {
      for (const o of objects) {
        if (s.entityId === o.entityId) continue;
        const rule = s === subject && o === first ? 'visit.verb' : 'visit.list';
        out.push({ subject: s, predicate: 'VISITED', object: o, rule, confidence: rule === 'visit.verb' ? 0.85 : 0.75 });
      }
    }
  }
  // "During a visit to Kazakhstan, Blinken said ...", "X said on a trip to Japan".
  for (const m of ctx.mentions) {
    if (!LOCATION_TYPES.has(m.type) || m.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 50), m.start);
    const trip = TRIP.exec(left);
    if (!trip) continue;
    const phraseStart = m.start - trip[0].length;
    let agent: MentionView | null = null;
    if (/^[\s"“]*$/.test(ctx.text.slice(ctx.sentence.start, phraseStart))) {
      // Fronted: the agent is the subject after the comma.
      const after = ctx.mentions[m.index + 1];
      if (after && AGENT_TYPES.has(after.type) && /^\s*,\s*(?:the\s+)?$/.test(ctx.text.slice(m.end, after.start))) agent = titledPerson(ctx, after);
    } else {
      const main = sentenceSubject(ctx, AGENT_TYPES);
      if (main && main.end <= phraseStart && !/[;:]/.test(ctx.text.slice(main.end, phraseStart))) agent = main;
    }
    if (agent && !agent.adjectival && agent.entityId !== m.entityId) out.push({ subject: agent, predicate: 'VISITED', object: m, rule: 'visit.trip', confidence: 0.7 });
  }
  // Presence for an event: "<Person> ... is in Tokyo for a conference".
  for (const m of ctx.mentions) {
    if (!LOCATION_TYPES.has(m.type) || m.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 40), m.start);
    if (!PRESENCE.test(left)) continue;
    const right = ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 60));
    if (!PRESENCE_PURPOSE.test(right)) continue;
    const verbAt = m.start - (left.match(PRESENCE)?.[0].length ?? 0);
    const person = subjectBefore(ctx, verbAt, PERSON) ?? sentenceSubject(ctx, PERSON);
    if (!person || person.start > m.start) continue;
    out.push({ subject: person, predicate: 'VISITED', object: m, rule: 'visit.presence', confidence: 0.6 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'visit',
  predicate: 'VISITED',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Place', 'Country'],
  summary: "A person, organization or country's officials went to a place or country.",
  variants: [
    { id: 'visit.verb', example: '"X visited Beijing", "X travelled to Kyiv", "X will fly to", "X plans to visit", "X spent two days in Y", "X\'s visit to Y", "his trip to Y", "X met Z and then flew to Y", "X left for Y", "X is due in Y"' },
    { id: 'visit.list', example: 'every further member of a list on either side' },
    { id: 'visit.passive', example: '"Beijing was visited by X"' },
    { id: 'visit.presence', example: '"X ... is in Tokyo for a conference"' },
    { id: 'visit.trip', example: '"During a visit to Kazakhstan, X said"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  sidesInSentence: 'object',
  run: visitRule,
};
