import { ENTITY_TYPES, InputError, PREDICATES, isEntityType, isPredicate, type EntityType, type Predicate } from '@newsgraph/shared';

/**
 * One Cypher statement with its parameters. Every query the Neo4j store sends is built by a pure
 * function returning one of these, so that the text can be checked without a server and no
 * input value ever ends up inside the text.
 */
export interface CypherStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * Relationship types and labels cannot be Cypher parameters. They are only ever taken from the
 * closed PREDICATES / ENTITY_TYPES sets, validated here, and never from input text.
 */
export function relationshipType(predicate: string): Predicate {
  if (!isPredicate(predicate)) throw new InputError(`predicate ${JSON.stringify(predicate)}`, `not one of ${PREDICATES.join(', ')}`);
  return predicate;
}

/** `VISITED|MET_WITH|...` for a relationship pattern; all predicates when none are given. */
export function relationshipTypes(predicates?: readonly string[]): string {
  const list = predicates && predicates.length > 0 ? [...new Set(predicates)] : [...PREDICATES];
  return list.map(relationshipType).join('|');
}

export function entityLabel(type: string): EntityType {
  if (!isEntityType(type)) throw new InputError(`entity type ${JSON.stringify(type)}`, `not one of ${ENTITY_TYPES.join(', ')}`);
  return type;
}

/** Splits rows into chunks of at most `size` (one UNWIND statement each). */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
