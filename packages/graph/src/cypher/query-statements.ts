import neo4j from 'neo4j-driver';
import { EDGE_MODALITIES, PREDICATES, SYMMETRIC_PREDICATES, type EntityType, type Predicate } from '@newsgraph/shared';
import type { EvidenceArgs, ExportArgs, NeighborArgs, PathArgs, SearchArgs, TopArgs } from '../core/query-arguments.ts';
import { checkSize } from '../core/store-limits.ts';
import { entityLabel, relationshipType, relationshipTypes, type CypherStatement } from './cypher-statement.ts';
import { STRENGTH_TIER_FLOORS, STRENGTH_TIER_TYPES } from './strength-tiers.ts';
import { monthWindow } from './mirror-months.ts';

/**
 * Read statements of the Neo4j store, in Cypher that 3.5, 4.4, 5.x and 2025.x all accept (no
 * EXISTS/COUNT/CALL subqueries). They take arguments the store core already checked and
 * completed (core/query-arguments.ts) and give the same answers as the SQLite backend: same
 * tie-breaking orders and time windows (dates are UTC ISO instants, compared as strings). Integers Cypher requires to be integers (LIMIT) are sent as Neo4j Integers: a
 * JS number goes over Bolt as a float, which LIMIT refuses.
 */

const int = (n: number) => neo4j.int(n);

/** Modalities whose claims are edges (a Claim without the property counts as asserted). */
const EDGE_MODALITY_LIST = [...EDGE_MODALITIES];
const IS_EDGE_CLAIM = (c: string) => `coalesce(${c}.modality, 'asserted') IN $edgeModalities`;

function typeList(types: readonly EntityType[] | null | undefined): EntityType[] | null {
  return types && types.length > 0 ? types.map(entityLabel) : null;
}

const SUMMARY = (v: string) =>
  `${v}.id AS id, ${v}.type AS type, ${v}.name AS name, coalesce(${v}.aliases, []) AS aliases, coalesce(${v}.articleCount, 0) AS articleCount`;

export function getArticleStatement(id: string): CypherStatement {
  return { cypher: 'MATCH (a:Article {id: $id}) WHERE a.contentHash IS NOT NULL RETURN properties(a) AS article', params: { id } };
}

/**
 * Entities whose name, an alias, or a word inside them starts with the text (case- and
 * accent-insensitive): an index range seek over `(:NameKey)`; whole-name hits rank first.
 */
export function searchEntitiesStatement({ prefix, types, limit }: SearchArgs): CypherStatement {
  return {
    cypher:
      'MATCH (k:NameKey) WHERE k.key STARTS WITH $prefix ' +
      'WITH k.entityId AS entityId, max(CASE WHEN k.key = $prefix AND k.full THEN 1 ELSE 0 END) AS exact ' +
      'MATCH (e:Entity {id: entityId}) WHERE $types IS NULL OR e.type IN $types ' +
      `RETURN ${SUMMARY('e')}, exact ORDER BY exact DESC, articleCount DESC, name ASC, id ASC LIMIT $limit`,
    params: { prefix, types: typeList(types), limit: int(limit) },
  };
}

export function getEntityStatement(id: string): CypherStatement {
  return {
    cypher:
      'MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, ' +
      'e.attributes AS attributes, coalesce(e.articleCount, 0) AS articleCount, coalesce(e.mentionCount, 0) AS mentionCount, ' +
      'e.firstSeen AS firstSeen, e.lastSeen AS lastSeen',
    params: { id },
  };
}

const NEIGHBOR_ORDER = 'ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit';
/** Symmetric predicates have no direction: they pass every direction filter. */
const DIRECTION_FILTER = (dir: string) =>
  `($direction = 'both' OR $direction = ${dir} OR ${'predicate'} IN $symmetric)`;

function neighborParams(args: NeighborArgs) {
  return {
    id: args.id,
    types: typeList(args.types),
    direction: args.direction,
    symmetric: [...SYMMETRIC_PREDICATES],
    since: args.since,
    until: args.until,
    limit: int(args.limit),
  };
}

/** Predicates of an edge read: the requested ones, or all (callers never pass an empty list). */
const edgeTypes = (args: NeighborArgs) => relationshipTypes(args.predicates ?? undefined);

