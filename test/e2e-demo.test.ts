import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch, type CliRun } from './support/run-cli.ts';

/**
 * The walking skeleton end to end: `newsgraph demo` serves examples/site on loopback, crawls its
 * feed through fetch → article text → extraction → SQLite, and the query commands then answer
 * from what was stored.
 */
describe('newsgraph demo over examples/site', () => {
  const box = scratch();
  let demo: CliRun;

  beforeAll(async () => {
    demo = await runCliCaptured(['demo'], box.env);
  }, 120_000);
  afterAll(() => box.cleanup());

  const json = async (argv: string[]) => {
    const run = await runCliCaptured([...argv, '--json'], box.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('crawls every feed item and prints counts, top entities, evidence and next steps', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/stored 10 articles \(10 new, 0 updated, 0 unchanged, 0 failed\)/);
    expect(demo.stdout).toContain('Top entities');
    expect(demo.stdout).toContain('Russia');
    expect(demo.stdout).toMatch(/“[^”]+”/);
    expect(demo.stdout).toContain('pnpm newsgraph query search Russia');
  });

  it('is idempotent: a second run stores nothing new', async () => {
    const before = await json(['query', 'stats']);
    const again = await runCliCaptured(['demo'], box.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 0 updated, 10 unchanged, 0 failed/);
    expect(await json(['query', 'stats'])).toEqual(before);
  });

  it('finds Russia by prefix search, case-insensitively', async () => {
    const hits = await json(['query', 'search', 'rus']);
    expect(hits.map((h: { id: string }) => h.id)).toContain('country:RU');
  });

  it('recognises the officials as Persons with their roles', async () => {
    for (const name of ['Wally Adeyemo', 'Antony Blinken', 'Janet Yellen', 'Wang Yi']) {
      const entity = await json(['query', 'entity', name]);
      expect(entity.type, name).toBe('Person');
      expect(entity.name).toBe(name);
    }
  });

  it('stores an Iran SUPPLIES Russia edge whose evidence is the sentence and its article', async () => {
    const result = await json(['query', 'evidence', 'Iran', 'Russia', '--predicate', 'SUPPLIES']);
    expect(result.evidence.length).toBeGreaterThan(0);
    const record = result.evidence[0];
    expect(record.subjectId).toBe('country:IR');
    expect(record.objectId).toBe('country:RU');
    expect(record.sentence).toContain('Iran has supplied hundreds of Shahed drones to Russia');
    expect(record.article.title).toBe('Iranian drones keep flowing to Russia despite new sanctions');
    expect(record.article.url).toMatch(/\/news\/iran-drones-russia\.html$/);
  });

  it('links Blinken to Wang Yi and to Beijing', async () => {
    const result = await json(['query', 'neighbors', 'Antony Blinken']);
    const edges = result.neighbors.map((n: { predicate: string; entity: { name: string } }) => `${n.predicate} ${n.entity.name}`);
    expect(edges).toContain('MET_WITH Wang Yi');
    expect(edges).toContain('VISITED Beijing');
  });

  it('records sanctions by OFAC on the shipping companies', async () => {
    const result = await json(['query', 'neighbors', 'Office of Foreign Assets Control', '--predicate', 'SANCTIONS']);
    const names = result.neighbors.map((n: { entity: { name: string } }) => n.entity.name);
    expect(names).toEqual(expect.arrayContaining(['Volna Maritime', 'Sable Crest Shipping']));
  });

  it('finds a path between two officials', async () => {
    const result = await json(['query', 'path', 'Antony Blinken', 'Iran', '--max-hops', '4']);
    expect(result.paths.length).toBeGreaterThan(0);
    const path = result.paths[0];
    expect(path.nodes[0].name).toBe('Antony Blinken');
    expect(path.nodes.at(-1).id).toBe('country:IR');
    expect(path.edges).toHaveLength(path.nodes.length - 1);
  });

  it('keeps page chrome out of the graph', async () => {
    for (const chrome of ['Sanctions Watch', 'Northwind Media Group', 'reader_4471', 'Most read', 'Port congestion']) {
      const hits = await json(['query', 'search', chrome]);
      expect(hits, chrome).toEqual([]);
    }
  });
});

describe('newsgraph demo while its site port (8786) is taken', () => {
  const box = scratch();
  let squatter: Server | null = null;

  beforeAll(async () => {
    // Hold the port if nothing else does; if something already holds it, the condition is met too.
    squatter = await new Promise<Server | null>((ok) => {
      const server = createServer();
      server.once('error', () => ok(null));
      server.listen(8786, '127.0.0.1', () => ok(server));
    });
  });
  afterAll(async () => {
    await new Promise<void>((ok) => (squatter ? squatter.close(() => ok()) : ok()));
    box.cleanup();
  });

  it('keeps the same article ids and links across runs on whatever port was free', async () => {
    const first = await runCliCaptured(['demo'], box.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/stored 10 articles \(10 new, 0 updated, 0 unchanged, 0 failed\)/);
    expect(first.stdout).toMatch(/port 8786 is taken, so the site runs on port \d+/);
    const again = await runCliCaptured(['demo'], box.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 0 updated, 10 unchanged, 0 failed/);
    const run = await runCliCaptured(['query', 'evidence', 'Iran', 'Russia', '--predicate', 'SUPPLIES', '--json'], box.env);
    const record = JSON.parse(run.stdout).evidence[0];
    expect(record.article.url).toBe('http://127.0.0.1:8786/news/iran-drones-russia.html');
  }, 240_000);
});
