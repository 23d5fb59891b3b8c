import type { Command } from 'commander';
import { InputError, PREDICATES, curationRewrites, isPredicate, type CurationAction, type CurationEntry, type Predicate } from '@newsgraph/shared';
import { Curator } from '@newsgraph/ingest';
import { listAwareCurator } from '../lists/list-aware-curator.ts';
import type { CliContext } from '../context.ts';
import { formatTable, printJson, println, safeText } from '../output.ts';
import { resolveEntity } from './query.ts';

interface WhoWhy {
  by?: string;
  why?: string;
  json?: boolean;
}

function predicateOf(value: string): Predicate {
  const p = value.toUpperCase();
  if (!isPredicate(p)) throw new InputError(`predicate ${value}`, `not a predicate (${PREDICATES.join(', ')})`);
  return p;
}

/** The log line a person reads: what, by whom, when, why, and whether it still holds. */
export function describeCuration(e: CurationEntry): string {
  const a = e.action;
  const edge = (x: { subject: string; predicate: string; object: string }) => `${x.subject} ${x.predicate} ${x.object}`;
  const what = (() => {
    switch (a.kind) {
      case 'merge':
        return `merge ${a.from} into ${a.into}`;
      case 'split-alias':
        return `split "${a.alias}" off ${a.entity}`;
      case 'rename':
        return `rename ${a.entity} to "${a.name}"`;
      case 'reject-edge':
      case 'confirm-edge':
        return `${a.kind} ${edge(a)}`;
      case 'reject-claim':
      case 'confirm-claim':
        return `${a.kind} ${edge(a)} in ${a.articleId} at ${a.start}`;
      case 'note':
        return `note on ${a.entity ?? edge({ subject: a.subject!, predicate: a.predicate!, object: a.object! })}: ${a.text}`;
    }
  })();
  return safeText(what);
}

export function registerCurateCommand(program: Command, ctx: CliContext): void {
  const curate = program
    .command('curate')
    .description('correct the graph by hand: merge, split an alias, rename, reject or confirm edges and claims, notes; every action is logged and undoable');

  const author = (o: WhoWhy): string => o.by ?? process.env.USER ?? process.env.LOGNAME ?? 'cli';

  const record = async (action: CurationAction, o: WhoWhy): Promise<void> => {
    // Notes and confirmations change no article and no name: they need no list matcher.
    const curator = curationRewrites(action) || action.kind === 'rename' ? await listAwareCurator(ctx) : new Curator({ store: await ctx.store() });
    const outcome = await curator.record({ action, author: author(o), reason: o.why ?? '' });
    if (o.json) return printJson(ctx, outcome);
    println(ctx, `${outcome.entry.id}: ${describeCuration(outcome.entry)} (${outcome.articlesRewritten} articles rewritten)`);
  };

  const withWho = (c: Command): Command =>
    c.option('--by <name>', 'who makes the correction (default: $USER)').option('--why <text>', 'why, for the log').option('--json', 'JSON output');

  withWho(curate.command('merge').description('merge FROM into INTO: FROM\'s mentions and claims become INTO\'s, now and in later articles').argument('<into>').argument('<from>')).action(
    async (intoRef: string, fromRef: string, o: WhoWhy) => {
      const store = await ctx.store();
      const [into, from] = [await resolveEntity(store, intoRef), await resolveEntity(store, fromRef)];
      await record({ kind: 'merge', into: into.id, from: from.id }, o);
    },
  );

  withWho(curate.command('split').description('mentions of ENTITY written as ALIAS become an entity of their own').argument('<entity>').argument('<alias>')).action(
    async (ref: string, alias: string, o: WhoWhy) => {
      const entity = await resolveEntity(await ctx.store(), ref);
      await record({ kind: 'split-alias', entity: entity.id, alias }, o);
    },
  );

  withWho(curate.command('rename').description('give ENTITY the display name NAME (the old name stays an alias)').argument('<entity>').argument('<name>')).action(
    async (ref: string, name: string, o: WhoWhy) => {
      const entity = await resolveEntity(await ctx.store(), ref);
      await record({ kind: 'rename', entity: entity.id, name }, o);
    },
  );

  for (const verdict of ['reject', 'confirm'] as const) {
    withWho(
      curate
        .command(`${verdict}-edge`)
        .description(verdict === 'reject' ? 'the edge is wrong: its claims leave the graph, now and in later articles' : 'mark the edge checked against its evidence')
        .argument('<subject>')
        .argument('<predicate>')
        .argument('<object>'),
    ).action(async (s: string, p: string, obj: string, o: WhoWhy) => {
      const store = await ctx.store();
      const [subject, object] = [await resolveEntity(store, s), await resolveEntity(store, obj)];
      await record({ kind: `${verdict}-edge`, subject: subject.id, predicate: predicateOf(p), object: object.id }, o);
    });
    withWho(
      curate
        .command(`${verdict}-claim`)
        .description(`${verdict} one claim: the sentence starting at START of ARTICLE (see \`query evidence --json\`)`)
        .argument('<article>')
        .argument('<subject>')
        .argument('<predicate>')
        .argument('<object>')
        .argument('<start>'),
    ).action(async (articleId: string, s: string, p: string, obj: string, start: string, o: WhoWhy) => {
      const store = await ctx.store();
      const [subject, object] = [await resolveEntity(store, s), await resolveEntity(store, obj)];
      const at = Number(start);
      if (!Number.isInteger(at) || at < 0) throw new InputError(`start ${start}`, 'must be the sentence offset, a whole number');
      await record({ kind: `${verdict}-claim`, articleId, subject: subject.id, predicate: predicateOf(p), object: object.id, start: at }, o);
    });
  }

  withWho(curate.command('note').description('attach a note to an entity').argument('<entity>').argument('<text>')).action(async (ref: string, text: string, o: WhoWhy) => {
    const entity = await resolveEntity(await ctx.store(), ref);
    await record({ kind: 'note', entity: entity.id, text }, o);
  });

  withWho(curate.command('undo').description('undo a logged action (by its id) and rewrite what it changed').argument('<id>')).action(async (id: string, o: WhoWhy) => {
    const outcome = await (await listAwareCurator(ctx)).undo(id, { author: author(o), reason: o.why ?? '' });
    if (o.json) return printJson(ctx, outcome);
    println(ctx, `${outcome.entry.id}: undone ${describeCuration(outcome.entry)} (${outcome.articlesRewritten} articles rewritten)`);
  });

  curate
    .command('log')
    .description('the curation log, oldest first')
    .option('--json', 'JSON output')
    .option('--jsonl', 'one JSON entry per line (the export format)')
    .action(async (o: { json?: boolean; jsonl?: boolean }) => {
      const log = await (await ctx.store()).curationLog();
      if (o.jsonl) return void log.forEach((e) => println(ctx, JSON.stringify(e)));
      if (o.json) return printJson(ctx, log);
      if (log.length === 0) return println(ctx, 'the curation log is empty');
      println(
        ctx,
        formatTable(
          ['id', 'at', 'by', 'action', 'why', 'undone'],
          log.map((e) => [e.id, e.at, safeText(e.author), describeCuration(e), safeText(e.reason), e.undoneAt ? `${e.undoneAt} by ${safeText(e.undoneBy ?? '')}` : '']),
        ),
      );
    });

  curate
    .command('reapply')
    .description('rewrite the articles of every active action (after an extractor upgrade)')
    .action(async () => {
      const n = await (await listAwareCurator(ctx)).reapplyAll();
      println(ctx, `${n} articles rewritten`);
    });
}