/** Neighbours over the typed edges (no time window; windowed reads: edgeWindowNeighborsStatement). */
export function neighborsStatement(args: NeighborArgs): CypherStatement {
  if (args.since !== null || args.until !== null) throw new Error('neighborsStatement reads no time window: use edgeWindowNeighborsStatement');
  return {
    cypher:
      `MATCH (e:Entity {id: $id})-[r:${edgeTypes(args)}]-(n:Entity) ` +
      "WITH e, r, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction " +
      `WHERE ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} ` +
      `RETURN ${SUMMARY('n')}, predicate, direction, r.articleCount AS edgeArticleCount, r.claimCount AS claimCount, ` +
      'r.firstSeen AS firstSeen, r.lastSeen AS lastSeen ' +
      NEIGHBOR_ORDER,
    params: neighborParams(args),
  };
}

/**
 * Windowed neighbours from the typed edges of $id: each edge whose first and last claim dates
 * (`firstSeen`/`lastSeen`, kept exact by the writes) overlap the window has its claims in the
 * window counted through the `claim_edge_seen_at` index (subject, predicate, object, seenAt);
 * an edge that does not overlap has none and is skipped on its own properties. So a read costs a
 * few db hits per edge and an index range per overlapping edge, never the entity's claims
 * outside the window (counting every claim of the entity and filtering by date read 8 db hits
 * per claim: 32,797 for a country with 1,541 edges and 4,136 claims on the 300,000 bench store).
 * `weakOnly`: only the edges without a strength-tier mirror (articleCount below tier 1's floor);
 * the caller has read the mirrored ones from their month lists (strongWindowNeighborsStatement)
 * and merges. Otherwise every edge (an entity whose mirrors are fewer than the limit).
 */
export function edgeWindowNeighborsStatement(args: NeighborArgs, options: { weakOnly: boolean }): CypherStatement {
  if (args.since === null && args.until === null) throw new Error('edgeWindowNeighborsStatement needs since or until');
  const overlaps = [
    ...(options.weakOnly ? ['r.articleCount < $weakCeiling'] : []),
    ...(args.since === null ? [] : ['r.lastSeen >= $since']),
    ...(args.until === null ? [] : ['r.firstSeen <= $until']),
  ];
  const inWindow = [...(args.since === null ? [] : ['c.seenAt >= $since']), ...(args.until === null ? [] : ['c.seenAt <= $until'])];
  return {
    cypher:
      `MATCH (e:Entity {id: $id})-[r:${edgeTypes(args)}]-(n:Entity) WHERE ${overlaps.join(' AND ')} ` +
      "WITH e, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction " +
      `WHERE ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} ` +
      "WITH n, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId " +
      `OPTIONAL MATCH (c:Claim) WHERE c.subjectId = subjectId AND c.predicate = predicate AND c.objectId = objectId AND ${inWindow.join(' AND ')} AND ${IS_EDGE_CLAIM('c')} ` +
      'WITH n, predicate, direction, count(c) AS claimCount, count(DISTINCT c.articleId) AS edgeArticleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen ' +
      'WHERE claimCount > 0 ' +
      `RETURN ${SUMMARY('n')}, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ` +
      NEIGHBOR_ORDER,
    params: {
      ...neighborParams(args),
      edgeModalities: EDGE_MODALITY_LIST,
      ...(options.weakOnly ? { weakCeiling: int(STRENGTH_TIER_FLOORS[0]) } : {}),
    },
  };
}

/**
 * neighborsStatement over the mirrors of the edges in strength tier `fromTier` and above
 * (strength-tiers.ts), which carry the edges' predicate, counts and dates. When at least
 * `limit` of them pass the filters, the `limit`-th strongest has at least the tier's floor, so
 * every edge that can be in the answer was read and the answer is exact; the caller checks.
 */
export function strongNeighborsStatement(args: NeighborArgs, fromTier: number): CypherStatement {
  const tiers = STRENGTH_TIER_TYPES.slice(fromTier - 1);
  if (fromTier < 1 || tiers.length === 0) throw new Error(`strength tier ${fromTier}: must be 1-${STRENGTH_TIER_TYPES.length}`);
  return {
    cypher:
      `MATCH (e:Entity {id: $id})-[t:${tiers.join('|')}]-(n:Entity) ` +
      "WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction " +
      `WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} ` +
      `RETURN ${SUMMARY('n')}, predicate, direction, t.articleCount AS edgeArticleCount, t.claimCount AS claimCount, ` +
      't.firstSeen AS firstSeen, t.lastSeen AS lastSeen ' +
      NEIGHBOR_ORDER,
    params: { ...neighborParams(args), predicates: args.predicates === null ? null : edgeTypes(args).split('|') },
  };
}

