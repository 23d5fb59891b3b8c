import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type EntityAttributes, type EntityType } from '@newsgraph/shared';
import type { ExportEdge, ExportEntity, ExportFilter, GraphStore } from '../interfaces/graph-store.ts';
import { OutputSink, openFileTarget, type FileTarget } from './output-sink.ts';
import { exportListings, listingsText, type ExportListing } from '../lists/export-listings.ts';
import { csvRow, xmlEscape } from './text-escaping.ts';

export const EXPORT_FORMATS = ['graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** Only articles published (else fetched) on or after this date count. */
  since?: string;
  types?: EntityType[];
  /**
   * A file path (graphml, json), a directory (csv: entities.csv and relationships.csv), or a
   * writable stream (graphml, json).
   */
  out: string | NodeJS.WritableStream;
}

export interface ExportSummary {
  format: ExportFormat;
  nodes: number;
  edges: number;
  /** Files written (empty when writing to a stream). */
  files: string[];
}

/**
 * Writes the graph (entities and aggregated edges) as GraphML (Gephi, networkx, yEd), a
 * neo4j-admin import CSV directory, or node-link JSON (networkx, d3). Reads the store's export
 * streams and writes with backpressure, so memory stays flat whatever the graph's size.
 */
export async function exportGraph(store: GraphStore, options: ExportOptions): Promise<ExportSummary> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new InputError(`--format ${String(options.format)}`, `not one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const filter: ExportFilter = { since: options.since, types: options.types };
  if (options.format === 'csv') {
    if (typeof options.out !== 'string') {
      throw new InputError('--out', 'a CSV export writes a directory (entities.csv and relationships.csv): give --out DIR');
    }
    return exportCsv(store, filter, options.out);
  }
  const write = options.format === 'graphml' ? writeGraphml : writeJson;
  if (typeof options.out !== 'string') {
    const sink = new OutputSink(options.out);
    try {
      const counts = await write(store, filter, sink);
      return { format: options.format, ...counts, files: [] };
    } finally {
      sink.release();
    }
  }
  const target = await openFileTarget(options.out);
  const sink = new OutputSink(target.stream);
  try {
    const counts = await write(store, filter, sink);
    sink.release();
    await target.commit();
    return { format: options.format, ...counts, files: [options.out] };
  } catch (error) {
    sink.release();
    await target.abort();
    throw error;
  }
}

interface Counts {
  nodes: number;
  edges: number;
}

// ---------------------------------------------------------------- GraphML

type GraphmlType = 'boolean' | 'long' | 'double' | 'string';

interface AttributeKey {
  id: string;
  name: string;
  type: GraphmlType;
}

const NODE_KEYS: AttributeKey[] = [
  { id: 'type', name: 'type', type: 'string' },
  { id: 'name', name: 'name', type: 'string' },
  { id: 'label', name: 'label', type: 'string' },
  { id: 'aliases', name: 'aliases', type: 'string' },
  { id: 'articleCount', name: 'articleCount', type: 'long' },
  { id: 'mentionCount', name: 'mentionCount', type: 'long' },
  { id: 'listings', name: 'listings', type: 'string' },
];

const EDGE_KEYS: AttributeKey[] = [
  { id: 'predicate', name: 'predicate', type: 'string' },
  { id: 'articleCount_e', name: 'articleCount', type: 'long' },
  { id: 'claimCount', name: 'claimCount', type: 'long' },
  { id: 'firstSeen', name: 'firstSeen', type: 'string' },
  { id: 'lastSeen', name: 'lastSeen', type: 'string' },
];

function valueType(value: EntityAttributes[string]): GraphmlType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(a: GraphmlType, b: GraphmlType): GraphmlType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

function attributeText(value: EntityAttributes[string]): string {
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/**
 * GraphML declares every attribute key before the graph, and entity attributes are free-form:
 * a first pass over the entity stream collects their names and types (memory: the set of
 * attribute names), the second writes the nodes.
 */
async function attributeKeys(store: GraphStore, filter: ExportFilter): Promise<Map<string, AttributeKey>> {
  const types = new Map<string, GraphmlType>();
  for await (const entity of store.exportEntities(filter)) {
    for (const [name, value] of Object.entries(entity.attributes)) {
      const t = valueType(value);
      types.set(name, types.has(name) ? widen(types.get(name)!, t) : t);
    }
  }
  const fixed = new Set(NODE_KEYS.map((k) => k.name));
  const keys = new Map<string, AttributeKey>();
  [...types.keys()].sort().forEach((name, i) => {
    keys.set(name, { id: `attr${i}`, name: fixed.has(name) ? `attr_${name}` : name, type: types.get(name)! });
  });
  return keys;
}

function keyElement(key: AttributeKey, target: 'node' | 'edge'): string {
  return `  <key id="${xmlEscape(key.id)}" for="${target}" attr.name="${xmlEscape(key.name)}" attr.type="${key.type}"/>\n`;
}

function data(key: string, value: string | number | boolean): string {
  return `<data key="${xmlEscape(key)}">${xmlEscape(String(value))}</data>`;
}

async function writeGraphml(store: GraphStore, filter: ExportFilter, sink: OutputSink): Promise<Counts> {
  const extra = await attributeKeys(store, filter);
  await sink.write('<?xml version="1.0" encoding="UTF-8"?>\n');
  await sink.write(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const key of NODE_KEYS) await sink.write(keyElement(key, 'node'));
  for (const key of extra.values()) await sink.write(keyElement(key, 'node'));
  for (const key of EDGE_KEYS) await sink.write(keyElement(key, 'edge'));
  await sink.write('  <graph id="newsgraph" edgedefault="directed">\n');
  const listed = await exportListings(store);
  let nodes = 0;
  for await (const e of store.exportEntities(filter)) {
    const parts = [
      data('type', e.type),
      data('name', e.name),
      data('label', e.name),
      data('aliases', e.aliases.join('; ')),
      data('articleCount', e.articleCount),
      data('mentionCount', e.mentionCount),
    ];
    if (listed.has(e.id)) parts.push(data('listings', listingsText(listed.get(e.id))));
    for (const [name, value] of Object.entries(e.attributes)) {
      const key = extra.get(name);
      if (key) parts.push(data(key.id, attributeText(value)));
    }
    await sink.write(`    <node id="${xmlEscape(e.id)}">${parts.join('')}</node>\n`);
    nodes++;
  }
  let edges = 0;
  for await (const r of store.exportEdges(filter)) {
    const parts = [data('predicate', r.predicate), data('articleCount_e', r.articleCount), data('claimCount', r.claimCount)];
    if (r.firstSeen !== null) parts.push(data('firstSeen', r.firstSeen));
    if (r.lastSeen !== null) parts.push(data('lastSeen', r.lastSeen));
    await sink.write(`    <edge id="e${edges}" source="${xmlEscape(r.subjectId)}" target="${xmlEscape(r.objectId)}">${parts.join('')}</edge>\n`);
    edges++;
  }
  await sink.write('  </graph>\n</graphml>\n');
  await sink.flush();
  return { nodes, edges };
}

// ---------------------------------------------------------------- JSON (node-link)

function jsonNode(e: ExportEntity, listings: ExportListing[] | undefined): Record<string, unknown> {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, attributes: e.attributes, articleCount: e.articleCount, mentionCount: e.mentionCount, ...(listings ? { listings } : {}) };
}

function jsonLink(r: ExportEdge): Record<string, unknown> {
  return {
    source: r.subjectId,
    target: r.objectId,
    key: r.predicate,
    predicate: r.predicate,
    articleCount: r.articleCount,
    claimCount: r.claimCount,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
  };
}

/** networkx `node_link_graph` / d3-force layout: {"directed", "multigraph", "graph", "nodes", "links"}. */
async function writeJson(store: GraphStore, filter: ExportFilter, sink: OutputSink): Promise<Counts> {
  // The curation log travels with the graph (networkx puts "graph" into G.graph): a reader can
  // see which nodes and edges were corrected by hand, by whom and why.
  const curation = await store.curationLog();
  await sink.write(`{"directed":true,"multigraph":true,"graph":{"name":"newsgraph","curation":${JSON.stringify(curation)}},"nodes":[`);
  const listed = await exportListings(store);
  let nodes = 0;
  for await (const e of store.exportEntities(filter)) {
    await sink.write(`${nodes === 0 ? '\n' : ',\n'}${JSON.stringify(jsonNode(e, listed.get(e.id)))}`);
    nodes++;
  }
  await sink.write('\n],"links":[');
  let edges = 0;
  for await (const r of store.exportEdges(filter)) {
    await sink.write(`${edges === 0 ? '\n' : ',\n'}${JSON.stringify(jsonLink(r))}`);
    edges++;
  }
  await sink.write('\n]}\n');
  await sink.flush();
  return { nodes, edges };
}

// ---------------------------------------------------------------- CSV (neo4j-admin import)

export const ENTITY_CSV_HEADER = ['id:ID', 'name', 'type', 'aliases:string[]', 'articleCount:int', 'mentionCount:int', 'attributes', 'listings', ':LABEL'];
export const RELATIONSHIP_CSV_HEADER = [':START_ID', ':END_ID', ':TYPE', 'articleCount:int', 'claimCount:int', 'firstSeen', 'lastSeen'];

/** neo4j-admin splits arrays on ';': an alias cannot contain one, so it becomes ','. */
function arrayField(values: string[]): string {
  return values.map((v) => v.replace(/;/g, ',')).join(';');
}

async function exportCsv(store: GraphStore, filter: ExportFilter, dir: string): Promise<ExportSummary> {
  await mkdir(dir, { recursive: true });
  const entitiesPath = join(dir, 'entities.csv');
  const relationshipsPath = join(dir, 'relationships.csv');
  const targets: FileTarget[] = [];
  const sinks: OutputSink[] = [];
  try {
    const entitiesFile = await openFileTarget(entitiesPath);
    targets.push(entitiesFile);
    const entities = new OutputSink(entitiesFile.stream);
    sinks.push(entities);
    await entities.write(csvRow(ENTITY_CSV_HEADER));
    const listed = await exportListings(store);
    let nodes = 0;
    for await (const e of store.exportEntities(filter)) {
      const listings = listed.get(e.id);
      await entities.write(
        csvRow([e.id, e.name, e.type, arrayField(e.aliases), e.articleCount, e.mentionCount, JSON.stringify(e.attributes), listings ? JSON.stringify(listings) : '', `Entity;${e.type}`]),
      );
      nodes++;
    }
    await entities.flush();

    const relationshipsFile = await openFileTarget(relationshipsPath);
    targets.push(relationshipsFile);
    const relationships = new OutputSink(relationshipsFile.stream);
    sinks.push(relationships);
    await relationships.write(csvRow(RELATIONSHIP_CSV_HEADER));
    let edges = 0;
    for await (const r of store.exportEdges(filter)) {
      await relationships.write(csvRow([r.subjectId, r.objectId, r.predicate, r.articleCount, r.claimCount, r.firstSeen, r.lastSeen]));
      edges++;
    }
    await relationships.flush();
    for (const s of sinks) s.release();
    for (const t of targets) await t.commit();
    return { format: 'csv', nodes, edges, files: [entitiesPath, relationshipsPath] };
  } catch (error) {
    for (const s of sinks) s.release();
    for (const t of targets) await t.abort();
    throw error;
  }
}
