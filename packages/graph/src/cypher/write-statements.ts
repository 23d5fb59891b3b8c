import neo4j from 'neo4j-driver';
import { EDGE_MODALITIES, ENTITY_TYPES, type Article, type Modality, type Predicate } from '@newsgraph/shared';
import { entityLabel, relationshipType, type CypherStatement } from './cypher-statement.ts';
import { edgeKey } from './edge-keys.ts';
import { strengthTierExpression } from './strength-tiers.ts';

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
  modality: Modality;
  /** The antecedent sentence and its span, or nulls. */
  antecedentSentence: string | null;
  antecedentStart: number | null;
  antecedentEnd: number | null;
  seenAt: string;
}

/** One REPORTED_BY link; rank 0 is the article's outlet (first of ArticleDocument.reportedBy). */
export interface ReportedByRow {
  articleId: string;
  entityId: string;
  rank: number;
}

export interface EdgeKey {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
}

const int = (n: number) => neo4j.int(n);
const intOrNull = (n: number | null) => (n === null ? null : neo4j.int(n));
/** Modalities whose claims are edges, as a parameter (a Claim written before modalities existed counts as asserted). */
const EDGE_MODALITY_LIST = [...EDGE_MODALITIES];

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

/**
 * What stored articles contribute to entity counts: one row per (article, entity) with its
 * mention count and the article's date.
 */
export function readMentionContributionsStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId})-[m:MENTIONS]->(e:Entity) ' +
      'RETURN a.id AS articleId, a.seenAt AS seenAt, e.id AS entityId, m.count AS mentions',
    params: { ids },
  };
}

/** What stored articles contribute to edges: claims of an edge modality per (article, edge). */
export function readClaimContributionsStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (:Article {id: wantedId})-[:HAS_CLAIM]->(c:Claim) ' +
      "WHERE coalesce(c.modality, 'asserted') IN $edgeModalities " +
      'RETURN wantedId AS articleId, c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId, count(c) AS claims',
    params: { ids, edgeModalities: EDGE_MODALITY_LIST },
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

