/**
 * Bidirectional breadth-first search for all shortest paths between two nodes of an undirected
 * view of the graph, given only a neighbour lookup. Pure, so it is tested without a database.
 *
 * Why bidirectional and "expand the smaller frontier": news graphs have hubs (Russia, China, the
 * US) with tens of thousands of neighbours. Growing both ends and always expanding the side with
 * fewer nodes keeps the number of neighbour rows read far below a one-sided search.
 */
export interface PathSearchLimits {
  /** Longest path, in edges. */
  maxHops: number;
  /** Stop after reading this many neighbour rows in total; the search then returns no paths. */
  maxWork: number;
  /** At most this many node sequences are enumerated (the caller ranks and trims them). */
  maxCandidates: number;
}

export const DEFAULT_PATH_LIMITS: PathSearchLimits = { maxHops: 4, maxWork: 400_000, maxCandidates: 200 };

/** Node keys: entity ids or integer row ids. */
type NodeKey = string | number;

interface Side<T extends NodeKey> {
  dist: Map<T, number>;
  parents: Map<T, Set<T>>;
  frontier: T[];
  depth: number;
}

const compareKeys = <T extends NodeKey>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

function newSide<T extends NodeKey>(root: T): Side<T> {
  return { dist: new Map([[root, 0]]), parents: new Map(), frontier: [root], depth: 0 };
}

/** Paths from the side's root to `node`, root first; at most `cap`. */
function pathsFromRoot<T extends NodeKey>(side: Side<T>, node: T, cap: number): T[][] {
  const parents = side.parents.get(node);
  if (!parents || parents.size === 0) return [[node]];
  const out: T[][] = [];
  for (const parent of [...parents].sort(compareKeys)) {
    for (const prefix of pathsFromRoot(side, parent, cap - out.length)) {
      out.push([...prefix, node]);
      if (out.length >= cap) return out;
    }
  }
  return out;
}

/**
 * Node id sequences (from … to) of the shortest paths with at most `maxHops` edges, or [] when
 * there is none within the limits. Sequences come in a deterministic order (by meeting node id,
 * then parent ids).
 */
export function findShortestPaths<T extends NodeKey>(
  from: T,
  to: T,
  neighborsOf: (node: T) => readonly T[],
  limits: Partial<PathSearchLimits> = {},
): T[][] {
  const { maxHops, maxWork, maxCandidates } = { ...DEFAULT_PATH_LIMITS, ...limits };
  if (from === to) return [[from]];
  const forward = newSide(from);
  const backward = newSide(to);
  let work = 0;
  while (forward.depth + backward.depth < maxHops && forward.frontier.length > 0 && backward.frontier.length > 0) {
    const expandForward = forward.frontier.length <= backward.frontier.length;
    const side = expandForward ? forward : backward;
    const other = expandForward ? backward : forward;
    const nextDepth = side.depth + 1;
    const next: T[] = [];
    const meetings: T[] = [];
    for (const node of side.frontier) {
      const neighbors = neighborsOf(node);
      work += neighbors.length;
      for (const n of neighbors) {
        const seen = side.dist.get(n);
        if (seen === undefined) {
          side.dist.set(n, nextDepth);
          side.parents.set(n, new Set([node]));
          next.push(n);
          if (other.dist.has(n)) meetings.push(n);
        } else if (seen === nextDepth) {
          side.parents.get(n)!.add(node);
        }
      }
      if (work > maxWork) return [];
    }
    side.frontier = next;
    side.depth = nextDepth;
    if (meetings.length > 0) {
      const lengthVia = (m: T) => nextDepth + other.dist.get(m)!;
      let best = Infinity;
      for (const m of meetings) best = Math.min(best, lengthVia(m));
      const chosen = meetings.filter((m) => lengthVia(m) === best).sort(compareKeys);
      const out: T[][] = [];
      for (const m of chosen) {
        const heads = pathsFromRoot(forward, m, maxCandidates);
        const tails = pathsFromRoot(backward, m, maxCandidates).map((p) => p.slice(0, -1).reverse());
        for (const head of heads) {
          for (const tail of tails) {
            out.push([...head, ...tail]);
            if (out.length >= maxCandidates) return out;
          }
        }
      }
      return out;
    }
  }
  return [];
}
