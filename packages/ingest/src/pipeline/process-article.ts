import { extract as defaultExtract, type AliasArticleLearning, type ExtractOptions } from '@newsgraph/extract';
import { applyCuration, toArticleDocument, type Article, type ArticleDocument, type ExtractionResult } from '@newsgraph/shared';
import { curationPlanFor, type CurationPlanSource } from '../curation/curation-plan-cache.ts';
import type { GraphStore, WriteResult } from '@newsgraph/graph';
import { aliasEventsOf, type ArticleAliasIndex } from './store-alias-index.ts';

export type ExtractFunction = (text: string, options?: ExtractOptions) => ExtractionResult;

export interface ProcessArticleDeps {
  store: GraphStore;
  /** Defaults to @newsgraph/extract's `extract`; tests and benchmarks may pass their own. */
  extract?: ExtractFunction;
  /** The curation plan to apply; defaults to the store's own log (curationPlanFor). */
  curation?: CurationPlanSource;
  /**
   * The cross-document alias index (see docs/entities.md): read by extraction, extended by every
   * article, kept in the store (StoreAliasIndex). Absent: each article is read on its own.
   */
  aliases?: ArticleAliasIndex;
}

/**
 * The last stage of every ingest path (CLI files, feeds, the crawler's workers): extract entities
 * and claims from the article text and write article + extraction (+ what it taught the alias
 * index) to the store in one transaction. Unchanged articles (same content hash) are skipped before extraction. The store's
 * curation plan is applied to every document, so hand corrections survive re-ingest.
 */
export async function processArticle(article: Article, deps: ProcessArticleDeps): Promise<WriteResult> {
  assertArticleText(article);
  const stored = await deps.store.getArticle(article.id);
  if (stored && stored.contentHash === article.contentHash) {
    if (deps.aliases?.needsLearning) {
      await deps.aliases.prepare();
      if (deps.aliases.needsLearning(article.id)) await learnFromStored(article, deps, deps.aliases);
    }
    return { articleId: article.id, status: 'unchanged' };
  }
  const { extraction, learning } = await extractWithAliases(article, deps);
  return writeExtractedArticle(article, extraction, learning, deps);
}

/**
 * The write half of processArticle, for an extraction made elsewhere (an extraction thread's
 * replica of the alias index): curation applied, article + extraction + learning in one transaction.
 */
export async function writeExtractedArticle(
  article: Article,
  extraction: ExtractionResult,
  learning: AliasArticleLearning | null,
  deps: Pick<ProcessArticleDeps, 'store' | 'curation'> & { aliases?: Pick<ArticleAliasIndex, 'recorded'> },
): Promise<WriteResult> {
  const plan = await (deps.curation ?? curationPlanFor(deps.store)).plan();
  const document = applyCuration(toArticleDocument(article, extraction), plan);
  // What the article taught the alias index is kept in the article's own write transaction (a
  // later process replays it): no kill can leave the article stored without its record.
  const result = await deps.store.writeArticle(document, learning ? { learning, events: aliasEventsOf(learning) } : undefined);
  if (learning && result.aliasSeq !== undefined) deps.aliases?.recorded?.(article.id, result.aliasSeq);
  // The seq is the alias index's business; callers get the article's status.
  return { articleId: result.articleId, status: result.status };
}

/** An article without text is refused before anything is read or written. */
export function assertArticleText(article: Article): void {
  if (!article.text.trim()) throw new Error(`${article.url}: no article text found`);
}

/**
 * An unchanged article stored before the alias index existed (or written by a path without one):
 * extracted once more so that the index learns its names, and nothing stored changes. Its
 * resolutions are not kept: the stored mentions were not written from them. A crash cannot lead
 * here: an article written with the index has its record in the same transaction.
 */
async function learnFromStored(article: Article, deps: ProcessArticleDeps, aliases: ArticleAliasIndex): Promise<void> {
  const corpus = await aliases.prepare();
  (deps.extract ?? defaultExtract)(article.text, { outlet: article.outlet, title: article.title, corpus });
  const learning = aliases.takeLearning();
  if (learning) await aliases.record(article.id, learningOfStoredArticle(learning));
}

/** What re-reading an unchanged stored article records: its names, not resolutions (the stored mentions were not written from them). */
export function learningOfStoredArticle(learning: AliasArticleLearning): AliasArticleLearning {
  return { ...learning, resolutions: [], ambiguities: [] };
}

/** What extraction finds in an article, as the document a store writes, with curation applied. */
export async function articleDocumentFor(article: Article, deps: ProcessArticleDeps): Promise<ArticleDocument> {
  return (await extractArticleDocument(article, deps)).document;
}

async function extractWithAliases(article: Article, deps: ProcessArticleDeps): Promise<{ extraction: ExtractionResult; learning: AliasArticleLearning | null }> {
  const extract = deps.extract ?? defaultExtract;
  const corpus = deps.aliases ? await deps.aliases.prepare() : undefined;
  const extraction = extract(article.text, { outlet: article.outlet, title: article.title, ...(corpus ? { corpus } : {}) });
  // Synchronously after extract: nothing else has extracted since, so this is the article's learning.
  return { extraction, learning: deps.aliases?.takeLearning() ?? null };
}

async function extractArticleDocument(article: Article, deps: ProcessArticleDeps): Promise<{ document: ArticleDocument; learning: AliasArticleLearning | null }> {
  const { extraction, learning } = await extractWithAliases(article, deps);
  const plan = await (deps.curation ?? curationPlanFor(deps.store)).plan();
  return { document: applyCuration(toArticleDocument(article, extraction), plan), learning };
}
