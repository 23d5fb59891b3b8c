import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { evaluateCorpus, evaluateGold, evaluateNer, evaluateRelations, evaluateSeeds, renderEdgeSample } from '@newsgraph/extract';
import { evaluateArticleText } from '@newsgraph/ingest';
import { InputError, PREDICATES, isPredicate } from '@newsgraph/shared';
import { buildMatchingGold, evaluateMatching, matchingReport, readListFile } from '@newsgraph/lists';
import type { CliContext } from '../context.ts';
import { println } from '../output.ts';

function mustExist(path: string, what: string): string {
  if (!existsSync(path)) throw new InputError(path, `${what} not found`);
  return path;
}

/** Every evaluation prints its table, then its summary as one JSON object on the last line. */
function report(ctx: CliContext, result: { table: string; summary: unknown }): void {
  println(ctx, result.table);
  println(ctx, JSON.stringify(result.summary));
}

export function registerEvalCommand(program: Command, ctx: CliContext): void {
  const evalCmd = program
    .command('eval')
    .description('score extraction against evaluation data (rules: ../shared/eval/README.md); last line is JSON');

  evalCmd
    .command('seeds')
    .description('entities and relations on the seed articles against the hand-made gold')
    .option('--seeds <dir>', 'seed articles', '../shared/seeds')
    .option('--gold <file>', 'gold annotations', '../shared/eval/seeds-gold.json')
    .option('--per-rule', 'a precision/recall row per rule variant (also in the JSON line)')
    .action(async (o: { seeds: string; gold: string; perRule?: boolean }) => {
      report(ctx, await evaluateSeeds({ seedsDir: mustExist(o.seeds, 'seeds directory'), goldPath: mustExist(o.gold, 'gold file'), perRule: o.perRule === true }));
    });

  evalCmd
    .command('gold')
    .description('entities and relations against any gold file in the seeds-gold format, by type, predicate and rule')
    .option('--gold <file>', 'gold annotations (seeds-gold format)', 'eval/dev-gold/gold.json')
    .option('--texts <dir>', 'folder the gold\'s file names are relative to (FILE.sgm#NEWID=N names one Reuters-21578 story)', '../shared/corpora')
    .action(async (o: { gold: string; texts: string }) => {
      const { table, summary } = await evaluateGold({ goldPath: mustExist(o.gold, 'gold file'), textsDir: mustExist(o.texts, 'texts directory'), perRule: true });
      report(ctx, { table, summary });
    });

  evalCmd
    .command('ner')
    .description('CoNLL-2003 PER/ORG/LOC micro-F1, with plain compromise as baseline')
    .requiredOption('--conll <file>', 'CoNLL-2003 file to score on, e.g. ../shared/eval/conll2003/eng.testa')
    .option('--train <file>', 'CoNLL-2003 training file to learn lexicons from (never the scored file)')
    .option('--no-lexicon', 'learn nothing from a training file: public-fact lexicons and rules only')
    .action(async (o: { conll: string; train?: string; lexicon: boolean }) => {
      if (o.train && o.train === o.conll) throw new InputError(o.train, 'the training file must not be the file being scored');
      if (o.train && !o.lexicon) throw new InputError('--no-lexicon', 'cannot be combined with --train');
      const options = !o.lexicon ? { useTrainLexicon: false } : o.train ? { trainPath: mustExist(o.train, 'training file') } : {};
      report(ctx, await evaluateNer(mustExist(o.conll, 'CoNLL file'), options));
    });

  evalCmd
    .command('relations')
    .description('CoNLL04 HOLDS_ROLE and LOCATED_IN precision, recall and F1')
    .requiredOption('--conll04 <file>', 'CoNLL04 file in SpERT JSON, e.g. ../shared/eval/conll04/conll04_dev.json')
    .option('--train <file>', 'CoNLL-2003 training file to learn an entity-type lexicon from, e.g. ../shared/eval/conll2003/eng.train')
    .option('--per-rule', 'a precision/recall row per rule variant, with the rule metadata (also in the JSON line)')
    .action(async (o: { conll04: string; train?: string; perRule?: boolean }) => {
      const options = { ...(o.train ? { conll2003TrainPath: mustExist(o.train, 'training file') } : {}), perRule: o.perRule === true };
      report(ctx, await evaluateRelations(mustExist(o.conll04, 'CoNLL04 file'), options));
    });

  evalCmd
    .command('corpus')
    .description('claims and edges per article over the BBC and Reuters-21578 corpora; optionally a sample of edges to judge')
    .option('--bbc <dir>', 'BBC News folder', '../shared/corpora/bbc')
    .option('--reuters <dir>', 'Reuters-21578 folder', '../shared/corpora/reuters21578')
    .option('--reuters-limit <n>', 'Reuters stories with a body to read', (v) => Number.parseInt(v, 10), 3000)
    .option('--sample <n>', 'edges to draw for judging', (v) => Number.parseInt(v, 10), 0)
    .option('--seed <n>', 'seed of the sample', (v) => Number.parseInt(v, 10), 1)
    .option('--sample-predicate <predicate>', 'draw the sample from edges of this predicate only (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--sample-out <file>', 'write the sample as a Markdown table to this file')
    .action(async (o: { bbc: string; reuters: string; reutersLimit: number; sample: number; seed: number; samplePredicate: string[]; sampleOut?: string }) => {
      if (!Number.isInteger(o.reutersLimit) || o.reutersLimit < 0) throw new InputError('--reuters-limit', 'must be a whole number');
      if (!Number.isInteger(o.sample) || o.sample < 0) throw new InputError('--sample', 'must be a whole number');
      const samplePredicates = o.samplePredicate.map((p) => {
        if (!isPredicate(p)) throw new InputError(`--sample-predicate ${p}`, `not a predicate (${PREDICATES.join(', ')})`);
        return p;
      });
      const result = await evaluateCorpus({
        bbcDir: mustExist(o.bbc, 'BBC folder'),
        reutersDir: mustExist(o.reuters, 'Reuters folder'),
        reutersLimit: o.reutersLimit,
        sample: o.sample,
        seed: o.seed,
        samplePredicates,
      });
      const only = samplePredicates.map((p) => ` --sample-predicate ${p}`).join('');
      const title = samplePredicates.length > 0 ? `Edge sample: ${samplePredicates.join(', ')}` : 'Edge sample';
      if (o.sampleOut) await writeFile(o.sampleOut, renderEdgeSample(result.sample, `pnpm -s newsgraph eval corpus --sample ${o.sample} --seed ${o.seed}${only}`, o.sampleOut, title));
      report(ctx, { table: result.table, summary: result.summary });
    });

  evalCmd
    .command('article-text')
    .description('main-text extraction on pages with snippets that must and must not appear')
    .argument('<dir>', 'evaluation folder with evaldata.json and html/, e.g. ../shared/eval/article-text')
    .option('--limit <n>', 'only the first N pages', (v) => Number.parseInt(v, 10))
    .action(async (dir: string, o: { limit?: number }) => {
      mustExist(`${dir}/evaldata.json`, 'evaldata.json');
      report(ctx, await evaluateArticleText(dir, o.limit ? { limit: o.limit } : {}));
    });

  evalCmd
    .command('matching')
    .description('sanctions-list name matching on a gold built from the lists themselves, against exact normalised-name matching (docs/sanctions.md)')
    .argument('[files...]', 'list files to build the gold from', [
      '../shared/sanctions/ofac_sdn_2024-05-03/sdn.csv',
      '../shared/sanctions/un_consolidated_2025-11-20/un_consolidated.xml',
    ])
    .option('--threshold <t>', 'match threshold (default: the lists.matchThreshold setting)', (v) => {
      const t = Number(v);
      if (!(t > 0 && t <= 1)) throw new InputError(`--threshold ${v}`, 'must be a number in (0, 1]');
      return t;
    })
    .option('--per-variant <n>', 'at most N queries of each variant', (v) => Number.parseInt(v, 10), 3000)
    .action(async (files: string[], o: { threshold?: number; perVariant: number }) => {
      const entries = [];
      for (const file of files) entries.push(...(await readListFile(mustExist(file, 'list file'))).entries);
      const gold = buildMatchingGold(entries, { maxPerVariant: o.perVariant });
      report(ctx, matchingReport(evaluateMatching(entries, gold, o.threshold ?? ctx.config().lists.matchThreshold), files));
    });
}
