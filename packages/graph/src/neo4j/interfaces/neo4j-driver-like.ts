/**
 * The small part of the neo4j-driver API the store uses. The real driver satisfies it; tests
 * pass a fake that records statements, so batching, retries, conversions and error mapping are
 * tested without a server.
 */

export interface RecordLike {
  keys: readonly PropertyKey[];
  toObject(): Record<string, unknown>;
}

export interface QueryResultLike {
  records: RecordLike[];
  summary?: { counters?: { updates(): Record<string, number> } };
}

export interface ManagedTransactionLike {
  run(cypher: string, params?: Record<string, unknown>): PromiseLike<QueryResultLike>;
}

export interface TransactionConfigLike {
  timeout?: number;
  metadata?: Record<string, unknown>;
}

export interface SessionLike {
  /** One statement as an auto-commit transaction (no BEGIN or COMMIT message; never retried by the driver). */
  run(cypher: string, params?: Record<string, unknown>, config?: TransactionConfigLike): PromiseLike<QueryResultLike>;
  executeRead<T>(work: (tx: ManagedTransactionLike) => Promise<T>, config?: TransactionConfigLike): Promise<T>;
  executeWrite<T>(work: (tx: ManagedTransactionLike) => Promise<T>, config?: TransactionConfigLike): Promise<T>;
  close(): Promise<void>;
}

export interface SessionConfigLike {
  database?: string;
  defaultAccessMode?: 'READ' | 'WRITE';
}

export interface DriverLike {
  session(config?: SessionConfigLike): SessionLike;
  verifyConnectivity(config?: { database?: string }): Promise<unknown>;
  close(): Promise<void>;
}
