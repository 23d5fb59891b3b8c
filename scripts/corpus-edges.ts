/**
 * Corpus claims, for reading what a rule change adds: `node scripts/corpus-edges.ts OUT.jsonl`
 * writes one JSON line per claim that `extract` draws from the eval corpus (the BBC articles and
 * the first 3,000 Reuters-21578 stories with a body, as `newsgraph eval corpus` reads them):
 * article, subject and object (name|type), predicate, rule, modality, sentence.
 * `node scripts/corpus-edges.ts --diff BEFORE.jsonl AFTER.jsonl` prints the claims only in AFTER
 * ("+") and only in BEFORE ("-"). Run it in two worktrees (or before and after a change) and diff.
 * Reads ../shared/corpora; writes only the file named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, readBbc, readReuters } from '@newsgraph/extract';

interface EdgeLine {
  a: string;
  s: string;
  p: string;
  o: string;
  rule: string;
  mod: string;
  sent: string;
}

function keyOf(e: EdgeLine): string {
  return [e.a, e.s, e.p, e.o, e.rule, e.mod, e.sent].join('\u0000');
}

function readLines(file: string): Map<string, EdgeLine> {
  const out = new Map<string, EdgeLine>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const e = JSON.parse(line) as EdgeLine;
    out.set(keyOf(e), e);
  }
  return out;
}

const args = process.argv.slice(2);
if (args[0] === '--diff') {
  const before = readLines(args[1] ?? '');
  const after = readLines(args[2] ?? '');
  const show = (sign: string, e: EdgeLine): void => console.log(`${sign} ${e.p} | ${e.s} -> ${e.o} | ${e.rule} ${e.mod} | ${e.a} | ${e.sent.replace(/\s+/g, ' ')}`);
  for (const [k, e] of after) if (!before.has(k)) show('+', e);
  for (const [k, e] of before) if (!after.has(k)) show('-', e);
} else {
  const out = args[0];
  if (!out) throw new Error('usage: node scripts/corpus-edges.ts OUT.jsonl | --diff BEFORE.jsonl AFTER.jsonl');
  const corpora = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora');
  const articles = [...(await readBbc(join(corpora, 'bbc'))), ...(await readReuters(join(corpora, 'reuters21578'), 3000))];
  const lines: string[] = [];
  for (const article of articles) {
    const result = extract(article.text);
    const name = new Map(result.entities.map((e) => [e.id, `${e.name}|${e.type}`]));
    for (const r of result.relations) {
      const line: EdgeLine = { a: article.id, s: name.get(r.subject) ?? r.subject, p: r.predicate, o: name.get(r.object) ?? r.object, rule: r.evidence.rule, mod: r.evidence.modality ?? 'asserted', sent: r.evidence.sentence };
      lines.push(JSON.stringify(line));
    }
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.error(`corpus-edges: ${articles.length} articles, ${lines.length} claims`);
}
