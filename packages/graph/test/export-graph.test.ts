import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import type { EntityType } from '@newsgraph/shared';
import type { ExportEdge, ExportEntity, ExportFilter, GraphStore } from '../src/interfaces/graph-store.ts';
import { exportGraph, ENTITY_CSV_HEADER, RELATIONSHIP_CSV_HEADER } from '../src/export/export-graph.ts';
import { csvField, stripXmlIllegal, xmlEscape } from '../src/export/text-escaping.ts';

/** A GraphStore with only the export streams: what exportGraph uses. */
function fakeStore(entities: ExportEntity[], edges: ExportEdge[]): GraphStore & { filters: ExportFilter[] } {
  const filters: ExportFilter[] = [];
  const unused = () => {
    throw new Error('not used by exports');
  };
  return {
    kind: 'sqlite',
    filters,
    async *exportEntities(filter: ExportFilter = {}) {
      filters.push(filter);
      for (const e of entities) if (!filter.types || filter.types.includes(e.type)) yield e;
    },
    async *exportEdges(filter: ExportFilter = {}) {
      filters.push(filter);
      yield* edges;
    },
    migrate: unused,
    writeArticle: unused,
    writeArticles: unused,
    neighborCounts: unused,
    getArticle: unused,
    searchEntities: unused,
    getEntity: unused,
    neighbors: unused,
    shortestPaths: unused,
    evidence: unused,
    topEntities: unused,
    coMentioned: unused,
    timeline: unused,
    stats: unused,
    addPublication: unused,
    curationLog: async () => [],
    curationRevision: unused,
    recordCuration: unused,
    undoCuration: unused,
    articlesMentioning: unused,
    rewriteArticles: unused,
    setEntityNames: unused,
    listPublications: unused,
    close: async () => {},
  } as GraphStore & { filters: ExportFilter[] };
}

const NASTY = `O'Brien & "Sons" <b>, Ltd; x\u0001\u0008\uFFFE\ud800 — 東京\nline2`;

const ENTITIES: ExportEntity[] = [
  { id: 'country:CN', type: 'Country', name: 'China', aliases: ['PRC', 'Zhōngguó'], attributes: { iso: 'CN', population: 1.4e9, share: 0.25, g20: true }, articleCount: 3, mentionCount: 7 },
  { id: 'org:x&y', type: 'Organization', name: NASTY, aliases: ['a;b', 'c,"d"'], attributes: { iso: 12, tags: ['t1', 't2'], name: 'clash' }, articleCount: 1, mentionCount: 1 },
  { id: 'person:antony-blinken', type: 'Person', name: 'Antony Blinken', aliases: [], attributes: {}, articleCount: 2, mentionCount: 4 },
];

