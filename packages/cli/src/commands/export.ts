import type { Command } from 'commander';
import { InputError, isEntityType, type EntityType } from '@newsgraph/shared';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { println } from '../output.ts';


function parseFormat(value: string): ExportFormat {
  const format = value.toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new InputError(`--format ${value}`, `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return format as ExportFormat;
}

function parseType(value: string, previous: EntityType[] = []): EntityType[] {
  const type = value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
  if (!isEntityType(type)) throw new InputError(`--type ${value}`, 'not an entity type (Person, Organization, Country, Place, Goods)');
  return [...previous, type];
}

function parseSince(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) throw new InputError(`--since ${value}`, 'must be a date like 2024-02-24');
  return value;
}

/**
 * `newsgraph export --format graphml|csv|json [--since DATE] [--type T]... [--out PATH]`:
 * GraphML for Gephi/networkx, a neo4j-admin import directory (csv), or node-link JSON. Writes to
 * stdout without --out, except csv, which is a directory.
 */
export function registerExportCommand(program: Command, ctx: CliContext): Command {
  return program
    .command('export')
    .description('write the graph as GraphML (Gephi, networkx), neo4j-admin import CSV or node-link JSON')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, parseFormat)
    .option('--since <date>', 'only what articles on or after DATE say', parseSince)
    .option('--type <type>', 'only entities of this type, and edges between them (repeatable)', parseType)
    .option('--out <path>', 'output file (graphml, json) or directory (csv); stdout when omitted')
    .action(async (o: { format: ExportFormat; since?: string; type?: EntityType[]; out?: string }) => {
      if (o.format === 'csv' && !o.out) throw new InputError('--format csv', 'writes a directory (entities.csv, relationships.csv): give --out DIR');
      const store = await ctx.store();
      const summary = await exportGraph(store, { format: o.format, since: o.since, types: o.type, out: o.out ?? ctx.stdout });
      const line = `exported ${summary.nodes} entities and ${summary.edges} edges as ${summary.format}${summary.files.length ? ` to ${summary.files.join(', ')}` : ''}`;
      // With the graph itself on stdout, the summary goes to stderr.
      if (o.out) println(ctx, line);
      else ctx.stderr.write(`${line}\n`);
    });
}
