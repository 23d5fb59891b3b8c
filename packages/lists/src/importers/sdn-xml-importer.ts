import { InputError, type ListEntryType, type ListIdentifier } from '@newsgraph/shared';
import { ListEntryBuilder } from './list-entry-builder.ts';
import { child, childText, childrenNamed, readXmlRecords, textsAt, type XmlNode } from './xml-records.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

const SDN_TYPES: Record<string, ListEntryType> = { individual: 'person', entity: 'organization', vessel: 'vessel', aircraft: 'aircraft' };

/** "LAST, First" for people (as the legacy CSV writes them), the last name alone otherwise. */
function sdnName(node: XmlNode | undefined, person: boolean): string {
  const last = childText(node, 'lastName') ?? '';
  const first = childText(node, 'firstName');
  return person && first ? `${last}, ${first}` : [last, first].filter(Boolean).join(' ');
}

/** MM/DD/YYYY (OFAC's Publish_Date) → YYYY-MM-DD. */
function usDate(value: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value.trim());
  return m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
}

/** Reads OFAC's SDN XML (sdnList of sdnEntry: uid, names, sdnType, programList, akaList, idList, addressList, nationalityList, citizenshipList). */
export function importSdnXml(file: string, text: string, list: string): ParsedList {
  const builder = new ListEntryBuilder(list);
  let versionDate: string | null = null;
  readXmlRecords(file, text, {
    records: new Set(['sdnEntry']),
    onRoot(name) {
      if (name !== 'sdnList') throw new InputError(file, `line 1: root element <${name}>, expected <sdnList>: not an OFAC SDN XML file`);
    },
    onText(name, value) {
      if (name === 'Publish_Date') versionDate = usDate(value);
    },
    onRecord(node, line) {
      const type = SDN_TYPES[(childText(node, 'sdnType') ?? '').toLowerCase()] ?? 'organization';
      const person = type === 'person';
      const identifiers: ListIdentifier[] = childrenNamed(child(node, 'idList'), 'id').flatMap((id) => {
        const value = childText(id, 'idNumber');
        return value ? [{ type: childText(id, 'idType') ?? 'id', value, country: childText(id, 'idCountry') }] : [];
      });
      const vesselFlag = childText(child(node, 'vesselInfo'), 'vesselFlag');
      builder.add(
        {
          id: childText(node, 'uid') ?? '',
          type,
          name: sdnName(node, person),
          aliases: childrenNamed(child(node, 'akaList'), 'aka')
            .filter((aka) => childText(aka, 'category') !== 'weak')
            .map((aka) => sdnName(aka, person)),
          programs: textsAt(node, ['programList', 'program']),
          nationalities: [...textsAt(node, ['nationalityList', 'nationality', 'country']), ...textsAt(node, ['citizenshipList', 'citizenship', 'country'])],
          countries: [...textsAt(node, ['addressList', 'address', 'country']), ...(vesselFlag ? [vesselFlag] : [])],
          identifiers,
          remarks: [childText(node, 'title'), childText(node, 'remarks')].filter(Boolean).join('; ') || null,
        },
        { file, line },
      );
    },
  });
  return { format: 'ofac-sdn-xml', versionDate, entries: builder.finish(file), warnings: builder.warnings };
}
