import { InputError, type ListIdentifier } from '@newsgraph/shared';
import { ListEntryBuilder, isoDate } from './list-entry-builder.ts';
import { childText, childrenNamed, readXmlRecords, textsAt } from './xml-records.ts';
import type { ParsedList } from '../interfaces/parsed-list.ts';

/**
 * Reads the UN Security Council consolidated list XML (CONSOLIDATED_LIST with INDIVIDUALS and
 * ENTITIES). The entry id is the REFERENCE_NUMBER (e.g. "IRe.055"); the version date is the
 * root's dateGenerated.
 */
export function importUnXml(file: string, text: string, list: string): ParsedList {
  const builder = new ListEntryBuilder(list);
  let versionDate: string | null = null;
  let root = '';
  readXmlRecords(file, text, {
    records: new Set(['INDIVIDUAL', 'ENTITY']),
    onRoot(name, attributes) {
      root = name;
      if (name !== 'CONSOLIDATED_LIST') throw new InputError(file, `line 1: root element <${name}>, expected <CONSOLIDATED_LIST>: not a UN consolidated list`);
      versionDate = isoDate(attributes.dateGenerated ?? null);
    },
    onRecord(node, line) {
      const person = node.name === 'INDIVIDUAL';
      const names = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => childText(node, n)).filter(Boolean);
      const aliasTag = person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS';
      const addressTag = person ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS';
      const identifiers: ListIdentifier[] = childrenNamed(node, 'INDIVIDUAL_DOCUMENT').flatMap((d) => {
        const value = childText(d, 'NUMBER');
        return value ? [{ type: childText(d, 'TYPE_OF_DOCUMENT') ?? 'document', value, country: childText(d, 'ISSUING_COUNTRY') ?? childText(d, 'COUNTRY_OF_ISSUE') }] : [];
      });
      const original = childText(node, 'NAME_ORIGINAL_SCRIPT');
      builder.add(
        {
          id: childText(node, 'REFERENCE_NUMBER') ?? '',
          type: person ? 'person' : 'organization',
          name: names.join(' '),
          aliases: [...textsAt(node, [aliasTag, 'ALIAS_NAME']), ...(original ? [original] : [])],
          programs: [childText(node, 'UN_LIST_TYPE')].filter((p): p is string => Boolean(p)),
          listedOn: childText(node, 'LISTED_ON'),
          nationalities: textsAt(node, ['NATIONALITY', 'VALUE']),
          countries: childrenNamed(node, addressTag).map((a) => childText(a, 'COUNTRY')).filter((c): c is string => Boolean(c)),
          identifiers,
          remarks: childText(node, 'COMMENTS1'),
        },
        { file, line },
      );
    },
  });
  if (!root) throw new InputError(file, 'empty file: not a UN consolidated list');
  return { format: 'un-xml', versionDate, entries: builder.finish(file), warnings: builder.warnings };
}
