import { InputError, type Article } from '@newsgraph/shared';
import type { WriteResult } from '@newsgraph/graph';
import type { ArticleBlobStore } from '../queue/interfaces/article-blob-store.ts';
import type { ProcessJobData } from '../queue/interfaces/queue-jobs.ts';
import { articleBlobKey } from '../queue/article-blob-stores.ts';
import { fetchPage, type FetchPageResult } from './fetch-page.ts';
import { pollSource, type PollResult } from './poll-source.ts';
import { processStage } from './process-stage.ts';
import type { CrawlStageDeps, FeedJobData, PageJobData } from './interfaces/crawl-stages.ts';

/** Where the stages hand their output: the next queue (BullMQ or in-process). */
export interface CrawlSinks {
  enqueuePages(pages: PageJobData[]): Promise<void>;
  enqueueProcess(job: ProcessJobData, contentHash: string): Promise<void>;
}

/** The three job handlers, the same in BullMQ workers and in the in-process queue. */
export interface CrawlHandlers {
  feed(data: FeedJobData): Promise<PollResult>;
  page(data: PageJobData): Promise<FetchPageResult>;
  process(data: ProcessJobData): Promise<WriteResult>;
  /**
   * Call once a processing job is recorded as completed: drops the parked article. Not done
   * inside `process`, because a worker killed after the store write but before the queue
   * recorded completion re-runs the job, which must still find its article.
   */
  processed(data: ProcessJobData): Promise<void>;
}

export function createCrawlHandlers(deps: CrawlStageDeps, blobs: ArticleBlobStore, sinks: CrawlSinks): CrawlHandlers {
  return {
    feed: (data) => pollSource(data.source, deps, (pages) => sinks.enqueuePages(pages)),
    async page(data) {
      const result = await fetchPage(data, deps);
      if (result.status === 'article') {
        const article: Article = result.article;
        const blobKey = articleBlobKey(article.id, article.contentHash);
        await blobs.put(blobKey, article);
        await sinks.enqueueProcess({ articleId: article.id, url: article.url, blobKey, pageUrl: data.url }, article.contentHash);
      }
      return result;
    },
    async process(data) {
      const article = await blobs.get(data.blobKey);
      if (!article) {
        throw new InputError(data.url, `article ${data.articleId} is no longer parked for processing (expired); re-crawl the page`);
      }
      return processStage(article, deps);
    },
    processed: (data) => blobs.delete(data.blobKey),
  };
}
