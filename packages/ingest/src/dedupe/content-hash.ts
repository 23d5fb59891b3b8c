import { contentHash } from '@newsgraph/shared';

/**
 * Exact-duplicate key of an article text: whitespace-normalised before hashing, so the same text
 * re-wrapped or re-indented by another outlet's template hashes the same. Uses shared contentHash.
 */
export function normalizedContentHash(text: string): string {
  return contentHash(text.normalize('NFC').replace(/\s+/g, ' ').trim());
}
