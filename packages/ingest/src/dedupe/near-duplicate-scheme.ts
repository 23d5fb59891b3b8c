import { DEFAULT_MAX_DISTANCE, fingerprintBands, hammingDistance, isFingerprint, simhash } from './simhash.ts';
import { isMinhashSignature, minhashBands, minhashSignature, minhashSimilarity } from './minhash.ts';

/**
 * How texts are fingerprinted and compared for near-duplicate detection. Indexes (in memory or in
 * the crawl state) store (id, fingerprint) and look candidates up by band key; the scheme then
 * decides whether a candidate really matches.
 */
export interface NearDuplicateScheme {
  /** Stored next to fingerprints so a state never mixes schemes. */
  readonly name: string;
  fingerprint(text: string): string | null;
  isFingerprint(value: string): boolean;
  /** Band keys: any shared key makes two fingerprints candidates. */
  bands(fingerprint: string): string[];
  /** Similarity in [0, 1] (1 = identical). */
  similarity(a: string, b: string): number;
  /** True when `similarity` is high enough to call the texts the same story. */
  matches(a: string, b: string): boolean;
}

/** 64-bit SimHash, match at Hamming distance ≤ maxDistance (≤ 3: four 16-bit bands find every match). */
export function simhashScheme(maxDistance: number = DEFAULT_MAX_DISTANCE): NearDuplicateScheme {
  if (maxDistance > 3 || maxDistance < 0) throw new Error('simhash with 4 bands supports a Hamming threshold of 0 to 3');
  return {
    name: `simhash64-d${maxDistance}`,
    fingerprint: simhash,
    isFingerprint,
    bands: (fp) => fingerprintBands(fp).map((band, i) => `s${i}:${band}`),
    similarity: (a, b) => 1 - hammingDistance(a, b) / 64,
    matches: (a, b) => hammingDistance(a, b) <= maxDistance,
  };
}

/** MinHash (64 hashes, 16 bands × 4 rows), match at estimated Jaccard ≥ threshold (default 0.6). */
export function minhashScheme(threshold = 0.6): NearDuplicateScheme {
  return {
    name: `minhash64-j${threshold}`,
    fingerprint: minhashSignature,
    isFingerprint: isMinhashSignature,
    bands: minhashBands,
    similarity: minhashSimilarity,
    matches: (a, b) => minhashSimilarity(a, b) >= threshold,
  };
}