/**
 * strongNeighborsStatement with a time window: the candidates are the mirrors of tiers
 * `fromTier`…`toTier` (the caller reads the top tiers first, then one lower tier at a time, and
 * merges: each edge has one mirror, so the reads are disjoint), and each one's windowed counts
 * and dates come from the mirror's month lists (mirror-months.ts) for the months wholly inside
 * the window, plus, for a partial month at either end, the edge's own claims in that part, found
 * by the `claim_edge_seen_at` index (subject, predicate, object, seenAt). So a candidate costs a
 * few list entries, not its claims (a hub's strongest edges have thousands). A windowed count is
 * at most the edge's count, so every edge outside the tiers read has fewer than the tier's floor
 * in the window: when the `limit`-th of the merged rows has at least the floor of the lowest
 * tier read, the answer is exact (the caller checks). Only the parts the window has are written
 * into the text, so each claim read is an index seek on one range.
 */
export function strongWindowNeighborsStatement(args: NeighborArgs, fromTier: number, toTier = STRENGTH_TIER_TYPES.length): CypherStatement {
  const tiers = STRENGTH_TIER_TYPES.slice(fromTier - 1, toTier);
  if (fromTier < 1 || toTier < fromTier || toTier > STRENGTH_TIER_TYPES.length) throw new Error(`strength tiers ${fromTier}-${toTier}: must be within 1-${STRENGTH_TIER_TYPES.length}`);
  if (args.since === null && args.until === null) throw new Error('strongWindowNeighborsStatement needs since or until');
  const window = monthWindow(args.since, args.until);
  // The claim parts: [claims, articles, first, last] of the edge's claims in one date range each.
  const parts: string[] = [];
  let claims = '';
  const claimPart = (name: string, range: string) => {
    claims +=
      `OPTIONAL MATCH (${name}:Claim) WHERE ${name}.subjectId = subjectId AND ${name}.predicate = predicate AND ${name}.objectId = objectId AND ${range} AND ${IS_EDGE_CLAIM(name)} ` +
      `WITH n, t, predicate, direction, subjectId, objectId, ${parts.map((p) => `${p}, `).join('')}` +
      `[count(${name}), count(DISTINCT ${name}.articleId), min(${name}.seenAt), max(${name}.seenAt)] AS ${name}Part `;
    parts.push(`${name}Part`);
  };
  if (window.head) claimPart('h', `h.seenAt >= $since AND h.seenAt ${window.head.endInclusive ? '<= $until' : '< $headEnd'}`);
  if (window.tail) claimPart('l', 'l.seenAt >= $tailStart AND l.seenAt <= $until');
  const full = window.full;
  const inFull = full === null ? [] : [full.from === null ? null : 't.months[i] >= $fullFrom', full.to === null ? null : 't.months[i] < $fullTo'].filter((x) => x !== null);
  // The whole months' entries in the same shape, then the claim parts.
  const wholeMonths =
    `[i IN range(0, size(coalesce(t.months, [])) - 1) WHERE ${inFull.length === 0 ? 'true' : inFull.join(' AND ')} ` +
    '| [t.monthClaims[i], t.monthArticles[i], t.monthFirst[i], t.monthLast[i]]]';
  const lists = [...(full === null ? [] : [wholeMonths]), ...(parts.length === 0 ? [] : [`[${parts.join(', ')}]`])].join(' + ');
  const min = (k: number) => `reduce(m = null, x IN ps | CASE WHEN x[${k}] IS NULL OR (m IS NOT NULL AND m <= x[${k}]) THEN m ELSE x[${k}] END)`;
  const max = (k: number) => `reduce(m = null, x IN ps | CASE WHEN x[${k}] IS NULL OR (m IS NOT NULL AND m >= x[${k}]) THEN m ELSE x[${k}] END)`;
  return {
    cypher:
      `MATCH (e:Entity {id: $id})-[t:${tiers.join('|')}]-(n:Entity) ` +
      "WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction " +
      `WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} ` +
      "WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId " +
      claims +
      `WITH n, predicate, direction, ${lists} AS ps ` +
      `WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, ${min(2)} AS firstSeen, ${max(3)} AS lastSeen ` +
      'WHERE claimCount > 0 ' +
      `RETURN ${SUMMARY('n')}, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ` +
      NEIGHBOR_ORDER,
    params: {
      ...neighborParams(args),
      predicates: args.predicates === null ? null : edgeTypes(args).split('|'),
      edgeModalities: EDGE_MODALITY_LIST,
      ...(full?.from ? { fullFrom: full.from } : {}),
      ...(full?.to ? { fullTo: full.to } : {}),
      ...(window.head && !window.head.endInclusive ? { headEnd: window.head.end } : {}),
      ...(window.tail ? { tailStart: window.tail.start } : {}),
    },
  };
}

