import { isPredicate } from '@newsgraph/shared';
import type { PathEdge } from '../interfaces/graph-store.ts';
import type { PathCandidates } from '../interfaces/store-backend.ts';
import { asNumber, asStringArray } from './neo4j-values.ts';

/**
 * Rows of shortestPathStepsStatement (one per path: `ids`, and `steps` of `[predicate, forward,
 * articleCount]`) into the first `candidates` distinct node sequences, in row order, and every
 * edge the paths took, once each. Only valid for a complete enumeration (the caller checks the
 * row count against the statement's limit).
 */
export function pathCandidatesFromSteps(rows: ReadonlyArray<Record<string, unknown>>, candidates: number): PathCandidates {
  const sequences = new Map<string, string[]>();
  const edges = new Map<string, PathEdge>();
  for (const row of rows) {
    const ids = asStringArray(row.ids);
    const key = ids.join('\u0000');
    if (!sequences.has(key)) {
      if (sequences.size >= candidates) continue;
      sequences.set(key, ids);
    }
    const steps = Array.isArray(row.steps) ? (row.steps as unknown[][]) : [];
    if (steps.length !== ids.length - 1) throw new Error(`Neo4j returned a path of ${ids.length} nodes with ${steps.length} steps`);
    steps.forEach(([type, forward, articleCount], i) => {
      if (!isPredicate(type)) throw new Error(`Neo4j returned an unknown predicate ${JSON.stringify(type)}`);
      const [subjectId, objectId] = forward === true ? [ids[i]!, ids[i + 1]!] : [ids[i + 1]!, ids[i]!];
      edges.set(`${subjectId}\u0000${type}\u0000${objectId}`, { subjectId, predicate: type, objectId, articleCount: asNumber(articleCount) });
    });
  }
  return { sequences: [...sequences.values()], edges: [...edges.values()] };
}
