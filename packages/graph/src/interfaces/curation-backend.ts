import type { CurationEntry } from '@newsgraph/shared';

/**
 * What a storage engine keeps for curation (see @newsgraph/shared curation.ts): the log itself,
 * and the two reads and one write that applying it needs. Part of every StoreBackend.
 */
export interface CurationBackend {
  /** The whole log in recording order. */
  curationLog(): Promise<CurationEntry[]>;
  /** Appends an entry; `seq` is given by the store (one more than the last). */
  appendCuration(entry: Omit<CurationEntry, 'seq'>): Promise<CurationEntry>;
  /** Marks an active entry undone; null when there is no such entry or it was undone already. */
  markCurationUndone(id: string, undoneAt: string, undoneBy: string, undoReason: string): Promise<CurationEntry | null>;
  /** Changes whenever the log does (an entry recorded or undone): cheap, for caches. */
  curationRevision(): Promise<string>;
  /** Ids of stored articles that mention any of the entities, at most `limit`, in storage order. */
  articleIdsMentioning(entityIds: string[], limit: number): Promise<string[]>;
  /** Sets an entity's name and aliases and rebuilds its search keys; false when it is unknown. */
  setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean>;
}
