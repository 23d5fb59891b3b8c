/**
 * Corpus entity audit: `pnpm -s audit:entities [--top N] [--reuters N] [--verdicts FILE] [--markdown]`.
 *
 * Runs entity extraction over every BBC story and the first N (default 3,000) Reuters-21578
 * stories with a BODY, in that order, with one corpus index for the run (as `ingest` keeps one),
 * and lists the N (default 200) entities found in the most articles: id, type, name, article and
 * mention counts, the surface forms seen most. With `--verdicts` (a JSON object id → {verdict,
 * note}), each row carries the reviewer's verdict (correct | wrong type | junk | duplicate |
 * conflated), and rows not reviewed yet show "?" so a rerun after a change shows what moved.
 * `--explain ID [--outlet BBC|Reuters]` prints how the first mentions of one entity were found instead.
 * Reads ../shared/corpora; nothing from it is written anywhere but stdout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusIndex, analyzeEntities } from '@newsgraph/extract';

const { values } = parseArgs({
  options: {
    top: { type: 'string', default: '200' },
    reuters: { type: 'string', default: '3000' },
    verdicts: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    explain: { type: 'string' },
    outlet: { type: 'string' },
  },
});
const top = Number(values.top);
const reutersLimit = Number(values.reuters);
if (!Number.isInteger(top) || top <= 0 || !Number.isInteger(reutersLimit) || reutersLimit < 0) {
  console.error('audit:entities: --top and --reuters must be non-negative integers');
  process.exit(2);
}
const corpora = join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora');
if (!existsSync(corpora)) {
  console.warn(`audit:entities: ${corpora} is absent; nothing to audit (needs ../shared/corpora)`);
  process.exit(0);
}
const latin1 = new TextDecoder('latin1');
const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|#(\d+));/g, (_m, name: string, num?: string) => (num ? String.fromCharCode(Number(num)) : ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[name] ?? ''));

interface Doc {
  text: string;
  outlet: string;
  title: string | null;
}
const docs: Doc[] = [];
const bbc = join(corpora, 'bbc');
for (const section of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(bbc, section)).filter((x) => x.endsWith('.txt')).sort()) {
    const text = latin1.decode(readFileSync(join(bbc, section, f)));
    docs.push({ text, outlet: 'BBC', title: text.split('\n', 1)[0] ?? null });
  }
}
let reuters = 0;
for (const f of readdirSync(join(corpora, 'reuters21578')).filter((x) => x.endsWith('.sgm')).sort()) {
  if (reuters >= reutersLimit) break;
  const sgml = latin1.decode(readFileSync(join(corpora, 'reuters21578', f)));
  for (const m of sgml.matchAll(/<REUTERS[\s\S]*?<\/REUTERS>/g)) {
    if (reuters >= reutersLimit) break;
    const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[0])?.[1];
    if (!body) continue;
    const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[0])?.[1] ?? null;
    docs.push({ text: decodeEntities(body).replaceAll(String.fromCharCode(3), '').replace(/\s*Reuter\s*$/, ''), outlet: 'Reuters', title: title ? decodeEntities(title) : null });
    reuters++;
  }
}

interface Row {
  id: string;
  type: string;
  name: string;
  articles: number;
  mentions: number;
  forms: Map<string, number>;
  country: string;
}
const corpus = new CorpusIndex();
const analyses = docs.map((d) => analyzeEntities(d.text, { outlet: d.outlet, title: d.title, corpus }));
if (values.explain) {
  // --explain ID: how the first mentions of one entity were found, with their sentence.
  let shown = 0;
  for (const [i, a] of analyses.entries()) {
    if (values.outlet && docs[i]?.outlet !== values.outlet) continue;
    for (const m of a.mentions) {
      if (corpus.canonicalId(m.entityId) !== values.explain || shown >= 12) continue;
      shown++;
      const sentence = a.sentences[m.sentenceIndex]?.text.replace(/\s+/g, ' ').slice(0, 160) ?? '';
      console.log(`${JSON.stringify(m.text)} [${m.source}${m.resolvedBy ? `: ${m.resolvedBy}` : ''}] ${sentence}`);
    }
  }
  process.exit(0);
}
// As a store does with the corpus index's merges: a one-word entity found to be a full name later.
const rows = new Map<string, Row>();
for (const a of analyses) {
  const seen = new Set<string>();
  for (const raw of a.entities) {
    const e = { ...raw, id: corpus.canonicalId(raw.id) };
    if (seen.has(e.id)) {
      const r = rows.get(e.id) as Row;
      r.mentions += e.mentions.length;
      for (const m of e.mentions) r.forms.set(m.text, (r.forms.get(m.text) ?? 0) + 1);
      continue;
    }
    seen.add(e.id);
    let r = rows.get(e.id);
    if (!r) rows.set(e.id, (r = { id: e.id, type: e.type, name: e.name, articles: 0, mentions: 0, forms: new Map(), country: '' }));
    if (e.id !== raw.id && e.name.length > r.name.length) r.name = e.name;
    r.articles++;
    r.mentions += e.mentions.length;
    if (e.name.length > r.name.length && e.type === 'Person') r.name = e.name;
    const c = e.attributes.country ?? e.attributes.countryIso ?? e.attributes.iso;
    if (typeof c === 'string') r.country = c;
    for (const m of e.mentions) r.forms.set(m.text, (r.forms.get(m.text) ?? 0) + 1);
  }
}
const verdicts: Record<string, { verdict: string; note?: string }> = values.verdicts ? JSON.parse(readFileSync(values.verdicts, 'utf8')) : {};
const list = [...rows.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.id.localeCompare(b.id)).slice(0, top);
const counts = new Map<string, number>();
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
if (values.markdown) {
  console.log('| # | id | type | name | country | articles | mentions | surface forms (most seen) | verdict | note |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
}
list.forEach((r, i) => {
  const forms = [...r.forms].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, n]) => `${f} (${n})`).join('; ');
  const v = verdicts[r.id];
  const verdict = v?.verdict ?? '?';
  counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  if (values.markdown) console.log(`| ${i + 1} | \`${r.id}\` | ${r.type} | ${cell(r.name)} | ${r.country} | ${r.articles} | ${r.mentions} | ${cell(forms)} | ${verdict} | ${cell(v?.note ?? '')} |`);
  else console.log(`${String(i + 1).padStart(3)} ${r.id.padEnd(44)} ${r.type.padEnd(12)} ${String(r.articles).padStart(5)} ${String(r.mentions).padStart(6)}  ${forms}`);
});
console.log(JSON.stringify({ documents: docs.length, merges: corpus.merges().length, bbc: docs.length - reuters, reuters, entities: rows.size, top: list.length, verdicts: Object.fromEntries([...counts].sort()) }));
