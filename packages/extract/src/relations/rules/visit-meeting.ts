import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { firstMentionOf } from '../references.ts';
import {
  SPORTS_FIXTURE,
  PERSON_TYPES,
  firstDocumentMentionAtOrAfter,
  listBackward,
  mentionBefore,
  mentionAfter,
  pronounSubject,
  subjectBefore,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * VISITED for a meeting held in a place: "X met President Y in Minsk in July", "He is due to meet
 * his counterparts in Stockholm on Friday", "A delegation from Z held talks with W in Bishkek",
 * "X held talks in Washington with Y". Whoever meets in a city was there; the one met may live
 * there, so only the subject of the meeting verb is read. A person whose title names the place's
 * country ("Japan's foreign minister, X") is at home there, not visiting, and so is an
 * organization of that country; a person with a government title naming no country ("Commerce
 * Secretary X") is taken to be at home, since the story's country is left out of such titles.
 */

const MEETING_VERB =
  /\b(?:met|meet|meets|meeting\s+with|(?:held|hold|holds|holding)\s+(?:(?:a|an|two|three|several|further|fresh|more|new|private|bilateral|separate|closed-door|[a-z]+-day|[a-z]+-level)\s+){0,2}(?:talks|meetings?|discussions|consultations|negotiations)|sat\s+down\s+with|conferred\s+with)\b/gi;
/** From the verb to "in" before the place: the people met and a few words, no clause break. */
const UP_TO_IN = /^[^.;:!?“”"()]{0,110}?\bin\s+(?:the\s+)?$/;
/**
 * A new clause or verb between the meeting and "in": "met X and today signed an accord to open an
 * office in Y" puts the office, not the meeting, in Y.
 */
const CLAUSE_WORD = /\b(?:said|says|told|who|which|that|where|when|after|before|because|while|to\s+[a-z]+|and\s+(?:(?:then|later|also|today|yesterday|on\s+\w+day)\s+)?[a-z]+(?:ed|s)\b)\b/i;
const AGENT_TYPES_NO_COUNTRY: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization']);
const PLACE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Place']);
const MAX_PLACE_SEARCH = 160;

/** The country (ISO code) an organization or country mention stands for; '' for a body of no country (the EU, the UN). */
function countryOf(ctx: SentenceContext, m: MentionView): string | null {
  const attributes = ctx.entities.get(m.entityId)?.attributes ?? {};
  const iso = m.type === 'Country' ? attributes['iso'] : attributes['country'];
  if (typeof iso === 'string') return iso.toUpperCase();
  return m.type === 'Organization' && m.kind === 'InternationalOrganization' ? '' : null;
}

/** Between a title's country and the name: "Japan's foreign minister, ", "Belarusian President ", "EU envoy ". */
const TITLE_BEFORE = /^(?:['’]s)?(?:\s+[\w-]+){0,5},?\s+$/;
/** After the name: ", the chief executive of ", ", Denmark's" is read by TITLE_BEFORE of the next name, not here. */
const TITLE_AFTER = /^\s*,\s*(?:the\s+|a\s+)?(?:[a-z-]+\s+){1,5}(?:of|at|for)\s+(?:the\s+)?$/;

/**
 * Where a person belongs, as the title at their first mention says: the country or the
 * organization's country named in it ("Japan's foreign minister, X", "X, the chief executive of
 * Rostec"), '' for an international body, undefined when the title names none. A person with a
 * government title and no country named belongs to the story's country, which the caller does not
 * know: such a person is read as at home anywhere (no visit), by returning null.
 */
function homeOf(ctx: SentenceContext, person: MentionView): string | null | undefined {
  const first = firstMentionOf(ctx.documentMentions, person.entityId) ?? person;
  const doc = ctx.documentMentions;
  const i = firstDocumentMentionAtOrAfter(ctx, first.start);
  const before = doc[i - 1];
  if (before && before.sentenceIndex === first.sentenceIndex && first.start - before.end <= 45 && before.type !== 'Person' && TITLE_BEFORE.test(ctx.text.slice(before.end, first.start))) {
    const home = countryOf(ctx, before);
    if (home !== null) return home;
  }
  const after = doc[i + 1];
  if (after && after.sentenceIndex === first.sentenceIndex && after.start - first.end <= 70 && after.type !== 'Person' && TITLE_AFTER.test(ctx.text.slice(first.end, after.start))) {
    const home = countryOf(ctx, after);
    if (home !== null) return home;
  }
  const role = ctx.entities.get(person.entityId)?.attributes['role'];
  return typeof role === 'string' && GOVERNMENT_TITLE.test(role) ? null : undefined;
}

const GOVERNMENT_TITLE = /\b(?:minister|secretary|president|premier|chancellor|ambassador|governor|senator|king|queen|prime|mayor|general)\b/i;

function placeCountry(ctx: SentenceContext, m: MentionView): string | null {
  const attributes = ctx.entities.get(m.entityId)?.attributes ?? {};
  const iso = attributes['countryIso'] ?? attributes['country'];
  return typeof iso === 'string' ? iso.toUpperCase() : null;
}

function placeAfter(ctx: SentenceContext, from: number): MentionView | null {
  const text = ctx.text.slice(from, Math.min(ctx.sentence.end, from + MAX_PLACE_SEARCH));
  const inWord = /\bin\s+(?:the\s+)?/g;
  for (let m = inWord.exec(text); m; m = inWord.exec(text)) {
    const upTo = text.slice(0, m.index + m[0].length);
    if (!UP_TO_IN.test(upTo) || CLAUSE_WORD.test(upTo)) return null;
    const place = mentionAfter(ctx, from + m.index + m[0].length, PLACE_TYPES, /^$/);
    if (place && !/^-(?:based|registered)/.test(ctx.text.slice(place.end, place.end + 12))) return place;
  }
  return null;
}

/** "Japan's foreign minister, X, held talks": a name set off by commas after its title, right before the verb. */
function apposedSubject(ctx: SentenceContext, pos: number): MentionView | null {
  const person = mentionBefore(ctx, pos, PERSON_TYPES, /^\s*,\s+$/);
  return person && /,\s+$/.test(ctx.text.slice(Math.max(ctx.sentence.start, person.start - 3), person.start)) ? person : null;
}

/** "Shultz and Soviet Foreign Minister Shevardnadze": a person joined by "and" under a title to the one before. */
function titledPartner(ctx: SentenceContext, subject: MentionView): boolean {
  if (subject.index < 0) return false;
  for (let i = subject.index - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.type !== 'Person') continue;
    return /^\s+and\s+(?:[\p{L}.'’-]+\s+){0,5}$/u.test(ctx.text.slice(m.end, subject.start));
  }
  return false;
}

export function visitMeetingRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, MEETING_VERB)) {
    const subject = subjectBefore(ctx, t.start, AGENT_TYPES_NO_COUNTRY) ?? apposedSubject(ctx, t.start) ?? pronounSubject(ctx, t.start);
    if (!subject || subject.adjectival) continue;
    // A national agency's delegation travels; a bloc meets at its seats and among its members ("EU
    // leaders are holding talks in Brussels"), a company at its offices: neither is a visit.
    if (subject.type === 'Organization' && subject.kind !== 'GovernmentAgency') continue;
    // "A and B will meet in Moscow": one of the two is most often the host, and the text does not say which.
    if (listBackward(ctx, subject, AGENT_TYPES_NO_COUNTRY).length > 1 || titledPartner(ctx, subject)) continue;
    const place = placeAfter(ctx, t.end);
    if (!place) continue;
    // "Hewitt will meet Clement in the first round at Wimbledon": a fixture, not a trip.
    if (SPORTS_FIXTURE.test(ctx.sentence.text)) continue;
    const iso = placeCountry(ctx, place);
    if (subject.type === 'Person') {
      const home = homeOf(ctx, subject);
      if (home === null || (iso !== null && home === iso)) continue;
    } else if (iso !== null && countryOf(ctx, subject) === iso) continue;
    out.push({ subject, predicate: 'VISITED', object: place, rule: 'visit-meeting.in-place', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'visit-meeting',
  predicate: 'VISITED',
  subjectTypes: ['Person', 'Organization'],
  objectTypes: ['Place'],
  summary: 'A meeting held in a place: "X met Y in Minsk", "He is due to meet his counterparts in Stockholm", "X held talks in Washington with Y".',
  variants: [{ id: 'visit-meeting.in-place', example: '"X met President Y in Minsk in July", "A delegation from Z held talks with W in Bishkek"' }],
  acceptsReferences: true,
  minMentions: 1,
  cue: /\b(?:met|meet|meets|meeting|talks|meetings|discussions|consultations|negotiations|sat|conferred)\b/i,
  sidesInSentence: 'object',
  run: visitMeetingRule,
};
