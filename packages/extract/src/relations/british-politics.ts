import type { MentionView, SentenceContext } from './sentence-context.ts';

/**
 * Whether a story is about British politics, as the rules that fill in the UK read it: it names a
 * political party the lexicon places in the UK (Labour, the Conservatives, the Liberal Democrats,
 * the SNP, Plaid Cymru, UKIP). British reporting leaves the country out of its own government's
 * offices ("Chancellor X", "Prime Minister X") and seldom names the UK in such a story.
 */

const cache = new WeakMap<readonly MentionView[], boolean>();

export function namesBritishParty(ctx: SentenceContext): boolean {
  const doc = ctx.documentMentions;
  const known = cache.get(doc);
  if (known !== undefined) return known;
  let found = false;
  for (const m of doc) {
    if (m.type !== 'Organization') continue;
    const attributes = ctx.entities.get(m.entityId)?.attributes;
    if (attributes?.['kind'] === 'PoliticalParty' && attributes['country'] === 'GB') {
      found = true;
      break;
    }
  }
  cache.set(doc, found);
  return found;
}
