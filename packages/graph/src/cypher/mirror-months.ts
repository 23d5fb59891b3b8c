import neo4j from 'neo4j-driver';
import { EDGE_MODALITIES, type Predicate } from '@newsgraph/shared';
import { relationshipType, type CypherStatement } from './cypher-statement.ts';
import { STRENGTH_TIER_TYPES, strengthTierType, type TierMoveRow } from './strength-tiers.ts';

/**
 * Month buckets on the strength-tier mirrors: what a windowed neighbour read (`since`/`until`)
 * needs from a strong edge without reading its claims. A hub's strongest edges join it to other
 * hubs and have thousands of claims each; counting them in the window per read is what made
 * windowed reads slow. Each mirror carries, per calendar month (UTC, `YYYY-MM`) in which its
 * edge has edge-modality claims, four parallel lists:
 *
 * - `months`: the months (no order);
 * - `monthArticles`: distinct articles with such claims that month;
 * - `monthClaims`: those claims;
 * - `monthFirst` / `monthLast`: the earliest and latest claim date that month.
 *
 * An article has one date, so its claims fall in one month and distinct-article counts of
 * different months add up exactly. A window is whole months (read from the lists) plus at most
 * a partial month at each end, counted from that month's claims through the
 * `Claim(subjectId, predicate, objectId, seenAt)` index. The lists are computed from the claims
 * themselves, never by arithmetic: a mirror's lists are rebuilt from all its edge's claims when
 * the mirror is created (at most once per tier in an edge's life), and on every other write the
 * months the write touched are recomputed (the months between the first and last date of the
 * contributions added and of those removed).
 */

/** The data migration giving existing mirrors their month lists; a store with this marker has them. */
export const MIRROR_MONTHS_MIGRATION = { key: 'mirror-months', version: 1 } as const;

const EDGE_MODALITY_LIST = [...EDGE_MODALITIES];
const IS_EDGE_CLAIM = (c: string) => `coalesce(${c}.modality, 'asserted') IN $edgeModalities`;
const ALL_TIERS = () => STRENGTH_TIER_TYPES.join('|');

