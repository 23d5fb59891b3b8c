import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { MAX_LIST_REMARKS_CHARS } from '@newsgraph/shared';
import { detectListFormat, readListFile } from '../src/index.ts';
import { SDN_CSV, UN_XML, writeListFixtures } from './list-fixtures.ts';

const files = writeListFixtures();
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));
const bad = (name: string, content: string | Buffer) => {
  const path = join(files.dir, name);
  writeFileSync(path, content);
  return path;
};

describe('list importers', () => {
  it('detects every format from the first bytes', async () => {
    expect(await detectListFormat(files.sdnCsv)).toBe('ofac-sdn-csv');
    expect(await detectListFormat(files.sdnXml)).toBe('ofac-sdn-xml');
    expect(await detectListFormat(files.unXml)).toBe('un-xml');
    expect(await detectListFormat(files.ftm)).toBe('ftm-jsonl');
    expect(await detectListFormat(files.osCsv)).toBe('opensanctions-csv');
    await expect(detectListFormat(bad('notes.txt', 'hello world\n'))).rejects.toThrow(/notes\.txt: cannot tell the list format/);
  });

  it('reads the SDN CSV in Windows-1252 with aliases from Remarks, alt.csv and add.csv', async () => {
    const read = await readListFile(files.sdnCsv);
    expect(read).toMatchObject({ list: 'ofac-sdn', format: 'ofac-sdn-csv', versionDate: '2024-05-03', warnings: [] });
    expect(read.source).toMatch(/sdn\.csv \+ .*alt\.csv \+ .*add\.csv$/);
    const [person, bank, vessel, cafe, holloway] = read.entries;
    expect(person).toEqual({
      list: 'ofac-sdn',
      id: '100',
      type: 'person',
      name: 'ZORBLAT, Antonin',
      aliases: ['ZORBLATT, Tony', 'EL-ZORBLAT, Antoine', 'ZORBLAT, A.'],
      programs: ['FREEDONIA', 'SDGT'],
      listedOn: null,
      nationalities: ['Freedonia'],
      countries: [],
      identifiers: [{ type: 'Passport', value: 'FD123456', country: 'Freedonia' }],
      remarks: expect.stringMatching(/^Minister of Widgets; DOB 01 Jan 1960/),
    });
    expect(bank).toMatchObject({ type: 'organization', aliases: ['QUUX BANK', 'NARODNY QUUXBANK', 'QUUXBANK PJSC'], countries: ['Russia'] });
    expect(bank!.identifiers).toEqual([{ type: 'Registration Number', value: '7701234567', country: 'Russia' }]);
    expect(vessel).toMatchObject({ type: 'vessel', countries: ['Malta'], identifiers: [{ type: 'IMO', value: '9123456' }] });
    expect(cafe!.name).toBe('CAFÉ MÉRIDIEN TRADING LLC');
    expect(cafe!.countries).toEqual(['United Arab Emirates']);
    expect(holloway!.nationalities).toEqual(['Sylvania', 'Sylvania'].slice(0, 1));
  });

  it('reads the SDN XML: names, strong aliases only, programs, ids and the publish date', async () => {
    const read = await readListFile(files.sdnXml);
    expect(read).toMatchObject({ list: 'ofac-sdn', format: 'ofac-sdn-xml', versionDate: '2024-05-03' });
    expect(read.entries.map((e) => [e.id, e.type, e.name, e.aliases])).toEqual([
      ['100', 'person', 'ZORBLAT, Antonin', ['ZORBLATT, Tony']],
      ['101', 'organization', 'QUUXBANK OJSC', []],
    ]);
    expect(read.entries[0]).toMatchObject({ programs: ['FREEDONIA', 'SDGT'], nationalities: ['Freedonia'], identifiers: [{ type: 'Passport', value: 'FD123456', country: 'Freedonia' }], remarks: 'Minister of Widgets' });
    expect(read.entries[1]!.countries).toEqual(['Russia']);
  });

  it('reads the UN consolidated XML with reference numbers as ids', async () => {
    const read = await readListFile(files.unXml);
    expect(read).toMatchObject({ list: 'un-sc', format: 'un-xml', versionDate: '2025-11-20' });
    expect(read.entries).toEqual([
      {
        list: 'un-sc',
        id: 'FDi.001',
        type: 'person',
        name: 'ODILE MERVILLE',
        aliases: ['Odile Mérville'],
        programs: ['FDi'],
        listedOn: '2012-12-31',
        nationalities: ['Freedonia'],
        countries: ['Sylvania'],
        identifiers: [{ type: 'Passport', value: 'FD123456', country: 'Freedonia' }],
        remarks: 'Invented for tests.',
      },
      { list: 'un-sc', id: 'FDe.002', type: 'organization', name: 'GRAND FENWICK ARMAMENTS', aliases: ['GFA'], programs: ['FDe'], listedOn: '2016-03-02', nationalities: [], countries: ['Freedonia'], identifiers: [], remarks: null },
    ]);
  });

  it('reads FtM JSON lines: targets only, programs and dates from Sanction entities', async () => {
    const read = await readListFile(files.ftm, { list: 'test-sanctions' });
    expect(read.format).toBe('ftm-jsonl');
    expect(read.entries.map((e) => [e.id, e.type, e.name])).toEqual([
      ['os-1', 'person', 'Brandt Holloway'],
      ['os-2', 'organization', 'Marsh Hollow Logistics FZE'],
    ]);
    expect(read.entries[0]).toMatchObject({ aliases: ['B. E. Holloway'], nationalities: ['sy'], identifiers: [{ type: 'passportNumber', value: 'SY998877' }], remarks: 'Invented.', listedOn: '2021-05-01' });
    expect(read.entries[1]).toMatchObject({ programs: ['FREEDONIA-EO1'], listedOn: '2022-02-03', countries: ['ae'] });
  });

  it('reads OpenSanctions targets.simple.csv by its header', async () => {
    const read = await readListFile(files.osCsv);
    expect(read).toMatchObject({ list: 'targets.simple', format: 'opensanctions-csv', versionDate: '2024-07-01' });
    expect(read.entries.map((e) => [e.id, e.type, e.aliases, e.countries, e.programs])).toEqual([
      ['os-1', 'person', ['B. E. Holloway', 'Brant Holloway'], ['sy'], ['FREEDONIA-EO1']],
      ['os-2', 'organization', [], ['ae', 'fd'], ['Test Sanctions']],
    ]);
  });
});

