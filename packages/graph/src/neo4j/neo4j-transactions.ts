import { StoreUnavailableError } from '@newsgraph/shared';
import type { ManagedTransactionLike, QueryResultLike, SessionLike } from './interfaces/neo4j-driver-like.ts';
import { redactUri, runtimeError, type ConnectionTarget } from './neo4j-errors.ts';

/** How long the store waits for Neo4j (NEO4J_TX_TIMEOUT_MS, NEO4J_MAX_RETRY_MS, NEO4J_CONNECT_TIMEOUT_MS). */
export interface TransactionPolicy {
  /** The server aborts a transaction that runs longer (sent as the transaction's timeout). */
  txTimeoutMs: number;
  /** The driver retries transient failures (deadlocks, leader switches, lost connections) this long. */
  maxRetryMs: number;
  /** Connecting, and waiting for a pooled connection, give up after this. */
  connectTimeoutMs: number;
}

/**
 * The longest one managed transaction may take from the client's side, retries included. A
 * paused server (SIGSTOP, a frozen VM) accepts TCP but never answers, so neither the server's
 * timeout nor the driver's retry limit ever fires; this watchdog does.
 */
export function transactionDeadlineMs(policy: TransactionPolicy, txTimeoutMs = policy.txTimeoutMs): number {
  return txTimeoutMs + policy.maxRetryMs + 2 * policy.connectTimeoutMs;
}

export interface ManagedTransactionOptions {
  policy: TransactionPolicy;
  target: ConnectionTarget;
  /** Overrides policy.txTimeoutMs for this transaction (researchers' Cypher has its own limit). */
  timeoutMs?: number;
}

/**
 * Runs `work` in a managed transaction of a new session (the driver retries it on transient
 * errors for at most maxRetryMs) with the server-side timeout, bounded on the client by
 * transactionDeadlineMs. A server that is gone, paused or too slow ends in one
 * StoreUnavailableError naming the setting; other errors pass through. Either way nothing is
 * half-written: a transaction the client gave up on is never committed by this client (the
 * server rolls it back when the connection drops, or commits it whole if COMMIT was sent).
 */
export async function runManagedTransaction<T>(
  openSession: () => SessionLike,
  mode: 'READ' | 'WRITE',
  work: (tx: ManagedTransactionLike) => Promise<T>,
  options: ManagedTransactionOptions,
): Promise<T> {
  return withDeadline(openSession, options, (session, config) => (mode === 'WRITE' ? session.executeWrite(work, config) : session.executeRead(work, config)));
}

/**
 * Errors after which a read is worth trying again: the driver's own retry set (transient
 * server errors, a lost or expired connection), minus a timeout (the server already waited).
 */
export function isRetriableReadError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || code === 'Neo.TransientError.Transaction.TransactionTimedOut') return false;
  return code.startsWith('Neo.TransientError.') || code === 'ServiceUnavailable' || code === 'SessionExpired';
}

/**
 * One read statement as an auto-commit transaction: a managed transaction costs two more
 * messages, each written and answered on its own (BEGIN, then the statement, then COMMIT), and on
 * a loaded machine every exchange is one more wait for the server's and the client's turn on a
 * core. A failure the driver would have retried is tried again as a managed read
 * (runManagedTransaction: the driver's bounded retry), so a lost connection or a leader switch
 * behaves as before; the deadline covers both.
 */
export async function runReadStatement(
  openSession: () => SessionLike,
  cypher: string,
  params: Record<string, unknown>,
  options: ManagedTransactionOptions,
): Promise<QueryResultLike> {
  return withDeadline(openSession, options, async (session, config) => {
    try {
      return await session.run(cypher, params, config);
    } catch (error) {
      if (!isRetriableReadError(error)) throw error;
      return session.executeRead((tx) => Promise.resolve(tx.run(cypher, params)), config);
    }
  });
}

/** Runs `start` on a new session with the server-side timeout, bounded on the client by transactionDeadlineMs; errors mapped. */
async function withDeadline<T>(
  openSession: () => SessionLike,
  options: ManagedTransactionOptions,
  start: (session: SessionLike, config: { timeout: number }) => Promise<T>,
): Promise<T> {
  const txTimeoutMs = options.timeoutMs ?? options.policy.txTimeoutMs;
  const deadlineMs = transactionDeadlineMs(options.policy, txTimeoutMs);
  const session = openSession();
  const running = start(session, { timeout: txTimeoutMs });
  let timer: NodeJS.Timeout | undefined;
  let abandoned = false;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned = true;
      reject(
        new StoreUnavailableError(
          `Neo4j at ${redactUri(options.target.uri)} did not answer within ${deadlineMs} ms (NEO4J_TX_TIMEOUT_MS + NEO4J_MAX_RETRY_MS + 2 × NEO4J_CONNECT_TIMEOUT_MS): is the server paused or overloaded?`,
          { setting: 'NEO4J_TX_TIMEOUT_MS' },
        ),
      );
    }, deadlineMs);
  });
  try {
    return await Promise.race([running, watchdog]);
  } catch (error) {
    throw runtimeError(error, options.target, txTimeoutMs);
  } finally {
    clearTimeout(timer);
    if (abandoned) {
      // The session's connection is stuck on a server that does not answer: closing it would
      // wait forever too. Let it go; the driver frees it when the socket dies or the server wakes.
      running.catch(() => undefined);
      void session.close().catch(() => undefined);
    } else {
      await session.close();
    }
  }
}

