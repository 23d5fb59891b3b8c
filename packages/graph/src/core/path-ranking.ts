import type { EntitySummary, GraphPath, PathEdge } from '../interfaces/graph-store.ts';

/**
 * Path ranking shared by every store (the rules of GraphStore.shortestPaths): each hop shows the
 * strongest edge between its two nodes (articleCount desc, predicate, subjectId); paths are
 * ordered by the sum of their edges' articleCount desc, then by node ids.
 */

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

export function compareEdgeStrength(a: PathEdge, b: PathEdge): number {
  return b.articleCount - a.articleCount || compareText(a.predicate, b.predicate) || compareText(a.subjectId, b.subjectId) || compareText(a.objectId, b.objectId);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The consecutive node pairs of the sequences, each once (unordered). */
export function pathPairs(sequences: readonly string[][]): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  for (const ids of sequences) for (let i = 0; i + 1 < ids.length; i++) pairs.set(pairKey(ids[i]!, ids[i + 1]!), [ids[i]!, ids[i + 1]!]);
  return [...pairs.values()];
}

/**
 * Ranks node sequences into paths: `edges` are all edges joining any consecutive pair (either
 * direction), `summaries` the nodes. Sequences with a missing edge or node are left out.
 */
export function rankPaths(
  sequences: readonly string[][],
  edges: readonly PathEdge[],
  summaries: ReadonlyMap<string, EntitySummary>,
  limit: number,
): GraphPath[] {
  const best = new Map<string, PathEdge>();
  for (const edge of edges) {
    const key = pairKey(edge.subjectId, edge.objectId);
    const current = best.get(key);
    if (!current || compareEdgeStrength(edge, current) < 0) best.set(key, edge);
  }
  const scored: Array<{ path: GraphPath; score: number; key: string }> = [];
  for (const ids of sequences) {
    const nodes = ids.map((id) => summaries.get(id));
    if (nodes.some((n) => n === undefined)) continue;
    const hops: PathEdge[] = [];
    for (let i = 0; i + 1 < ids.length; i++) {
      const edge = best.get(pairKey(ids[i]!, ids[i + 1]!));
      if (edge) hops.push(edge);
    }
    if (hops.length !== ids.length - 1) continue;
    scored.push({ path: { nodes: nodes as EntitySummary[], edges: hops }, score: hops.reduce((sum, e) => sum + e.articleCount, 0), key: ids.join('\u0000') });
  }
  scored.sort((x, y) => y.score - x.score || compareText(x.key, y.key));
  return scored.slice(0, limit).map((s) => s.path);
}
