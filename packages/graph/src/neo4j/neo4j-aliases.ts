import {
  aliasEventsStatement,
  aliasLearningsStatement,
  aliasLearningsOfStatement,
  articleExistsStatement,
  createAliasEventsStatement,
  createAliasLearningStatement,
  deleteAliasRecordStatement,
} from '../cypher/alias-statements.ts';
import type { AliasEvent, AliasEventKind, StoredAliasEvent } from '../interfaces/alias-store.ts';
import type { AliasBackend } from '../interfaces/store-backend.ts';
import type { ManagedTransactionLike } from './interfaces/neo4j-driver-like.ts';
import type { Neo4jCurationDeps } from './neo4j-curation.ts';
import { asNumber, asString } from './neo4j-values.ts';

/** The alias index of the Neo4j store (see cypher/alias-statements.ts). */
export class Neo4jAliases implements AliasBackend {
  readonly #deps: Neo4jCurationDeps;

  constructor(deps: Neo4jCurationDeps) {
    this.#deps = deps;
  }

  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null> {
    return this.#deps.write((tx) => this.recordInTransaction(tx, articleId, learning, events));
  }

  /** recordAliases inside a write transaction the caller holds (the article write's own). */
  async recordInTransaction(tx: ManagedTransactionLike, articleId: string, learning: string, events: AliasEvent[]): Promise<number | null> {
    if ((await this.#deps.run(tx, articleExistsStatement(articleId))).length === 0) return null;
    await this.#deps.run(tx, deleteAliasRecordStatement(articleId));
    const [row] = await this.#deps.run(tx, createAliasLearningStatement(articleId, learning));
    const seq = asNumber(row?.seq);
    if (events.length > 0) await this.#deps.run(tx, createAliasEventsStatement(articleId, seq, events));
    return seq;
  }

  async aliasLearnings(afterSeq: number, limit: number): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return (await this.#deps.read(aliasLearningsStatement(afterSeq, limit))).map((r) => ({ seq: asNumber(r.seq), articleId: String(r.articleId), learning: asString(r.learning) ?? 'null' }));
  }

  async aliasLearningsOf(articleIds: string[]): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return (await this.#deps.read(aliasLearningsOfStatement(articleIds))).map((r) => ({ seq: asNumber(r.seq), articleId: String(r.articleId), learning: asString(r.learning) ?? 'null' }));
  }

  async aliasEvents(entityIds: string[], articleIds: string[] | null, limit: number): Promise<StoredAliasEvent[]> {
    return (await this.#deps.read(aliasEventsStatement(entityIds, articleIds, limit))).map((r) => ({
      kind: String(r.kind) as AliasEventKind,
      entityId: String(r.entityId),
      alias: String(r.alias),
      reason: String(r.reason),
      articleId: String(r.articleId),
      seq: asNumber(r.seq),
    }));
  }
}
