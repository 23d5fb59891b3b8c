import { InputError } from '@newsgraph/shared';

/**
 * Refuses Cypher that could change the database, before it is sent. The query also runs in a
 * READ transaction, which servers from 4.0 on enforce; this check is what protects 3.5 and
 * gives a clear message instead of a server error.
 *
 * The tokenizer skips string literals, backtick-quoted names and comments, so
 * `MATCH (n {name: 'CREATE'})` passes; property keys (`n.set`), labels (`:Merge`), parameters
 * (`$delete`) and map keys (`{create: 1}`) are not clauses either.
 */

export type CypherTokenKind = 'word' | 'string' | 'quoted-name' | 'number' | 'parameter' | 'symbol';

export interface CypherToken {
  kind: CypherTokenKind;
  text: string;
  /** Offset in the query, for error messages. */
  offset: number;
}

/** Splits Cypher into tokens, dropping whitespace and comments. Throws on an unterminated string or comment. */
export function tokenizeCypher(query: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && query[i + 1] === '/') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (ch === '/' && query[i + 1] === '*') {
      const close = query.indexOf('*/', i + 2);
      if (close < 0) throw new InputError('cypher query', `unterminated /* comment at offset ${i}`);
      i = close + 2;
    } else if (ch === "'" || ch === '"') {
      const start = i++;
      while (i < n && query[i] !== ch) i += query[i] === '\\' ? 2 : 1;
      if (i >= n) throw new InputError('cypher query', `unterminated string starting at offset ${start}`);
      i++;
      tokens.push({ kind: 'string', text: query.slice(start, i), offset: start });
    } else if (ch === '`') {
      const start = i++;
      // A doubled backtick escapes a backtick inside a quoted name.
      while (i < n && !(query[i] === '`' && query[i + 1] !== '`')) i += query[i] === '`' ? 2 : 1;
      if (i >= n) throw new InputError('cypher query', `unterminated \`name\` starting at offset ${start}`);
      i++;
      tokens.push({ kind: 'quoted-name', text: query.slice(start, i), offset: start });
    } else if (ch === '$') {
      const start = i++;
      while (i < n && /[\p{L}\p{N}_]/u.test(query[i]!)) i++;
      tokens.push({ kind: 'parameter', text: query.slice(start, i), offset: start });
    } else if (/[\p{L}_]/u.test(ch)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}_]/u.test(query[i]!)) i++;
      tokens.push({ kind: 'word', text: query.slice(start, i), offset: start });
    } else if (/[0-9]/.test(ch)) {
      const start = i;
      while (i < n && /[0-9a-zA-Z_.]/.test(query[i]!) && !(query[i] === '.' && query[i + 1] === '.')) i++;
      tokens.push({ kind: 'number', text: query.slice(start, i), offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: ch, offset: i });
      i++;
    }
  }
  return tokens;
}

/** Clauses and commands that write data or schema, or administer the server. */
const WRITE_KEYWORDS = new Set([
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'DROP',
  'FOREACH',
  'LOAD',
  'INSERT',
]);

/**
 * Administration commands. They only ever open a statement, and some (START, STOP) are ordinary
 * variable names elsewhere, so they are refused only at the start of a statement.
 */
const ADMIN_KEYWORDS = new Set(['ALTER', 'GRANT', 'DENY', 'REVOKE', 'RENAME', 'START', 'STOP', 'TERMINATE', 'ENABLE', 'DEALLOCATE', 'REALLOCATE']);

/**
 * Procedures a researcher may CALL: schema introspection, full-text search and read-only APOC
 * helpers. Everything else (dbms.*, db.create*, apoc.create/merge/refactor/periodic/load/cypher...)
 * is refused; an allowlist stays safe as servers add procedures.
 */
const ALLOWED_PROCEDURES: readonly RegExp[] = [
  /^db\.(labels|relationshiptypes|propertykeys|indexes|constraints)$/,
  /^db\.schema\.(visualization|nodetypeproperties|reltypeproperties)$/,
  /^db\.index\.fulltext\.(querynodes|queryrelationships|listavailableanalyzers)$/,
  /^apoc\.(path|meta|coll|text|map|convert|math|number|date|temporal|label|algo|stats)\.[a-z0-9_.]+$/,
  /^apoc\.help$/,
];

export class WriteCypherError extends InputError {
  constructor(reason: string) {
    super('cypher query', `${reason} (only read queries are allowed: MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, read-only CALLs)`);
    this.name = 'WriteCypherError';
  }
}

/** Throws WriteCypherError when the query contains a write clause or a procedure call that is not known to be read-only. */
export function assertReadOnlyCypher(query: string): void {
  if (query.trim() === '') throw new InputError('cypher query', 'is empty');
  const tokens = tokenizeCypher(query);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // n.set, :Merge labels, map keys {create: 1}: names, not clauses.
    if (prev && prev.kind === 'symbol' && (prev.text === '.' || prev.text === ':')) continue;
    if (next && next.kind === 'symbol' && next.text === ':' && prev && prev.kind === 'symbol' && (prev.text === '{' || prev.text === ',')) continue;
    // RETURN x AS set: an alias.
    if (prev && prev.kind === 'word' && prev.text.toUpperCase() === 'AS') continue;
    const word = token.text.toUpperCase();
    const startsStatement = !prev || (prev.kind === 'symbol' && prev.text === ';');
    if (startsStatement && ADMIN_KEYWORDS.has(word)) throw new WriteCypherError(`refused ${word} at offset ${token.offset}`);
    if (WRITE_KEYWORDS.has(word)) {
      throw new WriteCypherError(`refused ${word === 'LOAD' ? 'LOAD CSV' : word} at offset ${token.offset}`);
    }
    if (word === 'IN' && next?.kind === 'word' && /^TRANSACTIONS?$/i.test(next.text)) {
      throw new WriteCypherError(`refused CALL { ... } IN TRANSACTIONS at offset ${token.offset}`);
    }
    if (word === 'CALL') {
      if (next?.kind === 'symbol' && (next.text === '{' || next.text === '(')) continue; // subquery; its body is checked token by token
      const name: string[] = [];
      let j = i + 1;
      while (j < tokens.length) {
        const t = tokens[j]!;
        if (t.kind === 'word') name.push(t.text);
        else if (t.kind === 'quoted-name') name.push(t.text.slice(1, -1).replace(/``/g, '`'));
        else break;
        if (tokens[j + 1]?.kind === 'symbol' && tokens[j + 1]!.text === '.') j += 2;
        else {
          j++;
          break;
        }
      }
      const procedure = name.join('.').toLowerCase();
      if (!ALLOWED_PROCEDURES.some((re) => re.test(procedure))) {
        throw new WriteCypherError(`refused CALL ${procedure || '(unknown)'} at offset ${token.offset}: not a known read-only procedure`);
      }
      i = j - 1;
    }
  }
}
