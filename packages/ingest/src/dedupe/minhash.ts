import { wordTokens } from './simhash.ts';

/**
 * MinHash (Broder 1997) over word 3-shingles with LSH banding. SimHash at 3 bits of 64 only
 * matches texts that differ by well under 1%; a wire story republished with another dateline,
 * byline and footer differs by a few percent, which MinHash measures directly as the Jaccard
 * similarity of the shingle sets. 64 hashes in 16 bands of 4 rows: a pair with Jaccard 0.6 becomes
 * a candidate with probability 0.89, at 0.8 with 0.9998, at 0.3 with 0.12.
 */

export const MINHASH_HASHES = 64;
export const MINHASH_BANDS = 16;
const ROWS = MINHASH_HASHES / MINHASH_BANDS;
const SHINGLE = 3;
/** Texts with fewer distinct shingles get no signature (exact hashing still applies). */
export const MINHASH_MIN_SHINGLES = 20;

const FNV_OFFSET = 0x811c9dc5;
const SPACE = 0x20;

function fnv1aStep(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function fnv1a(text: string): number {
  return fnv1aStep(FNV_OFFSET, text) >>> 0;
}

/** fnv1a of `words[start..start+SHINGLE)` joined by spaces, without building the joined string (the crawl's hottest loop). */
function shingleHash(words: readonly string[], start: number): number {
  let h = fnv1aStep(FNV_OFFSET, words[start]!);
  for (let k = 1; k < SHINGLE; k++) h = fnv1aStep(Math.imul(h ^ SPACE, 0x01000193), words[start + k]!);
  return h >>> 0;
}

/** A strong 32-bit mix (murmur3 finaliser) of a base hash and a per-permutation seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS: number[] = Array.from({ length: MINHASH_HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15, 0x5bd1e995));

/** MinHash signature of `text` as 512 hex digits (64 hashes × 8), or null when the text is too short. */
export function minhashSignature(text: string): string | null {
  const words = wordTokens(text);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(shingleHash(words, i));
  if (shingles.size < MINHASH_MIN_SHINGLES) return null;
  const mins = new Uint32Array(MINHASH_HASHES).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < MINHASH_HASHES; i++) {
      const v = mix(h, SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  let out = '';
  for (const v of mins) out += v.toString(16).padStart(8, '0');
  return out;
}

export function isMinhashSignature(value: string): boolean {
  return value.length === MINHASH_HASHES * 8 && /^[0-9a-f]+$/.test(value);
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function minhashSimilarity(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < MINHASH_HASHES; i++) if (a.startsWith(b.slice(i * 8, i * 8 + 8), i * 8)) same++;
  return same / MINHASH_HASHES;
}

/** LSH band keys: texts sharing any key are candidates. Keys are short (band number + 32-bit hash of its rows). */
export function minhashBands(signature: string): string[] {
  const keys: string[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    const rows = signature.slice(b * ROWS * 8, (b + 1) * ROWS * 8);
    keys.push(`m${b}:${fnv1a(rows).toString(16).padStart(8, '0')}`);
  }
  return keys;
}
