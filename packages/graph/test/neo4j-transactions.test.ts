import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, StoreUnavailableError, NEO4J_TIMEOUT_DEFAULTS } from '@newsgraph/shared';
import type { ManagedTransactionLike, QueryResultLike, SessionLike, TransactionConfigLike } from '../src/neo4j/interfaces/neo4j-driver-like.ts';
import { isRetriableReadError, runManagedTransaction, runReadStatement, transactionDeadlineMs, type TransactionPolicy } from '../src/neo4j/neo4j-transactions.ts';
import { Neo4jConnectionError, runtimeError } from '../src/neo4j/neo4j-errors.ts';

/** Fail fast without a server: the transaction runner's timeouts, watchdog and error mapping. */

const policy: TransactionPolicy = { txTimeoutMs: 1_000, maxRetryMs: 500, connectTimeoutMs: 250 };
const target = { uri: 'bolt://neo4j:s3cret@127.0.0.1:7687', user: 'neo4j' };

class ScriptedSession implements SessionLike {
  configs: Array<{ mode: string; config: TransactionConfigLike | undefined }> = [];
  closeCalls = 0;
  readonly outcome: () => Promise<unknown>;
  readonly closeHangs: boolean;
  constructor(outcome: () => Promise<unknown>, closeHangs = false) {
    this.outcome = outcome;
    this.closeHangs = closeHangs;
  }
  /** Outcome of the auto-commit statements (run); the managed ones use `outcome`. */
  runOutcome: () => Promise<unknown> = () => this.outcome();
  run(_cypher: string, _params?: Record<string, unknown>, config?: TransactionConfigLike): Promise<QueryResultLike> {
    this.configs.push({ mode: 'AUTO', config });
    return this.runOutcome() as Promise<QueryResultLike>;
  }
  executeRead<T>(work: (tx: ManagedTransactionLike) => Promise<T>, config?: TransactionConfigLike): Promise<T> {
    this.configs.push({ mode: 'READ', config });
    return this.outcome().then((value) => (value === RUN_WORK ? work({ run: () => Promise.resolve(ROWS) }) : (value as T)));
  }
  executeWrite<T>(_work: (tx: ManagedTransactionLike) => Promise<T>, config?: TransactionConfigLike): Promise<T> {
    this.configs.push({ mode: 'WRITE', config });
    return this.outcome() as Promise<T>;
  }
  close(): Promise<void> {
    this.closeCalls++;
    return this.closeHangs ? new Promise(() => undefined) : Promise.resolve();
  }
}

const driverError = (code: string, message = code) => Object.assign(new Error(message), { code });
/** An executeRead outcome that runs the work against a transaction answering ROWS. */
const RUN_WORK = Symbol('run the work');
const ROWS: QueryResultLike = { records: [{ keys: ['n'], toObject: () => ({ n: 1 }) }] };

afterEach(() => {
  vi.useRealTimers();
});

