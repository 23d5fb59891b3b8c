import type { CrawlMemory } from '../../src/crawl/interfaces/crawl-stages.ts';

/** A crawl memory that remembers nothing: every URL is unseen, no validators, no duplicate content. */
export function forgetfulMemory(): CrawlMemory {
  return {
    getValidators: async () => null,
    setValidators: async () => {},
    filterUnseen: async (urls) => urls,
    markSeen: async () => {},
    claimContent: async () => null,
  };
}
