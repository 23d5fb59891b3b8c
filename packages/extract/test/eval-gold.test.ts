import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '@newsgraph/shared';
import { evaluateGold } from '../src/eval/gold.ts';
import { findReutersStory, readGoldText } from '../src/eval/gold-texts.ts';

// A story in the Reuters-21578 layout, written here (no corpus text).
const SGML = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<TEXT>&#2;
<TITLE>FREEDONIA AND SYLVANIA SIGN ACCORD</TITLE>
<BODY>Freedonia and Sylvania signed a trade
accord on Monday, Trade Minister Rufus
Firefly said.
    The accord covers steel &amp; grain, he said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8"><TEXT><TITLE>OTHER</TITLE><BODY>Other story.</BODY></TEXT></REUTERS>
`;

async function fixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ng-gold-'));
  await mkdir(join(dir, 'wire'));
  await writeFile(join(dir, 'wire', 'reut2-000.sgm'), SGML, 'latin1');
  // Latin-1 bytes that are not valid UTF-8, as in the BBC corpus.
  await writeFile(join(dir, 'plain.txt'), Buffer.from('Caf\xe9 owners met in Paris.\n', 'latin1'));
  return dir;
}

describe('gold texts', () => {
  it('reads one Reuters story as title, blank line and unwrapped paragraphs, without the sign-off', () => {
    expect(findReutersStory(SGML, '7')).toBe(
      'FREEDONIA AND SYLVANIA SIGN ACCORD\n\nFreedonia and Sylvania signed a trade accord on Monday, Trade Minister Rufus Firefly said.\n\nThe accord covers steel & grain, he said.\n',
    );
    expect(findReutersStory(SGML, '8')).toBe('OTHER\n\nOther story.\n');
    expect(findReutersStory(SGML, '9')).toBeNull();
  });

  it('decodes Latin-1 files and names what is missing', async () => {
    const dir = await fixture();
    expect(await readGoldText(dir, 'plain.txt')).toBe('Café owners met in Paris.\n');
    expect(await readGoldText(dir, 'wire/reut2-000.sgm#NEWID=8')).toContain('Other story.');
    await expect(readGoldText(dir, 'wire/reut2-000.sgm#NEWID=99')).rejects.toThrow(/reut2-000\.sgm: no story with NEWID="99"/);
    await expect(readGoldText(dir, 'absent.txt')).rejects.toThrow(/absent\.txt: text named by the gold is missing/);
  });
});

describe('evaluateGold', () => {
  const gold = {
    documents: [
      {
        file: 'wire/reut2-000.sgm#NEWID=7',
        entities: [
          { name: 'Freedonia', type: 'Country', mentions: ['Freedonia'] },
          { name: 'Sylvania', type: 'Country' },
          { name: 'Rufus Firefly', type: 'Person', mentions: ['Firefly'] },
          { name: 'steel', type: 'Goods', optional: true },
        ],
        mustNotExtract: [{ text: 'Monday' }],
        relations: [
          { subject: 'Freedonia', predicate: 'TRADES_WITH', object: 'Sylvania', symmetric: true },
          { subject: 'Rufus Firefly', predicate: 'HOLDS_ROLE', object: 'Freedonia' },
          { subject: 'Sylvania', predicate: 'SUPPLIES', object: 'Freedonia', hard: true },
        ],
      },
    ],
  };
  // A stand-in extractor with a known answer, so that every count below is checked exactly.
  const extractor = (): ExtractionResult => ({
    entities: [
      { id: 'c:fr', type: 'Country', name: 'Freedonia', attributes: {}, mentions: [{ start: 0, end: 9, text: 'Freedonia' }] },
      { id: 'c:sy', type: 'Country', name: 'Sylvania', attributes: {}, mentions: [{ start: 14, end: 22, text: 'Sylvania' }] },
      { id: 'p:rf', type: 'Person', name: 'Rufus Firefly', attributes: {}, mentions: [{ start: 0, end: 1, text: 'Rufus Firefly' }] },
      { id: 'p:mo', type: 'Person', name: 'Monday', attributes: {}, mentions: [{ start: 0, end: 1, text: 'Monday' }] },
    ],
    relations: [
      { subject: 'c:sy', predicate: 'TRADES_WITH', object: 'c:fr', evidence: { sentence: 's', start: 0, end: 1, rule: 'trade.verb', confidence: 1 } },
      { subject: 'p:rf', predicate: 'HOLDS_ROLE', object: 'c:sy', evidence: { sentence: 's', start: 0, end: 1, rule: 'role.title', confidence: 1 } },
    ],
  });

  it('scores entities by type, relations by predicate and by rule', async () => {
    const dir = await fixture();
    await writeFile(join(dir, 'gold.json'), JSON.stringify(gold));
    const { summary, table } = await evaluateGold({ goldPath: join(dir, 'gold.json'), textsDir: dir, extractor, perRule: true });
    expect(summary.documents).toBe(1);
    expect(summary.entities).toEqual({ p: 0.75, r: 1, f1: 0.857, violations: 1 });
    expect(summary.entitiesByType.Person).toMatchObject({ precise: 1, predicted: 2, recalled: 1, gold: 1 });
    expect(summary.relations).toEqual({ p: 0.5, r: 0.5, f1: 0.5, hard_r: 0 });
    expect(summary.relationsByPredicate.TRADES_WITH).toMatchObject({ precise: 1, predicted: 1, recalled: 1, gold: 1 });
    expect(summary.relationsByPredicate.HOLDS_ROLE).toMatchObject({ precise: 0, predicted: 1, recalled: 0, gold: 1 });
    expect(summary.relationsByPredicate.SUPPLIES).toMatchObject({ hardGold: 1, hardRecalled: 0 });
    expect(summary.per_rule?.find((r) => r.rule === 'trade.verb')).toMatchObject({ predicted: 1, correct: 1, found: 1 });
    expect(summary.per_rule?.find((r) => r.rule === 'role.title')).toMatchObject({ predicted: 1, correct: 0, found: 0 });
    expect(table).toMatch(/missed relations: Rufus Firefly HOLDS_ROLE Freedonia/);
  });

  it('scores only the gold\'s closed predicate set: a NATIONAL_OF claim is neither right nor wrong', async () => {
    const dir = await fixture();
    await writeFile(join(dir, 'gold.json'), JSON.stringify(gold));
    const withNationality = (): ExtractionResult => {
      const result = extractor();
      result.relations.push({ subject: 'p:rf', predicate: 'NATIONAL_OF', object: 'c:fr', evidence: { sentence: 's', start: 0, end: 1, rule: 'national.before', confidence: 1 } });
      return result;
    };
    const { summary } = await evaluateGold({ goldPath: join(dir, 'gold.json'), textsDir: dir, extractor: withNationality, perRule: true });
    expect(summary.relations).toEqual({ p: 0.5, r: 0.5, f1: 0.5, hard_r: 0 });
    expect(summary.relationsByPredicate.NATIONAL_OF).toBeUndefined();
    expect(summary.per_rule?.some((r) => r.rule === 'national.before')).toBe(false);
  });

  it('names the gold file and the document when the gold is malformed', async () => {
    const dir = await fixture();
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ documents: [{ file: 'plain.txt', entities: [] }] }));
    await expect(evaluateGold({ goldPath: join(dir, 'bad.json'), textsDir: dir })).rejects.toThrow(/bad\.json: document 1 \(plain\.txt\): "relations" must be an array/);
    await expect(evaluateGold({ goldPath: join(dir, 'none.json'), textsDir: dir })).rejects.toThrow(/none\.json: cannot read/);
  });
});

const repoGold = fileURLToPath(new URL('../../../eval/dev-gold/gold.json', import.meta.url));
const corpora = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const corporaPresent = existsSync(corpora);
if (!corporaPresent) console.warn(`SKIPPED eval-gold on the development gold: ${corpora} is absent`);

describe.skipIf(!corporaPresent)('the development gold (eval/dev-gold/gold.json over ../shared/corpora)', () => {
  it('names only texts that exist, and scores all 42 documents', async () => {
    const { summary, rows } = await evaluateGold({ goldPath: repoGold, textsDir: corpora });
    expect(summary.documents).toBeGreaterThanOrEqual(40);
    expect(rows.every((r) => r.entities.goldRequired > 0)).toBe(true);
    // Floors well below the figures measured when the gold was written (entities P 0.917 R 0.86,
    // relations P 0.90 R 0.373): a collapse of the extractor fails here; the targets are in the note.
    expect(summary.entities.p).toBeGreaterThan(0.8);
    expect(summary.entities.r).toBeGreaterThan(0.75);
    expect(summary.relations.p).toBeGreaterThan(0.7);
  });
});
