import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportEdge, ExportEntity, GraphStore } from '../src/interfaces/graph-store.ts';
import { exportGraph } from '../src/export/export-graph.ts';

/**
 * The GraphML and node-link JSON exports read back by networkx, the tool researchers most often
 * load them into. Runs when python3 with networkx is installed; otherwise skipped with a notice.
 */

// Debian's python3-networkx installs for /usr/bin/python3, which a pyenv python3 on PATH may shadow.
const PYTHON = ['python3', '/usr/bin/python3'].find((bin) => spawnSync(bin, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0);
const hasNetworkx = PYTHON !== undefined;
if (!hasNetworkx) console.warn('export-networkx.test.ts: skipped: python3 with networkx is not installed (Debian: apt-get install -y python3-networkx)');

const entities: ExportEntity[] = [
  { id: 'country:CN', type: 'Country', name: 'China', aliases: ['PRC'], attributes: { iso: 'CN', share: 0.5, g20: true }, articleCount: 3, mentionCount: 7 },
  { id: 'org:x&y', type: 'Organization', name: `O'Brien & "Sons" <b>\u0001 東京\nx`, aliases: ['a;b'], attributes: { iso: 12 }, articleCount: 1, mentionCount: 1 },
];
const edges: ExportEdge[] = [
  { subjectId: 'org:x&y', predicate: 'LOCATED_IN', objectId: 'country:CN', articleCount: 1, claimCount: 2, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: null },
  { subjectId: 'org:x&y', predicate: 'SUPPLIES', objectId: 'country:CN', articleCount: 2, claimCount: 3, firstSeen: null, lastSeen: null },
];
const store = {
  kind: 'sqlite',
  async *exportEntities() {
    yield* entities;
  },
  async *exportEdges() {
    yield* edges;
  },
  async curationLog() {
    return [];
  },
} as unknown as GraphStore;

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-networkx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READ = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
data = json.load(open(sys.argv[2]))
try:
    h = nx.node_link_graph(data, edges='links')  # networkx >= 3.4
except TypeError:
    h = nx.node_link_graph(data, link='links')  # networkx 2.x (Debian 12's python3-networkx)
print(json.dumps({
  'graphml': {'kind': type(g).__name__, 'nodes': {n: d for n, d in g.nodes(data=True)}, 'edges': sorted([[u, v, d] for u, v, d in g.edges(data=True)], key=lambda e: e[2]['predicate'])},
  'json': {'kind': type(h).__name__, 'edges': sorted([[u, v, k] for u, v, k in h.edges(keys=True)])},
}))
`;

describe.skipIf(!hasNetworkx)('exports read by networkx', () => {
  it('reads GraphML as a MultiDiGraph with typed attributes, and node-link JSON with keyed edges', async () => {
    await exportGraph(store, { format: 'graphml', out: join(dir, 'g.graphml') });
    await exportGraph(store, { format: 'json', out: join(dir, 'g.json') });
    const out = JSON.parse(execFileSync(PYTHON!, ['-c', READ, join(dir, 'g.graphml'), join(dir, 'g.json')], { encoding: 'utf8' })) as {
      graphml: { kind: string; nodes: Record<string, Record<string, unknown>>; edges: Array<[string, string, Record<string, unknown>]> };
      json: { kind: string; edges: string[][] };
    };
    expect(out.graphml.kind).toBe('MultiDiGraph');
    expect(out.graphml.nodes['country:CN']).toEqual({ type: 'Country', name: 'China', label: 'China', aliases: 'PRC', articleCount: 3, mentionCount: 7, iso: 'CN', share: 0.5, g20: true });
    expect(out.graphml.nodes['org:x&y']).toMatchObject({ name: `O'Brien & "Sons" <b> 東京\nx`, iso: '12' });
    expect(out.graphml.edges).toEqual([
      ['org:x&y', 'country:CN', { predicate: 'LOCATED_IN', articleCount: 1, claimCount: 2, firstSeen: '2024-01-10T09:00:00.000Z' }],
      ['org:x&y', 'country:CN', { predicate: 'SUPPLIES', articleCount: 2, claimCount: 3 }],
    ]);
    expect(out.json).toEqual({ kind: 'MultiDiGraph', edges: [['org:x&y', 'country:CN', 'LOCATED_IN'], ['org:x&y', 'country:CN', 'SUPPLIES']] });
  });
});
