import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { isPost } from './role-apposed.ts';

/**
 * HOLDS_ROLE where a post in an organization comes first, then the person's profession before
 * the name: "Norvik's technical manager, engineer Ana Ruiz, said", "another Norvik employee,
 * attorney Ana Ruiz, wrote", "the Norvik plant's safety chief, chemist Ana Ruiz". `role.title`
 * reads the post when the name follows its comma ("Norvik's chief executive, Ana Ruiz"); a word of
 * trade or rank between ("engineer", "retired colonel") is the common variant of news copy.
 *
 * The post must be one (`isPost`: "rival" or "critic" is no post held), and the words after the
 * comma must be a lower-case profession, not a conjunction or a clause ("Norvik's chief, and
 * later Ana Ruiz").
 */

/** Between the organization and the name: ['s] (words) <post>, (a|the) <one or two professions>. */
const POST_THEN_PROFESSION =
  /^(?:\s?['’]s)?\s+(?:(?:[a-z][\w-]*\s+){0,3}?)([a-z][\w-]*)\s*,\s*(?:(?:a|an|the)\s+)?((?:[a-z][\w-]*\s+){1,2})$/;
/** A post and a profession fit in a few words; a longer gap is no such apposition (and keeps the regex cheap). */
const MAX_GAP = 120;
/** Words that open a clause or a list, never a profession before a name. */
const NOT_PROFESSION = /\b(?:and|or|but|nor|while|whereas|said|says|told|with|to|of|for|in|on|at|by|from|as|who|which|that|is|was|has|had)\b/i;

export function rolePostProfessionRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const org = ms[i]!;
    const person = ms[i + 1]!;
    if (org.type !== 'Organization' || org.adjectival || org.reference || person.type !== 'Person' || person.reference) continue;
    if (person.start - org.end > MAX_GAP) continue;
    const m = POST_THEN_PROFESSION.exec(ctx.text.slice(org.end, person.start));
    if (!m || !isPost(m[1]) || NOT_PROFESSION.test(m[2]!)) continue;
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: org, rule: 'role-post-profession.possessive', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-post-profession',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'A post in an organization, then the person\'s profession before the name: "Y\'s technical manager, engineer X".',
  variants: [{ id: 'role-post-profession.possessive', example: '"Y\'s technical manager, engineer X", "another Y employee, attorney X"' }],
  acceptsReferences: false,
  minMentions: 2,
  cue: /,/,
  sidesInSentence: 'both',
  run: rolePostProfessionRule,
};
