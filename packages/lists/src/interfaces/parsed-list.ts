import type { ListEntry, ListFormat } from '@newsgraph/shared';

/** What an importer read from a file: its entries, the version date it states, and warnings about skipped or cut entries. */
export interface ParsedList {
  format: ListFormat;
  versionDate: string | null;
  entries: ListEntry[];
  warnings: string[];
}
