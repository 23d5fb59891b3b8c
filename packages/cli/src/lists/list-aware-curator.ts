import { Curator } from '@newsgraph/ingest';
import type { CurationEntry } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { rematchEntities } from './list-matching.ts';

/**
 * The Curator as the CLI and the server use it: its rewrites re-extract articles as ingest does
 * (the stored lists' names known), and the entities a merge, split or rename changes are
 * matched against the lists again, so a curation never leaves a listing stale or missing.
 */
export async function listAwareCurator(ctx: CliContext): Promise<Curator> {
  const store = await ctx.store();
  const matching = await ctx.listMatching();
  const extract = await ctx.ingestExtract();
  return new Curator({
    store,
    ...(extract ? { extract } : {}),
    ...(matching ? { onNamesChanged: async (ids: string[]) => void (await rematchEntities(store, matching.matcher, ids)) } : {}),
  });
}

/** What the server's curation routes need, with the Curator (and the list matcher) built on the first write only. */
export function lazyListAwareCurator(ctx: CliContext): {
  log(): Promise<CurationEntry[]>;
  record: Curator['record'];
  undo: Curator['undo'];
} {
  let curator: Promise<Curator> | undefined;
  const get = () => (curator ??= listAwareCurator(ctx));
  return {
    log: async () => (await ctx.store()).curationLog(),
    record: async (input) => (await get()).record(input),
    undo: async (id, input) => (await get()).undo(id, input),
  };
}
