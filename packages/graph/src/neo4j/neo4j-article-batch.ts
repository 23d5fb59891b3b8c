import type { Entity, EntityAttributes } from '@newsgraph/shared';
import type { ClaimRow, EdgeDelta, EdgeKey, EntityRow, EntityStatsDelta, MentionRow, NameKeyRow } from '../cypher/write-statements.ts';
import { searchKeysFor } from '../search-keys.ts';
import { mergeAliases, type PreparedDocument } from '../sqlite/document-validation.ts';

/**
 * Pure preparation of (already validated, see prepareDocument) article documents for the Neo4j
 * write statements: merging an entity seen in several documents with what is stored, one
 * MENTIONS row per (article, entity), and sorting every row list by key, which gives concurrent
 * writers one lock order.
 */

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface StoredEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  /** JSON object string as stored. */
  attributes: string | null;
}

export function parseAttributes(json: string | null | undefined): EntityAttributes {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as EntityAttributes) : {};
  } catch {
    return {};
  }
}

export interface MergedEntities {
  /** Entities to write, sorted by id. */
  rows: EntityRow[];
  /** Search keys of new entities and of new aliases, sorted. */
  nameKeys: NameKeyRow[];
}

/**
 * Same rules as the SQLite store: an entity keeps the name and type it was first written with;
 * other names it arrives with become aliases; attributes merge key by key (later writes win).
 * Entities whose stored aliases and attributes would not change are left out (no write).
 */
export function mergeEntities(versions: Entity[], stored: ReadonlyMap<string, StoredEntity>): MergedEntities {
  const merged = new Map<string, { type: string; name: string; aliases: string[]; attributes: EntityAttributes; known: string[] | null; before: string | null }>();
  for (const e of versions) {
    let current = merged.get(e.id);
    if (!current) {
      const s = stored.get(e.id);
      current = s
        ? { type: s.type, name: s.name, aliases: [...s.aliases], attributes: parseAttributes(s.attributes), known: [s.name, ...s.aliases], before: `${JSON.stringify(s.aliases)}\u0000${s.attributes ?? '{}'}` }
        : { type: e.type, name: e.name, aliases: [], attributes: {}, known: null, before: null };
      merged.set(e.id, current);
    }
    current.aliases = mergeAliases(current.name, current.aliases, [e.name], e.aliases);
    current.attributes = { ...current.attributes, ...e.attributes };
  }
  const rows: EntityRow[] = [];
  const nameKeys: NameKeyRow[] = [];
  for (const [id, v] of [...merged.entries()].sort(([a], [b]) => byString(a, b))) {
    const attributes = JSON.stringify(v.attributes);
    if (v.before === `${JSON.stringify(v.aliases)}\u0000${attributes}`) continue;
    rows.push({ id, type: v.type, name: v.name, aliases: v.aliases, aliasesText: v.aliases.join('\n'), attributes });
    const labels = [v.name, ...v.aliases].filter((label) => !v.known?.includes(label));
    const keys = new Map<string, boolean>();
    for (const label of labels) searchKeysFor(label).forEach((key, i) => keys.set(key, (keys.get(key) ?? false) || i === 0));
    for (const [key, full] of keys) nameKeys.push({ entityId: id, key, full });
  }
  nameKeys.sort((a, b) => byString(a.entityId, b.entityId) || byString(a.key, b.key));
  return { rows, nameKeys };
}

