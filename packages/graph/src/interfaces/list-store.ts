import type { ListEntry, ListFormat, ListVersion, Listing, ListingLink } from '@newsgraph/shared';
import type { EntitySummary } from './graph-store.ts';

/**
 * Sanctions and watch lists inside a store (`GraphStore.lists`): list entries, their versions,
 * and LISTED_AS links from entities to entries. Both stores implement it; the list-store
 * contract suite (packages/graph/test/list-store-contract.ts) checks them alike.
 *
 * Rules:
 * - `replaceList` is atomic: either the new version replaces the old one entirely (entries,
 *   version record, links to removed entries dropped) or nothing changes.
 * - Links point from an existing entity to an existing entry; a link whose entity or entry is
 *   gone is gone too (dropped by the store, never returned).
 * - Orders: lists by name; entries by id (binary order); listings by score desc, list, entry id;
 *   listed entities by their best score desc, name, id.
 */
export interface StoredList {
  name: string;
  format: ListFormat;
  versionDate: string | null;
  importedAt: string;
  source: string;
  entryCount: number;
  /** Every import of this list, newest first. */
  versions: ListVersion[];
}

export interface ReplaceListInput {
  list: string;
  format: ListFormat;
  versionDate: string | null;
  source: string;
  entries: ListEntry[];
  /** When the import happens (default now); tests pass a fixed instant. */
  importedAt?: string;
  /**
   * Refuse a new version that drops more than this share of the stored entries (default 0.5):
   * a truncated file must not silently empty a list. 1 allows anything.
   */
  maxRemovedShare?: number;
}

export interface ListedQuery {
  list?: string;
  program?: string;
  limit?: number;
}

export interface ListedEntity {
  entity: EntitySummary;
  listings: Listing[];
}

export interface ListStore {
  /** Creates or upgrades the list tables / constraints; idempotent. */
  migrate(): Promise<void>;
  /** Replaces (or creates) one list in one transaction; returns the version recorded, with the ids added and removed. */
  replaceList(input: ReplaceListInput): Promise<ListVersion>;
  /** Removes a list, its entries and their links; false when there was no such list. */
  removeList(name: string): Promise<boolean>;
  lists(): Promise<StoredList[]>;
  /** Entries of one list, or of every list, ordered by list then id. */
  listEntries(list?: string): Promise<ListEntry[]>;
  getListEntry(list: string, id: string): Promise<ListEntry | null>;
  /**
   * Replaces the links of `scope`: of the given entities (all their links), or of the given
   * lists (every link into them), by `links` (which must lie within the scope).
   */
  replaceListings(scope: { entityIds: readonly string[] } | { lists: readonly string[] }, links: readonly ListingLink[]): Promise<void>;
  /** An entity's listings, with their entries. */
  listingsOf(entityId: string): Promise<Listing[]>;
  /** Listings of many entities at once (exports, the explorer); entities without listings are absent. */
  listingsOfMany(entityIds: readonly string[]): Promise<Map<string, Listing[]>>;
  /** Entities with at least one listing, filtered by list and program. Default limit 100. */
  listedEntities(query?: ListedQuery): Promise<ListedEntity[]>;
}
