/**
 * 64-bit SimHash (Charikar 2002) over word 3-shingles, for near-duplicate articles: the same
 * wire story republished by several outlets with a different headline, byline or footer lands
 * within a few bits. Fingerprints are 16 hex digits so they store anywhere (SQLite, Redis).
 */

export const SIMHASH_BITS = 64;
/** Near duplicates differ in at most this many bits (of 64). */
export const DEFAULT_MAX_DISTANCE = 3;
/** Texts with fewer shingles give unstable fingerprints: they get none (exact hashing still applies). */
export const MIN_SHINGLES = 24;
const SHINGLE = 3;

/** Lower-cased word tokens (letters and digits in any script). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Two independent 32-bit hashes of a string (FNV-1a and a murmur-style mix), as one 64-bit value. */
function hash64(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2, 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return [h1 >>> 0, h2 >>> 0];
}

/** The SimHash fingerprint of `text` as 16 hex digits, or null when the text is too short. */
export function simhash(text: string): string | null {
  const words = wordTokens(text);
  const count = words.length - SHINGLE + 1;
  if (count < MIN_SHINGLES) return null;
  const weights = new Int32Array(64);
  for (let i = 0; i < count; i++) {
    const [hi, lo] = hash64(words.slice(i, i + SHINGLE).join(' '));
    for (let b = 0; b < 32; b++) {
      weights[b]! += (hi >>> b) & 1 ? 1 : -1;
      weights[32 + b]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (weights[b]! > 0) hi |= 1 << b;
    if (weights[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function isFingerprint(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

/** Number of differing bits between two fingerprints. */
export function hammingDistance(a: string, b: string): number {
  const a1 = parseInt(a.slice(0, 8), 16);
  const a2 = parseInt(a.slice(8, 16), 16);
  const b1 = parseInt(b.slice(0, 8), 16);
  const b2 = parseInt(b.slice(8, 16), 16);
  return popcount32((a1 ^ b1) >>> 0) + popcount32((a2 ^ b2) >>> 0);
}

/**
 * The four 16-bit bands of a fingerprint. Two fingerprints within 3 bits agree exactly on at
 * least one of four bands (pigeonhole), so looking up each band finds every candidate.
 */
export function fingerprintBands(fingerprint: string): [string, string, string, string] {
  return [fingerprint.slice(0, 4), fingerprint.slice(4, 8), fingerprint.slice(8, 12), fingerprint.slice(12, 16)];
}
