/**
 * The entities named in the articles of one known entity, with how many articles named both:
 * entity numbers (an index's own numbering of ids) and counts in two typed arrays, in the order
 * first seen. An alias index holds one per entity it learned, up to a few hundred entries each;
 * as a Map from id to count they were 16 MB of the 25 MB an index held after 990 articles (about
 * 40 bytes an entry); laid out like this the index holds 9.8 MB less (heap and typed arrays
 * together). Plain data, so a structured
 * clone (postMessage) copies it whole.
 */
export interface CoMentions {
  numbers: Uint32Array;
  counts: Uint32Array;
  size: number;
}

export function emptyCoMentions(): CoMentions {
  return { numbers: new Uint32Array(4), counts: new Uint32Array(4), size: 0 };
}

/** Where entity `n` is among the co-mentions, or -1 (a scan: a few hundred entries at most). */
export function coMentionAt(c: CoMentions, n: number): number {
  const { numbers, size } = c;
  for (let i = 0; i < size; i++) if (numbers[i] === n) return i;
  return -1;
}

export function hasCoMention(c: CoMentions, n: number): boolean {
  return coMentionAt(c, n) >= 0;
}

/** One more article naming entity `n`; a new entity only while fewer than `limit` are held. */
export function countCoMention(c: CoMentions, n: number, limit: number): void {
  const at = coMentionAt(c, n);
  if (at >= 0) c.counts[at]!++;
  else if (c.size < limit) append(c, n, 1, limit);
}

/** Sets the count of entity `n` (restoring a snapshot), adding it if new. */
export function setCoMention(c: CoMentions, n: number, count: number): void {
  const at = coMentionAt(c, n);
  if (at >= 0) c.counts[at] = count;
  else append(c, n, count);
}

/** Grows by doubling, but never past `limit` entries (a full list of 300 holds 300, not 512). */
function append(c: CoMentions, n: number, count: number, limit = Infinity): void {
  if (c.size === c.numbers.length) {
    const capacity = Math.max(c.size + 1, Math.min(c.numbers.length * 2, limit));
    const numbers = new Uint32Array(capacity);
    numbers.set(c.numbers);
    const counts = new Uint32Array(capacity);
    counts.set(c.counts);
    c.numbers = numbers;
    c.counts = counts;
  }
  c.numbers[c.size] = n;
  c.counts[c.size] = count;
  c.size++;
}