/** The edge-modality claims touching $id in the window, one row per (claim, other end). */
const WINDOW_CLAIMS =
  'MATCH (e:Entity {id: $id})<-[role:SUBJECT|OBJECT]-(c:Claim)-[other:SUBJECT|OBJECT]->(n:Entity) ' +
  `WHERE type(role) <> type(other) AND c.predicate IN $predicates AND ${IS_EDGE_CLAIM('c')} ` +
  'AND ($since IS NULL OR c.seenAt >= $since) AND ($until IS NULL OR c.seenAt <= $until) ' +
  "WITH n, c, c.predicate AS predicate, CASE type(role) WHEN 'SUBJECT' THEN 'out' ELSE 'in' END AS direction " +
  `WHERE ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} `;

/** Neighbour entries per (neighbour type, predicate), over the same edges as neighborsStatement. */
export function neighborCountsStatement(args: NeighborArgs): CypherStatement {
  const params = neighborParams(args);
  const types = edgeTypes(args);
  if (args.since === null && args.until === null) {
    return {
      cypher:
        `MATCH (e:Entity {id: $id})-[r:${types}]-(n:Entity) ` +
        "WITH e, r, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction " +
        `WHERE ($types IS NULL OR n.type IN $types) AND ${DIRECTION_FILTER('direction')} ` +
        'RETURN n.type AS type, predicate, count(*) AS count',
      params,
    };
  }
  return {
    cypher: WINDOW_CLAIMS + 'WITH DISTINCT n, predicate, direction RETURN n.type AS type, predicate, count(*) AS count',
    params: { ...params, predicates: types.split('|'), edgeModalities: EDGE_MODALITY_LIST },
  };
}

/**
 * The REPORTED_BY entries derived from articles (see GraphStore): `out`, the outlets of the
 * articles listing $id; `in`, the entities listed by the articles $id reported. One row per
 * (article, other entity) before grouping.
 */
function reportedByMatch(direction: 'out' | 'in'): string {
  const window = 'AND ($since IS NULL OR m.seenAt >= $since) AND ($until IS NULL OR m.seenAt <= $until) ';
  return direction === 'out'
    ? 'MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(a:Article)-[:REPORTED_BY]->(n:Entity) WHERE n.id <> $id ' + window
    : 'MATCH (e:Entity {id: $id})<-[:REPORTED_BY]-(a:Article)-[m:MENTIONS]->(n:Entity) WHERE n.id <> $id ' + window;
}

export function reportedByNeighborsStatement(args: NeighborArgs, direction: 'out' | 'in'): CypherStatement {
  return {
    cypher:
      reportedByMatch(direction) +
      'AND ($types IS NULL OR n.type IN $types) ' +
      'WITH n, count(DISTINCT a) AS edgeArticleCount, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen ' +
      `RETURN ${SUMMARY('n')}, 'REPORTED_BY' AS predicate, $direction AS direction, edgeArticleCount, edgeArticleCount AS claimCount, firstSeen, lastSeen ` +
      'ORDER BY edgeArticleCount DESC, name ASC, id ASC LIMIT $limit',
    params: { ...neighborParams(args), direction },
  };
}

export function reportedByCountsStatement(args: NeighborArgs, direction: 'out' | 'in'): CypherStatement {
  return {
    cypher: reportedByMatch(direction) + "AND ($types IS NULL OR n.type IN $types) WITH DISTINCT n RETURN n.type AS type, 'REPORTED_BY' AS predicate, count(*) AS count",
    params: { ...neighborParams(args) },
  };
}

/** Longest path searched for; variable-length bounds are literals in Cypher, so this is validated. */
export const MAX_PATH_HOPS = 6;

