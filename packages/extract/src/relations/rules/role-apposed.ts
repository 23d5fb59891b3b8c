import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE in an appositive whose organization is not the first thing after the post:
 * - "Ana Ruiz, head of the northern cells and a member of the Harbour Workers Union": a second post,
 *   joined by "and", after a first one whose object is no organization the text names;
 * - "Ana Ruiz, leader of the largest opposition party, the Civic Forum": the post's object is a
 *   common noun phrase, and the organization follows it as its own appositive.
 * The general appositive rule reads "X, <post> of <Org>" when the organization comes right after
 * the post; these are the two ways English puts words between.
 */

/** Heads of ROLE_HEADS that name what someone is to others, not a post they hold. */
const NOT_POSTS = new Set(['rival', 'opponent', 'challenger', 'champion', 'veteran', 'dr', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'expert', 'pundit', 'commentator', 'historian', 'actor', 'actress', 'singer', 'writer', 'author', 'activist', 'dissident', 'tycoon', 'billionaire', 'magnate']);
const POSTS = new Set([...[...ROLE_HEADS].filter((w) => !NOT_POSTS.has(w)), 'member', 'members', 'employee', 'trustee', 'fellow']);

/** ", <post> of <words> and (a) <post> of (the)": group 1 and group 2 are the two heads. */
const SECOND_POST =
  /^\s*,\s*(?:(?:the|a|an)\s+)?(?:[\w.-]+\s+){0,3}?([a-z-]+)\s+(?:of|for|at|with|in)\s+[^,;:()"“”]{1,80}?\s+and\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?([a-z-]+)\s+(?:of|for|at|with)\s+(?:the\s+)?$/i;
/** ", <post> of the <adjectives> <body noun>, (the)": the body named after its description. */
const NAMED_BODY =
  /^\s*,\s*(?:(?:the|a|an)\s+)?(?:[\w.-]+\s+){0,3}?([a-z-]+)\s+(?:of|for|at)\s+(?:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+){0,4}(?:party|company|firm|group|union|association|federation|agency|bank|movement|front|alliance|organi[sz]ation|council|committee|institute|foundation|network|coalition|league)\s*,\s*(?:the\s+)?$/i;

export function isPost(word: string | undefined): boolean {
  return !!word && POSTS.has(word.toLowerCase());
}

export function roleApposedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const person = ms[i]!;
    if (person.type !== 'Person' || person.reference || !/^\s*,/.test(ctx.text.slice(person.end, person.end + 3))) continue;
    // The organization: one of the next few mentions, the words before it all inside the appositive.
    for (let j = i + 1; j < ms.length && j <= i + 4; j++) {
      const org: MentionView = ms[j]!;
      if (org.type === 'Person' || org.start - person.end > 200) break;
      if (org.type !== 'Organization' || org.adjectival || org.reference) continue;
      const gap = ctx.text.slice(person.end, org.start);
      const second = SECOND_POST.exec(gap);
      if (second && isPost(second[1]) && isPost(second[2])) {
        out.push({ subject: person, predicate: 'HOLDS_ROLE', object: org, rule: 'role-apposed.second-post', confidence: 0.7 });
        break;
      }
      const named = j === i + 1 ? NAMED_BODY.exec(gap) : null;
      if (named && isPost(named[1])) {
        out.push({ subject: person, predicate: 'HOLDS_ROLE', object: org, rule: 'role-apposed.named-body', confidence: 0.7 });
        break;
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-apposed',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'A post in an appositive with words between it and the organization: a second post after "and", or the body named after its description.',
  variants: [
    { id: 'role-apposed.second-post', example: '"X, head of the northern cells and a member of Y"' },
    { id: 'role-apposed.named-body', example: '"X, leader of the largest opposition party, Y"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: roleApposedRule,
};
