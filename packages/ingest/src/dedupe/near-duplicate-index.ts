import type { NearDuplicateScheme } from './near-duplicate-scheme.ts';
import { minhashScheme, simhashScheme } from './near-duplicate-scheme.ts';

/** A found near duplicate: the id it was added under and how similar it is (1 = identical). */
export interface NearDuplicateMatch {
  id: string;
  similarity: number;
}

/**
 * Finds an earlier article whose text is nearly the same (same wire story, other outlet).
 * The pipeline records the newcomer as another publication of the story it matches.
 */
export interface NearDuplicateIndex {
  /** Indexes `text` under `id`; returns its fingerprint (null when too short to fingerprint). */
  add(id: string, text: string): string | null;
  /** The id of the most similar indexed text that matches, or null. */
  findNear(text: string): string | null;
  addFingerprint(id: string, fingerprint: string): void;
  findNearFingerprint(fingerprint: string): NearDuplicateMatch | null;
  remove(id: string): void;
  readonly size: number;
}

/**
 * In-memory banded index: one table per band key, so a lookup touches only texts sharing a band
 * (sub-linear in the number of indexed articles), then the scheme confirms the match.
 */
export class BandedNearDuplicateIndex implements NearDuplicateIndex {
  readonly scheme: NearDuplicateScheme;
  private readonly fingerprints = new Map<string, string>();
  private readonly buckets = new Map<string, Set<string>>();

  constructor(scheme: NearDuplicateScheme) {
    this.scheme = scheme;
  }

  get size(): number {
    return this.fingerprints.size;
  }

  add(id: string, text: string): string | null {
    const fp = this.scheme.fingerprint(text);
    if (fp) this.addFingerprint(id, fp);
    return fp;
  }

  addFingerprint(id: string, fingerprint: string): void {
    if (!this.scheme.isFingerprint(fingerprint)) throw new Error(`not a ${this.scheme.name} fingerprint: ${fingerprint.slice(0, 40)}`);
    this.remove(id);
    this.fingerprints.set(id, fingerprint);
    for (const key of this.scheme.bands(fingerprint)) {
      let ids = this.buckets.get(key);
      if (!ids) this.buckets.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string): void {
    const fp = this.fingerprints.get(id);
    if (!fp) return;
    this.fingerprints.delete(id);
    for (const key of this.scheme.bands(fp)) {
      const ids = this.buckets.get(key);
      ids?.delete(id);
      if (ids && ids.size === 0) this.buckets.delete(key);
    }
  }

  findNear(text: string): string | null {
    const fp = this.scheme.fingerprint(text);
    return fp ? (this.findNearFingerprint(fp)?.id ?? null) : null;
  }

  findNearFingerprint(fingerprint: string): NearDuplicateMatch | null {
    return bestMatch(this.scheme, fingerprint, this.candidates(fingerprint));
  }

  /** Every (id, fingerprint), for persisting. */
  *entries(): IterableIterator<[string, string]> {
    yield* this.fingerprints.entries();
  }

  private *candidates(fingerprint: string): IterableIterator<[string, string]> {
    const seen = new Set<string>();
    for (const key of this.scheme.bands(fingerprint)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        yield [id, this.fingerprints.get(id)!];
      }
    }
  }
}

/** The best matching candidate (highest similarity, then smallest id for determinism), or null. */
export function bestMatch(scheme: NearDuplicateScheme, fingerprint: string, candidates: Iterable<[string, string]>): NearDuplicateMatch | null {
  let best: NearDuplicateMatch | null = null;
  for (const [id, other] of candidates) {
    if (!scheme.matches(fingerprint, other)) continue;
    const similarity = scheme.similarity(fingerprint, other);
    if (!best || similarity > best.similarity || (similarity === best.similarity && id < best.id)) best = { id, similarity };
  }
  return best;
}

/** SimHash index (64 bits, Hamming ≤ 3 by default, four 16-bit bands). */
export class SimhashIndex extends BandedNearDuplicateIndex {
  constructor(options: { maxDistance?: number } = {}) {
    super(simhashScheme(options.maxDistance));
  }
}

/** MinHash-LSH index (Jaccard ≥ 0.6 by default): the default for news, robust to datelines, bylines and footers. */
export class MinHashIndex extends BandedNearDuplicateIndex {
  constructor(options: { threshold?: number } = {}) {
    super(minhashScheme(options.threshold));
  }
}
