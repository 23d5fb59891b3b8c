import type { DriverLike, ManagedTransactionLike, QueryResultLike, SessionConfigLike, SessionLike, TransactionConfigLike } from '../src/neo4j/interfaces/neo4j-driver-like.ts';

/**
 * A stand-in for neo4j-driver implementing the small subset the store uses. It records every
 * statement with its session's access mode and database, answers from `respond`, and retries a
 * managed transaction on Neo.TransientError like the real driver (discarding the failed
 * attempt's statements, as a rollback would); an auto-commit statement (`session.run`) is tried once.
 */

export interface RecordedCall {
  cypher: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  database: string | undefined;
  timeout: number | undefined;
  /** Set on statements of an attempt that failed and was rolled back. */
  rolledBack: boolean;
  /** Sent as an auto-commit transaction (session.run), not in a managed one. */
  autoCommit?: boolean;
}

export type Rows = Array<Record<string, unknown>>;
export type Responder = (cypher: string, params: Record<string, unknown>) => Rows | undefined;

export class FakeNeo4jError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

export class FakeDriver implements DriverLike {
  readonly calls: RecordedCall[] = [];
  readonly sessionConfigs: SessionConfigLike[] = [];
  openSessions = 0;
  closed = false;
  /** Error thrown by verifyConnectivity, if any. */
  verifyError: unknown;
  /** Called before each statement; a thrown error fails the statement. */
  beforeRun: ((call: RecordedCall) => void) | undefined;
  responders: Responder[] = [];
  /** Server version returned by `CALL dbms.components()`. */
  version = '5.26.0';

  respond(responder: Responder): this {
    this.responders.push(responder);
    return this;
  }

  session(config: SessionConfigLike = {}): SessionLike {
    if (this.closed) throw new Error('driver closed');
    this.sessionConfigs.push(config);
    this.openSessions++;
    const run = (work: (tx: ManagedTransactionLike) => Promise<unknown>, mode: 'READ' | 'WRITE', txConfig?: TransactionConfigLike) =>
      this.#transaction(work, { mode, database: config.database, timeout: txConfig?.timeout });
    let closed = false;
    return {
      // Auto-commit: one attempt, never retried (as the real driver); a failure is rolled back.
      run: (cypher: string, params: Record<string, unknown> = {}, txConfig?: TransactionConfigLike) => {
        const call: RecordedCall = { cypher, params, mode: config.defaultAccessMode ?? 'WRITE', database: config.database, timeout: txConfig?.timeout, rolledBack: false, autoCommit: true };
        this.calls.push(call);
        return Promise.resolve().then(() => {
          try {
            this.beforeRun?.(call);
            return this.#answer(cypher, params);
          } catch (error) {
            call.rolledBack = true;
            throw error;
          }
        });
      },
      executeRead: <T>(work: (tx: ManagedTransactionLike) => Promise<T>, txConfig?: TransactionConfigLike) => run(work, 'READ', txConfig) as Promise<T>,
      executeWrite: <T>(work: (tx: ManagedTransactionLike) => Promise<T>, txConfig?: TransactionConfigLike) => run(work, 'WRITE', txConfig) as Promise<T>,
      close: async () => {
        if (!closed) this.openSessions--;
        closed = true;
      },
    };
  }

  async #transaction(
    work: (tx: ManagedTransactionLike) => Promise<unknown>,
    context: { mode: 'READ' | 'WRITE'; database: string | undefined; timeout: number | undefined },
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const attemptCalls: RecordedCall[] = [];
      const tx: ManagedTransactionLike = {
        run: (cypher, params = {}) => {
          const call: RecordedCall = { cypher, params, ...context, rolledBack: false };
          attemptCalls.push(call);
          this.calls.push(call);
          return Promise.resolve().then(() => {
            this.beforeRun?.(call);
            return this.#answer(cypher, params);
          });
        },
      };
      try {
        return await work(tx);
      } catch (error) {
        for (const c of attemptCalls) c.rolledBack = true;
        const code = (error as { code?: string }).code ?? '';
        if (attempt < 3 && code.startsWith('Neo.TransientError')) continue;
        throw error;
      }
    }
  }

  #answer(cypher: string, params: Record<string, unknown>): QueryResultLike {
    let rows: Rows | undefined;
    if (cypher.startsWith('CALL dbms.components()')) rows = [{ name: 'Neo4j Kernel', versions: [this.version], edition: 'community' }];
    for (const responder of this.responders) {
      if (rows) break;
      rows = responder(cypher, params);
    }
    const list = rows ?? [];
    return {
      records: list.map((row) => ({ keys: Object.keys(row), toObject: () => row })),
      summary: { counters: { updates: () => ({ constraintsAdded: /CONSTRAINT/.test(cypher) ? 1 : 0, indexesAdded: /INDEX/.test(cypher) ? 1 : 0 }) } },
    };
  }

  async verifyConnectivity(): Promise<unknown> {
    if (this.verifyError) throw this.verifyError;
    return {};
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Statements that were committed (not rolled back), optionally only writes. */
  committed(mode?: 'READ' | 'WRITE'): RecordedCall[] {
    return this.calls.filter((c) => !c.rolledBack && (mode === undefined || c.mode === mode));
  }
}
