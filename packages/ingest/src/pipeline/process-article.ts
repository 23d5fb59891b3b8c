import { extract as defaultExtract, type EntityCorpus, type ExtractOptions } from '@newsgraph/extract';
import { applyCuration, toArticleDocument, type Article, type ArticleDocument, type ExtractionResult } from '@newsgraph/shared';
import { curationPlanFor, type CurationPlanSource } from '../curation/curation-plan-cache.ts';
import type { GraphStore, WriteResult } from '@newsgraph/graph';

export type ExtractFunction = (text: string, options?: ExtractOptions) => ExtractionResult;

export interface ProcessArticleDeps {
  store: GraphStore;
  /** Defaults to @newsgraph/extract's `extract`; tests and benchmarks may pass their own. */
  extract?: ExtractFunction;
  /** The curation plan to apply; defaults to the store's own log (curationPlanFor). */
  curation?: CurationPlanSource;
  /** The run's cross-document alias index: names learned from earlier articles (see docs/entities.md). */
  corpus?: EntityCorpus;
}

/**
 * The last stage of every ingest path (CLI files, feeds, the crawler's workers): extract entities
 * and claims from the article text and write article + extraction to the store in one
 * transaction. Unchanged articles (same content hash) are skipped before extraction. The store's
 * curation plan is applied to every document, so hand corrections survive re-ingest.
 */
export async function processArticle(article: Article, deps: ProcessArticleDeps): Promise<WriteResult> {
  if (!article.text.trim()) {
    throw new Error(`${article.url}: no article text found`);
  }
  const stored = await deps.store.getArticle(article.id);
  if (stored && stored.contentHash === article.contentHash) {
    return { articleId: article.id, status: 'unchanged' };
  }
  return deps.store.writeArticle(await articleDocumentFor(article, deps));
}

/** What extraction finds in an article, as the document a store writes, with curation applied. */
export async function articleDocumentFor(article: Article, deps: ProcessArticleDeps): Promise<ArticleDocument> {
  const extract = deps.extract ?? defaultExtract;
  const extraction = extract(article.text, { outlet: article.outlet, title: article.title, ...(deps.corpus ? { corpus: deps.corpus } : {}) });
  const plan = await (deps.curation ?? curationPlanFor(deps.store)).plan();
  return applyCuration(toArticleDocument(article, extraction), plan);
}
