import neo4j from 'neo4j-driver';
import type { Predicate } from '@newsgraph/shared';
import { relationshipType, relationshipTypes, type CypherStatement } from './cypher-statement.ts';
import type { DialectFamily } from './neo4j-dialect.ts';

/**
 * Strength tiers: an index of every entity's strong edges that Neo4j can read without touching
 * the weak ones. A hub such as Russia has tens of thousands of typed edges, almost all with one
 * or two articles; reading them all (one relationship and one property each) to keep the 50
 * strongest is what made neighbour reads slow. So each typed edge with articleCount ≥ 4 also
 * has one mirror relationship, same ends and direction, whose *type* is its tier:
 * `STRENGTH_TIER_k` for articleCount in [4^k, 4^(k+1)), the top tier open-ended, carrying the
 * edge's predicate and a copy of its counts and dates (so a read never joins back to the edge:
 * between two hubs that join alone read tens of thousands of relationships). Neo4j groups a
 * dense node's relationships by type, so the degree of each tier is a constant-time lookup
 * (getDegree) and reading the top tiers reads only their few relationships. The write path
 * copies the counts it wrote to the mirrors of the strong edges it changed, and moves a mirror when an
 * edge's count crosses a tier floor (at most once per tier in an edge's life).
 */

/** Lowest articleCount of tiers 1…6. */
export const STRENGTH_TIER_FLOORS = [4, 16, 64, 256, 1024, 4096] as const;
export const STRENGTH_TIERS = STRENGTH_TIER_FLOORS.map((_, i) => i + 1);

export function strengthTierType(tier: number): string {
  if (!Number.isInteger(tier) || tier < 1 || tier > STRENGTH_TIER_FLOORS.length) throw new Error(`strength tier ${tier}: must be 1-${STRENGTH_TIER_FLOORS.length}`);
  return `STRENGTH_TIER_${tier}`;
}

/** Every tier relationship type, for documentation and the model check. */
export const STRENGTH_TIER_TYPES = STRENGTH_TIERS.map(strengthTierType);

/** The tier of an edge with this many articles; 0: no mirror. */
export function strengthTierOf(articleCount: number): number {
  let tier = 0;
  for (const floor of STRENGTH_TIER_FLOORS) if (articleCount >= floor) tier += 1;
  return tier;
}

/** The same as a Cypher expression over `expr`. */
export function strengthTierExpression(expr: string): string {
  const cases = [...STRENGTH_TIER_FLOORS].map((floor, i) => [floor, i + 1] as const).reverse();
  return `CASE ${cases.map(([floor, tier]) => `WHEN ${expr} >= ${floor} THEN ${tier}`).join(' ')} ELSE 0 END`;
}

/** A changed edge that has or had a mirror (a row of applyEdgeChangesStatement). */
export interface TierMoveRow {
  subjectId: string;
  objectId: string;
}

/** A changed edge's final counts and dates, as the write returned them: what its mirror copies. */
export interface MirrorValuesRow extends TierMoveRow {
  articleCount: number;
  claimCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

const valueParams = (rows: MirrorValuesRow[]) => rows.map((r) => ({ ...r, articleCount: neo4j.int(r.articleCount), claimCount: neo4j.int(r.claimCount) }));
const FROM_ROW = (t: string) =>
  `${t}.articleCount = row.articleCount, ${t}.claimCount = row.claimCount, ${t}.firstSeen = row.firstSeen, ${t}.lastSeen = row.lastSeen`;

const ALL_TIERS = () => STRENGTH_TIER_TYPES.join('|');
const COPY = (t: string, r: string) =>
  `${t}.articleCount = ${r}.articleCount, ${t}.claimCount = ${r}.claimCount, ${t}.firstSeen = ${r}.firstSeen, ${t}.lastSeen = ${r}.lastSeen`;

/** Removes the mirrors of one predicate's edges from one tier. */
export function deleteStrengthMirrorsStatement(predicate: Predicate, tier: number, rows: TierMoveRow[]): CypherStatement {
  return {
    cypher:
      `UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:${strengthTierType(tier)}]->(:Entity {id: row.objectId}) ` +
      'WHERE t.predicate = $predicate DELETE t',
    params: { predicate: relationshipType(predicate), rows },
  };
}

/**
 * Adds the mirrors of one predicate's edges in one tier, with the edges' counts and dates as the
 * write returned them (the edge itself is not matched again: between two hubs that is an
 * Expand(Into) over one of their relationship chains).
 */
export function createStrengthMirrorsStatement(predicate: Predicate, tier: number, rows: MirrorValuesRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      'UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) ' +
      `CREATE (s)-[t:${strengthTierType(tier)} {predicate: $predicate}]->(o) SET ${FROM_ROW('t')}`,
    params: { predicate: type, rows: valueParams(rows) },
  };
}