/** The UTC month (`YYYY-MM`) of epoch milliseconds. */
export function monthOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The first instant of a month as stored dates are written (`YYYY-MM-01T00:00:00.000Z`). */
export function monthStart(month: string): string {
  return `${month}-01T00:00:00.000Z`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/** Every month from the one of `firstMs` to the one of `lastMs`, oldest first. */
export function monthsBetween(firstMs: number, lastMs: number): string[] {
  const out: string[] = [];
  const last = monthOfMs(lastMs);
  for (let m = monthOfMs(firstMs); m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** One month to recompute: its name and the half-open range of stored dates it covers. */
export type MonthRange = [month: string, from: string, to: string];

export function monthRange(month: string): MonthRange {
  return [month, monthStart(month), monthStart(nextMonth(month))];
}

/** A mirror whose month lists are recomputed for the given months. */
export interface MirrorMonthsRow extends TierMoveRow {
  months: MonthRange[];
}

/**
 * The per-month aggregates of the claims `c` (one row per mirror `t` and month), collected into
 * the four lists; months without claims give no entry (`CASE` yields null, which collect drops).
 */
const COLLECT_MONTHS =
  'WITH t, substring(c.seenAt, 0, 7) AS month, count(c) AS claims, count(DISTINCT c.articleId) AS articles, min(c.seenAt) AS first, max(c.seenAt) AS last ' +
  'WITH t, collect(CASE WHEN claims > 0 THEN month END) AS months, collect(CASE WHEN claims > 0 THEN articles END) AS monthArticles, ' +
  'collect(CASE WHEN claims > 0 THEN claims END) AS monthClaims, collect(CASE WHEN claims > 0 THEN first END) AS monthFirst, ' +
  'collect(CASE WHEN claims > 0 THEN last END) AS monthLast ';

const SET_LISTS = 'SET t.months = months, t.monthArticles = monthArticles, t.monthClaims = monthClaims, t.monthFirst = monthFirst, t.monthLast = monthLast';

const EDGE_CLAIMS = (subject: string, object: string) =>
  `OPTIONAL MATCH (c:Claim) WHERE c.subjectId = ${subject} AND c.predicate = $predicate AND c.objectId = ${object} AND c.seenAt IS NOT NULL AND ${IS_EDGE_CLAIM('c')} `;

/** The month lists of one predicate's mirrors, rebuilt from all their edges' claims (new mirrors). */
export function rebuildMirrorMonthsStatement(predicate: Predicate, rows: TierMoveRow[]): CypherStatement {
  return {
    cypher:
      `UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:${ALL_TIERS()}]->(:Entity {id: row.objectId}) WHERE t.predicate = $predicate ` +
      EDGE_CLAIMS('row.subjectId', 'row.objectId') +
      COLLECT_MONTHS +
      SET_LISTS,
    params: { predicate: relationshipType(predicate), rows, edgeModalities: EDGE_MODALITY_LIST },
  };
}

/**
 * The listed months of one predicate's mirrors, recomputed from their claims in those months
 * (an index range seek each); the entries of other months are kept.
 */
export function refreshMirrorMonthsStatement(predicate: Predicate, rows: MirrorMonthsRow[]): CypherStatement {
  return {
    cypher:
      `UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:${ALL_TIERS()}]->(:Entity {id: row.objectId}) WHERE t.predicate = $predicate ` +
      'UNWIND row.months AS span ' +
      `OPTIONAL MATCH (c:Claim) WHERE c.subjectId = row.subjectId AND c.predicate = $predicate AND c.objectId = row.objectId AND c.seenAt >= span[1] AND c.seenAt < span[2] AND ${IS_EDGE_CLAIM('c')} ` +
      'WITH t, span[0] AS month, count(c) AS claims, count(DISTINCT c.articleId) AS articles, min(c.seenAt) AS first, max(c.seenAt) AS last ' +
      'WITH t, collect(CASE WHEN claims > 0 THEN [month, articles, claims, first, last] END) AS fresh, collect(month) AS refreshed ' +
      'WITH t, fresh, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE NOT t.months[i] IN refreshed] AS kept ' +
      'SET t.months = [i IN kept | t.months[i]] + [f IN fresh | f[0]], ' +
      't.monthArticles = [i IN kept | t.monthArticles[i]] + [f IN fresh | f[1]], ' +
      't.monthClaims = [i IN kept | t.monthClaims[i]] + [f IN fresh | f[2]], ' +
      't.monthFirst = [i IN kept | t.monthFirst[i]] + [f IN fresh | f[3]], ' +
      't.monthLast = [i IN kept | t.monthLast[i]] + [f IN fresh | f[4]]',
    params: { predicate: relationshipType(predicate), rows, edgeModalities: EDGE_MODALITY_LIST },
  };
}

/** Migration: the month lists of every mirror of one predicate in one tier, from its claims. Idempotent. */
export function backfillMirrorMonthsStatement(predicate: Predicate, tier: number): CypherStatement {
  return {
    cypher:
      `MATCH (s:Entity)-[t:${strengthTierType(tier)}]->(o:Entity) WHERE t.predicate = $predicate ` +
      EDGE_CLAIMS('s.id', 'o.id') +
      COLLECT_MONTHS +
      SET_LISTS,
    params: { predicate: relationshipType(predicate), edgeModalities: EDGE_MODALITY_LIST },
  };
}

export function readMirrorMonthsMarkerStatement(): CypherStatement {
  return { cypher: 'MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version', params: { key: MIRROR_MONTHS_MIGRATION.key } };
}

export function writeMirrorMonthsMarkerStatement(): CypherStatement {
  return {
    cypher: 'MERGE (m:StoreMeta {key: $key}) SET m.version = $version',
    params: { key: MIRROR_MONTHS_MIGRATION.key, version: neo4j.int(MIRROR_MONTHS_MIGRATION.version) },
  };
}

/**
 * A time window as whole months and partial ends. `full`: the months entirely inside it (`from`
 * inclusive, `to` exclusive, null open), or null when there is none; `head`/`tail`: the date
 * ranges at either end that cover part of a month, counted from claims (`head` is
 * `[since, headEnd)`, `tail` is `[tailStart, until]`). With no whole month inside a bounded
 * window, the whole window is `head` with `until` as its inclusive end.
 */
export interface MonthWindow {
  full: { from: string | null; to: string | null } | null;
  head: { since: string; end: string; endInclusive: boolean } | null;
  tail: { start: string; until: string } | null;
}

/** Splits `[since, until]` (UTC ISO instants, either may be null, not both) into month parts. */
export function monthWindow(since: string | null, until: string | null): MonthWindow {
  if (since === null && until === null) throw new Error('monthWindow needs since or until');
  // The first whole month: since's own month when since is its first instant, else the next.
  const from = since === null ? null : since === monthStart(since.slice(0, 7)) ? since.slice(0, 7) : nextMonth(since.slice(0, 7));
  // The month after the last whole one: until's next month when until is its own month's last instant.
  const untilMonth = until === null ? null : until.slice(0, 7);
  const to = until === null ? null : Date.parse(monthStart(nextMonth(untilMonth!))) - Date.parse(until) === 1 ? nextMonth(untilMonth!) : untilMonth;
  if (from !== null && to !== null && from >= to) {
    return { full: null, head: { since: since!, end: until!, endInclusive: true }, tail: null };
  }
  return {
    full: { from, to },
    head: since !== null && from !== since.slice(0, 7) ? { since, end: monthStart(from!), endInclusive: false } : null,
    tail: until !== null && to === untilMonth ? { start: monthStart(to!), until } : null,
  };
}

/** The added and removed date ranges of an edge's count change (a row of the edge write's input). */
export interface ChangedDates {
  addedFirst: string | null;
  addedLast: string | null;
  removedFirst: string | null;
  removedLast: string | null;
}

/**
 * The months whose claims of an edge a write may have changed: those from the first to the last
 * date of the contributions it added, and of those it removed. A superset is harmless (a month
 * recomputed unchanged); an article has one date, so no other month changed.
 */
export function touchedMonths(change: ChangedDates): MonthRange[] {
  const months = new Set<string>();
  const span = (first: string | null, last: string | null) => {
    if (first === null || last === null) return;
    for (const m of monthsBetween(Date.parse(first), Date.parse(last))) months.add(m);
  };
  span(change.addedFirst, change.addedLast);
  span(change.removedFirst, change.removedLast);
  return [...months].sort().map(monthRange);
}
