import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import { between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for a post in an apposition whose title names goods or a region before the
 * organization: "X, an oil analyst at Acme", "X, chief UK economist for Acme Bank", "X, Asia
 * director of Acme", "X, head of European equities at Acme". The goods or the place only say what
 * the post covers; the post is with the organization after "at", "for", "with" or "of". A former
 * post ("X, a former oil trader at Acme") is no role held.
 */

/** Words of the title between the comma and "at/for/of": no verb, no clause, no second name. */
const TITLE_WORD = /^[a-z][a-z&-]*$|^(?:of|and|&)$/;
const CLAUSE = /\b(?:said|says|told|who|which|that|is|was|has|had|will|would|former|ex|formerly|previously|until|when|while|and\s+(?:the|a|an)|with\s+(?:the|a|an)\s+\w+\s+(?:at|of))\b/;
const OPEN = /^\s*(?:<[^>]{1,12}>\s*)?,\s*(?:(?:a|an|the)\s+)?/;
const PREPOSITION = /\s+(?:at|for|with|of|from)\s+(?:the\s+)?$/;

/** The words of a title ("senior oil analyst", "chief UK economist"), with the mentions skipped read as words. */
function isTitle(gap: string): boolean {
  const open = OPEN.exec(gap);
  const prep = PREPOSITION.exec(gap);
  if (!open || !prep || prep.index < open[0].length) return false;
  const title = gap.slice(open[0].length, prep.index);
  if (CLAUSE.test(title) || title.length > 70) return false;
  const words = title.trim().split(/\s+/);
  if (words.length === 0 || words.length > 6) return false;
  // Goods and regions were blanked to a placeholder; every other word is lower case.
  if (!words.every((w) => w === '\u0000' || TITLE_WORD.test(w))) return false;
  return words.some((w) => ROLE_HEADS.has(w) || ROLE_HEADS.has(w.replace(/s$/, '')));
}

export function roleQualifiedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i < ms.length; i++) {
    const person = ms[i] as MentionView;
    if (person.type !== 'Person') continue;
    // Past goods and places inside the title: "an oil analyst", "chief UK economist".
    let j = i + 1;
    const skipped: MentionView[] = [];
    while (j < ms.length && skipped.length < 2) {
      const m = ms[j] as MentionView;
      if (m.type !== 'Goods' && m.type !== 'Country' && m.type !== 'Place') break;
      skipped.push(m);
      j++;
    }
    const org = ms[j];
    if (skipped.length === 0 || !org || org.type !== 'Organization' || org.adjectival || org.start - person.end > 100) continue;
    // The words between, each skipped mention blanked to one placeholder word, so the title reads as words.
    let gap = '';
    let at = person.end;
    for (const m of skipped) {
      gap += `${between(ctx, at, m.start)}\u0000`;
      at = m.end;
    }
    gap += between(ctx, at, org.start);
    if (isTitle(gap)) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: org, rule: 'role-qualified.appositive', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-qualified',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'A post in an apposition whose title names goods or a region before the organization ("X, an oil analyst at Acme").',
  variants: [{ id: 'role-qualified.appositive', example: '"X, an oil analyst at Acme", "X, chief UK economist for Acme Bank" (not "X, a former oil trader at Acme")' }],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: roleQualifiedRule,
};
