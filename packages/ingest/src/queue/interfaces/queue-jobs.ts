import type { FeedJobData, PageJobData } from '../../crawl/interfaces/crawl-stages.ts';

export type { FeedJobData, PageJobData };

/**
 * Data of a processing job. The article itself (its text can be large) is kept out of the job:
 * it is parked in an ArticleBlobStore under `blobKey` (a Redis key with a TTL in queue mode, a Map
 * in-process) and deleted when the job completes, so queue payloads stay a few hundred bytes.
 */
export interface ProcessJobData {
  articleId: string;
  url: string;
  blobKey: string;
  /** The page job's URL (article.url may differ after redirects); older jobs lack it. */
  pageUrl?: string;
}

export type CrawlJobKind = 'feed' | 'page' | 'process';
