import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';

/**
 * The sanctions-list commands end to end on an embedded store, with invented list entries:
 * import, matching at ingest and after import, query listed / entity / exposure,
 * extract --jsonl --lists, re-import with added and removed entries, a bad file, remove.
 */

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-lists-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent' };

const unXml = (entities: string) => `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2025-01-15T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL><FIRST_NAME>ODILE</FIRST_NAME><SECOND_NAME>MERVILLE</SECOND_NAME><UN_LIST_TYPE>FDi</UN_LIST_TYPE><REFERENCE_NUMBER>FDi.001</REFERENCE_NUMBER>
      <NATIONALITY><VALUE>Freedonia</VALUE></NATIONALITY></INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>${entities}</ENTITIES>
</CONSOLIDATED_LIST>
`;
const ENTITY_GFA = `<ENTITY><FIRST_NAME>GRAND FENWICK ARMAMENTS JSC</FIRST_NAME><UN_LIST_TYPE>FDe</UN_LIST_TYPE><REFERENCE_NUMBER>FDe.002</REFERENCE_NUMBER></ENTITY>`;
const ENTITY_QX = `<ENTITY><FIRST_NAME>QUUXBANK OJSC</FIRST_NAME><UN_LIST_TYPE>FDe</UN_LIST_TYPE><REFERENCE_NUMBER>FDe.003</REFERENCE_NUMBER></ENTITY>`;

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, { env, cwd: dir, stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, out, err };
}

