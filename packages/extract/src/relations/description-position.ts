import type { SentenceContext } from './sentence-context.ts';

/**
 * Whether a definite description ("the Tory leader", "the Arsenal boss") stands in subject
 * position: it opens the sentence (after a conjunction or a discourse word), follows a verb of
 * saying ("'...,' said the Arsenal boss") or opens a clause coordinated by ", but" / ", and".
 * Elsewhere ("a friend of the Tory leader", "only for the Celtic goalkeeper to save") the
 * description is seldom the person the story is about.
 */

const OPENING = /^[\s"“‘'(]*(?:(?:but|and|however,?|meanwhile,?|now|yet|so|instead,?|later,?)\s+)?$/i;
const ATTRIBUTION = /\b(?:said|says|added|adds|admitted|admits|insisted|insists|explained|explains|warned|warns|revealed|reveals|claimed|claims|argued|argues)\s+$/i;
const COORDINATED = /,\s+(?:but|and)\s+$/i;

export type DescriptionPosition = 'opening' | 'attribution' | 'coordinated';

/** Where a description starting at `start` ("the" included) stands in its sentence, if in subject position. */
export function descriptionPosition(ctx: SentenceContext, start: number): DescriptionPosition | null {
  const before = ctx.text.slice(ctx.sentence.start, start);
  if (OPENING.test(before)) return 'opening';
  if (ATTRIBUTION.test(before.slice(-24))) return 'attribution';
  if (COORDINATED.test(before.slice(-12))) return 'coordinated';
  return null;
}
