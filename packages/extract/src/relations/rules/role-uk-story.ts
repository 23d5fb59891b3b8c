import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { referenceView } from '../references.ts';
import { storyCountry } from '../story-country.ts';
import { namesBritishParty } from '../british-politics.ts';
import { qualifiedBy, type QualifierReading } from '../person-qualifiers.ts';

/**
 * HOLDS_ROLE for the head offices of British government written without their country in a story
 * about British politics: "Prime Minister Tony Blair", "Chancellor Gordon Brown", "Deputy Prime
 * Minister John Prescott". British reporting leaves the country out of its own government's
 * offices, so such a title is the UK's when the story is about British politics: it names a
 * British party (an organization the lexicon places in the UK, such as Labour or the Liberal
 * Democrats) and the UK itself, and no other country more often than the UK. Not when the title is
 * qualified ("German Chancellor X", "Labour's Prime Minister", "Israel's Prime Minister") nor when
 * another mention of the person is qualified by another country or body ("French Prime Minister X"
 * elsewhere in the story). `role-context` covers a story whose country dominates; `role.uk-office`
 * the offices only the UK has. The claim records the sentence that first names the UK.
 */

/** The offices, written before the name: capitalised as titles are, or in lower case after a verb ("said prime minister X"). */
const HEAD_OFFICE = /(?:^|[^\p{L}'’.-]\s*)((?:Deputy\s+)?Prime\s+Minister|Chancellor|(?:deputy\s+)?prime\s+minister)\s+$/u;
/** A qualifier right before the office: a demonym or name ("German Chancellor"), a possessive ("Israel's Prime Minister"). */
const QUALIFIED_BEFORE = /(?:['’]s|\p{Lu}[\p{L}.-]*)\s+$/u;
const UK = 'country:GB';

/** The body named right before each mention of a person ("French Prime Minister X"). */
const QUALIFIERS: QualifierReading = { lookback: 1 };

const storyCache = new WeakMap<readonly MentionView[], MentionView | null>();

/** "Labour leader X" is British: a body the lexicon places in the UK qualifies no one away from it. */
function britishBody(ctx: SentenceContext, ownerId: string): boolean {
  const owner = ctx.entities.get(ownerId);
  return owner?.type === 'Organization' && owner.attributes['country'] === 'GB';
}

/** The UK's first mention when the story is about British politics. */
function ukStory(ctx: SentenceContext): MentionView | null {
  const doc = ctx.documentMentions;
  if (storyCache.has(doc)) return storyCache.get(doc) ?? null;
  const countries = new Map<string, number>();
  let uk: MentionView | null = null;
  for (const m of doc) {
    if (m.type !== 'Country') continue;
    countries.set(m.entityId, (countries.get(m.entityId) ?? 0) + 1);
    if (m.entityId === UK && !uk) uk = m;
  }
  const ukCount = countries.get(UK) ?? 0;
  const dominated = [...countries].some(([id, n]) => id !== UK && n > ukCount);
  const found = uk && !dominated && namesBritishParty(ctx) ? uk : null;
  storyCache.set(doc, found);
  return found;
}

export function roleUkStoryRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  let story: MentionView | null | undefined;
  for (const p of ctx.namedMentions) {
    if (p.type !== 'Person') continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, p.start - 40), p.start);
    const office = HEAD_OFFICE.exec(left);
    if (!office) continue;
    const officeStart = p.start - left.length + office.index + office[0].indexOf(office[1] as string);
    const before = ctx.text.slice(Math.max(ctx.sentence.start, officeStart - 30), officeStart);
    // "how good a prime minister X will make": an office described, not held.
    if (QUALIFIED_BEFORE.test(before) || /\b(?:a|an)\s+$/i.test(before)) continue;
    story ??= ukStory(ctx);
    // A story whose country is the UK by count: role-context reads these offices there.
    if (!story || storyCountry(ctx)?.country.entityId === UK) return out;
    if (qualifiedBy(ctx, p, QUALIFIERS, (owner) => owner !== UK && !britishBody(ctx, owner))) continue;
    const uk = ctx.mentions.find((m) => m.entityId === UK && !m.reference) ?? referenceView(story, p.start, ctx.sentenceIndex);
    out.push({ subject: p, predicate: 'HOLDS_ROLE', object: uk, rule: 'role-uk-story.head-office', confidence: 0.55 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-uk-story',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: 'A head office of British government written without its country ("Chancellor X", "Prime Minister X") in a story about British politics.',
  variants: [
    {
      id: 'role-uk-story.head-office',
      example: '"Chancellor X", "Prime Minister X", "Deputy Prime Minister X" in a story that names a British party and the UK, and no other country more often',
    },
  ],
  acceptsReferences: false,
  minMentions: 1,
  cue: /Prime Minister|Chancellor|prime minister/,
  run: roleUkStoryRule,
};