/**
 * Node sequences of all shortest paths (undirected, over the typed edges of the given
 * predicates) of at most `maxHops` edges. The bound is a validated integer written into the text
 * (Cypher does not take it as a parameter). Several predicates between the same two nodes give
 * the same sequence: DISTINCT; the caller picks the edge per step and ranks the paths.
 */
/**
 * REPORTED_BY is also the type of `(:Article)-[:REPORTED_BY]->(:Entity)`: a path search over it
 * would step through articles (two outlets of one article two steps apart), find those shorter
 * routes first and hide the typed paths. Paths join entities only, as on SQLite, so when
 * REPORTED_BY is among the types followed every node must be an entity (a node predicate the
 * shortest-path search applies while it expands).
 */
function entityStepsOnly(predicates: readonly Predicate[] | null | undefined): string {
  const followed = predicates && predicates.length > 0 ? predicates : PREDICATES;
  return followed.includes('REPORTED_BY') ? ' WHERE all(n IN nodes(p) WHERE n:Entity)' : '';
}

export function shortestPathsStatement(fromId: string, toId: string, args: Pick<PathArgs, 'maxHops' | 'predicates'>, fetch = 1000): CypherStatement {
  const hops = checkSize(args.maxHops, 'maxHops', MAX_PATH_HOPS);
  return {
    cypher:
      'MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) ' +
      `MATCH p = allShortestPaths((a)-[:${relationshipTypes(args.predicates ?? undefined)}*..${hops}]-(b))${entityStepsOnly(args.predicates)} ` +
      'RETURN DISTINCT [n IN nodes(p) | n.id] AS ids LIMIT $fetch',
    params: { from: fromId, to: toId, fetch: int(checkSize(fetch, 'fetch', 100_000)) },
  };
}

/**
 * Every shortest path (at most `fetch` rows, one per path) as its node ids and, per step, the
 * edge it takes: `[predicate, forward, articleCount]`, forward when the edge starts at the
 * step's first node. When fewer than `fetch` rows come back the enumeration was complete, and
 * then every edge joining two consecutive nodes of a sequence is on some row (any choice of
 * edge per step of a shortest sequence is itself a shortest path), so the caller needs no
 * separate edge read (edgesBetweenStatement) — one round trip and the undirected
 * `(x)-[r]-(y)` joins between hubs saved. The direction test compares nodes, not ids: no
 * property read.
 */
export function shortestPathStepsStatement(fromId: string, toId: string, args: Pick<PathArgs, 'maxHops' | 'predicates'>, fetch: number): CypherStatement {
  const hops = checkSize(args.maxHops, 'maxHops', MAX_PATH_HOPS);
  return {
    cypher:
      'MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) ' +
      `MATCH p = allShortestPaths((a)-[:${relationshipTypes(args.predicates ?? undefined)}*..${hops}]-(b))${entityStepsOnly(args.predicates)} ` +
      'WITH nodes(p) AS ns, relationships(p) AS rs LIMIT $fetch ' +
      'RETURN [n IN ns | n.id] AS ids, [i IN range(0, size(rs) - 1) | [type(rs[i]), startNode(rs[i]) = ns[i], rs[i].articleCount]] AS steps',
    params: { from: fromId, to: toId, fetch: int(checkSize(fetch, 'fetch', 1_000_000)) },
  };
}

/** For each consecutive pair of a path, the edges (of the wanted predicates) joining them, either way. */
export function edgesBetweenStatement(pairs: Array<[string, string]>, predicates?: readonly Predicate[] | null): CypherStatement {
  return {
    cypher:
      `UNWIND $pairs AS pair MATCH (x:Entity {id: pair[0]})-[r:${relationshipTypes(predicates ?? undefined)}]-(y:Entity {id: pair[1]}) ` +
      'RETURN DISTINCT pair[0] AS a, pair[1] AS b, startNode(r).id AS subjectId, type(r) AS predicate, endNode(r).id AS objectId, ' +
      'r.articleCount AS articleCount',
    params: { pairs },
  };
}

/** Entity summaries by id. */
export function entitySummariesStatement(ids: string[]): CypherStatement {
  return { cypher: `UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) RETURN ${SUMMARY('e')}`, params: { ids } };
}

/**
 * The claims behind an edge (of the given modalities, else all), with their articles and
 * outlet entity, newest first. With a predicate, the ids arrive normalised (symmetric: subject <
 * object); without, claims in both directions are returned.
 */
