import type { Predicate } from '@newsgraph/shared';
import type { PreparedDocument } from './document-preparation.ts';

/**
 * The one algorithm both stores use to keep their denormalised counts exact when articles are
 * written: every stored article *contributes* to the entities it lists (one article, n mentions,
 * its date) and to the edges its edge-modality claims state (one article, n claims, its date).
 * Writing a batch subtracts the contributions of the versions it replaces and adds those of the
 * new versions, key by key. Counts are pure arithmetic; first/last seen are merged with the new
 * dates, and taken again from the remaining per-article rows only where a removed contribution
 * may have held the minimum or maximum. A key whose article count drops to 0 is deleted.
 *
 * Recomputing an aggregate from all its claims (what the Neo4j store once did on updates) costs
 * O(articles of that edge); a hub such as a country edge would make every update slow.
 */

export interface EntityContribution {
  entityId: string;
  mentions: number;
}

export interface EdgeContributionKey {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
}

export interface EdgeClaimsContribution extends EdgeContributionKey {
  claims: number;
}

/** What one stored (or about to be stored) article adds to the aggregates. */
export interface ArticleContribution {
  articleId: string;
  /** Article date (published, else fetched) as epoch milliseconds. */
  eventMs: number;
  entities: EntityContribution[];
  edges: EdgeClaimsContribution[];
}

export function contributionOf(doc: PreparedDocument): ArticleContribution {
  return {
    articleId: doc.article.id,
    eventMs: doc.eventMs,
    entities: doc.entities.map((e) => ({ entityId: e.id, mentions: doc.mentionCounts.get(e.id) ?? 0 })),
    edges: doc.edges.map((e) => ({ subjectId: e.subjectId, predicate: e.predicate, objectId: e.objectId, claims: e.claimCount })),
  };
}

/** The net change to one aggregate row. */
export interface CountChange {
  /** Change of its distinct-article count. */
  articles: number;
  /** Change of its mention (entity) or claim (edge) count. */
  units: number;
  /** Earliest and latest date of the added contributions (null when none was added). */
  addedFirstMs: number | null;
  addedLastMs: number | null;
  /** Earliest and latest date of the removed contributions (null when none was removed). */
  removedFirstMs: number | null;
  removedLastMs: number | null;
  /**
   * A contribution was removed, so it may have held the first or last date: a backend takes
   * them from the remaining rows (or only when the stored first/last equals a removed date).
   */
  datesFromRemaining: boolean;
  /** Only removed contributions: the row exists and may now be empty (article count 0 → delete). */
  removedOnly: boolean;
}

export interface EntityCountChange extends CountChange {
  entityId: string;
}

export interface EdgeCountChange extends CountChange, EdgeContributionKey {}

export interface CountChanges {
  /** By entity id. */
  entities: EntityCountChange[];
  /** By subject id, predicate, object id. */
  edges: EdgeCountChange[];
}

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

function blank(): CountChange {
  return { articles: 0, units: 0, addedFirstMs: null, addedLastMs: null, removedFirstMs: null, removedLastMs: null, datesFromRemaining: false, removedOnly: true };
}

function add(change: CountChange, units: number, ms: number): void {
  change.articles += 1;
  change.units += units;
  change.removedOnly = false;
  if (change.addedFirstMs === null || ms < change.addedFirstMs) change.addedFirstMs = ms;
  if (change.addedLastMs === null || ms > change.addedLastMs) change.addedLastMs = ms;
}

function subtract(change: CountChange, units: number, ms: number): void {
  change.articles -= 1;
  change.units -= units;
  change.datesFromRemaining = true;
  if (change.removedFirstMs === null || ms < change.removedFirstMs) change.removedFirstMs = ms;
  if (change.removedLastMs === null || ms > change.removedLastMs) change.removedLastMs = ms;
}

/**
 * Net count changes of replacing `removed` (contributions of stored versions) by `added`
 * (contributions of the versions being written). Pure; sorted by key so that writers take row
 * locks in one order.
 */
export function planCountChanges(removed: readonly ArticleContribution[], added: readonly ArticleContribution[]): CountChanges {
  const entities = new Map<string, EntityCountChange>();
  const edges = new Map<string, EdgeCountChange>();
  const entity = (entityId: string) => {
    let c = entities.get(entityId);
    if (!c) entities.set(entityId, (c = { entityId, ...blank() }));
    return c;
  };
  const edge = (k: EdgeContributionKey) => {
    const key = `${k.subjectId}\u0000${k.predicate}\u0000${k.objectId}`;
    let c = edges.get(key);
    if (!c) edges.set(key, (c = { subjectId: k.subjectId, predicate: k.predicate, objectId: k.objectId, ...blank() }));
    return c;
  };
  for (const r of removed) {
    for (const e of r.entities) subtract(entity(e.entityId), e.mentions, r.eventMs);
    for (const e of r.edges) subtract(edge(e), e.claims, r.eventMs);
  }
  for (const a of added) {
    for (const e of a.entities) add(entity(e.entityId), e.mentions, a.eventMs);
    for (const e of a.edges) add(edge(e), e.claims, a.eventMs);
  }
  return {
    entities: [...entities.values()].sort((x, y) => compareText(x.entityId, y.entityId)),
    edges: [...edges.values()].sort(
      (x, y) => compareText(x.subjectId, y.subjectId) || compareText(x.predicate, y.predicate) || compareText(x.objectId, y.objectId),
    ),
  };
}
