import type { Article } from '@newsgraph/shared';
import type { WriteResult } from '@newsgraph/graph';
import type { CrawlStageDeps } from './interfaces/crawl-stages.ts';

/** Extracts entities and claims from one article and writes it: the pipeline's processArticle, timed. */
export async function processStage(article: Article, deps: Pick<CrawlStageDeps, 'processArticle' | 'observe'>): Promise<WriteResult> {
  const started = performance.now();
  try {
    const result = await deps.processArticle(article);
    deps.observe?.written?.(result.status);
    return result;
  } finally {
    deps.observe?.processSeconds((performance.now() - started) / 1000);
  }
}
