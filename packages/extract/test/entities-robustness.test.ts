import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';

// "Never hangs" is guarded by vitest's per-test timeouts, set generously (a super-linear blow-up
// would take far longer); the tests assert only that the results are valid. Speed is measured by
// `pnpm bench:extract`, never by a timed test.
const GENEROUS_MS = 180_000;

describe('analyzeEntities on bad input', () => {
  it('handles empty and whitespace-only text', () => {
    expect(analyzeEntities('')).toEqual({ text: '', sentences: [], entities: [], mentions: [] });
    expect(analyzeEntities(' \n\t ').entities).toEqual([]);
    expect(() => analyzeEntities(null as unknown as string)).toThrow(/must be a string/);
  });

  it(
    'finishes on 10 MB of prose and keeps offsets valid',
    () => {
      const para = 'Treasury Secretary Janet Yellen met officials from the United Arab Emirates in Dubai on Monday, Reuters reported. ';
      const copies = Math.ceil(10_000_000 / para.length);
      const text = para.repeat(copies);
      const a = analyzeEntities(text);
      expect(a.entities.find((e) => e.id === 'person:janet-yellen')?.mentions.length).toBe(copies);
      expect(a.entities.find((e) => e.id === 'place:dubai')?.mentions.length).toBe(copies);
      const last = a.mentions[a.mentions.length - 1];
      expect(last && text.slice(last.start, last.end)).toBe(last?.text);
    },
    GENEROUS_MS,
  );

  it(
    'survives binary garbage, pathological punctuation and non-English text',
    () => {
      let bin = '';
      for (let i = 0; i < 200_000; i++) bin += String.fromCharCode((i * 7919) % 65536);
      const punct = '((((((((((' + '.,;:!?"“”’'.repeat(50_000) + 'A.B.C.D.'.repeat(20_000);
      const other = 'Владимир Путин встретился с Си Цзиньпином в Москве. 习近平在北京会见了普京。 Die Bundesregierung in Berlin sagte am Montag. '.repeat(2_000);
      for (const text of [bin, punct, other]) {
        const a = analyzeEntities(text);
        for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        for (const s of a.sentences) expect(s.start).toBeLessThan(s.end);
      }
      expect(analyzeEntities(other).entities.some((e) => e.id === 'place:berlin' || e.id === 'country:DE')).toBe(true);
    },
    GENEROUS_MS,
  );

  it(
    'handles a 100,000-character sentence and a deeply repeated name',
    () => {
      const long = 'Mr Smith and ' + Array.from({ length: 12_000 }, (_, i) => `Alpha Beta${i % 10} Gamma`).join(' and ') + ' met.';
      const a = analyzeEntities(long.slice(0, 100_000));
      expect(a.sentences.length).toBeGreaterThan(0);
      expect(a.sentences.every((s) => s.end - s.start < 100_000)).toBe(true);
      for (const m of a.mentions) expect(long.slice(m.start, m.end)).toBe(m.text);
      const repeated = 'Kendler '.repeat(100_000);
      const repeatedText = 'Commerce official Thea Kendler spoke. ' + repeated;
      const b = analyzeEntities(repeatedText);
      expect(b.entities.some((e) => e.id === 'person:thea-kendler')).toBe(true);
      for (const m of b.mentions) expect(repeatedText.slice(m.start, m.end)).toBe(m.text);
      const caps = 'GAZPROM ROSNEFT LUKOIL '.repeat(30_000);
      expect(analyzeEntities(caps).entities.length).toBeGreaterThan(0);
    },
    GENEROUS_MS,
  );
});
