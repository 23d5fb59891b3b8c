import { InputError, MAX_LIST_REMARKS_CHARS, type ListEntry, type ListEntryType, type ListIdentifier } from '@newsgraph/shared';

/** Where an entry was read: the file and its line, for warnings and errors. */
export interface SourcePosition {
  file: string;
  line: number;
}

export interface RawEntry {
  id: string;
  type: ListEntryType;
  name: string;
  aliases?: Iterable<string>;
  programs?: Iterable<string>;
  listedOn?: string | null;
  nationalities?: Iterable<string>;
  countries?: Iterable<string>;
  identifiers?: ListIdentifier[];
  remarks?: string | null;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

function uniqueClean(values: Iterable<string> | undefined, exclude?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>(exclude ? [exclude.toLowerCase()] : []);
  for (const value of values ?? []) {
    const v = clean(value);
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/** YYYY-MM-DD from "2012-12-31", "2012-12-31T..." or null. */
export function isoDate(value: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m ? m[1]! : null;
}

/**
 * Collects one list's entries with the checks every importer shares: an entry without a name or
 * id, or with an id already read, is skipped with a warning naming the file and line; remarks
 * longer than MAX_LIST_REMARKS_CHARS are cut with a warning.
 */
export class ListEntryBuilder {
  readonly entries: ListEntry[] = [];
  readonly warnings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly list: string;

  constructor(list: string) {
    this.list = list;
  }

  add(raw: RawEntry, at: SourcePosition): ListEntry | null {
    const id = clean(raw.id);
    const name = clean(raw.name);
    const where = `${at.file}:${at.line}`;
    if (!id) {
      this.warnings.push(`${where}: entry without an id skipped`);
      return null;
    }
    if (!name) {
      this.warnings.push(`${where}: entry ${id} has no name; skipped`);
      return null;
    }
    if (this.ids.has(id)) {
      this.warnings.push(`${where}: duplicate entry id ${id} (first at line ${this.ids.get(id)}); the later one is skipped`);
      return null;
    }
    let remarks = raw.remarks ? raw.remarks.trim() : null;
    if (remarks && remarks.length > MAX_LIST_REMARKS_CHARS) {
      this.warnings.push(`${where}: remarks of entry ${id} are ${remarks.length} characters; cut to ${MAX_LIST_REMARKS_CHARS}`);
      remarks = remarks.slice(0, MAX_LIST_REMARKS_CHARS);
    }
    const identifiers: ListIdentifier[] = [];
    const seenIds = new Set<string>();
    for (const ident of raw.identifiers ?? []) {
      const value = clean(ident.value);
      const key = `${ident.type}|${value}`;
      if (!value || seenIds.has(key)) continue;
      seenIds.add(key);
      identifiers.push({ type: clean(ident.type), value, ...(ident.country ? { country: clean(ident.country) } : {}) });
    }
    const entry: ListEntry = {
      list: this.list,
      id,
      type: raw.type,
      name,
      aliases: uniqueClean(raw.aliases, name),
      programs: uniqueClean(raw.programs),
      listedOn: isoDate(raw.listedOn ?? null),
      nationalities: uniqueClean(raw.nationalities),
      countries: uniqueClean(raw.countries),
      identifiers,
      remarks: remarks || null,
    };
    this.ids.set(id, at.line);
    this.entries.push(entry);
    return entry;
  }

  /** The entries, or an error naming the file when none could be read (an import never empties a list). */
  finish(file: string): ListEntry[] {
    if (this.entries.length === 0) throw new InputError(file, 'no list entries could be read');
    return this.entries;
  }
}
