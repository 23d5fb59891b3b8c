import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse';
import { InputError, type ListEntryType } from '@newsgraph/shared';
import { decodeWindows1252 } from './decode-list-file.ts';
import { ListEntryBuilder } from './list-entry-builder.ts';
import { parseSdnRemarks, splitSdnPrograms } from './sdn-remarks.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

/** OFAC's "no value" marker in the legacy files. */
const nullable = (v: string | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' || t === '-0-' ? null : t;
};

const SDN_TYPES: Record<string, ListEntryType> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

/** Streams the records of a header-less CSV text, each with its first line number; a malformed file is an error naming it and the line. */
async function* csvRecords(file: string, text: string, columns: number): AsyncGenerator<{ record: string[]; line: number }> {
  const parser = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === 1 && record[0]!.trim() === '') continue;
      if (record.length < columns) throw new InputError(file, `line ${info.lines}: ${record.length} columns, expected ${columns} (a truncated or wrong file?)`);
      yield { record, line: info.lines };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { lines?: number; message: string };
    throw new InputError(file, `${e.lines ? `line ${e.lines}: ` : ''}not valid CSV: ${e.message}`, { cause: error });
  }
}

async function readCsv(file: string): Promise<{ text: string; encoding: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  return decodeWindows1252(file, bytes);
}

/** The companion files OFAC publishes beside sdn.csv, when present in the same folder. */
export function sdnCompanions(sdnFile: string): { alt: string | null; add: string | null } {
  const dir = dirname(sdnFile);
  const prefix = basename(sdnFile).toLowerCase().startsWith('cons_') ? 'cons_' : '';
  const find = (name: string) => {
    for (const candidate of [`${prefix}${name}.csv`, `${prefix}${name}.CSV`, `${prefix.toUpperCase()}${name.toUpperCase()}.CSV`]) {
      const path = join(dir, candidate);
      if (existsSync(path)) return path;
    }
    return null;
  };
  return { alt: find('alt'), add: find('add') };
}

/**
 * Reads OFAC's legacy SDN CSV (sdn.csv: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
 * Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; no header; Windows-1252) with its
 * alt.csv (ent_num, alt_num, alt_type, alt_name, alt_remarks) and add.csv (ent_num, add_num,
 * address, city/state, country, add_remarks) when they are beside it.
 */
export async function importSdnCsv(file: string, list: string, companions = sdnCompanions(file)): Promise<ParsedList> {
  const { text, encoding } = await readCsv(file);
  const builder = new ListEntryBuilder(list);
  if (encoding === 'utf-8') builder.warnings.push(`${file}: read as UTF-8 (OFAC publishes Windows-1252; this copy was re-encoded)`);
  const aliases = new Map<string, string[]>();
  const countries = new Map<string, string[]>();
  if (companions.alt) {
    for await (const { record } of csvRecords(companions.alt, (await readCsv(companions.alt)).text, 4)) {
      const name = nullable(record[3]);
      if (name) (aliases.get(record[0]!.trim()) ?? aliases.set(record[0]!.trim(), []).get(record[0]!.trim())!).push(name);
    }
  }
  if (companions.add) {
    for await (const { record } of csvRecords(companions.add, (await readCsv(companions.add)).text, 5)) {
      const country = nullable(record[4]);
      if (country) (countries.get(record[0]!.trim()) ?? countries.set(record[0]!.trim(), []).get(record[0]!.trim())!).push(country);
    }
  }
  for await (const { record, line } of csvRecords(file, text, 12)) {
    const id = record[0]!.trim();
    if (!/^\d+$/.test(id)) throw new InputError(file, `line ${line}: ent_num "${id.slice(0, 40)}" is not a number: not an SDN CSV file`);
    const remarks = nullable(record[11]);
    const parsed = parseSdnRemarks(remarks);
    const type = SDN_TYPES[(nullable(record[2]) ?? '').toLowerCase()] ?? 'organization';
    const flag = nullable(record[9]);
    builder.add(
      {
        id,
        type,
        name: nullable(record[1]) ?? '',
        aliases: [...parsed.aliases, ...(aliases.get(id) ?? [])],
        programs: splitSdnPrograms(nullable(record[3])),
        nationalities: parsed.nationalities,
        countries: [...(countries.get(id) ?? []), ...(flag ? [flag] : [])],
        identifiers: parsed.identifiers,
        remarks: [nullable(record[4]), remarks].filter(Boolean).join('; ') || null,
      },
      { file, line },
    );
  }
  return { format: 'ofac-sdn-csv', versionDate: null, entries: builder.finish(file), warnings: builder.warnings };
}