const EDGES: ExportEdge[] = [
  { subjectId: 'org:x&y', predicate: 'LOCATED_IN', objectId: 'country:CN', articleCount: 1, claimCount: 2, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: '2024-01-10T09:00:00.000Z' },
  { subjectId: 'person:antony-blinken', predicate: 'VISITED', objectId: 'country:CN', articleCount: 2, claimCount: 3, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' },
  { subjectId: 'person:antony-blinken', predicate: 'MET_WITH', objectId: 'country:CN', articleCount: 1, claimCount: 1, firstSeen: null, lastSeen: null },
];

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-export-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function toText(format: 'graphml' | 'json', store: GraphStore, extra: { types?: EntityType[]; since?: string } = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportGraph(store, { format, out, ...extra });
  return Buffer.concat(chunks).toString('utf8');
}

describe('GraphML export', () => {
  it('opens in a GraphML reader with nodes, edges and typed attributes intact', async () => {
    const text = await toText('graphml', fakeStore(ENTITIES, EDGES));
    const graph = parseGraphml(MultiDirectedGraph, text);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    const china = graph.getNodeAttributes('country:CN');
    expect(china).toMatchObject({ type: 'Country', name: 'China', label: 'China', aliases: 'PRC; Zhōngguó', articleCount: 3, mentionCount: 7, iso: 'CN', population: 1.4e9, g20: true });
    const org = graph.getNodeAttributes('org:x&y');
    // Illegal XML characters are dropped, everything else survives escaping.
    expect(org.name).toBe(stripXmlIllegal(NASTY));
    expect(org.name).toContain(`O'Brien & "Sons" <b>, Ltd; x`);
    expect(org.name).toContain('東京\nline2');
    expect(org.attr_name).toBe('clash');
    expect(org.tags).toBe('t1; t2');
    // A key whose values mix numbers and strings is declared as a string.
    expect(text).toMatch(/<key id="attr\d+" for="node" attr.name="iso" attr.type="string"\/>/);
    expect(text).toMatch(/attr.name="population" attr.type="long"/);
    expect(text).toMatch(/attr.name="share" attr.type="double"/);
    expect(text).toMatch(/attr.name="g20" attr.type="boolean"/);
    const visited = graph.edges('person:antony-blinken', 'country:CN').map((e) => graph.getEdgeAttributes(e)).find((a) => a.predicate === 'VISITED');
    expect(visited).toMatchObject({ predicate: 'VISITED', articleCount: 2, claimCount: 3, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' });
    for (const illegal of ['\u0001', '\u0008', '\uFFFE']) expect(text.includes(illegal)).toBe(false);
  });

  it('writes a file atomically and reports counts', async () => {
    const dir = tempDir();
    const path = join(dir, 'graph.graphml');
    const summary = await exportGraph(fakeStore(ENTITIES, EDGES), { format: 'graphml', out: path });
    expect(summary).toEqual({ format: 'graphml', nodes: 3, edges: 3, files: [path] });
    expect(readFileSync(path, 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(readdirSync(dir)).toEqual(['graph.graphml']);
  });

  it('leaves no file behind when the store fails mid-export', async () => {
    const dir = tempDir();
    const store = fakeStore(ENTITIES, EDGES);
    store.exportEdges = async function* () {
      yield EDGES[0]!;
      throw new Error('connection lost');
    };
    await expect(exportGraph(store, { format: 'graphml', out: join(dir, 'g.graphml') })).rejects.toThrow('connection lost');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('CSV export (neo4j-admin import layout)', () => {
  it('writes entities.csv and relationships.csv with import headers, RFC 4180 quoting and ; arrays', async () => {
    const dir = join(tempDir(), 'nested', 'csv');
    const summary = await exportGraph(fakeStore(ENTITIES, EDGES), { format: 'csv', out: dir });
    expect(summary.files).toEqual([join(dir, 'entities.csv'), join(dir, 'relationships.csv')]);
    const entities = parseCsv(readFileSync(join(dir, 'entities.csv'), 'utf8'), { relax_quotes: false }) as string[][];
    expect(entities[0]).toEqual(ENTITY_CSV_HEADER);
    expect(entities[0]).toEqual(['id:ID', 'name', 'type', 'aliases:string[]', 'articleCount:int', 'mentionCount:int', 'attributes', 'listings', ':LABEL']);
    const org = entities.find((r) => r[0] === 'org:x&y')!;
    // UTF-8 cannot carry a lone surrogate: it arrives as U+FFFD; everything else is exact.
    expect(org[1]).toBe(NASTY.replace('\ud800', '\uFFFD'));
    expect(org[3]!.split(';')).toEqual(['a,b', 'c,"d"']);
    expect(JSON.parse(org[6]!)).toEqual({ iso: 12, tags: ['t1', 't2'], name: 'clash' });
    expect(org[7]).toBe('');
    expect(org[8]).toBe('Entity;Organization');
    expect(entities).toHaveLength(4);
    const rels = parseCsv(readFileSync(join(dir, 'relationships.csv'), 'utf8')) as string[][];
    expect(rels[0]).toEqual(RELATIONSHIP_CSV_HEADER);
    expect(rels[0]).toEqual([':START_ID', ':END_ID', ':TYPE', 'articleCount:int', 'claimCount:int', 'firstSeen', 'lastSeen']);
    expect(rels[2]).toEqual(['person:antony-blinken', 'country:CN', 'VISITED', '2', '3', '2024-01-10T09:00:00.000Z', '2024-03-15T12:00:00.000Z']);
    expect(rels[3]).toEqual(['person:antony-blinken', 'country:CN', 'MET_WITH', '1', '1', '', '']);
  });

  it('needs a directory, not a stream', async () => {
    await expect(exportGraph(fakeStore(ENTITIES, EDGES), { format: 'csv', out: new PassThrough() })).rejects.toThrow(/--out: a CSV export writes a directory/);
  });

  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });
});

describe('JSON export', () => {
  it('is one node-link document with nodes and links', async () => {
    const doc = JSON.parse(await toText('json', fakeStore(ENTITIES, EDGES))) as { directed: boolean; multigraph: boolean; nodes: Array<Record<string, unknown>>; links: Array<Record<string, unknown>> };
    expect(doc.directed).toBe(true);
    expect(doc.multigraph).toBe(true);
    expect(doc.nodes.map((n) => n.id)).toEqual(['country:CN', 'org:x&y', 'person:antony-blinken']);
    expect(doc.nodes[1]!.name).toBe(NASTY);
    expect(doc.links[1]).toEqual({ source: 'person:antony-blinken', target: 'country:CN', key: 'VISITED', predicate: 'VISITED', articleCount: 2, claimCount: 3, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: '2024-03-15T12:00:00.000Z' });
  });

  it('is valid when the graph is empty, and passes the filter to the store', async () => {
    const store = fakeStore([], []);
    expect(JSON.parse(await toText('json', store, { types: ['Person'], since: '2024-01-01' }))).toMatchObject({ nodes: [], links: [] });
    expect(store.filters).toEqual([{ types: ['Person'], since: '2024-01-01' }, { types: ['Person'], since: '2024-01-01' }]);
  });
});

describe('streaming', () => {
  it('waits for a slow reader instead of buffering the whole export', async () => {
    const many: ExportEntity[] = Array.from({ length: 4000 }, (_, i) => ({
      id: `goods:item-${String(i).padStart(5, '0')}`,
      type: 'Goods',
      name: `Item ${i} ${'x'.repeat(200)}`,
      aliases: [],
      attributes: {},
      articleCount: 1,
      mentionCount: 1,
    }));
    let maxBuffered = 0;
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        setImmediate(done);
      },
    });
    const summary = await exportGraph(fakeStore(many, []), { format: 'json', out: slow });
    expect(summary.nodes).toBe(4000);
    expect(bytes).toBeGreaterThan(800_000);
    // At most about one 64 KiB chunk waits in the stream at any time.
    expect(maxBuffered).toBeLessThan(200_000);
  });
});

describe('a closed output', () => {
  it('rejects with the stream error instead of crashing, and leaves no listener behind', async () => {
    const many: ExportEntity[] = Array.from({ length: 2000 }, (_, i) => ({ ...ENTITIES[2]!, id: `person:p${i}`, name: 'x'.repeat(100) }));
    const broken = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    broken.on('error', () => {}); // what a CLI's stdout handler would do; the sink must still see it
    await expect(exportGraph(fakeStore(many, []), { format: 'json', out: broken })).rejects.toThrow(/EPIPE/);
    expect(broken.listenerCount('error')).toBe(1);
  });
});

describe('xmlEscape', () => {
  it('escapes markup and keeps newlines as references', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#10;');
  });
});
