import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import { firstDocumentMentionAtOrAfter, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { referenceView } from '../references.ts';

/**
 * HOLDS_ROLE for a post owned by "its": "Hungary held up the package. Its foreign minister, Gabor
 * Halmi, said ..."; "The company denied the report. Its director, Ana Ruiz, said ..."; "Rostec said
 * its chief executive, X, would ...". "its" is not one of the pronouns references.ts resolves (it
 * is too often "its war", "its next package"), so this rule resolves it where it owns a post set
 * off before a name:
 * - inside the sentence, to the organization or country that is the clause's subject before "its";
 * - opening the sentence, to the subject of the sentence before: a name opening it, or "The
 *   company / firm / bank" opening it, which stands for the first company of the nearest sentence
 *   naming one (the story's topic carries over, as a subject pronoun's does).
 * A government post (minister, ambassador) takes a country; a company post (director, owner,
 * chief executive) an organization; other posts either.
 */

const ITS_POST = /\b[Ii]ts\s+((?:(?:former|new|acting|deputy|interim|current|longtime|long-serving)\s+)?(?:[a-z-]+\s+){0,3}?([a-z-]+))\s*,\s*$/;
const GOVERNMENT_POST = /\b(?:minister|ambassador|envoy|premier|prime minister|governor|consul)\b/;
const COMPANY_POST = /\b(?:director|owner|founder|chief executive|executive|ceo|chairman|chairwoman|manager|shareholder|partner|treasurer)\b/;
const OWNER_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
/** Before a sentence's subject: a quote mark, an article, up to three describing words ("Russian diamond miner"). */
const SUBJECT_LEAD = /^[\s"“‘(]*(?:(?:the|a|an)\s+)?(?:[A-Za-z-]+\s+){0,3}$/;
const DESCRIBED_COMPANY = /^[\s"“‘(]*the\s+(?:company|firm|group|bank|lender|maker|manufacturer|supplier|trader|exporter)\b/i;
const LOOKBACK_SENTENCES = 5;

function isCompany(m: MentionView): boolean {
  return m.type === 'Organization' && !m.adjectival && (m.kind === 'Company' || m.kind === 'Bank' || m.kind === null);
}

/** The named mentions of sentence `index`, from the document's list. */
function sentenceMentions(ctx: SentenceContext, index: number): MentionView[] {
  const s = ctx.sentences[index];
  if (!s) return [];
  const out: MentionView[] = [];
  for (let i = firstDocumentMentionAtOrAfter(ctx, s.start); i < ctx.documentMentions.length; i++) {
    const m = ctx.documentMentions[i] as MentionView;
    if (m.start >= s.end) break;
    out.push(m);
  }
  return out;
}

/** The subject of the sentence before this one, as an organization or country, or null. */
function previousSubject(ctx: SentenceContext, companyPost = false): MentionView | null {
  const index = ctx.sentenceIndex - 1;
  const prev = ctx.sentences[index];
  if (!prev) return null;
  const lead = ctx.text.slice(prev.start, Math.min(prev.end, prev.start + 40));
  if (DESCRIBED_COMPANY.test(lead)) {
    for (let i = index - 1; i >= 0 && i >= index - LOOKBACK_SENTENCES; i--) {
      const company = sentenceMentions(ctx, i).find(isCompany);
      if (company) return company;
    }
    return null;
  }
  const mentions = sentenceMentions(ctx, index);
  const first = mentions[0];
  if (!first || !OWNER_TYPES.has(first.type) || first.adjectival) return null;
  if (!SUBJECT_LEAD.test(ctx.text.slice(prev.start, first.start))) return null;
  // "The ministry said Skyline bought parts ... . Its owner, X,": a company's post belongs to the
  // subject of what the public body reported, the company named right after "said".
  if (companyPost && !isCompany(first)) {
    const reported = mentions.find((m) => m.start > first.end && isCompany(m));
    if (reported && /^[\s,]*(?:[\w,]+\s+){0,4}?(?:said|says|announced|alleged|alleges)\s+(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(ctx.text.slice(first.end, reported.start))) return reported;
  }
  return first;
}

/** "X, its spokeswoman, said": a name opening the sentence with "its" post after it. */
const NAME_ITS_POST = /^\s*,\s*its\s+((?:(?:former|new|acting|deputy|interim|chief)\s+)?(?:[a-z-]+\s+){0,2}?([a-z-]+))\s*,/;

/** The organization or country subject of this sentence before `pos`, or null. */
function clauseSubject(ctx: SentenceContext, pos: number): MentionView | null {
  const first = ctx.namedMentions[0];
  if (!first || first.end > pos || !OWNER_TYPES.has(first.type) || first.adjectival) return null;
  if (!SUBJECT_LEAD.test(ctx.text.slice(ctx.sentence.start, first.start))) return null;
  // "Rostec said its chief executive": only a reporting verb between the subject and "its".
  return /^\s+(?:(?:has|had|also)\s+)?(?:said|says|announced|confirmed|added|named|appointed)\s+(?:that\s+)?(?:on\s+\w+\s+)?$/i.test(ctx.text.slice(first.end, pos)) ? first : null;
}

export function roleItsRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const person of ctx.namedMentions) {
    if (person.type !== 'Person') continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, person.start - 70), person.start);
    const post = ITS_POST.exec(left);
    if (!post) continue;
    const words = (post[1] as string).toLowerCase();
    const head = post[2] as string;
    if (!ROLE_HEADS.has(head) && !COMPANY_POST.test(words)) continue;
    const itsAt = person.start - left.length + post.index;
    const opening = /^[\s"“‘(]*$/.test(ctx.text.slice(ctx.sentence.start, itsAt));
    const owner = opening ? previousSubject(ctx, COMPANY_POST.test(words)) : clauseSubject(ctx, itsAt);
    if (!owner || owner.entityId === person.entityId) continue;
    if (GOVERNMENT_POST.test(words) && owner.type !== 'Country') continue;
    if (COMPANY_POST.test(words) && owner.type !== 'Organization') continue;
    const object = owner.sentenceIndex === ctx.sentenceIndex ? owner : referenceView(owner, itsAt, ctx.sentenceIndex);
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object, rule: opening ? 'role-its.previous' : 'role-its.clause', confidence: 0.7 });
  }
  // "The foreign ministry called it hostile. Irina Solovyova, its spokeswoman, said ...".
  const first = ctx.namedMentions[0];
  const post = first && first.type === 'Person' && /^[\s"“‘(]*$/.test(ctx.text.slice(ctx.sentence.start, first.start)) ? NAME_ITS_POST.exec(ctx.text.slice(first.end, first.end + 80)) : null;
  if (first && post) {
    const words = (post[1] as string).toLowerCase();
    if (ROLE_HEADS.has(post[2] as string) || COMPANY_POST.test(words)) {
      const owner = previousSubject(ctx, COMPANY_POST.test(words));
      const fitsPost = owner && (!GOVERNMENT_POST.test(words) || owner.type === 'Country') && (!COMPANY_POST.test(words) || owner.type === 'Organization');
      if (owner && fitsPost && owner.entityId !== first.entityId) {
        out.push({ subject: first, predicate: 'HOLDS_ROLE', object: referenceView(owner, first.end, ctx.sentenceIndex), rule: 'role-its.apposed', confidence: 0.65 });
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-its',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country'],
  summary: 'A post owned by "its" next to a name: "Its director, X," and "X, its spokeswoman," (the subject of the sentence before), "Y said its chief executive, X,".',
  variants: [
    { id: 'role-its.previous', example: '"Hungary held up the package. Its foreign minister, X, said"; "The company denied it. Its director, X, said"' },
    { id: 'role-its.clause', example: '"Rostec said its chief executive, X, would resign"' },
    { id: 'role-its.apposed', example: '"The ministry called it hostile. X, its spokeswoman, said"' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  cue: /\b[Ii]ts\s/,
  sidesInSentence: 'subject',
  run: roleItsRule,
};
