import type { MentionView, SentenceContext } from './sentence-context.ts';

/**
 * The country a story is about, as rules read it: the country named at least three times and at
 * least twice as often as any other (demonyms and capitals used for the government count). News
 * leaves out the country of that story's own officials and places ("Prime Minister X", "the city
 * of Ibadan"), so a few rules fill it in from here. Null when no country dominates.
 */

const MIN_MENTIONS = 3;
/** How many times more often than any other country the story country is named. */
const DOMINANCE = 2;

export interface StoryCountry {
  country: MentionView;
  count: number;
}

const dominantCache = new WeakMap<readonly MentionView[], StoryCountry | null>();

/** The country the story is about, if one clearly dominates its country mentions. */
export function storyCountry(ctx: SentenceContext): StoryCountry | null {
  const doc = ctx.documentMentions;
  if (dominantCache.has(doc)) return dominantCache.get(doc) ?? null;
  const counts = new Map<string, { first: MentionView; count: number }>();
  for (const m of doc) {
    if (m.type !== 'Country') continue;
    const c = counts.get(m.entityId);
    if (c) c.count++;
    else counts.set(m.entityId, { first: m, count: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  const top = ranked[0];
  const second = ranked[1]?.count ?? 0;
  const found = top && top.count >= MIN_MENTIONS && top.count >= DOMINANCE * second ? { country: top.first, count: top.count } : null;
  dominantCache.set(doc, found);
  return found;
}

