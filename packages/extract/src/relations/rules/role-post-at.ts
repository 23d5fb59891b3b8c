import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import { between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for two appositions that the title rules leave out because a name stands inside
 * the title or the post is long:
 * - the organization is introduced by its home: "X, an analyst at the Vienna-based Institute for
 *   Y", "X, a senior fellow at the London-registered Z" (the place is a word of the description);
 * - a country's post with a long complement before the name: "Uzbekistan's deputy minister of
 *   investment and foreign trade, X," (the post ends in a role word before "of"/"for").
 */

const ORG_OR_COUNTRY: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
/** ", an analyst at the ": article, up to four lower-case words ending in a role word, at/with/for/of, the. */
const POST_AT = /^\s*,\s+(?:a|an|the)\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)\s+(?:at|with|for|of)\s+the\s+$/;
/** "-based ", "-registered " between the place and the organization. */
const BASED = /^-(?:based|registered|headquartered)\s+$/;
/** "'s deputy minister of investment and foreign trade, ": the post, a complement of up to eight words, a comma. */
const COUNTRY_POST = /^['’]s\s+((?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*)\s+(?:of|for)\s+(?:[a-z][a-z-]*\s+){1,7}?[a-z][a-z-]*,\s+$/;

function roleWord(words: string): boolean {
  const last = words.trim().split(/\s+/).pop() ?? '';
  return ROLE_HEADS.has(last);
}

export function rolePostAtRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i] as MentionView;
    const b = ms[i + 1] as MentionView;
    // Person, a post at the <Place>-based <Organization>.
    if (a.type === 'Person' && !a.reference && (b.type === 'Place' || b.type === 'Country') && !b.adjectival) {
      const org = ms[i + 2];
      const post = POST_AT.exec(between(ctx, a.end, b.start));
      if (org && org.type === 'Organization' && post && roleWord(post[1] as string) && BASED.test(between(ctx, b.end, org.start))) {
        out.push({ subject: a, predicate: 'HOLDS_ROLE', object: org, rule: 'role-post-at.based', confidence: 0.75 });
      }
    }
    // <Country>'s <post> of <complement>, Person.
    if (ORG_OR_COUNTRY.has(a.type) && !a.adjectival && b.type === 'Person' && !b.reference) {
      const post = COUNTRY_POST.exec(between(ctx, a.end, b.start));
      if (post && roleWord(post[1] as string)) out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'role-post-at.long-post', confidence: 0.75 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-post-at',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country'],
  summary: 'A post in an apposition whose organization is introduced by its home ("X, an analyst at the Vienna-based Y"), or a country\'s post with a long complement ("Uzbekistan\'s deputy minister of investment and foreign trade, X").',
  variants: [
    { id: 'role-post-at.based', example: '"X, an analyst at the Vienna-based Institute for Y"' },
    { id: 'role-post-at.long-post', example: '"Uzbekistan\'s deputy minister of investment and foreign trade, X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /-(?:based|registered|headquartered)\s|['’]s\s+[a-z][^,.;]{0,80}\s(?:of|for)\s[^,.;]{1,80},/i,
  sidesInSentence: 'both',
  run: rolePostAtRule,
};
