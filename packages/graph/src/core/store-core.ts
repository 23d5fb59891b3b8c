import { InputError, type Article, type ArticleDocument, type EntityType } from '@newsgraph/shared';
import type {
  EntityCount,
  EntityDetail,
  EntitySummary,
  EvidenceQuery,
  EvidenceRecord,
  ExportEdge,
  ExportEntity,
  ExportFilter,
  GraphPath,
  GraphStore,
  Neighbor,
  NeighborCounts,
  NeighborQuery,
  PathQuery,
  Publication,
  StoreStats,
  TimelinePoint,
  TopQuery,
  WriteResult,
} from '../interfaces/graph-store.ts';
import type { StoreBackend } from '../interfaces/store-backend.ts';
import { contributionOf, planCountChanges, type ArticleContribution } from './count-maintenance.ts';
import { prepareDocument, type PreparedDocument } from './document-preparation.ts';
import { pathPairs, rankPaths } from './path-ranking.ts';
import { checkPublication } from './publication-check.ts';
import { evidenceArgs, exportArgs, neighborArgs, pathArgs, searchArgs, topArgs } from './query-arguments.ts';
import { checkLimit } from './store-limits.ts';

/** Node sequences a path search enumerates before ranking (the paths limit is at most 100). */
const PATH_CANDIDATES = 1000;

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

/**
 * Splits documents into write transactions: about `maxRows` rows each, and never the same
 * article twice in one (a repeated article must see the first copy's write).
 */
