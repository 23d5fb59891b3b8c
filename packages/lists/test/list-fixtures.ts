import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

/**
 * Small list files in every supported format, with invented names only (no real list data).
 * The SDN CSV is written in Windows-1252, as OFAC publishes it, with an accented name.
 */
export const SDN_CSV = [
  `100,"ZORBLAT, Antonin","individual","FREEDONIA] [SDGT","Minister of Widgets",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1960; nationality Freedonia; Passport FD123456 (Freedonia); a.k.a. 'ZORBLATT, Tony'; a.k.a. 'EL-ZORBLAT, Antoine'."`,
  `101,"QUUXBANK OJSC",-0- ,"FREEDONIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Registration Number 7701234567 (Russia); a.k.a. 'QUUX BANK'; f.k.a. 'NARODNY QUUXBANK'."`,
  `102,"NEBULA DAWN","vessel","FREEDONIA",-0- ,"9HXY2","Crude Oil Tanker",-0- ,-0- ,"Malta",-0- ,"Vessel Registration Identification IMO 9123456."`,
  `103,"CAFÉ MÉRIDIEN TRADING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
  `104,"HOLLOWAY, Brandt Elias","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"nationality Sylvania; citizen Sylvania."`,
  `105,"ALPHA",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
].join('\r\n') + '\r\n\x1a';
export const SDN_ALT_CSV = `101,201,"aka","QUUXBANK PJSC",-0- \r\n100,202,"aka","ZORBLAT, A.",-0- \r\n`;
export const SDN_ADD_CSV = `101,301,"1 Main Street","Moscow","Russia",-0- \r\n103,302,-0- ,"Dubai","United Arab Emirates",-0- \r\n`;

export const SDN_XML = `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry>
    <uid>100</uid><firstName>Antonin</firstName><lastName>ZORBLAT</lastName><title>Minister of Widgets</title><sdnType>Individual</sdnType>
    <programList><program>FREEDONIA</program><program>SDGT</program></programList>
    <idList><id><uid>1</uid><idType>Passport</idType><idNumber>FD123456</idNumber><idCountry>Freedonia</idCountry></id></idList>
    <akaList>
      <aka><uid>2</uid><type>a.k.a.</type><category>strong</category><lastName>ZORBLATT</lastName><firstName>Tony</firstName></aka>
      <aka><uid>3</uid><type>a.k.a.</type><category>weak</category><lastName>TONY Z</lastName></aka>
    </akaList>
    <nationalityList><nationality><uid>4</uid><country>Freedonia</country></nationality></nationalityList>
  </sdnEntry>
  <sdnEntry>
    <uid>101</uid><lastName>QUUXBANK OJSC</lastName><sdnType>Entity</sdnType>
    <programList><program>FREEDONIA</program></programList>
    <addressList><address><uid>5</uid><city>Moscow</city><country>Russia</country></address></addressList>
  </sdnEntry>
</sdnList>
`;

export const UN_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2025-11-20T23:00:09.067Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID><FIRST_NAME>ODILE</FIRST_NAME><SECOND_NAME>MERVILLE</SECOND_NAME>
      <UN_LIST_TYPE>FDi</UN_LIST_TYPE><REFERENCE_NUMBER>FDi.001</REFERENCE_NUMBER><LISTED_ON>2012-12-31</LISTED_ON>
      <COMMENTS1>Invented for tests.</COMMENTS1>
      <NATIONALITY><VALUE>Freedonia</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Odile Mérville</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY>Sylvania</COUNTRY></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>FD123456</NUMBER><ISSUING_COUNTRY>Freedonia</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID><FIRST_NAME>GRAND FENWICK ARMAMENTS</FIRST_NAME>
      <UN_LIST_TYPE>FDe</UN_LIST_TYPE><REFERENCE_NUMBER>FDe.002</REFERENCE_NUMBER><LISTED_ON>2016-03-02</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>GFA</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Freedonia</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
`;

export const FTM_JSONL = [
  { id: 'os-1', schema: 'Person', target: true, first_seen: '2021-05-01T00:00:00', properties: { name: ['Brandt Holloway'], alias: ['B. E. Holloway'], nationality: ['sy'], passportNumber: ['SY998877'], notes: ['Invented.'] } },
  { id: 'os-2', schema: 'Company', target: true, first_seen: '2022-01-01T00:00:00', properties: { name: ['Marsh Hollow Logistics FZE'], jurisdiction: ['ae'], registrationNumber: ['FZE-42'] } },
  { id: 'os-s1', schema: 'Sanction', properties: { entity: ['os-2'], program: ['FREEDONIA-EO1'], startDate: ['2022-02-03'] } },
  { id: 'os-3', schema: 'Person', target: false, properties: { name: ['Relative Notlisted'] } },
  { id: 'os-4', schema: 'Address', properties: { full: ['1 Street'] } },
]
  .map((e) => JSON.stringify(e))
  .join('\n') + '\n';

export const OPENSANCTIONS_CSV = `id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change
os-1,Person,Brandt Holloway,B. E. Holloway;Brant Holloway,1970-01-01,sy,,SY998877,Freedonia sanctions - listed,,,FREEDONIA-EO1,Test Sanctions,2021-05-01T00:00:00,2025-01-01T00:00:00,2024-06-30T00:00:00
os-2,Company,Marsh Hollow Logistics FZE,,,"ae;fd",,,,,,,Test Sanctions,2022-01-01T00:00:00,2025-01-01T00:00:00,2024-07-01T00:00:00
os-9,Address,1 Street,,,,,,,,,,Test Sanctions,2022-01-01T00:00:00,2025-01-01T00:00:00,2024-07-01T00:00:00
`;

/** Writes the fixtures into a fresh folder (ofac/ holds sdn.csv with alt.csv and add.csv) and returns their paths. */
export function writeListFixtures(): Record<'dir' | 'sdnCsv' | 'sdnXml' | 'unXml' | 'ftm' | 'osCsv', string> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-list-fixtures-'));
  const ofac = join(dir, 'ofac_2024-05-03');
  mkdirSync(ofac);
  const w = (path: string, content: string | Buffer) => {
    writeFileSync(path, content);
    return path;
  };
  return {
    dir,
    sdnCsv: (w(join(ofac, 'alt.csv'), iconv.encode(SDN_ALT_CSV, 'win1252')), w(join(ofac, 'add.csv'), iconv.encode(SDN_ADD_CSV, 'win1252')), w(join(ofac, 'sdn.csv'), iconv.encode(SDN_CSV, 'win1252'))),
    sdnXml: w(join(dir, 'sdn.xml'), SDN_XML),
    unXml: w(join(dir, 'consolidated.xml'), UN_XML),
    ftm: w(join(dir, 'test_sanctions.ftm.json'), FTM_JSONL),
    osCsv: w(join(dir, 'targets.simple.csv'), OPENSANCTIONS_CSV),
  };
}