export function evidenceStatement(args: EvidenceArgs): CypherStatement {
  const predicate = args.predicate === null ? null : relationshipType(args.predicate);
  return {
    cypher:
      'MATCH (x:Entity {id: $subjectId})<-[:SUBJECT|OBJECT]-(c:Claim)-[:SUBJECT|OBJECT]->(y:Entity {id: $objectId}) ' +
      'WHERE (($predicate IS NULL AND ((c.subjectId = $subjectId AND c.objectId = $objectId) OR (c.subjectId = $objectId AND c.objectId = $subjectId))) ' +
      'OR (c.predicate = $predicate AND c.subjectId = $subjectId AND c.objectId = $objectId)) ' +
      "AND ($modalities IS NULL OR coalesce(c.modality, 'asserted') IN $modalities) " +
      'WITH DISTINCT c MATCH (a:Article)-[:HAS_CLAIM]->(c) ' +
      'OPTIONAL MATCH (a)-[rb:REPORTED_BY]->(outlet:Entity) WHERE rb.rank = 0 ' +
      'RETURN c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId, c.sentence AS sentence, ' +
      "c.start AS claimStart, c.`end` AS claimEnd, c.rule AS rule, c.confidence AS confidence, coalesce(c.modality, 'asserted') AS modality, " +
      'c.antecedentSentence AS antecedentSentence, c.antecedentStart AS antecedentStart, c.antecedentEnd AS antecedentEnd, ' +
      'a.id AS articleId, a.url AS url, a.title AS title, a.outlet AS outlet, a.publishedAt AS publishedAt, a.seenAt AS seenAt, ' +
      'outlet.id AS outletId, outlet.name AS outletName ' +
      'ORDER BY seenAt DESC, articleId ASC, claimStart ASC, predicate ASC, subjectId ASC, rule ASC LIMIT $limit',
    params: { subjectId: args.subjectId, objectId: args.objectId, predicate, modalities: args.modalities, limit: int(args.limit) },
  };
}

/** Entities by number of distinct articles naming them (in the window, when `since` is given). */
export function topEntitiesStatement(args: TopArgs): CypherStatement {
  const params = { types: typeList(args.types), since: args.since, limit: int(args.limit) };
  if (args.since === null) {
    return {
      cypher:
        'MATCH (e:Entity) WHERE ($types IS NULL OR e.type IN $types) AND e.articleCount > 0 ' +
        `RETURN ${SUMMARY('e')}, e.articleCount AS count ORDER BY count DESC, name ASC, id ASC LIMIT $limit`,
      params,
    };
  }
  return {
    cypher:
      'MATCH (:Article)-[m:MENTIONS]->(e:Entity) WHERE m.seenAt >= $since AND ($types IS NULL OR e.type IN $types) ' +
      `WITH e, count(m) AS count RETURN ${SUMMARY('e')}, count ORDER BY count DESC, name ASC, id ASC LIMIT $limit`,
    params,
  };
}

/** Entities named in the same articles, by number of shared articles. */
export function coMentionedStatement(id: string, limit: number): CypherStatement {
  return {
    cypher:
      'MATCH (e:Entity {id: $id})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity) WHERE o.id <> $id ' +
      `WITH o, count(DISTINCT a) AS count RETURN ${SUMMARY('o')}, count ORDER BY count DESC, name ASC, id ASC LIMIT $limit`,
    params: { id, limit: int(limit) },
  };
}

/** Articles naming the entity per UTC day (published, else fetched), oldest first. */
export function timelineStatement(id: string): CypherStatement {
  return {
    cypher:
      'MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(:Article) ' +
      'WITH substring(m.seenAt, 0, 10) AS date, count(m) AS articleCount RETURN date, articleCount ORDER BY date ASC',
    params: { id },
  };
}

/** One statement per figure: count-store lookups on every version, no subqueries needed. */
export function statsStatements(): Record<'articles' | 'entities' | 'mentions' | 'claims' | 'edges', CypherStatement> {
  return {
    articles: { cypher: 'MATCH (a:Article) WHERE a.contentHash IS NOT NULL RETURN count(a) AS value', params: {} },
    entities: { cypher: 'MATCH (e:Entity) RETURN count(e) AS value', params: {} },
    mentions: { cypher: 'MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN coalesce(sum(m.count), 0) AS value', params: {} },
    claims: { cypher: 'MATCH (c:Claim) RETURN count(c) AS value', params: {} },
    edges: { cypher: `MATCH (:Entity)-[r:${relationshipTypes()}]->(:Entity) RETURN count(r) AS value`, params: {} },
  };
}