export function groupForTransactions<T extends { article: { id: string }; entities: unknown[]; mentions: unknown[]; claims: unknown[] }>(docs: T[], maxRows: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  let ids = new Set<string>();
  for (const doc of docs) {
    const w = 1 + doc.entities.length + doc.mentions.length + doc.claims.length;
    if (current.length > 0 && (ids.has(doc.article.id) || weight + w > maxRows)) {
      groups.push(current);
      current = [];
      weight = 0;
      ids = new Set();
    }
    current.push(doc);
    weight += w;
    ids.add(doc.article.id);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The GraphStore every backend gets: argument checks and defaults (one limits table), symmetric
 * normalisation, document preparation, write statuses and count planning, path ranking and
 * publication checks happen here, once; the backend (interfaces/store-backend.ts) reads and
 * writes rows.
 */
export class StoreCore<B extends StoreBackend = StoreBackend> implements GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  protected readonly backend: B;

  constructor(backend: B) {
    this.backend = backend;
    this.kind = backend.kind;
  }

  migrate(): Promise<void> {
    return this.backend.migrate();
  }

  async writeArticle(doc: ArticleDocument): Promise<WriteResult> {
    const prepared = prepareDocument(doc, undefined, true);
    this.backend.checkDocument?.(prepared);
    const [result] = await this.#writeGroup([prepared]);
    return result!;
  }

  async writeArticles(docs: ArticleDocument[]): Promise<WriteResult[]> {
    if (!Array.isArray(docs)) throw new InputError('docs', 'must be an array of article documents');
    // Every document is checked before anything is written, so a bad one is refused whole.
    const prepared = docs.map((doc, i) => prepareDocument(doc, `docs[${i}]`, true));
    for (const p of prepared) this.backend.checkDocument?.(p);
    const results: WriteResult[] = [];
    for (const group of groupForTransactions(prepared, this.backend.writeGroupRows)) results.push(...(await this.#writeGroup(group)));
    return results;
  }

  /** One transaction for documents with distinct ids: statuses, then the count plan, then the backend's write. */
  #writeGroup(docs: PreparedDocument[]): Promise<WriteResult[]> {
    return this.backend.writeTransaction(async (tx) => {
      const stored = await tx.readStored(docs.map((d) => ({ articleId: d.article.id, contentHash: d.article.contentHash })));
      const results: WriteResult[] = [];
      const documents: Array<{ doc: PreparedDocument; status: 'inserted' | 'updated' }> = [];
      const removed: ArticleContribution[] = [];
      for (const doc of docs) {
        const old = stored.get(doc.article.id);
        if (old && old.contentHash === doc.article.contentHash) {
          results.push({ articleId: doc.article.id, status: 'unchanged' });
          continue;
        }
        const status = old ? 'updated' : 'inserted';
        results.push({ articleId: doc.article.id, status });
        documents.push({ doc, status });
        if (old) {
          if (!old.contribution) throw new Error(`store backend returned no contribution for the replaced article ${doc.article.id}`);
          removed.push(old.contribution);
        }
      }
      if (documents.length > 0) {
        await tx.apply({ documents, counts: planCountChanges(removed, documents.map((d) => contributionOf(d.doc))) });
      }
      return results;
    });
  }

  getArticle(id: string): Promise<Article | null> {
    return this.backend.getArticle(String(id));
  }

  async searchEntities(query: string, options: { types?: EntityType[]; limit?: number } = {}): Promise<EntitySummary[]> {
    const args = searchArgs(query, options);
    return args ? this.backend.searchEntities(args) : [];
  }

  getEntity(id: string): Promise<EntityDetail | null> {
    return this.backend.getEntity(String(id));
  }

  async neighbors(id: string, query: NeighborQuery = {}): Promise<Neighbor[]> {
    const { args, offset } = neighborArgs(id, query);
    const rows = await this.backend.neighbors(args);
    return offset > 0 ? rows.slice(offset) : rows;
  }

  async neighborCounts(id: string, query: Omit<NeighborQuery, 'limit' | 'offset'> = {}): Promise<NeighborCounts> {
    const { args } = neighborArgs(id, query, false);
    const groups = (await this.backend.neighborCounts(args))
      .filter((g) => g.count > 0)
      .sort((x, y) => y.count - x.count || compareText(x.type, y.type) || compareText(x.predicate, y.predicate));
    return { total: groups.reduce((sum, g) => sum + g.count, 0), groups };
  }

  async shortestPaths(fromId: string, toId: string, query: PathQuery = {}): Promise<GraphPath[]> {
    const args = pathArgs(query);
    const from = String(fromId);
    const to = String(toId);
    if (from === to) {
      const node = (await this.backend.entitySummaries([from])).get(from);
      return node ? [{ nodes: [node], edges: [] }] : [];
    }
    const sequences = await this.backend.pathSequences(from, to, args, PATH_CANDIDATES);
    if (sequences.length === 0) return [];
    const edges = await this.backend.edgesBetween(pathPairs(sequences), args.predicates);
    const summaries = await this.backend.entitySummaries([...new Set(sequences.flat())]);
    return rankPaths(sequences, edges, summaries, args.limit);
  }

  evidence(query: EvidenceQuery): Promise<EvidenceRecord[]> {
    return this.backend.evidence(evidenceArgs(query));
  }

  topEntities(query: TopQuery = {}): Promise<EntityCount[]> {
    return this.backend.topEntities(topArgs(query));
  }

  coMentioned(id: string, options: { limit?: number } = {}): Promise<EntityCount[]> {
    return this.backend.coMentioned(String(id), checkLimit(options.limit, 'coMentioned'));
  }

  timeline(id: string): Promise<TimelinePoint[]> {
    return this.backend.timeline(String(id));
  }

  stats(): Promise<StoreStats> {
    return this.backend.stats();
  }

  async addPublication(articleId: string, publication: Publication): Promise<void> {
    const checked = checkPublication(articleId, publication);
    if (!(await this.backend.addPublication(articleId, checked.publication, checked.sortDate))) {
      throw new InputError(`article ${articleId}`, 'is not stored; cannot add a publication to it');
    }
  }

  listPublications(articleId: string): Promise<Publication[]> {
    return this.backend.listPublications(String(articleId));
  }

  // Generators, so that a bad filter rejects the iteration like any other read error.
  async *exportEntities(filter: ExportFilter = {}): AsyncIterable<ExportEntity> {
    yield* this.backend.exportEntities(exportArgs(filter));
  }

  async *exportEdges(filter: ExportFilter = {}): AsyncIterable<ExportEdge> {
    yield* this.backend.exportEdges(exportArgs(filter));
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