/** Removes an article's own claims, mentions, REPORTED_BY and source links (it is about to be rewritten). */
export function deleteArticleContentsStatement(ids: string[]): CypherStatement {
  return {
    cypher:
      'UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) ' +
      'OPTIONAL MATCH (a)-[:HAS_CLAIM]->(c:Claim) DETACH DELETE c ' +
      'WITH DISTINCT a OPTIONAL MATCH (a)-[r:MENTIONS|FROM_SOURCE|REPORTED_BY]->() DELETE r',
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
 * Creates or updates entities of every type in one statement (one round trip per batch). The
 * label comes from the closed ENTITY_TYPES set, one FOREACH branch each, never from input; name
 * and type are only set on creation (an entity keeps its first name and type, which the caller
 * sends back as `row.type`).
 */
export function upsertEntitiesStatement(rows: EntityRow[]): CypherStatement {
  for (const row of rows) entityLabel(row.type);
  const labels = ENTITY_TYPES.map((t) => `FOREACH (_ IN CASE WHEN row.type = '${entityLabel(t)}' THEN [1] ELSE [] END | SET e:${t}) `).join('');
  return {
    cypher:
      'UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ' +
      'ON CREATE SET e.type = row.type, e.name = row.name, e.articleCount = 0, e.mentionCount = 0 ' +
      'SET e.aliases = row.aliases, e.aliasesText = row.aliasesText, e.attributes = row.attributes ' +
      labels.trimEnd(),
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
      'confidence: row.confidence, modality: row.modality, antecedentSentence: row.antecedentSentence, ' +
      'antecedentStart: row.antecedentStart, antecedentEnd: row.antecedentEnd, seenAt: row.seenAt}) ' +
      'CREATE (c)-[:SUBJECT]->(s) CREATE (c)-[:OBJECT]->(o)',
    params: {
      rows: rows.map((r) => ({ ...r, start: int(r.start), end: int(r.end), antecedentStart: intOrNull(r.antecedentStart), antecedentEnd: intOrNull(r.antecedentEnd) })),
    },
  };
}

/** `(:Article)-[:REPORTED_BY {rank}]->(:Entity)`: who reported the article; rank 0 is its outlet. */
export function createReportedByStatement(rows: ReportedByRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (e:Entity {id: row.entityId}) ' +
      'CREATE (a)-[:REPORTED_BY {rank: row.rank}]->(e)',
    params: { rows: rows.map((r) => ({ ...r, rank: int(r.rank) })) },
  };
}

/**
 * A planned count change (core/count-maintenance.ts) of one aggregate: deltas, and the dates
 * (UTC instants) of the added and removed contributions, null when there were none.
 */
export interface CountChangeRow {
  articles: number;
  units: number;
  addedFirst: string | null;
  addedLast: string | null;
  removedFirst: string | null;
  removedLast: string | null;
}

const changeParams = (r: CountChangeRow) => ({ ...r, articles: int(r.articles), units: int(r.units) });

export interface EdgeChangeRow extends CountChangeRow {
  subjectId: string;
  objectId: string;
}

const edgeChangeParams = (r: EdgeChangeRow) => ({ ...changeParams(r), key: edgeKey(r.subjectId, r.objectId) });

export interface EntityChangeRow extends CountChangeRow {
  entityId: string;
}

/** Merges the added dates into first/last seen: the earlier first, the later last. */
const MERGE_DATES = (v: string) =>
  `${v}.firstSeen = CASE WHEN row.addedFirst IS NOT NULL AND (${v}.firstSeen IS NULL OR row.addedFirst < ${v}.firstSeen) THEN row.addedFirst ELSE ${v}.firstSeen END, ` +
  `${v}.lastSeen = CASE WHEN row.addedLast IS NOT NULL AND (${v}.lastSeen IS NULL OR row.addedLast > ${v}.lastSeen) THEN row.addedLast ELSE ${v}.lastSeen END`;

/** What an edge write returns for the strength-tier mirrors (strength-tiers.ts): the tier before and after, and the new counts and dates. */
const EDGE_TIER_RETURN =
  `WITH s, o, r, row, ${strengthTierExpression('before')} AS fromTier, ${strengthTierExpression('before + row.articles')} AS toTier `;
const EDGE_TIER_COLUMNS = 's.id AS subjectId, o.id AS objectId, fromTier, toTier, r.articleCount AS articleCount, r.claimCount AS claimCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen';
const ADD_COUNTS =
  'SET r.articleCount = before + row.articles, r.claimCount = coalesce(r.claimCount, 0) + row.units, ' + MERGE_DATES('r');

/**
 * Applies planned changes to the stored edges of one predicate found by their key (the
 * `edge_key_<predicate>` relationship index; on 4.3 and later): one index seek per row, whatever
 * the degree of the two ends, and no `Eager` (nothing here creates what a later row matches).
 * Returns every edge it changed with its tiers (the caller sends the other rows to
 * applyEdgeChangesStatement, and updates the mirrors of those with a tier).
 */
export function applyKeyedEdgeChangesStatement(predicate: Predicate, rows: EdgeChangeRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      `UNWIND $rows AS row MATCH (s:Entity)-[r:${type} {key: row.key}]->(o:Entity) USING INDEX r:${type}(key) ` +
      'WHERE s.id = row.subjectId AND o.id = row.objectId ' +
      'WITH s, o, r, row, r.articleCount AS before ' +
      ADD_COUNTS +
      ` ${EDGE_TIER_RETURN}RETURN ${EDGE_TIER_COLUMNS}`,
    params: { rows: rows.map(edgeChangeParams) },
  };
}

