import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { COMPANY_OFFICE, LOWER_PRESIDENT } from '../../lexicon/company-officers.ts';
import { referenceView } from '../references.ts';
import { isCompanyMention, storyCompany } from '../story-company.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { qualifiedBy, type QualifierReading } from '../person-qualifiers.ts';

/**
 * HOLDS_ROLE of a company's officers written without the company, as wire stories about one
 * company write them:
 * - in a story that one company dominates (story-company.ts), a company post right before or
 *   after a name with no owner written: "Chairman Kenneth Douglas told analysts", "said Susan
 *   Park, treasurer", "the company's chief financial officer, X" - the post is held at that company;
 * - in a sentence whose subject is a company, the speaker who closes it: "Qantas has placed an
 *   order with Boeing for four jets, chairman Jim Leslie said" - the post is the subject's.
 * - a post the company gives: "Acme Inc said it named X president and chief operating officer".
 * Only the posts of companies (lexicon/company-officers.ts): "President X" or "spokesman X" alone
 * may be anyone's. Never a former post ("former chairman X") or one qualified by an owner
 * ("Boeing chairman X", "the bank's treasurer" are other rules' or another body's), never when the
 * sentence names another company, and never for a person whose name is elsewhere qualified by
 * another body.
 */

const OFFICE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'’.&-])((?:${COMPANY_OFFICE})|(?:${LOWER_PRESIDENT}))\s+$`, 'iu');
/** What may stand before the post: the sentence's start, punctuation, or a lower-case word other than an owner's. */
const OWNED_BEFORE =
  /(?:['’]s|\p{Lu}[\p{L}.&-]*|\b(?:of|at|for|former|ex|then|late|retired|outgoing|acting|interim|new|its|his|her|their|a|an|the|committee|subcommittee|commission|council|board|panel|tribunal|federation|association|union|party|club|league|foundation|trust|fund|institute|agency|authority|court|team|division|unit|department|ministry|bureau|group|members?))\s*[-–]?\s*$/u;
/** "Deutsche's chairman X and chief executive Y": a post coordinated after a named person shares that person's owner. */
const AFTER_PERSON_AND = /^\s*(?:,\s*)?and\s*$/;
/** The story's company must have been named this near before the sentence (or in it): a post far from any mention of it may be another body's. */
const NEAR_SENTENCES = 2;
const OFFICE_AFTER = new RegExp(String.raw`^\s*,\s*(?:(?:the\s+company['’]s|its)\s+)?((?:${COMPANY_OFFICE})|(?:${LOWER_PRESIDENT}))\s*(?:[,.;]|$|\s+(?:said|says|told|added|noted))`, 'i');
/** "X, 54, is now president and chief operating officer", "X has been named chairman": the post the person takes or holds. */
const APPOINTED_AFTER = new RegExp(String.raw`^\s*(?:,\s*\d{1,3}\s*,)?\s+(?:is\s+now|is|has\s+been\s+(?:named|elected|appointed|promoted\s+to)|was\s+(?:named|elected|appointed|promoted\s+to)|will\s+become|becomes|became|will\s+be\s+(?:named|elected|appointed))\s+(?:as\s+)?(?:(?:its|the\s+company['’]s|the\s+new|the)\s+)?((?:${COMPANY_OFFICE})|(?:${LOWER_PRESIDENT}))\s*(?:[,.;]|$|\s+(?:and|succeeding|replacing|effective)\b)`, 'i');
/** "Acme said it named X president", "its board elected X chairman and chief executive". */
const NAMED_BEFORE = /\b(?:named|elected|appointed|promoted|elevated|picked|chose|selected)\s+$/i;
const NAMED_AFTER = new RegExp(String.raw`^\s*(?:,\s*\d{1,3}\s*,)?\s+(?:as\s+)?(?:(?:its|the\s+company['’]s|the\s+new|the|a|new)\s+)?((?:${COMPANY_OFFICE})|(?:${LOWER_PRESIDENT}))\b`, 'i');
const SPEAKER_END = /^\s+(?:said|says|told|added)\b/i;
const SPEAKER_BEFORE = new RegExp(String.raw`,\s*((?:${COMPANY_OFFICE})|(?:${LOWER_PRESIDENT}))\s+$`, 'i');

/**
 * "President X" and "Vice President X" are the titles of a head of state and a deputy ("Vice
 * President George Bush"): a post opening with them counts only in lower case ("vice president X").
 */
function ownerlessOffice(title: string): boolean {
  // "Treasurer X" with a capital is a government's finance minister (Australia's "Treasurer Peter Costello").
  return !/^(?:(?:Senior|Executive|First|Group|Deputy)\s+)*(?:(?:Vice[- ])?President|Treasurer)\b/.test(title);
}

/** A body named right before the person, in the same phrase ("Boeing chairman X", not "Boeing, chairman X"). */
const QUALIFIERS: QualifierReading = { lookback: 1, brokenBy: /[,;:()"“”]/ };

function qualifiedByOther(ctx: SentenceContext, person: MentionView, company: string): boolean {
  return qualifiedBy(ctx, person, QUALIFIERS, (owner) => owner !== company);
}

function mentionNear(ctx: SentenceContext, entityId: string, pos: number): MentionView | null {
  const from = ctx.sentenceIndex - NEAR_SENTENCES;
  let last: MentionView | null = null;
  for (const m of ctx.documentMentions) {
    if (m.start >= pos) break;
    if (m.entityId === entityId && m.sentenceIndex >= from) last = m;
  }
  return last;
}

/** The sentence's subject company: its first mention, at the sentence's start (past a bracket or quote). */
function subjectCompany(ctx: SentenceContext): MentionView | null {
  const first = ctx.namedMentions[0];
  if (!first || !isCompanyMention(first)) return null;
  return /^[\s<"“'(]*(?:the\s+)?$/i.test(ctx.text.slice(ctx.sentence.start, first.start)) ? first : null;
}

export function officerStoryRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const persons = ctx.namedMentions.filter((m) => m.type === 'Person');
  if (persons.length === 0) return out;
  const subject = subjectCompany(ctx);
  const companies = ctx.namedMentions.filter((m) => isCompanyMention(m));
  for (const p of persons) {
    // The speaker closing a sentence whose subject is a company.
    if (subject && subject.end <= p.start && SPEAKER_END.test(ctx.text.slice(p.end, p.end + 10))) {
      const title = SPEAKER_BEFORE.exec(ctx.text.slice(Math.max(ctx.sentence.start, p.start - 80), p.start));
      if (title && ownerlessOffice(title[1] as string) && !qualifiedByOther(ctx, p, subject.entityId)) {
        out.push({ subject: p, predicate: 'HOLDS_ROLE', object: subject, rule: 'officer-story.speaker', confidence: 0.6 });
        continue;
      }
    }
    // "Acme said it named X president": the post at the company the sentence opens with.
    if (subject && subject.end <= p.start && NAMED_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, p.start - 12), p.start))) {
      const named = NAMED_AFTER.exec(ctx.text.slice(p.end, Math.min(ctx.sentence.end, p.end + 80)));
      const between = ctx.text.slice(subject.end, p.start);
      // No other organization between the company and the verb ("Acme said Zed named X president").
      if (named && !companies.some((c) => c.start > subject.end && c.start < p.start && c.entityId !== subject.entityId) && /\b(?:it|its\s+board|its\s+directors|the\s+board)\b/i.test(between)) {
        out.push({ subject: p, predicate: 'HOLDS_ROLE', object: subject, rule: 'officer-story.named', confidence: 0.65 });
        continue;
      }
    }
    // The story's company, for a post written without its owner.
    const left = ctx.text.slice(Math.max(ctx.sentence.start, p.start - 80), p.start);
    const before = OFFICE_BEFORE.exec(left);
    let found = false;
    if (before && ownerlessOffice(before[1] as string)) {
      const officeAt = p.start - left.length + before.index + before[0].indexOf(before[1] as string);
      const lead = ctx.text.slice(Math.max(ctx.sentence.start, officeAt - 30), officeAt);
      const prev = ctx.namedMentions[p.index - 1];
      const coordinated = prev !== undefined && prev.type === 'Person' && AFTER_PERSON_AND.test(ctx.text.slice(prev.end, officeAt));
      found = !OWNED_BEFORE.test(lead) && !coordinated;
    }
    if (!found) {
      const right = ctx.text.slice(p.end, Math.min(ctx.sentence.end, p.end + 90));
      const after = OFFICE_AFTER.exec(right) ?? APPOINTED_AFTER.exec(right);
      found = after !== null && ownerlessOffice(after[1] as string);
    }
    if (!found) continue;
    const company = storyCompany(ctx);
    if (!company || company.start >= p.start || company.entityId === p.entityId) continue;
    const near = mentionNear(ctx, company.entityId, p.start);
    if (!near) continue;
    if (companies.some((c) => c.entityId !== company.entityId)) continue;
    if (qualifiedByOther(ctx, p, company.entityId)) continue;
    const here = companies.find((c) => c.entityId === company.entityId);
    out.push({
      subject: p,
      predicate: 'HOLDS_ROLE',
      object: here ?? referenceView(near, p.start, ctx.sentenceIndex),
      rule: 'officer-story.story-company',
      confidence: 0.55,
    });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'officer-story',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: "A company officer written without the company: the post is held at the story's company, or at the company the sentence is about.",
  variants: [
    { id: 'officer-story.story-company', example: '"Chairman X told analysts", "said X, treasurer" in a story about one company (not "President X", not "former chairman X")' },
    { id: 'officer-story.named', example: '"Acme said it named X president and chief executive", "Acme said its board elected X chairman"' },
    { id: 'officer-story.speaker', example: '"Acme has placed an order with Boeing, chairman X said" (the subject company)' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  cue: /chairman|chairwoman|president|chief|treasurer|controller|managing director|counsel|\bceo\b|\bcfo\b|\bcoo\b/i,
  sidesInSentence: 'subject',
  run: officerStoryRule,
};