describe('list importers on bad input', () => {
  it('names the file and line of a truncated XML file', async () => {
    const path = bad('cut.xml', UN_XML.slice(0, UN_XML.indexOf('</INDIVIDUAL>') + 5));
    await expect(readListFile(path)).rejects.toThrow(/cut\.xml: line \d+: not well-formed XML/);
  });

  it('names the file and line of a truncated CSV record (open quote)', async () => {
    const path = bad('sdn_2024-01-01.csv', iconv.encode(SDN_CSV.slice(0, SDN_CSV.indexOf('CAFÉ') + 8), 'win1252'));
    await expect(readListFile(path)).rejects.toThrow(/sdn_2024-01-01\.csv: line \d+: not valid CSV/);
  });

  it('refuses a UN file that is not UTF-8, naming the line', async () => {
    const path = bad('latin1.xml', iconv.encode(UN_XML, 'latin1'));
    await expect(readListFile(path)).rejects.toThrow(/latin1\.xml: line 9: not valid UTF-8 \(byte 0xe9/);
  });

  it('reads an SDN CSV re-saved as UTF-8 as UTF-8, with a warning', async () => {
    const path = bad('utf8-sdn.csv', Buffer.from(SDN_CSV, 'utf8'));
    const read = await readListFile(path);
    expect(read.entries.find((e) => e.id === '103')!.name).toBe('CAFÉ MÉRIDIEN TRADING LLC');
    expect(read.warnings).toEqual([expect.stringMatching(/utf8-sdn\.csv: read as UTF-8/)]);
  });

  it('skips duplicate ids and entries without a name with a warning, and cuts 5 MB remarks', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const lines = [
      `1,"ALPHA ONE",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${huge}"`,
      `1,"ALPHA ONE AGAIN",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
      `2,"",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
      `3,"GAMMA THREE",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
    ];
    const path = bad('dups.csv', lines.join('\r\n'));
    const read = await readListFile(path, { list: 'dups' });
    expect(read.entries.map((e) => e.id)).toEqual(['1', '3']);
    expect(read.entries[0]!.remarks!.length).toBe(MAX_LIST_REMARKS_CHARS);
    expect(read.warnings).toEqual([
      expect.stringMatching(/dups\.csv:1: remarks of entry 1 are 5242880 characters; cut to 4000/),
      expect.stringMatching(/dups\.csv:2: duplicate entry id 1 \(first at line 1\)/),
      expect.stringMatching(/dups\.csv:3: entry 2 has no name; skipped/),
    ]);
  });

  it('refuses a file with no readable entry and a bad FtM line, naming them', async () => {
    await expect(readListFile(bad('empty.json', '{"id":"x","schema":"Address","properties":{}}\n'))).rejects.toThrow(/empty\.json: no list entries could be read/);
    await expect(readListFile(bad('broken.json', '{"id":"a","schema":"Person","properties":{"name":["A B"]}}\n{"id":"b","sch'))).rejects.toThrow(/broken\.json: line 2: not a JSON object/);
    await expect(readListFile(files.unXml, { list: 'Bad Name!' })).rejects.toThrow(/--list Bad Name!: a list name/);
  });
});
