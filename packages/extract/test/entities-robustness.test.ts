import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';

// Promptness is asserted on this process's CPU time with generous bounds: these guard against
// super-linear blow-ups (which would take minutes), not against machine load. Speed itself is
// measured by `pnpm bench:extract`.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

describe('analyzeEntities on bad input', () => {
  it('handles empty and whitespace-only text', () => {
    expect(analyzeEntities('')).toEqual({ text: '', sentences: [], entities: [], mentions: [] });
    expect(analyzeEntities(' \n\t ').entities).toEqual([]);
    expect(() => analyzeEntities(null as unknown as string)).toThrow(/must be a string/);
  });

  it('returns promptly on 10 MB of prose and keeps offsets valid', () => {
    const para = 'Treasury Secretary Janet Yellen met officials from the United Arab Emirates in Dubai on Monday, Reuters reported. ';
    const text = para.repeat(Math.ceil(10_000_000 / para.length));
    const t0 = cpuMs();
    const a = analyzeEntities(text);
    expect(cpuMs() - t0).toBeLessThan(45_000);
    expect(a.entities.find((e) => e.id === 'person:janet-yellen')?.mentions.length).toBe(Math.ceil(10_000_000 / para.length));
    const last = a.mentions[a.mentions.length - 1];
    expect(last && text.slice(last.start, last.end)).toBe(last?.text);
  }, 180_000);

  it('survives binary garbage, pathological punctuation and non-English text', () => {
    let bin = '';
    for (let i = 0; i < 200_000; i++) bin += String.fromCharCode((i * 7919) % 65536);
    const punct = '((((((((((' + '.,;:!?"“”’'.repeat(50_000) + 'A.B.C.D.'.repeat(20_000);
    const other = 'Владимир Путин встретился с Си Цзиньпином в Москве. 习近平在北京会见了普京。 Die Bundesregierung in Berlin sagte am Montag. '.repeat(2_000);
    for (const text of [bin, punct, other]) {
      const t0 = cpuMs();
      const a = analyzeEntities(text);
      expect(cpuMs() - t0).toBeLessThan(20_000);
      for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(analyzeEntities(other).entities.some((e) => e.id === 'place:berlin' || e.id === 'country:DE')).toBe(true);
  }, 180_000);

  it('handles a 100,000-character sentence and a deeply repeated name', () => {
    const long = 'Mr Smith and ' + Array.from({ length: 12_000 }, (_, i) => `Alpha Beta${i % 10} Gamma`).join(' and ') + ' met.';
    const t0 = cpuMs();
    const a = analyzeEntities(long.slice(0, 100_000));
    expect(cpuMs() - t0).toBeLessThan(20_000);
    expect(a.sentences.every((s) => s.end - s.start < 100_000)).toBe(true);
    const repeated = 'Kendler '.repeat(100_000);
    const t1 = cpuMs();
    analyzeEntities('Commerce official Thea Kendler spoke. ' + repeated);
    expect(cpuMs() - t1).toBeLessThan(20_000);
    const caps = 'GAZPROM ROSNEFT LUKOIL '.repeat(30_000);
    expect(analyzeEntities(caps).entities.length).toBeGreaterThan(0);
  }, 180_000);
});
