import type { CrawlState } from './crawl-state.ts';
import type { NearDuplicateScheme } from '../dedupe/near-duplicate-scheme.ts';
import { minhashScheme } from '../dedupe/near-duplicate-scheme.ts';
import { bestMatch, type NearDuplicateMatch } from '../dedupe/near-duplicate-index.ts';

/**
 * Near-duplicate lookups backed by the crawl state, so they survive restarts and are shared by
 * distributed workers (RedisCrawlState). Same semantics as the in-memory index, but async.
 */
export class PersistentNearDuplicateIndex {
  readonly state: CrawlState;
  readonly scheme: NearDuplicateScheme;

  constructor(state: CrawlState, scheme: NearDuplicateScheme = minhashScheme()) {
    this.state = state;
    this.scheme = scheme;
  }

  /** Stores `text` under `id`; returns its fingerprint (null when the text is too short). */
  async add(id: string, text: string): Promise<string | null> {
    return (await this.claim(id, text)).fingerprint;
  }

  async findNear(text: string): Promise<NearDuplicateMatch | null> {
    const fp = this.scheme.fingerprint(text);
    if (!fp) return null;
    return bestMatch(this.scheme, fp, await this.state.nearDuplicateCandidates(this.scheme.name, this.scheme.bands(fp)));
  }

  /**
   * findNear, then add when nothing is near: what the crawl does with every page, with the
   * fingerprint and its bands computed once (they are most of the cost).
   */
  async claim(id: string, text: string): Promise<{ near: NearDuplicateMatch | null; fingerprint: string | null }> {
    const fp = this.scheme.fingerprint(text);
    if (!fp) return { near: null, fingerprint: null };
    const bands = this.scheme.bands(fp);
    const near = bestMatch(this.scheme, fp, await this.state.nearDuplicateCandidates(this.scheme.name, bands));
    if (!near) await this.state.addNearDuplicate(this.scheme.name, id, fp, bands);
    return { near, fingerprint: fp };
  }
}
