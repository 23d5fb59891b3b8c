import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { openingCompany } from '../story-company.ts';
import { LOCATION_TYPES, between, mentionAfter, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN from an organization's headquarters, in the forms business news uses:
 * - "Acme's Denver headquarters", "the company's Chicago headquarters", "the SEC's Washington head office";
 * - "Acme's new headquarters in Beijing", "its headquarters in north London";
 * - "its Dallas headquarters" for the company the sentence opens with ("From its Dallas
 *   headquarters, Pizza Inn said", "Acme said it would close its Denver headquarters");
 * - "Acme, whose headquarters are in Stavanger".
 * Not a party's campaign office, and not a move ("to move its headquarters to London" says where
 * it will be, if ever: other rules and the modality decide).
 */

const HQ = String.raw`(?:world\s+|global\s+|corporate\s+|european\s+|u\.s\.\s+|new\s+|main\s+)?(?:headquarters|head\s+office|head-office|home\s+office|main\s+office)`;
/** Between the owner's possessive and the place: "'s", "'s new". */
const OWNER_TO_PLACE = /^\s?['’]s\s+(?:(?:new|old|former|main|sprawling|downtown|suburban)\s+)?$/i;
/** After the place: "headquarters". */
const HQ_AFTER_PLACE = new RegExp(String.raw`^(?:-based)?\s+${HQ}\b`, 'i');
/** From the owner to the place: "'s new headquarters in". */
const OWNER_HQ_IN = new RegExp(String.raw`^\s?['’]s\s+(?:(?:new|main|own)\s+)?${HQ}\s+(?:is\s+|are\s+|remains?\s+)?(?:in|at)\s+(?:(?:north|south|east|west|central|downtown|suburban)\s+)?(?:the\s+)?$`, 'i');
const ITS_PLACE = /\bits\s+(?:(?:new|old|main|downtown)\s+)?$/i;
const ITS_HQ_IN = new RegExp(String.raw`\bits\s+(?:(?:new|main|own)\s+)?${HQ}\s+(?:is\s+|are\s+)?(?:in|at)\s+(?:(?:north|south|east|west|central|downtown|suburban)\s+)?(?:the\s+)?$`, 'i');
const WHOSE_HQ = new RegExp(String.raw`^\s*(?:>\s*)?,\s*whose\s+${HQ}\s+(?:is|are|was|were|remains?)\s+(?:in|at)\s+(?:the\s+)?$`, 'i');
/** Before the headquarters: a move or a party's campaign. */
const NOT_SEAT = /\b(?:move|moves|moved|moving|relocate|relocates|relocated|relocating|shift|shifts|shifted|campaign|election|regional)\s+(?:its\s+)?$/i;

function isOwner(m: MentionView | undefined): m is MentionView {
  return m !== undefined && m.type === 'Organization' && !m.adjectival && m.kind !== 'PoliticalParty';
}

export function locatedHeadquartersRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  const add = (org: MentionView, place: MentionView, rule: string): void => {
    if (org.entityId !== place.entityId) out.push({ subject: org, predicate: 'LOCATED_IN', object: place, rule, confidence: 0.7 });
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i] as MentionView;
    if (LOCATION_TYPES.has(m.type) && !m.adjectival && HQ_AFTER_PLACE.test(ctx.text.slice(m.end, m.end + 30))) {
      const prev = ms[i - 1];
      const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 30), m.start);
      if (NOT_SEAT.test(left)) continue;
      // "Acme's Denver headquarters", "the company's Chicago headquarters".
      if (isOwner(prev) && OWNER_TO_PLACE.test(between(ctx, prev.end, m.start))) add(prev, m, 'located-headquarters.possessive');
      // "its Dallas headquarters".
      else if (ITS_PLACE.test(left)) {
        const owner = openingCompany(ctx, m.start) ?? openingCompanyAfter(ctx, m);
        if (owner) add(owner, m, 'located-headquarters.its');
      }
      continue;
    }
    if (!isOwner(m)) continue;
    // "Acme's new headquarters in Beijing", "Acme, whose headquarters are in Stavanger".
    const place = mentionAfter(ctx, m.end, LOCATION_TYPES, OWNER_HQ_IN) ?? mentionAfter(ctx, m.end, LOCATION_TYPES, WHOSE_HQ);
    if (place && !place.adjectival) add(m, place, /whose/i.test(between(ctx, m.end, place.start)) ? 'located-headquarters.whose' : 'located-headquarters.possessive');
  }
  // "its headquarters in north London".
  const its = ITS_HQ_IN;
  for (const m of ms) {
    if (!LOCATION_TYPES.has(m.type) || m.adjectival) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 50), m.start);
    if (!its.test(left) || NOT_SEAT.test(left.replace(its, ''))) continue;
    const owner = openingCompany(ctx, m.start) ?? openingCompanyAfter(ctx, m);
    if (owner) add(owner, m, 'located-headquarters.its');
  }
  return out;
}

/** "From its Dallas headquarters, Pizza Inn said": the company right after the opening phrase. */
function openingCompanyAfter(ctx: SentenceContext, place: MentionView): MentionView | null {
  if (!/^[\s"“]*(?:from|at|in|outside|inside)\s+its\s+/i.test(ctx.text.slice(ctx.sentence.start, place.start))) return null;
  const next = ctx.mentions[place.index + 1];
  return isOwner(next) && /^[^,;]{0,40},\s*(?:the\s+)?$/.test(between(ctx, place.end, next.start)) ? next : null;
}

export const rule: RelationRule = {
  id: 'located-headquarters',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Place', 'Country'],
  summary: 'An organization\'s headquarters: "Acme\'s Denver headquarters", "its headquarters in London", "X, whose headquarters are in Y" (not a move, not a campaign office).',
  variants: [
    { id: 'located-headquarters.possessive', example: '"Acme\'s Denver headquarters", "the company\'s Chicago headquarters", "Acme\'s new headquarters in Beijing"' },
    { id: 'located-headquarters.its', example: '"Acme said it would close its Denver headquarters", "From its Dallas headquarters, Acme said" (not "move its headquarters to")' },
    { id: 'located-headquarters.whose', example: '"Acme, whose headquarters are in Stavanger"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /headquarter|head office|head-office|home office|main office/i,
  sidesInSentence: 'object',
  run: locatedHeadquartersRule,
};
