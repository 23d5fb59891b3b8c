import { parse } from 'csv-parse';
import { InputError, type ListIdentifier } from '@newsgraph/shared';
import { ListEntryBuilder, isoDate } from './list-entry-builder.ts';
import { FTM_SCHEMA_TYPES } from './ftm-importer.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

/** Columns of OpenSanctions' targets.simple.csv that an import needs. */
export const OPENSANCTIONS_CSV_COLUMNS = ['id', 'schema', 'name'] as const;

/** Multi-valued cells are joined with semicolons. */
const multi = (cell: string | undefined): string[] => (cell ? cell.split(';').map((v) => v.trim()).filter(Boolean) : []);

/**
 * Reads OpenSanctions' `targets.simple.csv` (header row: id, schema, name, aliases, birth_date,
 * countries, addresses, identifiers, sanctions, phones, emails, program_ids, dataset, first_seen,
 * last_seen, last_change). Columns are found by their header, so older files without
 * program_ids read too. The version date is the newest last_change.
 */
export async function importOpenSanctionsCsv(file: string, text: string, list: string): Promise<ParsedList> {
  const builder = new ListEntryBuilder(list);
  const parser = parse(text, { columns: true, skip_empty_lines: true, info: true, bom: true });
  let newest: string | null = null;
  let checked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked) {
        const missing = OPENSANCTIONS_CSV_COLUMNS.filter((c) => !(c in record));
        if (missing.length) throw new InputError(file, `line 1: header lacks ${missing.join(', ')}: not an OpenSanctions targets.simple.csv`);
        checked = true;
      }
      const type = FTM_SCHEMA_TYPES[record.schema ?? ''];
      if (!type) continue;
      const changed = isoDate(record.last_change ?? null);
      if (changed && (!newest || changed > newest)) newest = changed;
      const identifiers: ListIdentifier[] = multi(record.identifiers).map((value) => ({ type: 'identifier', value }));
      const programs = multi(record.program_ids);
      builder.add(
        {
          id: record.id ?? '',
          type,
          name: record.name ?? '',
          aliases: multi(record.aliases),
          programs: programs.length ? programs : multi(record.dataset),
          listedOn: isoDate(record.first_seen ?? null),
          countries: multi(record.countries),
          identifiers,
          remarks: record.sanctions?.trim() || null,
        },
        { file, line: info.lines },
      );
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { lines?: number; message: string };
    throw new InputError(file, `${e.lines ? `line ${e.lines}: ` : ''}not valid CSV: ${e.message}`, { cause: error });
  }
  return { format: 'opensanctions-csv', versionDate: newest, entries: builder.finish(file), warnings: builder.warnings };
}
