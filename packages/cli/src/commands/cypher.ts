import type { Command } from 'commander';
import { InputError } from '@newsgraph/shared';
import { assertReadOnlyCypher, parseCypherParams, runReadOnlyCypher } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { formatTable, printJson, println } from '../output.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * `newsgraph query cypher "<query>" [--param k=v]... [--json]`: read-only Cypher for researchers
 * (Neo4j store only). Write clauses are refused before anything is sent; the query runs in a
 * READ transaction; parameters are typed (numbers, booleans, null, JSON) and always sent as
 * parameters.
 */
export function registerCypherCommand(query: Command, ctx: CliContext): Command {
  return query
    .command('cypher')
    .description('run a read-only Cypher query (Neo4j store only); see docs/graph-model.md for the model')
    .argument('<query>', 'Cypher text; use $name for values and pass them with --param')
    .option('--param <name=value>', 'query parameter: numbers, true/false, null and JSON are typed; quote to force a string (repeatable)', collect)
    .option('--timeout <seconds>', 'give up after this many seconds', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InputError(`--timeout ${v}`, 'must be a number of seconds above 0 and at most 3600');
      return n;
    }, 60)
    .option('--json', 'JSON output: {"columns": [...], "rows": [{...}]}')
    .action(async (text: string, o: { param?: string[]; timeout: number; json?: boolean }) => {
      const params = parseCypherParams(o.param ?? []);
      // Refuse a write before connecting: the answer does not depend on the server.
      assertReadOnlyCypher(text);
      const store = await ctx.store();
      const result = await runReadOnlyCypher(store, text, params, { timeoutMs: Math.round(o.timeout * 1000) });
      if (o.json) return printJson(ctx, result);
      if (result.rows.length === 0) return println(ctx, '(no rows)');
      println(ctx, formatTable(result.columns, result.rows.map((row) => result.columns.map((c) => cell(row[c]))), 80));
      println(ctx, `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);
    });
}
