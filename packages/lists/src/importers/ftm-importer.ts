import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError, type ListEntryType, type ListIdentifier } from '@newsgraph/shared';
import { ListEntryBuilder, isoDate, type RawEntry } from './list-entry-builder.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

/** FollowTheMoney schemata that can be designated, and what they are here. Other schemata (Sanction, Address, Ownership ...) are not entries. */
export const FTM_SCHEMA_TYPES: Record<string, ListEntryType> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** FtM identifier properties kept as identifiers. */
const ID_PROPERTIES = ['idNumber', 'passportNumber', 'registrationNumber', 'innCode', 'ogrnCode', 'taxNumber', 'imoNumber', 'mmsi', 'swiftBic', 'leiCode', 'vatCode', 'callSign'];

interface FtmEntity {
  id?: unknown;
  schema?: unknown;
  target?: unknown;
  first_seen?: unknown;
  datasets?: unknown;
  properties?: Record<string, unknown>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

interface SanctionFacts {
  programs: string[];
  listedOn: string | null;
}

function sanctionFacts(props: Record<string, unknown>): SanctionFacts {
  const dates = [...strings(props.listingDate), ...strings(props.startDate)].map(isoDate).filter((d): d is string => Boolean(d)).sort();
  return { programs: [...strings(props.programId), ...strings(props.program)], listedOn: dates[0] ?? null };
}

/**
 * Reads FollowTheMoney entity JSON lines (OpenSanctions' entities.ftm.json or targets.nested.json),
 * line by line so a file of any size streams. Sanction entities (flat files) or nested
 * `sanctions` (nested files) give programs and listing dates. Entities marked `target: false`
 * (relatives, owners, addresses) are not entries. A line that is not JSON is an error naming the
 * file and line.
 */
export async function importFtmJsonl(file: string, list: string): Promise<ParsedList> {
  const builder = new ListEntryBuilder(list);
  const pending: Array<{ raw: RawEntry; line: number }> = [];
  const sanctions = new Map<string, SanctionFacts[]>();
  let lineNo = 0;
  let newest: string | null = null;
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      let entity: FtmEntity;
      try {
        entity = JSON.parse(line) as FtmEntity;
      } catch (error) {
        throw new InputError(file, `line ${lineNo}: not a JSON object (${(error as Error).message}); truncated file?`);
      }
      if (typeof entity !== 'object' || entity === null || typeof entity.schema !== 'string') {
        throw new InputError(file, `line ${lineNo}: not a FollowTheMoney entity (no "schema")`);
      }
      const props = (entity.properties ?? {}) as Record<string, unknown>;
      const seen = isoDate(typeof entity.first_seen === 'string' ? entity.first_seen : null);
      if (seen && (!newest || seen > newest)) newest = seen;
      if (entity.schema === 'Sanction') {
        for (const target of strings(props.entity)) (sanctions.get(target) ?? sanctions.set(target, []).get(target)!).push(sanctionFacts(props));
        continue;
      }
      const type = FTM_SCHEMA_TYPES[entity.schema];
      if (!type || entity.target === false) continue;
      const nested = Array.isArray(props.sanctions)
        ? (props.sanctions as FtmEntity[]).map((s) => sanctionFacts((s?.properties ?? {}) as Record<string, unknown>))
        : [];
      const names = strings(props.name);
      const identifiers: ListIdentifier[] = ID_PROPERTIES.flatMap((p) => strings(props[p]).map((value) => ({ type: p, value })));
      const raw: RawEntry = {
        id: typeof entity.id === 'string' ? entity.id : '',
        type,
        name: names[0] ?? '',
        aliases: [...names.slice(1), ...strings(props.alias), ...strings(props.previousName)],
        programs: [...nested.flatMap((s) => s.programs), ...strings(props.programId)],
        listedOn: nested.map((s) => s.listedOn).filter(Boolean).sort()[0] ?? seen,
        nationalities: [...strings(props.nationality), ...strings(props.citizenship)],
        countries: [...strings(props.country), ...strings(props.jurisdiction), ...strings(props.mainCountry), ...strings(props.flag)],
        identifiers,
        remarks: [...strings(props.notes), ...strings(props.summary)].join('\n') || null,
      };
      if (raw.programs && [...raw.programs].length === 0) raw.programs = strings(entity.datasets);
      pending.push({ raw, line: lineNo });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message, { cause: error });
  } finally {
    input.destroy();
  }
  for (const { raw, line } of pending) {
    const facts = sanctions.get(raw.id) ?? [];
    if (facts.length) {
      raw.programs = [...facts.flatMap((f) => f.programs), ...(raw.programs ?? [])];
      raw.listedOn = facts.map((f) => f.listedOn).filter(Boolean).sort()[0] ?? raw.listedOn;
    }
    builder.add(raw, { file, line });
  }
  return { format: 'ftm-jsonl', versionDate: newest, entries: builder.finish(file), warnings: builder.warnings };
}
