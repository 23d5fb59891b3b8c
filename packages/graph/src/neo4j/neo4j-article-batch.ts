import type { Entity, EntityAttributes } from '@newsgraph/shared';
import type { CountChange } from '../core/count-maintenance.ts';
import { mergeAliases, modalityOf, type PreparedDocument } from '../core/document-preparation.ts';
import type { ClaimRow, CountChangeRow, EntityRow, MentionRow, NameKeyRow, ReportedByRow } from '../cypher/write-statements.ts';
import { searchKeysFor } from '../search-keys.ts';

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
        modality: modalityOf(c),
        antecedentSentence: c.evidence.antecedent?.sentence ?? null,
        antecedentStart: c.evidence.antecedent?.start ?? null,
        antecedentEnd: c.evidence.antecedent?.end ?? null,
        seenAt: doc.eventDate,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      byString(a.subjectId, b.subjectId) || byString(a.objectId, b.objectId) || byString(a.predicate, b.predicate) || byString(a.articleId, b.articleId) || a.start - b.start,
  );
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byString);
}

/** REPORTED_BY rows of the documents, rank 0 for each article's outlet. */
export function reportedByRows(docs: PreparedDocument[]): ReportedByRow[] {
  return docs
    .flatMap((d) => d.reportedBy.map((entityId, rank) => ({ articleId: d.article.id, entityId, rank })))
    .sort((a, b) => byString(a.entityId, b.entityId) || byString(a.articleId, b.articleId));
}

const instant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A planned count change as statement parameters (dates as the UTC instants Neo4j stores). */
export function countChangeRow(c: CountChange): CountChangeRow {
  return {
    articles: c.articles,
    units: c.units,
    addedFirst: instant(c.addedFirstMs),
    addedLast: instant(c.addedLastMs),
    removedFirst: instant(c.removedFirstMs),
    removedLast: instant(c.removedLastMs),
  };
}
