import { RecordedArticleCorpus, type AliasArticleLearning } from '@newsgraph/extract';
import { SqliteStore, type GraphStore, type StoreStats } from '@newsgraph/graph';
import type { ArticleAliasIndex } from '../../src/pipeline/store-alias-index.ts';
import { articleDocumentFor } from '../../src/pipeline/process-article.ts';

/** What a store holds, in an order-independent form: totals, every entity's counts, every edge's counts. */
export interface StoreContents {
  stats: StoreStats;
  entities: string[];
  edges: string[];
}

export async function storeContents(store: GraphStore): Promise<StoreContents> {
  const entities: string[] = [];
  for await (const e of store.exportEntities()) entities.push(`${e.id} ${e.type} "${e.name}" articles=${e.articleCount} mentions=${e.mentionCount}`);
  const edges: string[] = [];
  for await (const e of store.exportEdges()) edges.push(`${e.subjectId} ${e.predicate} ${e.objectId} articles=${e.articleCount} claims=${e.claimCount}`);
  return { stats: await store.stats(), entities, edges };
}

/**
 * What `store` should hold for the articles `ids`, whatever order a crawl processed them in: each
 * article extracted once more, on its own, with the alias resolutions its learning record says it
 * was given (RecordedArticleCorpus, as a curation rewrite does), and written to a fresh store.
 *
 * Why not compare with another crawl of the same site: the alias index makes an article's
 * extraction depend on the articles learned before it (docs/entities.md, "The alias index"), and
 * a queue crawl's processing order is not fixed (concurrent jobs, retries, stalled jobs after a
 * crash), so two correct crawls can differ. Against this reference, a mention or claim row lost
 * or written twice, a count not restored, or an article without its learning record shows.
 */
export async function recordedReextraction(store: GraphStore, ids: string[]): Promise<{ contents: StoreContents; missingLearning: string[] }> {
  const records = await store.aliases!.learningsOf(ids);
  const learningOf = new Map(records.map((r) => [r.articleId, r.learning as AliasArticleLearning]));
  const reference = await SqliteStore.open(':memory:');
  const missingLearning: string[] = [];
  try {
    for (const id of ids) {
      const article = await store.getArticle(id);
      if (!article) throw new Error(`article ${id} is not stored`);
      const learning = learningOf.get(id);
      if (!learning) missingLearning.push(id);
      const corpus = learning ? new RecordedArticleCorpus(learning) : undefined;
      const aliases: ArticleAliasIndex | undefined = corpus ? { prepare: async () => corpus, takeLearning: () => null, record: async () => {} } : undefined;
      await reference.writeArticle(await articleDocumentFor(article, { store, ...(aliases ? { aliases } : {}) }));
    }
    return { contents: await storeContents(reference), missingLearning };
  } finally {
    await reference.close();
  }
}