describe('newsgraph lists and listing queries', () => {
  const v1 = join(dir, 'v1', 'consolidated.xml');
  const v2 = join(dir, 'v2', 'consolidated.xml');
  const article = join(dir, 'article.txt');

  it('imports a list, matches at ingest (known names included) and shows listings with reasons', async () => {
    mkdirSync(join(dir, 'v1'));
    writeFileSync(v1, unXml(ENTITY_GFA + ENTITY_QX));
    const imported = await cli(['lists', 'import', v1, '--list', 'un-test']);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/un-test: 3 entries \(un-xml, version 2025-01-15\): 3 added, 0 removed/);
    writeFileSync(article, 'Freedonia arms deal\n\nGrand Fenwick Armaments shipped drones to Russia, officials said. Odile Merville met Antony Blinken in Paris.\n');
    expect((await cli(['ingest', article])).code).toBe(0);
    const listed = await cli(['query', 'listed', '--json']);
    const rows = JSON.parse(listed.out) as Array<{ entity: { name: string; type: string }; listings: Array<{ list: string; entryId: string; score: number; features: Record<string, number> }> }>;
    expect(rows.map((r) => [r.entity.name, r.entity.type, r.listings.map((l) => `${l.list}/${l.entryId}`)]).sort()).toEqual([
      ['Grand Fenwick Armaments', 'Organization', ['un-test/FDe.002']],
      ['Odile Merville', 'Person', ['un-test/FDi.001']],
    ]);
    const gfa = rows.find((r) => r.entity.type === 'Organization')!.listings[0]!;
    expect(gfa.features).toMatchObject({ name_exact: 1, legal_form_removed: 1 });
    const text = await cli(['query', 'entity', 'Grand Fenwick Armaments']);
    expect(text.out).toMatch(/listed:\n {2}un-test\/FDe\.002 {2}score 1\.000 {2}GRAND FENWICK ARMAMENTS JSC \[organization\] {2}programs: FDe\n {4}matched "GRAND FENWICK ARMAMENTS JSC": name_exact, legal_form_removed/);
    expect((await cli(['query', 'listed', '--program', 'FDi', '--json'])).out).toMatch(/Odile Merville/);
    expect(JSON.parse((await cli(['query', 'listed', '--program', 'NOPE', '--json'])).out)).toEqual([]);
  });

  it('finds paths to listed entities with query exposure', async () => {
    const exposure = await cli(['query', 'exposure', 'Antony Blinken', '--json']);
    const body = JSON.parse(exposure.out) as { exposure: Array<{ target: { name: string }; hops: number }> };
    expect(body.exposure.map((x) => [x.target.name, x.hops])).toEqual([['Odile Merville', 1]]);
  });

  it('adds listings to extract --jsonl --lists output', async () => {
    const result = await cli(['extract', '--jsonl', '--lists'], '{"id":"x1","text":"Quuxbank and Grand Fenwick Armaments JSC were named."}\n');
    const line = JSON.parse(result.out.trim()) as { entities: Array<{ name: string; listings: Array<{ list: string; id: string; score: number; features: object }> }> };
    const byName = Object.fromEntries(line.entities.map((e) => [e.name, e.listings.map((l) => [l.list, l.id])]));
    expect(byName['Grand Fenwick Armaments JSC']).toEqual([['un-test', 'FDe.002']]);
    expect(byName['Quuxbank']).toEqual([['un-test', 'FDe.003']]);
  });

  it('re-imports a newer version: records added and removed, drops the links of removed entries; a bad file changes nothing', async () => {
    mkdirSync(join(dir, 'v2'));
    writeFileSync(v2, unXml(ENTITY_QX).replace('2025-01-15', '2025-02-01'));
    const second = await cli(['lists', 'import', v2, '--list', 'un-test']);
    expect(second.out).toMatch(/un-test: 2 entries \(un-xml, version 2025-02-01\): 0 added, 1 removed/);
    const listed = JSON.parse((await cli(['query', 'listed', '--json'])).out) as Array<{ entity: { name: string } }>;
    expect(listed.map((r) => r.entity.name)).toEqual(['Odile Merville']);
    const history = JSON.parse((await cli(['lists', 'list', '--json'])).out) as Array<{ name: string; versions: Array<{ versionDate: string; removed: string[] }> }>;
    expect(history[0]!.versions.map((v) => [v.versionDate, v.removed])).toEqual([['2025-02-01', ['FDe.002']], ['2025-01-15', []]]);

    const cut = join(dir, 'cut.xml');
    writeFileSync(cut, unXml(ENTITY_QX).slice(0, 200));
    const bad = await cli(['lists', 'import', cut, '--list', 'un-test']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cut\.xml: line \d+: not well-formed XML/);
    const after = JSON.parse((await cli(['lists', 'list', '--json'])).out) as Array<{ entryCount: number; versions: unknown[] }>;
    expect([after[0]!.entryCount, after[0]!.versions.length]).toEqual([2, 2]);
  });

  it('re-matches entities a curation renames or merges, and again when it is undone', async () => {
    const listedNames = async () =>
      (JSON.parse((await cli(['query', 'listed', '--json'])).out) as Array<{ entity: { name: string }; listings: Array<{ entryId: string; features: Record<string, number> }> }>).map(
        (r) => [r.entity.name, r.listings.map((l) => l.entryId).join(' '), Object.keys(r.listings[0]!.features).includes('entity_alias')],
      );
    const bank = join(dir, 'bank.txt');
    writeFileSync(bank, 'Bank transfers\n\nOfficials said Quux Bank had moved funds for the broker.\n');
    expect((await cli(['ingest', bank])).code).toBe(0);
    // "Quux Bank" is not the listed "QUUXBANK OJSC" (two words against one).
    expect(await listedNames()).toEqual([['Odile Merville', 'FDi.001', false]]);

    const renamed = JSON.parse((await cli(['curate', 'rename', 'org:quux-bank', 'Quuxbank', '--json'])).out) as { entry: { id: string } };
    expect(await listedNames()).toEqual([
      ['Odile Merville', 'FDi.001', false],
      ['Quuxbank', 'FDe.003', false],
    ]);
    expect((await cli(['curate', 'undo', renamed.entry.id])).code).toBe(0);
    expect(await listedNames()).toEqual([['Odile Merville', 'FDi.001', false]]);

    // Another article names the bank as the list does: a second entity, listed at ingest; merged into
    // "Quux Bank", its name becomes the survivor's alias and the survivor is listed through it.
    const again = join(dir, 'bank2.txt');
    writeFileSync(again, 'Bank fined\n\nRegulators fined Quuxbank over the transfers, officials said.\n');
    expect((await cli(['ingest', again])).code).toBe(0);
    expect(await listedNames()).toEqual([
      ['Odile Merville', 'FDi.001', false],
      ['Quuxbank', 'FDe.003', false],
    ]);
    const merged = JSON.parse((await cli(['curate', 'merge', 'org:quux-bank', 'org:quuxbank', '--json'])).out) as { entry: { id: string }; articlesRewritten: number };
    expect(merged.articlesRewritten).toBe(2);
    expect(await listedNames()).toEqual([
      ['Odile Merville', 'FDi.001', false],
      ['Quux Bank', 'FDe.003', true],
    ]);
    expect((await cli(['curate', 'undo', merged.entry.id])).code).toBe(0);
    expect(await listedNames()).toEqual([
      ['Odile Merville', 'FDi.001', false],
      ['Quuxbank', 'FDe.003', false],
    ]);
  });

  it('removes a list with its listings', async () => {
    expect((await cli(['lists', 'remove', 'un-test'])).out).toMatch(/removed un-test/);
    expect(JSON.parse((await cli(['query', 'listed', '--json'])).out)).toEqual([]);
    const missing = await cli(['lists', 'remove', 'un-test']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/un-test: no such list/);
  });
});
