/**
 * Entity search is a case- and accent-insensitive prefix match on the name, any alias, or any
 * word inside them ("yellen" finds "Janet Yellen"). Stores index the keys below and answer a
 * query with a range scan over them, never a full scan.
 */

/** Lower-cased, accents removed, inner whitespace collapsed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Every suffix of the folded name that starts at a word: "Janet L. Yellen" →
 * ["janet l. yellen", "l. yellen", "yellen"]. The first key is the whole name.
 */
export function searchKeysFor(name: string): string[] {
  const folded = foldForSearch(name);
  if (!folded) return [];
  const keys = [folded];
  const wordStart = /(?<=[^\p{L}\p{N}])[\p{L}\p{N}]/gu;
  for (const match of folded.matchAll(wordStart)) {
    const key = folded.slice(match.index);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Exclusive upper bound of the range of keys that start with `prefix` (binary string order). */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