export function listPublicationsStatement(articleId: string): CypherStatement {
  return {
    cypher:
      'MATCH (:Article {id: $articleId})-[:REPUBLISHED_AS]->(p:Publication) ' +
      'RETURN p.url AS url, p.title AS title, p.outlet AS outlet, p.publishedAt AS publishedAt, p.fetchedAt AS fetchedAt, p.sortDate AS sortDate ' +
      'ORDER BY sortDate ASC, url ASC',
    params: { articleId },
  };
}

/**
 * One page of entities after `afterId` (keyset paging: memory stays flat however large the
 * graph). With `since`, only entities named in an article on or after it, counted in that window.
 */
export function exportEntitiesPageStatement(args: ExportArgs, afterId: string | null, pageSize: number): CypherStatement {
  const since = args.since ?? undefined;
  const params = { after: afterId, types: typeList(args.types), since: args.since, limit: int(checkSize(pageSize, 'pageSize', 100_000)) };
  const columns = 'e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.attributes AS attributes';
  if (since === undefined) {
    return {
      cypher:
        'MATCH (e:Entity) WHERE ($after IS NULL OR e.id > $after) AND ($types IS NULL OR e.type IN $types) ' +
        `RETURN ${columns}, coalesce(e.articleCount, 0) AS articleCount, coalesce(e.mentionCount, 0) AS mentionCount ORDER BY id ASC LIMIT $limit`,
      params,
    };
  }
  return {
    cypher:
      // lastSeen >= since means at least one article in the window: every entity of the page yields a row.
      'MATCH (e:Entity) WHERE ($after IS NULL OR e.id > $after) AND ($types IS NULL OR e.type IN $types) AND e.lastSeen >= $since ' +
      'WITH e ORDER BY e.id ASC LIMIT $limit ' +
      'MATCH (:Article)-[m:MENTIONS]->(e) WHERE m.seenAt >= $since ' +
      `WITH e, count(m) AS articleCount, sum(m.count) AS mentionCount RETURN ${columns}, articleCount, mentionCount ORDER BY id ASC`,
    params,
  };
}

/**
 * The outgoing edges of one page of subjects (ids after `afterId`, `pageSize` of them) whose
 * both ends have a wanted type, ordered by subject, predicate, object; with `since`, only edges
 * with claims on or after it, counted in that window. Every page returns `lastId` (also on rows
 * without an edge) so the caller can move on.
 */
export function exportEdgesPageStatement(args: ExportArgs, afterId: string | null, pageSize: number): CypherStatement {
  const since = args.since ?? undefined;
  const params = { after: afterId, types: typeList(args.types), since: args.since, limit: int(checkSize(pageSize, 'pageSize', 100_000)) };
  const page =
    'MATCH (s:Entity) WHERE $after IS NULL OR s.id > $after WITH s ORDER BY s.id ASC LIMIT $limit ' +
    'WITH collect(s) AS subjects WITH subjects, last(subjects).id AS lastId UNWIND subjects AS s ' +
    `OPTIONAL MATCH (s)-[r:${relationshipTypes()}]->(o:Entity) ` +
    'WHERE ($types IS NULL OR (s.type IN $types AND o.type IN $types)) AND ($since IS NULL OR r.lastSeen >= $since) ';
  if (since === undefined) {
    return {
      cypher:
        page +
        'RETURN lastId, s.id AS subjectId, type(r) AS predicate, o.id AS objectId, r.articleCount AS articleCount, r.claimCount AS claimCount, ' +
        'r.firstSeen AS firstSeen, r.lastSeen AS lastSeen ORDER BY subjectId ASC, predicate ASC, objectId ASC',
      params,
    };
  }
  return {
    cypher:
      page +
      `OPTIONAL MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = type(r) AND c.seenAt >= $since AND ${IS_EDGE_CLAIM('c')} ` +
      'WITH lastId, s, r, o, count(c) AS claimCount, count(DISTINCT c.articleId) AS articleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen ' +
      'RETURN lastId, s.id AS subjectId, type(r) AS predicate, o.id AS objectId, articleCount, claimCount, firstSeen, lastSeen ' +
      'ORDER BY subjectId ASC, predicate ASC, objectId ASC',
    params: { ...params, edgeModalities: EDGE_MODALITY_LIST },
  };
}
