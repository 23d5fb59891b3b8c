import { InputError } from '@newsgraph/shared';
import type { GraphStore } from '../interfaces/graph-store.ts';
import { assertReadOnlyCypher } from './read-only-guard.ts';

/** A store that can run researcher Cypher (the Neo4j store). */
export interface CypherCapableStore {
  readonly kind: 'neo4j';
  runRead(cypher: string, params: Record<string, unknown>, options?: { timeoutMs?: number }): Promise<{ columns: string[]; rows: Array<Record<string, unknown>> }>;
}

export interface CypherResult {
  columns: string[];
  /** One object per record, values converted to plain JSON (numbers, ISO strings, {labels, properties}...). */
  rows: Array<Record<string, unknown>>;
}

export interface ReadOnlyCypherOptions {
  /** Server-side transaction timeout; default 60 s. */
  timeoutMs?: number;
}

function canRunCypher(store: GraphStore | CypherCapableStore): store is CypherCapableStore {
  return store.kind === 'neo4j' && typeof (store as Partial<CypherCapableStore>).runRead === 'function';
}

/**
 * Runs a researcher's Cypher read-only: write clauses are refused before anything is sent,
 * the query runs in a READ transaction with a timeout, and parameters travel as parameters.
 */
export async function runReadOnlyCypher(
  store: GraphStore | CypherCapableStore,
  query: string,
  params: Record<string, unknown> = {},
  options: ReadOnlyCypherOptions = {},
): Promise<CypherResult> {
  if (!canRunCypher(store)) throw new InputError('query cypher', 'needs Neo4j (set NEO4J_URI); the SQLite store has no Cypher');
  assertReadOnlyCypher(query);
  return store.runRead(query, params, { timeoutMs: options.timeoutMs ?? 60_000 });
}