describe('runManagedTransaction', () => {
  it('sends the transaction timeout to the server and closes the session', async () => {
    const session = new ScriptedSession(async () => 42);
    expect(await runManagedTransaction(() => session, 'WRITE', async () => 0, { policy, target })).toBe(42);
    expect(await runManagedTransaction(() => session, 'READ', async () => 0, { policy, target, timeoutMs: 77 })).toBe(42);
    expect(session.configs).toEqual([
      { mode: 'WRITE', config: { timeout: 1_000 } },
      { mode: 'READ', config: { timeout: 77 } },
    ]);
    expect(session.closeCalls).toBe(2);
  });

  it('gives up on a server that never answers after the deadline, without waiting for the stuck session', async () => {
    vi.useFakeTimers();
    const session = new ScriptedSession(() => new Promise(() => undefined), true);
    const outcome = runManagedTransaction(() => session, 'WRITE', async () => 0, { policy, target }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(transactionDeadlineMs(policy) - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).setting).toBe('NEO4J_TX_TIMEOUT_MS');
    expect((error as Error).message).toMatch(/did not answer within 2000 ms .*NEO4J_TX_TIMEOUT_MS.*paused or overloaded/);
    expect((error as Error).message).not.toContain('s3cret');
    expect(session.closeCalls).toBe(1);
  });

  it('turns a lost server into one StoreUnavailableError naming NEO4J_URI', async () => {
    const session = new ScriptedSession(() => Promise.reject(driverError('ServiceUnavailable', 'Failed to connect to server')));
    const error = await runManagedTransaction(() => session, 'WRITE', async () => 0, { policy, target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).setting).toBe('NEO4J_URI');
    expect((error as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:7687: Failed to connect/);
  });

  it('passes other errors through unchanged', async () => {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    const session = new ScriptedSession(() => Promise.reject(syntax));
    await expect(runManagedTransaction(() => session, 'READ', async () => 0, { policy, target })).rejects.toBe(syntax);
  });
});

describe('runReadStatement', () => {
  it('sends one auto-commit statement with the transaction timeout, without a managed transaction', async () => {
    const session = new ScriptedSession(async () => ROWS);
    expect(await runReadStatement(() => session, 'RETURN 1 AS n', {}, { policy, target })).toBe(ROWS);
    expect(session.configs).toEqual([{ mode: 'AUTO', config: { timeout: 1_000 } }]);
    expect(session.closeCalls).toBe(1);
  });

  it('tries a failure the driver would retry again as a managed read (which the driver retries)', async () => {
    const session = new ScriptedSession(async () => RUN_WORK);
    session.runOutcome = () => Promise.reject(driverError('SessionExpired'));
    expect(await runReadStatement(() => session, 'RETURN 1 AS n', {}, { policy, target })).toBe(ROWS);
    expect(session.configs.map((c) => c.mode)).toEqual(['AUTO', 'READ']);
  });

  it('passes other errors through once, mapped like a managed read', async () => {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    const session = new ScriptedSession(() => Promise.reject(syntax));
    await expect(runReadStatement(() => session, 'RETURN', {}, { policy, target })).rejects.toBe(syntax);
    const timedOut = new ScriptedSession(() => Promise.reject(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')));
    await expect(runReadStatement(() => timedOut, 'RETURN 1', {}, { policy, target })).rejects.toMatchObject({ setting: 'NEO4J_TX_TIMEOUT_MS' });
    expect([...session.configs, ...timedOut.configs].map((c) => c.mode)).toEqual(['AUTO', 'AUTO']);
  });

  it('gives up on a server that never answers after the same deadline as a managed read', async () => {
    vi.useFakeTimers();
    const session = new ScriptedSession(() => new Promise(() => undefined), true);
    const outcome = runReadStatement(() => session, 'RETURN 1', {}, { policy, target }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(transactionDeadlineMs(policy));
    expect(await outcome).toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['Neo.TransientError.Transaction.DeadlockDetected', true],
    ['ServiceUnavailable', true],
    ['SessionExpired', true],
    ['Neo.TransientError.Transaction.TransactionTimedOut', false],
    ['Neo.ClientError.Statement.SyntaxError', false],
    [undefined, false],
  ])('%s is retried: %s', (code, retried) => {
    expect(isRetriableReadError(code === undefined ? new Error('x') : driverError(code))).toBe(retried);
  });
});

describe('runtimeError', () => {
  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'NEO4J_TX_TIMEOUT_MS', /ran longer than NEO4J_TX_TIMEOUT_MS \(1000 ms\)/],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'NEO4J_TX_TIMEOUT_MS', /NEO4J_TX_TIMEOUT_MS/],
    ['Neo.ClientError.General.WriteOnReadOnlyAccessDatabase', 'NEO4J_DATABASE', /is read-only, newsgraph cannot write to it/],
    ['Neo.ClientError.Security.Unauthorized', 'NEO4J_PASSWORD', /refused the credentials of user "neo4j": check NEO4J_USER and NEO4J_PASSWORD/],
    ['SessionExpired', 'NEO4J_URI', /^cannot reach Neo4j/],
  ])('%s → a StoreUnavailableError naming %s', (code, setting, message) => {
    const mapped = runtimeError(driverError(code), target, 1_000);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as StoreUnavailableError).setting).toBe(setting);
    expect((mapped as Error).message).toMatch(message);
  });

  it('maps a pool that cannot get a connection in time to the connect timeout', () => {
    const mapped = runtimeError(new Error('Connection acquisition timed out in 500 ms.'), target, 1_000) as StoreUnavailableError;
    expect(mapped.setting).toBe('NEO4J_URI');
    expect(mapped.message).toMatch(/cannot reach .*NEO4J_CONNECT_TIMEOUT_MS/);
  });
});

describe('configuration of the timeouts', () => {
  const load = (env: Record<string, string>) => loadConfig({ env, cwd: '/nonexistent' });
  it('has CLI-suited defaults and reads the environment', () => {
    expect(load({}).neo4j).toMatchObject(NEO4J_TIMEOUT_DEFAULTS);
    expect(load({ NEO4J_TX_TIMEOUT_MS: '2500', NEO4J_MAX_RETRY_MS: '0', NEO4J_CONNECT_TIMEOUT_MS: '800' }).neo4j).toMatchObject({
      txTimeoutMs: 2500,
      maxRetryMs: 0,
      connectTimeoutMs: 800,
    });
  });
  it.each([
    ['NEO4J_TX_TIMEOUT_MS', 'soon'],
    ['NEO4J_TX_TIMEOUT_MS', '0'],
    ['NEO4J_MAX_RETRY_MS', '-1'],
    ['NEO4J_CONNECT_TIMEOUT_MS', '1.5'],
  ])('refuses %s=%s naming the setting', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(new RegExp(`invalid configuration ${name}: `));
  });
});
