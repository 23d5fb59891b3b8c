import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

/** Rows per multi-row `VALUES` statement: 256 × the widest row (15) stays far below SQLite's 32,766 parameters. */
const CHUNK_ROWS = 256;

/**
 * Streams rows into one table with multi-row `VALUES` statements: binding many parameters to
 * one statement call is far cheaper than one call per row. Values are added one at a time into
 * a reused buffer and a full chunk is written at once, so a batch of a million claims never
 * builds (and the garbage collector never copies) a million-row parameter array. Statements
 * are prepared once per (SQL, row count) and shared through `cache`.
 *
 * `prefix` and `suffix` are SQL constants of the caller; every value is a bound parameter.
 */
export class BulkInsert {
  private readonly db: DatabaseSync;
  private readonly cache: Map<string, StatementSync>;
  private readonly prefix: string;
  private readonly suffix: string;
  private readonly width: number;
  private readonly buffer: SQLInputValue[];
  private filled = 0;
  private fullChunk: StatementSync | undefined;

  constructor(db: DatabaseSync, cache: Map<string, StatementSync>, prefix: string, width: number, suffix = '') {
    this.db = db;
    this.cache = cache;
    this.prefix = prefix;
    this.width = width;
    this.suffix = suffix;
    this.buffer = new Array<SQLInputValue>(CHUNK_ROWS * width);
  }

  /** Adds the next value of the current row (rows are `width` consecutive values). */
  add(value: SQLInputValue): void {
    this.buffer[this.filled++] = value;
    if (this.filled === this.buffer.length) {
      this.fullChunk ??= this.statement(CHUNK_ROWS);
      this.fullChunk.run(...this.buffer);
      this.filled = 0;
    }
  }

  /** Adds every row of a flat list. */
  addAll(values: readonly SQLInputValue[]): void {
    for (let i = 0; i < values.length; i++) this.add(values[i]!);
  }

  /** Writes the rows still buffered (in power-of-two chunks, so few statement shapes exist). */
  flush(): void {
    const rows = this.filled / this.width;
    let i = 0;
    while (i < rows) {
      const n = 2 ** Math.floor(Math.log2(rows - i));
      this.statement(n).run(...this.buffer.slice(i * this.width, (i + n) * this.width));
      i += n;
    }
    this.filled = 0;
  }

  private statement(rows: number): StatementSync {
    const key = `${this.prefix}\u0000${this.width}\u0000${rows}\u0000${this.suffix}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      const tuple = `(${'?, '.repeat(this.width - 1)}?)`;
      stmt = this.db.prepare(`${this.prefix} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} ${this.suffix}`);
      this.cache.set(key, stmt);
    }
    return stmt;
  }
}
