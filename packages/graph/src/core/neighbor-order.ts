import type { Neighbor } from '../interfaces/graph-store.ts';

const compareText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);

/** GraphStore.neighbors order: articleCount desc, neighbour name, neighbour id, predicate, direction ('in' before 'out'). */
export function compareNeighbors(a: Neighbor, b: Neighbor): number {
  return (
    b.articleCount - a.articleCount ||
    compareText(a.entity.name, b.entity.name) ||
    compareText(a.entity.id, b.entity.id) ||
    compareText(a.predicate, b.predicate) ||
    compareText(a.direction, b.direction)
  );
}

/** The first `limit` entries of two lists that are each already in neighbour order. */
export function mergeNeighbors(a: readonly Neighbor[], b: readonly Neighbor[], limit: number): Neighbor[] {
  if (b.length === 0) return a.slice(0, limit);
  if (a.length === 0) return b.slice(0, limit);
  return [...a, ...b].sort(compareNeighbors).slice(0, limit);
}
