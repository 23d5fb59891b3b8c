import neo4j from 'neo4j-driver';
import type { Article, Predicate } from '@newsgraph/shared';
import { entityLabel, relationshipType, type CypherStatement } from './cypher-statement.ts';

/**
 * Write statements of the Neo4j store. Each one takes whole batches (`UNWIND $rows AS row`), so a
 * batch of articles costs a fixed number of round trips, never one per row. Callers sort rows by
 * key: concurrent writers then take locks in the same order and do not deadlock.
 */

/** Article properties as stored; `seenAt` (published, else fetched) is what time filters use. */
export interface ArticleRow {
  id: string;
  sourceId: string | null;
  props: Record<string, string | null>;
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  /** Aliases joined by newlines: full-text indexes only index string properties on every version. */
  aliasesText: string;
  /** JSON object: Neo4j properties cannot hold maps. */
  attributes: string;
}

/**
 * A search key of an entity (see search-keys.ts): `(:NameKey {key, entityId, full})`. Keys are
 * nodes of their own with an index on `key`, so a prefix search is an index range seek on every
 * server version (lists of strings on the entity could not be indexed for STARTS WITH).
 */
export interface NameKeyRow {
  entityId: string;
  key: string;
  /** The key is a whole name or alias (not a later word of one): exact hits rank first. */
  full: boolean;
}

export interface MentionRow {
  articleId: string;
  entityId: string;
  count: number;
  starts: number[];
  ends: number[];
  texts: string[];
  seenAt: string;
}

export interface ClaimRow {
  articleId: string;
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  sentence: string;
  start: number;
  end: number;
  rule: string;
  confidence: number;
  seenAt: string;
}

export interface EdgeKey {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
}

const int = (n: number) => neo4j.int(n);

export function articleRow(article: Article, seenAt: string): ArticleRow {
  return {
    id: article.id,
    sourceId: article.sourceId ?? null,
    props: {
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      publishedAt: article.publishedAt,
      fetchedAt: article.fetchedAt,
      language: article.language,
      text: article.text,
      contentHash: article.contentHash,
      sourceId: article.sourceId ?? null,
      seenAt,
    },
  };
}

/** Stored content hashes of the given articles (absent ones are simply not returned). */
export function readArticleHashesStatement(ids: string[]): CypherStatement {
  return {
    cypher: 'UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) RETURN a.id AS id, a.contentHash AS contentHash',
    params: { ids },
  };
}

/**
 * Takes the write lock on each article (creating a bare node for new ones) and re-reads its hash
 * under the lock, so two writers of the same article cannot both think it is new.
 */
export function lockArticlesStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MERGE (a:Article {id: wantedId}) SET a._lock = true REMOVE a._lock ' +
      'RETURN a.id AS id, a.contentHash AS contentHash',
    params: { ids },
  };
}

/** The edges an article's current claims contribute to (to recompute after replacing them). */
export function readArticleClaimKeysStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (:Article {id: wantedId})-[:HAS_CLAIM]->(c:Claim) ' +
      'RETURN DISTINCT c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId',
    params: { ids },
  };
}

/** The entities an article currently mentions (their counts change when it is replaced). */
export function readArticleMentionedIdsStatement(ids: string[]): CypherStatement {
  return {
    cypher: 'UNWIND $ids AS wantedId MATCH (:Article {id: wantedId})-[:MENTIONS]->(e:Entity) RETURN DISTINCT e.id AS id',
    params: { ids },
  };
}

/** Write-locks existing entities in id order and returns what is stored, for merging aliases and attributes. */
export function lockEntitiesStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) SET e._lock = true REMOVE e._lock ' +
      'RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, e.attributes AS attributes',
    params: { ids },
  };
}

/** Removes an article's own claims, mentions and source link (it is about to be rewritten). */
export function deleteArticleContentsStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) ' +
      'OPTIONAL MATCH (a)-[:HAS_CLAIM]->(c:Claim) DETACH DELETE c ' +
      'WITH DISTINCT a OPTIONAL MATCH (a)-[r:MENTIONS|FROM_SOURCE]->() DELETE r',
    params: { ids },
  };
}

export function upsertArticlesStatement(rows: ArticleRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row.props ' +
      'WITH a, row WHERE row.sourceId IS NOT NULL ' +
      'MERGE (s:Source {id: row.sourceId}) MERGE (a)-[:FROM_SOURCE]->(s)',
    params: { rows },
  };
}

/**
 * Creates or updates entities of one type. The label comes from the closed ENTITY_TYPES set,
 * never from input; name and type are only set on creation (an entity keeps its first name).
 */
export function upsertEntitiesStatement(type: string, rows: EntityRow[]): CypherStatement {
  const label = entityLabel(type);
  if (rows.some((row) => row.type !== label)) throw new Error(`upsertEntitiesStatement(${label}) got rows of another type`);
  return {
    cypher:
      'UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ' +
      `ON CREATE SET e:${label}, e.type = row.type, e.name = row.name, e.articleCount = 0, e.mentionCount = 0 ` +
      'SET e.aliases = row.aliases, e.aliasesText = row.aliasesText, e.attributes = row.attributes',
    params: { rows },
  };
}

export function createNameKeysStatement(rows: NameKeyRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MERGE (k:NameKey {key: row.key, entityId: row.entityId}) ' +
      'ON CREATE SET k.full = row.full ON MATCH SET k.full = k.full OR row.full',
    params: { rows },
  };
}

/**
 * Deletes the given entities when no stored article names them any more (their last article
 * changed), with their search keys: the graph holds exactly what the stored articles say.
 */
export function deleteOrphanEntitiesStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) WHERE coalesce(e.articleCount, 0) = 0 ' +
      'OPTIONAL MATCH (k:NameKey {entityId: wantedId}) DETACH DELETE k, e',
    params: { ids },
  };
}

export function createMentionsStatement(rows: MentionRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (e:Entity {id: row.entityId}) ' +
      'CREATE (a)-[:MENTIONS {count: row.count, starts: row.starts, ends: row.ends, texts: row.texts, seenAt: row.seenAt}]->(e)',
    params: {
      rows: rows.map((r) => ({ ...r, count: int(r.count), starts: r.starts.map(int), ends: r.ends.map(int) })),
    },
  };
}

export function createClaimsStatement(rows: ClaimRow[]): CypherStatement {
  for (const row of rows) relationshipType(row.predicate);
  return {
    cypher:
      'UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) ' +
      'MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
      'CREATE (a)-[:HAS_CLAIM]->(c:Claim {articleId: row.articleId, subjectId: row.subjectId, predicate: row.predicate, ' +
      'objectId: row.objectId, sentence: row.sentence, start: row.start, `end`: row.`end`, rule: row.rule, ' +
      'confidence: row.confidence, seenAt: row.seenAt}) ' +
      'CREATE (c)-[:SUBJECT]->(s) CREATE (c)-[:OBJECT]->(o)',
    params: { rows: rows.map((r) => ({ ...r, start: int(r.start), end: int(r.end) })) },
  };
}

/**
 * Recomputes the typed edges for the given (subject, object) pairs of one predicate from the
 * Claim nodes, which are the truth: counts, first and last seen. An edge left without claims is
 * deleted. The relationship type is validated against the closed predicate set.
 */
export function recomputeEdgesStatement(predicate: Predicate, keys: Array<{ subjectId: string; objectId: string }>): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      'UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
      'OPTIONAL MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = $predicate ' +
      'WITH s, o, count(c) AS claimCount, count(DISTINCT c.articleId) AS articleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen ' +
      `MERGE (s)-[r:${type}]->(o) ` +
      'SET r.claimCount = claimCount, r.articleCount = articleCount, r.firstSeen = firstSeen, r.lastSeen = lastSeen ' +
      'WITH r, claimCount WHERE claimCount = 0 DELETE r',
    params: { predicate: type, rows: keys.map((k) => ({ subjectId: k.subjectId, objectId: k.objectId })) },
  };
}

/** What new articles add to one entity's counts (only for entities no replaced article named). */
export interface EntityStatsDelta {
  entityId: string;
  articles: number;
  mentions: number;
  firstSeen: string;
  lastSeen: string;
}

/** What new claims add to one edge (only for edges no replaced article contributed to). */
export interface EdgeDelta {
  subjectId: string;
  objectId: string;
  articles: number;
  claims: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * Adds new articles' counts to entities. Inserting is the common case, and recomputing a hub
 * entity (a country in half the articles) from all its mentions on every write would cost
 * O(articles) per article; the entities are already write-locked, so the increment is exact.
 */
export function incrementEntityStatsStatement(rows: EntityStatsDelta[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) ' +
      'SET e.articleCount = coalesce(e.articleCount, 0) + row.articles, e.mentionCount = coalesce(e.mentionCount, 0) + row.mentions, ' +
      'e.firstSeen = CASE WHEN e.firstSeen IS NULL OR row.firstSeen < e.firstSeen THEN row.firstSeen ELSE e.firstSeen END, ' +
      'e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.lastSeen > e.lastSeen THEN row.lastSeen ELSE e.lastSeen END',
    params: { rows: rows.map((r) => ({ ...r, articles: int(r.articles), mentions: int(r.mentions) })) },
  };
}

/** Adds new claims to the typed edges of one predicate (creating them), like incrementEntityStatsStatement. */
export function incrementEdgesStatement(predicate: Predicate, rows: EdgeDelta[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      'UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
      `MERGE (s)-[r:${type}]->(o) ` +
      'SET r.articleCount = coalesce(r.articleCount, 0) + row.articles, r.claimCount = coalesce(r.claimCount, 0) + row.claims, ' +
      'r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END, ' +
      'r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END',
    params: { rows: rows.map((r) => ({ ...r, articles: int(r.articles), claims: int(r.claims) })) },
  };
}

/** Recomputes the denormalised per-entity counts (articles, mentions, first/last seen) from MENTIONS. */
export function recomputeEntityStatsStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e) ' +
      'WITH e, count(m) AS articleCount, sum(m.count) AS mentionCount, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen ' +
      'SET e.articleCount = articleCount, e.mentionCount = mentionCount, e.firstSeen = firstSeen, e.lastSeen = lastSeen',
    params: { ids },
  };
}

/** Records another outlet's copy of a stored article; idempotent per (article, URL). Returns no row when the article is not stored. */
export function addPublicationStatement(
  articleId: string,
  publication: { url: string; title: string; outlet: string | null; publishedAt: string | null; fetchedAt: string },
  sortDate: string,
): CypherStatement {
  return {
    cypher:
      'MATCH (a:Article {id: $articleId}) WHERE a.contentHash IS NOT NULL ' +
      'MERGE (a)-[:REPUBLISHED_AS]->(p:Publication {articleId: $articleId, url: $url}) ' +
      'SET p.title = $title, p.outlet = $outlet, p.publishedAt = $publishedAt, p.fetchedAt = $fetchedAt, p.sortDate = $sortDate ' +
      'RETURN a.id AS id',
    params: {
      articleId,
      url: publication.url,
      title: publication.title,
      outlet: publication.outlet ?? null,
      publishedAt: publication.publishedAt ?? null,
      fetchedAt: publication.fetchedAt,
      sortDate,
    },
  };
}
