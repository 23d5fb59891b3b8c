import { InputError, LIST_ENTRY_TYPES, LIST_FORMATS, LIST_NAME_PATTERN, MAX_LIST_REMARKS_CHARS, type ListEntry, type ListingLink, type ListVersion } from '@newsgraph/shared';
import type { ListStore, ReplaceListInput } from '../interfaces/list-store.ts';
import type { GraphStore } from '../interfaces/graph-store.ts';
import { toUtcInstant } from '../store-dates.ts';

export const DEFAULT_MAX_REMOVED_SHARE = 0.5;

/** Checks an import before anything is written; errors name the list and the entry. */
export function validateReplaceInput(input: ReplaceListInput): void {
  if (!LIST_NAME_PATTERN.test(input.list)) throw new InputError(`list ${JSON.stringify(input.list)}`, 'a list name is 1-64 lower-case letters, digits, ".", "_" or "-"');
  if (!(LIST_FORMATS as readonly string[]).includes(input.format)) throw new InputError(`list ${input.list}`, `unknown format ${input.format}`);
  if (input.entries.length === 0) throw new InputError(`list ${input.list}`, 'no entries: an import never empties a list (use lists remove)');
  const ids = new Set<string>();
  for (const e of input.entries) {
    const where = `list ${input.list}, entry ${JSON.stringify(e.id)}`;
    if (e.list !== input.list) throw new InputError(where, `belongs to list ${e.list}`);
    if (!e.id || ids.has(e.id)) throw new InputError(where, e.id ? 'duplicate entry id' : 'entry without id');
    ids.add(e.id);
    if (!e.name.trim()) throw new InputError(where, 'entry without a name');
    if (!(LIST_ENTRY_TYPES as readonly string[]).includes(e.type)) throw new InputError(where, `unknown entry type ${e.type}`);
    if (e.remarks && e.remarks.length > MAX_LIST_REMARKS_CHARS) throw new InputError(where, `remarks longer than ${MAX_LIST_REMARKS_CHARS} characters`);
  }
}

/** The version record of an import: ids added and removed against what was stored (sorted). */
export function versionOf(input: ReplaceListInput, storedIds: readonly string[]): ListVersion {
  const incoming = new Set(input.entries.map((e) => e.id));
  const stored = new Set(storedIds);
  const added = [...incoming].filter((id) => !stored.has(id)).sort();
  const removed = [...stored].filter((id) => !incoming.has(id)).sort();
  const share = input.maxRemovedShare ?? DEFAULT_MAX_REMOVED_SHARE;
  if (stored.size > 0 && removed.length / stored.size > share) {
    throw new InputError(
      `list ${input.list}`,
      `the new version would remove ${removed.length} of ${stored.size} stored entries (more than ${Math.round(share * 100)}%); is the file truncated? (--allow-shrink to import anyway)`,
    );
  }
  return {
    list: input.list,
    format: input.format,
    versionDate: input.versionDate,
    importedAt: toUtcInstant(input.importedAt ?? new Date().toISOString(), 'importedAt'),
    source: input.source,
    entryCount: input.entries.length,
    added,
    removed,
  };
}

/** Links of a replaceListings call must stay inside its scope. */
export function checkLinksInScope(scope: { entityIds: readonly string[] } | { lists: readonly string[] }, links: readonly ListingLink[]): void {
  const inScope = 'entityIds' in scope ? new Set(scope.entityIds) : new Set(scope.lists);
  for (const link of links) {
    const key = 'entityIds' in scope ? link.entityId : link.list;
    if (!inScope.has(key)) throw new InputError(`listing ${link.entityId} → ${link.list}/${link.entryId}`, 'outside the scope being replaced');
    if (!(link.score >= 0 && link.score <= 1)) throw new InputError(`listing ${link.entityId} → ${link.list}/${link.entryId}`, `score ${link.score} is not in 0..1`);
  }
}

/** Listings in the contract's order: score desc, list, entry id. */
export function compareListings(a: { score: number; list: string; entryId: string }, b: { score: number; list: string; entryId: string }): number {
  return b.score - a.score || (a.list < b.list ? -1 : a.list > b.list ? 1 : 0) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);
}

export function entryFromJson(row: Record<string, unknown>): ListEntry {
  const arr = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : Array.isArray(v) ? (v as string[]) : []);
  return {
    list: String(row.list),
    id: String(row.id),
    type: row.type as ListEntry['type'],
    name: String(row.name),
    aliases: arr(row.aliases),
    programs: arr(row.programs),
    listedOn: (row.listedOn ?? row.listed_on ?? null) as string | null,
    nationalities: arr(row.nationalities),
    countries: arr(row.countries),
    identifiers: typeof row.identifiers === 'string' ? (JSON.parse(row.identifiers) as ListEntry['identifiers']) : [],
    remarks: (row.remarks ?? null) as string | null,
  };
}

/** The store's lists, or an error saying this store keeps none. */
export function storeLists(store: GraphStore): ListStore {
  if (!store.lists) throw new InputError(`${store.kind} store`, 'this store does not keep sanctions lists');
  return store.lists;
}
