import { SqliteStore, syntheticDocuments } from '@newsgraph/graph';
import { StatementSync } from 'node:sqlite';
import { rmSync } from 'node:fs';
const acc = new Map<string, number>();
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (const m of ['run', 'get', 'all'] as const) {
  const orig = (StatementSync.prototype as any)[m];
  (StatementSync.prototype as any)[m] = function (...args: any[]) {
    const t = cpu(); try { return orig.apply(this, args); } finally { const k = m + ' ' + (this as any).sourceSQL.replace(/\s+/g, ' ').slice(0, 60); acc.set(k, (acc.get(k) ?? 0) + cpu() - t); }
  };
}
import { DatabaseSync } from 'node:sqlite';
const oexec = (DatabaseSync.prototype as any).exec;
(DatabaseSync.prototype as any).exec = function (sql: string) { const t = cpu(); try { return oexec.call(this, sql); } finally { acc.set('exec ' + sql.slice(0, 30), (acc.get('exec ' + sql.slice(0, 30)) ?? 0) + cpu() - t); } };
import { prepareDocument } from '../packages/graph/src/sqlite/document-validation.ts';
rmSync('/tmp/prof-a', { recursive: true, force: true });
const store = await SqliteStore.open('/tmp/prof-a/x.db', { batchSize: 2000 });
const docs = [...syntheticDocuments({ relationships: 100000, seed: 1 })];
const t = cpu();
for (let i = 0; i < docs.length; i += 2000) await store.writeArticles(docs.slice(i, i + 2000));
{ const t2 = cpu(); for (const d of docs) prepareDocument(d); console.log('prepare ms', Math.round(cpu() - t2)); }
console.log('total cpu ms', Math.round(cpu() - t));
for (const [k, v] of [...acc].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(Math.round(v), k);