/**
 * Applies planned changes to the typed edges of one predicate (creating new ones, with their
 * key): exact arithmetic, no aggregation over claims, so a hub edge costs no more than a leaf.
 * On servers with the edge-key index it gets only the rows applyKeyedEdgeChangesStatement did
 * not find: new edges, and edges an older newsgraph wrote without a key (`MERGE` finds them by
 * their ends and gives them one). The relationship type is validated against the closed
 * predicate set. (One statement per predicate: FOREACH branches for all predicates in one
 * statement make the planner put an Eager between every branch, which measured slower than the
 * extra round trips.) Returns the edges that have or had a strength-tier mirror
 * (strength-tiers.ts), with their new counts and dates, for the caller to update the mirror.
 */
export function applyEdgeChangesStatement(predicate: Predicate, rows: EdgeChangeRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      'UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
      `MERGE (s)-[r:${type}]->(o) ` +
      'WITH s, o, r, row, coalesce(r.articleCount, 0) AS before ' +
      ADD_COUNTS +
      ', r.key = row.key' +
      ` ${EDGE_TIER_RETURN}WHERE fromTier > 0 OR toTier > 0 RETURN ${EDGE_TIER_COLUMNS}`,
    params: { rows: rows.map(edgeChangeParams) },
  };
}

/** After removed contributions: deletes the edges of one predicate left without articles. */
export function deleteEmptyEdgesStatement(predicate: Predicate, rows: EdgeChangeRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher: `UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[r:${type}]->(:Entity {id: row.objectId}) WHERE r.articleCount <= 0 DELETE r`,
    params: { rows: rows.map(changeParams) },
  };
}

/**
 * After removed contributions: takes first/last seen of edges of one predicate again from the
 * remaining edge-modality claims, where a removed date was the stored first or last (only then
 * can it have changed). Returns the new dates, for the strength-tier mirrors.
 */
export function refreshEdgeDatesStatement(predicate: Predicate, rows: EdgeChangeRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      `UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId})-[r:${type}]->(o:Entity {id: row.objectId}) ` +
      'WHERE r.firstSeen >= row.removedFirst OR r.lastSeen <= row.removedLast ' +
      'MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) ' +
      "WHERE c.predicate = $predicate AND coalesce(c.modality, 'asserted') IN $edgeModalities " +
      'WITH s, o, r, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen SET r.firstSeen = firstSeen, r.lastSeen = lastSeen ' +
      'RETURN s.id AS subjectId, o.id AS objectId, firstSeen, lastSeen',
    params: { predicate: type, edgeModalities: EDGE_MODALITY_LIST, rows: rows.map(changeParams) },
  };
}

/** Applies planned changes to entities' denormalised counts (entities are locked and exist). */
export function applyEntityChangesStatement(rows: EntityChangeRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) ' +
      'SET e.articleCount = coalesce(e.articleCount, 0) + row.articles, e.mentionCount = coalesce(e.mentionCount, 0) + row.units, ' +
      MERGE_DATES('e'),
    params: { rows: rows.map(changeParams) },
  };
}

/**
 * After removed contributions: deletes entities no stored article lists any more, with their
 * search keys (the graph holds exactly what the stored articles say).
 */
export function deleteOrphanEntitiesStatement(rows: EntityChangeRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) WHERE coalesce(e.articleCount, 0) <= 0 ' +
      'OPTIONAL MATCH (k:NameKey {entityId: row.entityId}) DETACH DELETE k, e',
    params: { rows: rows.map(changeParams) },
  };
}

/** After removed contributions: first/last seen again from the remaining mentions, where a removed date was the stored first or last. */
export function refreshEntityDatesStatement(rows: EntityChangeRow[]): CypherStatement {
  return {
    cypher:
      'UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) WHERE e.firstSeen >= row.removedFirst OR e.lastSeen <= row.removedLast ' +
      'MATCH (:Article)-[m:MENTIONS]->(e) ' +
      'WITH e, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen SET e.firstSeen = firstSeen, e.lastSeen = lastSeen',
    params: { rows: rows.map(changeParams) },
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
