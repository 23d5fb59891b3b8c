import { parseCurationAction, type CurationEntry } from '@newsgraph/shared';
import {
  appendCurationStatement,
  articleIdsMentioningStatement,
  curationLogStatement,
  curationRevisionStatement,
  markCurationUndoneStatement,
  setEntityNamesStatement,
} from '../cypher/curation-statements.ts';
import type { CypherStatement } from '../cypher/cypher-statement.ts';
import type { CurationBackend } from '../interfaces/curation-backend.ts';
import type { ManagedTransactionLike } from './interfaces/neo4j-driver-like.ts';
import { searchKeysFor } from '../search-keys.ts';
import { asNumber, asString } from './neo4j-values.ts';

type Row = Record<string, unknown>;

export interface Neo4jCurationDeps {
  read(statement: CypherStatement): Promise<Row[]>;
  write<T>(work: (tx: ManagedTransactionLike) => Promise<T>): Promise<T>;
  run(tx: ManagedTransactionLike, statement: CypherStatement): Promise<Row[]>;
}

function toEntry(row: Row): CurationEntry {
  const e = (row.entry ?? {}) as Row;
  const seq = asNumber(e.seq);
  return {
    id: String(e.id),
    seq,
    at: asString(e.at) ?? '',
    author: asString(e.author) ?? '',
    reason: asString(e.reason) ?? '',
    action: parseCurationAction(JSON.parse(asString(e.action) ?? 'null'), `CurationEntry ${seq}`),
    undoneAt: asString(e.undoneAt),
    undoneBy: asString(e.undoneBy),
    undoReason: asString(e.undoReason),
  };
}

/** The curation log of the Neo4j store (see cypher/curation-statements.ts). */
export class Neo4jCuration implements CurationBackend {
  readonly #deps: Neo4jCurationDeps;

  constructor(deps: Neo4jCurationDeps) {
    this.#deps = deps;
  }

  async curationLog(): Promise<CurationEntry[]> {
    return (await this.#deps.read(curationLogStatement())).map(toEntry);
  }

  async appendCuration(entry: Omit<CurationEntry, 'seq'>): Promise<CurationEntry> {
    const [row] = await this.#deps.write((tx) => this.#deps.run(tx, appendCurationStatement(entry)));
    if (!row) throw new Error(`curation entry ${entry.id} was not written`);
    return toEntry(row);
  }

  async markCurationUndone(id: string, undoneAt: string, undoneBy: string, undoReason: string): Promise<CurationEntry | null> {
    const [row] = await this.#deps.write((tx) => this.#deps.run(tx, markCurationUndoneStatement(id, undoneAt, undoneBy, undoReason)));
    return row ? toEntry(row) : null;
  }

  async curationRevision(): Promise<string> {
    const [row] = await this.#deps.read(curationRevisionStatement());
    return `${asNumber(row?.last)}:${asNumber(row?.undone)}`;
  }

  async articleIdsMentioning(entityIds: string[], limit: number): Promise<string[]> {
    return (await this.#deps.read(articleIdsMentioningStatement(entityIds, limit))).map((r) => String(r.id));
  }

  async setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean> {
    const keys = new Map<string, boolean>();
    for (const label of [name, ...aliases]) searchKeysFor(label).forEach((key, i) => keys.set(key, (keys.get(key) ?? false) || i === 0));
    const rows = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, full]) => ({ key, full }));
    const [row] = await this.#deps.write((tx) => this.#deps.run(tx, setEntityNamesStatement(id, name, aliases, rows)));
    return asNumber(row?.keys) > 0;
  }
}
