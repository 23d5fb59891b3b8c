import { sha256Hex } from '@newsgraph/shared';
import type { CrawlJobKind } from './interfaces/queue-jobs.ts';

/**
 * BullMQ forbids ':' in queue names, so the `newsgraph:` namespace is the key prefix instead:
 * every key lives under `newsgraph:<queue>:...` (e.g. `newsgraph:page-fetch:wait`).
 */
export const QUEUE_PREFIX = 'newsgraph';

export const QUEUE_NAMES: Readonly<Record<CrawlJobKind, string>> = {
  feed: 'feed-poll',
  page: 'page-fetch',
  process: 'article-process',
};

export const CRAWL_JOB_KINDS: readonly CrawlJobKind[] = ['feed', 'page', 'process'];

/** Deterministic page job id: the same canonical URL is never enqueued twice while its job exists. */
export function pageJobId(canonicalUrl: string): string {
  return `page-${sha256Hex(canonicalUrl).slice(0, 32)}`;
}

/** Deterministic processing job id: one job per article version (content hash). */
export function processJobId(articleId: string, contentHash: string): string {
  return `process-${articleId}-${contentHash.slice(0, 16)}`;
}

/** Job scheduler id of a source: its id, so upserting on every start replaces rather than adds. */
export function feedSchedulerId(sourceId: string): string {
  return `source-${sourceId}`;
}