/** One MENTIONS row per (article, entity) the document lists, also for entities named without a span. */
export function mentionRows(docs: PreparedDocument[]): MentionRow[] {
  const rows: MentionRow[] = [];
  for (const doc of docs) {
    const spans = new Map<string, Array<{ start: number; end: number; text: string }>>();
    for (const m of doc.mentions) spans.set(m.entityId, [...(spans.get(m.entityId) ?? []), { start: m.start, end: m.end, text: m.text }]);
    for (const e of doc.entities) {
      const list = (spans.get(e.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
      rows.push({
        articleId: doc.article.id,
        entityId: e.id,
        count: list.length,
        starts: list.map((s) => s.start),
        ends: list.map((s) => s.end),
        texts: list.map((s) => s.text),
        seenAt: doc.eventDate,
      });
    }
  }
  return rows.sort((a, b) => byString(a.entityId, b.entityId) || byString(a.articleId, b.articleId));
}

/** Claim rows (symmetric claims already normalised by prepareDocument), sorted by edge. */
export function claimRows(docs: PreparedDocument[]): ClaimRow[] {
  const rows: ClaimRow[] = [];
  for (const doc of docs) {
    for (const c of doc.claims) {
      rows.push({
        articleId: doc.article.id,
        subjectId: c.subjectId,
        predicate: c.predicate,
        objectId: c.objectId,
        sentence: c.evidence.sentence,
        start: c.evidence.start,
        end: c.evidence.end,
        rule: c.evidence.rule,
        confidence: c.evidence.confidence,
        seenAt: doc.eventDate,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      byString(a.subjectId, b.subjectId) || byString(a.objectId, b.objectId) || byString(a.predicate, b.predicate) || byString(a.articleId, b.articleId) || a.start - b.start,
  );
}

/** Distinct edge keys grouped by predicate (predicates in order), each list sorted by (subject, object). */
export function edgeKeysByPredicate(keys: Iterable<EdgeKey>): Map<EdgeKey['predicate'], Array<{ subjectId: string; objectId: string }>> {
  const seen = new Set<string>();
  const out = new Map<EdgeKey['predicate'], Array<{ subjectId: string; objectId: string }>>();
  for (const k of keys) {
    const s = `${k.subjectId}\u0000${k.predicate}\u0000${k.objectId}`;
    if (seen.has(s)) continue;
    seen.add(s);
    const list = out.get(k.predicate) ?? [];
    list.push({ subjectId: k.subjectId, objectId: k.objectId });
    out.set(k.predicate, list);
  }
  for (const list of out.values()) list.sort((a, b) => byString(a.subjectId, b.subjectId) || byString(a.objectId, b.objectId));
  return new Map([...out.entries()].sort(([a], [b]) => byString(a, b)));
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byString);
}

/**
 * Splits documents into write transactions: about `batchSize` rows each, and never the same
 * article twice in one (a repeated article must see the first copy's write).
 */
export function groupForTransactions<T extends { article: { id: string }; entities: unknown[]; mentions: unknown[]; claims: unknown[] }>(docs: T[], batchSize: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  let ids = new Set<string>();
  for (const doc of docs) {
    const w = 1 + doc.entities.length + doc.mentions.length + doc.claims.length;
    if (current.length > 0 && (ids.has(doc.article.id) || weight + w > batchSize)) {
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

/** Per-entity increments from new mention rows, leaving out entities that are recomputed instead. */
export function entityStatsDeltas(mentions: MentionRow[], recomputed: ReadonlySet<string>): EntityStatsDelta[] {
  const out = new Map<string, EntityStatsDelta>();
  for (const m of mentions) {
    if (recomputed.has(m.entityId)) continue;
    const d = out.get(m.entityId);
    if (!d) out.set(m.entityId, { entityId: m.entityId, articles: 1, mentions: m.count, firstSeen: m.seenAt, lastSeen: m.seenAt });
    else {
      d.articles += 1;
      d.mentions += m.count;
      if (m.seenAt < d.firstSeen) d.firstSeen = m.seenAt;
      if (m.seenAt > d.lastSeen) d.lastSeen = m.seenAt;
    }
  }
  return [...out.values()].sort((a, b) => byString(a.entityId, b.entityId));
}

/** Per-edge increments from new claims grouped by predicate, leaving out edges that are recomputed instead. */
export function edgeDeltasByPredicate(claims: ClaimRow[], recomputed: ReadonlySet<string>): Map<EdgeKey['predicate'], EdgeDelta[]> {
  const byKey = new Map<string, EdgeDelta & { predicate: EdgeKey['predicate']; articleIds: Set<string> }>();
  for (const c of claims) {
    const key = `${c.subjectId}\u0000${c.predicate}\u0000${c.objectId}`;
    if (recomputed.has(key)) continue;
    const d = byKey.get(key);
    if (!d) {
      byKey.set(key, { subjectId: c.subjectId, predicate: c.predicate, objectId: c.objectId, articles: 1, claims: 1, firstSeen: c.seenAt, lastSeen: c.seenAt, articleIds: new Set([c.articleId]) });
    } else {
      d.claims += 1;
      d.articleIds.add(c.articleId);
      d.articles = d.articleIds.size;
      if (c.seenAt < d.firstSeen) d.firstSeen = c.seenAt;
      if (c.seenAt > d.lastSeen) d.lastSeen = c.seenAt;
    }
  }
  const out = new Map<EdgeKey['predicate'], EdgeDelta[]>();
  for (const d of byKey.values()) {
    const list = out.get(d.predicate) ?? [];
    list.push({ subjectId: d.subjectId, objectId: d.objectId, articles: d.articles, claims: d.claims, firstSeen: d.firstSeen, lastSeen: d.lastSeen });
    out.set(d.predicate, list);
  }
  for (const list of out.values()) list.sort((a, b) => byString(a.subjectId, b.subjectId) || byString(a.objectId, b.objectId));
  return new Map([...out.entries()].sort(([a], [b]) => byString(a, b)));
}

export function edgeKeyString(k: EdgeKey): string {
  return `${k.subjectId}\u0000${k.predicate}\u0000${k.objectId}`;
}
