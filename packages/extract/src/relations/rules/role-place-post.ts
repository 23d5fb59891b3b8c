import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for a post of a town or of a public land: "Lakeside spokesman Tom Berg", "Lakeside
 * Mayor Ann Ruiz", "Ann Ruiz, a spokeswoman for the Pine Ridge National Forest". A city, a park or
 * a forest speaks through the officials of the body that runs it; `role` reads posts of
 * organizations and countries only, since most words between a place and a name are no post of
 * the place ("Lyon director X" is a director from Lyon). So only the posts a place itself has:
 * its spokespeople, mayor, officials, police and fire chiefs, managers and superintendents.
 *
 * Not a state or a province (their posts are written with the body: "the state's health
 * department"), not a country (`role`), and not a national side ("Lyon coach X", `role.team`).
 */

/** Posts of a town or a public land, in the words right before a name or after an appositive's article. */
const PLACE_POST =
  '(?:spokes(?:man|woman|person)|mayor|deputy mayor|city manager|city attorney|city clerk|town clerk|police chief|fire chief|police commissioner|fire marshal|official|ranger|superintendent|supervisor|councilman|councilwoman|council member|alderman)';
/** "Lakeside spokesman ", "Lakeside Police Chief ", "Pine Ridge National Forest spokeswoman ". */
const POST_BEFORE_NAME = new RegExp(`^\\s+(?:(?:deputy|assistant|acting|chief|senior|interim)\\s+)?${PLACE_POST}\\s+$`, 'i');
/** ", a spokeswoman for the ", ", the mayor of ", ", superintendent of the ". */
const POST_APPOSITIVE = new RegExp(`^\\s*,\\s*(?:(?:a|an|the)\\s+)?(?:(?:deputy|assistant|acting|chief|senior|interim)\\s+)?${PLACE_POST}\\s+(?:for|of|at)\\s+(?:the\\s+)?$`, 'i');

/** After the place of an appositive post: a break, or a word that opens no noun phrase of the place. */
const PLACE_CLOSES = /^\s*(?:[,.;:)"”]|$|(?:in|near|outside|on|at|and|or|said|says|who|which|since|for|from|until|when|told)\b)/;

function isPostPlace(m: MentionView): boolean {
  return m.type === 'Place' && !m.adjectival && !m.reference && m.kind !== 'province' && m.kind !== 'continent' && m.kind !== 'region';
}

export function rolePlacePostRule(ctx: SentenceContext): RelationCandidate[] {
  const ms = ctx.mentions;
  const out: RelationCandidate[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const gap = ctx.text.slice(a.end, b.start);
    if (isPostPlace(a) && b.type === 'Person' && !b.reference && POST_BEFORE_NAME.test(gap)) {
      out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'role-place-post.title', confidence: 0.65 });
    } else if (a.type === 'Person' && !a.reference && isPostPlace(b) && POST_APPOSITIVE.test(gap)) {
      // "the mayor of Lyon's office": the post is in what the place's possessive opens; "a spokesman
      // for the Munich prosecutor": the place only describes the body after it. The place closes the phrase.
      if (!PLACE_CLOSES.test(ctx.text.slice(b.end, Math.min(ctx.sentence.end, b.end + 12)))) continue;
      out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'role-place-post.appositive', confidence: 0.65 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-place-post',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Place'],
  summary: 'A post of a town or a public land: its spokespeople, mayor, officials, police and fire chiefs.',
  variants: [
    { id: 'role-place-post.title', example: '"Lakeside spokesman Tom Berg", "Pine Ridge National Forest spokeswoman Ann Ruiz"' },
    { id: 'role-place-post.appositive', example: '"Ann Ruiz, a spokeswoman for the Pine Ridge National Forest", "Tom Berg, the mayor of Lakeside"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  run: rolePlacePostRule,
};
