import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError, LIST_NAME_PATTERN, type ListFormat } from '@newsgraph/shared';
import { decodeUtf8 } from './decode-list-file.ts';
import { importFtmJsonl } from './ftm-importer.ts';
import { importOpenSanctionsCsv } from './opensanctions-csv-importer.ts';
import { importSdnCsv, sdnCompanions } from './sdn-csv-importer.ts';
import { importSdnXml } from './sdn-xml-importer.ts';
import { importUnXml } from './un-xml-importer.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

export interface ReadListOptions {
  /** The list's name; default by format (ofac-sdn, un-sc) or from the file name. */
  list?: string;
  /** OFAC's alt.csv / add.csv, when named explicitly (otherwise found beside sdn.csv). */
  companions?: { alt: string | null; add: string | null };
}

export interface ReadList extends ParsedList {
  list: string;
  /** The file(s) read. */
  source: string;
}

async function head(file: string, bytes = 4096): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new InputError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** Which format a file is in, from its first bytes (the extension only breaks ties). */
export async function detectListFormat(file: string): Promise<ListFormat> {
  const start = (await head(file)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (start.startsWith('<')) {
    if (/<(?:\w+:)?sdnList[\s>]/.test(start)) return 'ofac-sdn-xml';
    if (/<CONSOLIDATED_LIST[\s>]/.test(start)) return 'un-xml';
    throw new InputError(file, 'an XML file that is neither an OFAC sdnList nor a UN CONSOLIDATED_LIST');
  }
  if (start.startsWith('{')) return 'ftm-jsonl';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/^"?id"?,"?schema"?,/.test(firstLine)) return 'opensanctions-csv';
  if (/^\d+,"/.test(firstLine)) return 'ofac-sdn-csv';
  const ext = extname(file).toLowerCase();
  throw new InputError(file, `cannot tell the list format${ext ? ` of this ${ext} file` : ''}: expected OFAC SDN CSV or XML, UN consolidated XML, FollowTheMoney JSON lines or OpenSanctions targets.simple.csv`);
}

/** A YYYY-MM-DD in the file's path (as in ofac_sdn_2024-05-03/sdn.csv), for formats that carry no date. */
export function dateInPath(file: string): string | null {
  const all = [...file.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)];
  const last = all[all.length - 1];
  return last ? `${last[1]}-${last[2]}-${last[3]}` : null;
}

function defaultListName(format: ListFormat, file: string): string {
  if (format === 'ofac-sdn-csv' || format === 'ofac-sdn-xml') return 'ofac-sdn';
  if (format === 'un-xml') return 'un-sc';
  return basename(file).replace(/\.(?:ftm\.)?(?:jsonl?|ndjson|csv)$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'list';
}

/** Reads one list file in any supported format. Errors name the file (and line); nothing is stored here. */
export async function readListFile(file: string, options: ReadListOptions = {}): Promise<ReadList> {
  const format = await detectListFormat(file);
  const list = options.list ?? defaultListName(format, file);
  if (!LIST_NAME_PATTERN.test(list)) throw new InputError(`--list ${list}`, 'a list name is 1-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');
  let parsed: ParsedList;
  let source = file;
  switch (format) {
    case 'ofac-sdn-csv': {
      const companions = options.companions ?? sdnCompanions(file);
      parsed = await importSdnCsv(file, list, companions);
      source = [file, companions.alt, companions.add].filter(Boolean).join(' + ');
      break;
    }
    case 'ftm-jsonl':
      parsed = await importFtmJsonl(file, list);
      break;
    default: {
      const text = decodeUtf8(file, await readFile(file));
      parsed =
        format === 'un-xml' ? importUnXml(file, text, list) : format === 'ofac-sdn-xml' ? importSdnXml(file, text, list) : await importOpenSanctionsCsv(file, text, list);
    }
  }
  if (!parsed.versionDate) {
    parsed.versionDate = dateInPath(file) ?? (await stat(file)).mtime.toISOString().slice(0, 10);
  }
  return { ...parsed, list, source };
}