/** Sets the counts and dates of one predicate's edges on their mirrors (edges that stayed in their tier), from the write's values. */
export function syncStrengthMirrorsStatement(predicate: Predicate, rows: MirrorValuesRow[]): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher:
      `UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId})-[t:${ALL_TIERS()}]->(o:Entity {id: row.objectId}) ` +
      `WHERE t.predicate = $predicate SET ${FROM_ROW('t')}`,
    params: { predicate: type, rows: valueParams(rows) },
  };
}

/**
 * Migration from a store written before the tiers existed (or half-migrated): the mirrors of one
 * predicate's edges in one tier, for edges that lack theirs. Idempotent.
 */
export function backfillStrengthMirrorsStatement(predicate: Predicate, tier: number): CypherStatement {
  const type = relationshipType(predicate);
  const floor = STRENGTH_TIER_FLOORS[tier - 1]!;
  const ceiling = STRENGTH_TIER_FLOORS[tier];
  return {
    cypher:
      `MATCH (s:Entity)-[r:${type}]->(o:Entity) WHERE r.articleCount >= $floor${ceiling === undefined ? '' : ' AND r.articleCount < $ceiling'} ` +
      `AND NOT (s)-[:${strengthTierType(tier)} {predicate: $predicate}]->(o) ` +
      `CREATE (s)-[t:${strengthTierType(tier)} {predicate: $predicate}]->(o) SET ${COPY('t', 'r')}`,
    params: { predicate: type, floor: neo4j.int(floor), ...(ceiling === undefined ? {} : { ceiling: neo4j.int(ceiling) }) },
  };
}

/** Migration: removes mirrors whose edge is gone or now in another tier. Idempotent. */
export function pruneStrengthMirrorsStatement(tier: number): CypherStatement {
  const floor = STRENGTH_TIER_FLOORS[tier - 1]!;
  const ceiling = STRENGTH_TIER_FLOORS[tier];
  return {
    cypher:
      `MATCH (s:Entity)-[t:${strengthTierType(tier)}]->(o:Entity) ` +
      `OPTIONAL MATCH (s)-[r:${relationshipTypes()}]->(o) WHERE type(r) = t.predicate ` +
      `WITH t, r WHERE r IS NULL OR r.articleCount < $floor${ceiling === undefined ? '' : ' OR r.articleCount >= $ceiling'} DELETE t`,
    params: { floor: neo4j.int(floor), ...(ceiling === undefined ? {} : { ceiling: neo4j.int(ceiling) }) },
  };
}

/** The list of `e`'s degree in each tier, tier 1 first: getDegree lookups, in the server's syntax. */
export function strengthTierDegreesExpression(family: DialectFamily): string {
  const degree = (type: string) => (family === 'neo4j-5' ? `COUNT { (e)-[:${type}]-() }` : `size((e)-[:${type}]-())`);
  return `[${STRENGTH_TIER_TYPES.map(degree).join(', ')}]`;
}

/** How many typed edges of $id each tier holds, tier 1 first (getDegree lookups on every version). */
export function strengthTierDegreesStatement(id: string, family: DialectFamily): CypherStatement {
  return {
    cypher: `MATCH (e:Entity {id: $id}) RETURN ${strengthTierDegreesExpression(family)} AS degrees`,
    params: { id },
  };
}

/**
 * The tier to read from so that at least `limit` edges are read (before the caller's filters),
 * given each tier's degree (tier 1 first); 0 when even all tiers hold fewer.
 */
export function lowestTierToRead(degrees: readonly number[], limit: number): number {
  let sum = 0;
  for (let tier = degrees.length; tier >= 1; tier--) {
    sum += degrees[tier - 1] ?? 0;
    if (sum >= limit) return tier;
  }
  return 0;
}

/** Which store-level migration the tiers are, and its version: a store with this marker has its mirrors. */
export const STRENGTH_TIERS_MIGRATION = { key: 'strength-tiers', version: 1 } as const;

export function readMigrationMarkerStatement(): CypherStatement {
  return { cypher: 'MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version', params: { key: STRENGTH_TIERS_MIGRATION.key } };
}

export function writeMigrationMarkerStatement(): CypherStatement {
  return {
    cypher: 'MERGE (m:StoreMeta {key: $key}) SET m.version = $version',
    params: { key: STRENGTH_TIERS_MIGRATION.key, version: neo4j.int(STRENGTH_TIERS_MIGRATION.version) },
  };
}

/** One row when the store has any typed edge or mirror (else the tier migration has nothing to do). */
export function anyEdgeStatement(): CypherStatement {
  return { cypher: `MATCH (:Entity)-[r:${relationshipTypes()}|${ALL_TIERS()}]->(:Entity) RETURN 1 AS found LIMIT 1`, params: {} };
}
