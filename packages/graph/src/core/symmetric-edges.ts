import { SYMMETRIC_PREDICATES, type Predicate } from '@newsgraph/shared';

/**
 * Symmetric predicates (MET_WITH, TRADES_WITH) have no direction, so every store keeps them with
 * subject id < object id (binary string order) and looks them up the same way.
 */
export function normalizeEdgeEnds(subjectId: string, predicate: Predicate, objectId: string): [string, string] {
  return SYMMETRIC_PREDICATES.has(predicate) && objectId < subjectId ? [objectId, subjectId] : [subjectId, objectId];
}

export function isSymmetric(predicate: Predicate): boolean {
  return SYMMETRIC_PREDICATES.has(predicate);
}
