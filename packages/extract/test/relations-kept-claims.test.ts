import { describe, expect, it } from 'vitest';
import { extractRelations, extractRelationsDetailed } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * The engine keeps, per subject, predicate, object and sentence, the most confident claim, and
 * writes the evidence fields in one order with the optional ones only when set. The kept claims'
 * confidences are held beside them (the loop never reads evidence back, for speed), so these
 * pin what that bookkeeping must preserve. Names invented, hand-marked.
 */

const RV = '[[Tomas Reval|Person]]';
const AV = '[[Ada Voss|Person]]';
const PH = '[[Per Holm|Person]]';
const VE = '[[Velmar|Country|country:VE]]';
const NL = '[[Norland|Country|country:NL]]';

const EVIDENCE_ORDER = ['sentence', 'start', 'end', 'rule', 'confidence', 'modality', 'antecedent'];

describe('kept claims', () => {
  it('keeps one claim per sides, predicate and sentence: the most confident', () => {
    // urge.verb (0.8) and the weaker "asked ... to" reading name the same pair in one sentence.
    const urged = extractRelations(analysisFromMarkup(`${VE} urged ${NL} to act and ${VE} asked ${NL} to stop.`)).filter((r) => r.predicate === 'URGED');
    expect(urged).toHaveLength(1);
    expect(urged[0]).toMatchObject({ subject: 'country:VE', object: 'country:NL', evidence: { rule: 'urge.verb', confidence: 0.8 } });
    // meet.verb (0.8) and "the two leaders held talks" (meet.two-sides, lower) are the same meeting.
    const met = extractRelations(analysisFromMarkup(`${RV} met ${AV}, and the two leaders held talks.`)).filter((r) => r.predicate === 'MET_WITH');
    expect(met).toHaveLength(1);
    expect(met[0]?.evidence).toMatchObject({ rule: 'meet.verb', confidence: 0.8 });
  });

  it('writes evidence fields in one order, modality and antecedent only when set', () => {
    const relations = extractRelationsDetailed(analysisFromMarkup(`${RV} will meet ${AV} in [[Kerrin|Place]]. He met ${PH} on Friday. ${VE} urged ${NL} to act.`));
    const planned = relations.find((r) => r.evidence.rule === 'meet.verb');
    const pronoun = relations.find((r) => r.evidence.rule === 'meet.verb.pronoun');
    const asserted = relations.find((r) => r.evidence.rule === 'urge.verb');
    expect(Object.keys(planned?.evidence ?? {})).toEqual(['sentence', 'start', 'end', 'rule', 'confidence', 'modality']);
    expect(planned?.evidence.modality).toBe('planned');
    expect(Object.keys(pronoun?.evidence ?? {})).toEqual(['sentence', 'start', 'end', 'rule', 'confidence', 'antecedent']);
    expect(pronoun?.evidence.antecedent).toEqual({ sentence: `Tomas Reval will meet Ada Voss in Kerrin.`, start: 0, end: 41 });
    expect(Object.keys(asserted?.evidence ?? {})).toEqual(['sentence', 'start', 'end', 'rule', 'confidence']);
    for (const r of relations) {
      const keys = Object.keys(r.evidence);
      expect(keys).toEqual(EVIDENCE_ORDER.filter((k) => keys.includes(k)));
    }
    // Sorted by sentence, and no two claims share sides, predicate and sentence.
    const starts = relations.map((r) => r.evidence.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const keys = relations.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.start}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the outlet claim about the article beside the sentence claims', () => {
    const relations = extractRelationsDetailed(analysisFromMarkup(`${VE} urged ${NL} to act, [[The Varna Herald|Organization||kind=MediaOutlet]] reported.`), { outlet: 'The Varna Herald' });
    const outlet = relations.find((r) => r.evidence.rule === 'reported-by.outlet');
    expect(outlet).toMatchObject({ subject: 'ARTICLE', predicate: 'REPORTED_BY', evidence: { confidence: 1, start: 0 } });
    expect(relations.filter((r) => r.subject === 'ARTICLE' && r.predicate === 'REPORTED_BY')).toHaveLength(1);
  });
});
