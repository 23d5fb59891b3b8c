import { describe, expect, it } from 'vitest';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';
import { claimsOfRule } from './relation-claims.ts';

/**
 * Targets a sanctions sentence describes and a later sentence names (branch `coref`, issue 10
 * item 3). Our own sentences, not taken from any corpus or evaluation set; entities are marked by
 * hand so the rule is tested apart from the recognizer.
 */

const P = (name: string): string => `[[${name}|Person]]`;
const C = (name: string): string => `[[${name}|Country]]`;
const L = (name: string): string => `[[${name}|Place]]`;
const O = (name: string, kind = 'Company'): string => `[[${name}|Organization||kind=${kind}]]`;
const rule = 'sanctions-described';

describe('sanctions-described.named-after: a counted description, then the names', () => {
  it('reads "They are A, B and C" after "sanctioned three firms"', () => {
    expect(claimsOfRule(`${C('Canada')} on Tuesday sanctioned three firms in ${C('Serbia')}. They are ${O('Drina Trade')}, ${O('Morava Logistics')} and ${O('Tara Metals')}.`, rule)).toEqual([
      'country:canada SANCTIONS org:drina-trade sanctions-described.named-after.description',
      'country:canada SANCTIONS org:morava-logistics sanctions-described.named-after.description',
      'country:canada SANCTIONS org:tara-metals sanctions-described.named-after.description',
    ]);
  });

  it('reads the names as the subject of what a public body says, with an appositive between them', () => {
    const text = `${C('Norway')} imposed sanctions on two freight companies in ${C('Georgia')} on Monday. The ${O('Foreign Ministry', 'GovernmentAgency')} said ${O('Kartli Cargo')}, registered in ${L('Poti')}, and ${O('Rioni Freight')} moved drone parts by road.`;
    expect(claimsOfRule(text, rule)).toEqual([
      'country:norway SANCTIONS org:kartli-cargo sanctions-described.named-after.description',
      'country:norway SANCTIONS org:rioni-freight sanctions-described.named-after.description',
    ]);
  });

  it('matches "a ... maker" to one new name and "three ... companies" to three', () => {
    const text = `The ${O('Council', 'InternationalOrganization')} added a Belarusian maker of optics and three Turkish trading companies to its sanctions list. The ${O('Council', 'InternationalOrganization')} said ${O('Polotsk Optics')} built sights for tanks. It accused ${O('Ege Dis Ticaret')}, ${O('Kartal Trade')} and ${O('Bosfor Makina')} of reselling lenses.`;
    expect(claimsOfRule(text, rule)).toEqual([
      'org:council SANCTIONS org:bosfor-makina sanctions-described.named-after.description',
      'org:council SANCTIONS org:ege-dis-ticaret sanctions-described.named-after.description',
      'org:council SANCTIONS org:kartal-trade sanctions-described.named-after.description',
      'org:council SANCTIONS org:polotsk-optics sanctions-described.named-after.description',
    ]);
  });

  it('reads the sanctions clause of the two sentences before, per document, and none further back', () => {
    const two = `${C('Canada')} sanctioned two firms. Talks went on. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`;
    const claims = ['country:canada SANCTIONS org:drina-trade sanctions-described.named-after.description', 'country:canada SANCTIONS org:tara-metals sanctions-described.named-after.description'];
    expect(claimsOfRule(two, rule)).toEqual(claims);
    expect(claimsOfRule(`${C('Canada')} sanctioned two firms. Talks went on. Nothing changed. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    // A document of the same layout with no sanctions clause, then the first again: what each
    // sentence holds is known per document, never carried over to another.
    expect(claimsOfRule(`${C('Canada')} courted two firms. Talks went on. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    expect(claimsOfRule(two, rule)).toEqual(claims);
  });

  it('records the sanctions sentence as the antecedent', () => {
    const text = `${C('Canada')} sanctioned two banks. They are ${O('Volga Credit Bank', 'Bank')} and ${O('Kama Savings Bank', 'Bank')}.`;
    const claims = extractRelations(analysisFromMarkup(text)).filter((r) => r.evidence.rule.startsWith(rule));
    expect(claims).toHaveLength(2);
    for (const c of claims) expect(c.evidence.antecedent?.start).toBe(0);
  });

  it('needs the count, the kind, new names and a speaker for the sanctioner', () => {
    // Three firms described, two named: which two of the three is not said.
    expect(claimsOfRule(`${C('Canada')} sanctioned three firms. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    // Two banks described, two companies that are no banks named.
    expect(claimsOfRule(`${C('Canada')} sanctioned two banks. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    // Named before the sanctions sentence: these are not the ones it describes.
    expect(claimsOfRule(`${O('Drina Trade')} and ${O('Tara Metals')} bid for the port. ${C('Canada')} sanctioned two firms. ${O('Drina Trade')} and ${O('Tara Metals')} said they would appeal.`, rule)).toEqual([]);
    // Another state speaking names its own companies, not the targets.
    expect(claimsOfRule(`${C('Canada')} sanctioned a Serbian firm. ${C('Serbia')} said ${O('Sava Energy')} had done nothing wrong.`, rule)).toEqual([]);
    // No sanctions verb, or a negated one.
    expect(claimsOfRule(`${C('Canada')} praised two firms. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    expect(claimsOfRule(`${C('Canada')} has not sanctioned two firms. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
    // Three sentences on: too far for a description to reach.
    expect(claimsOfRule(`${C('Canada')} sanctioned two firms. Talks stalled. Prices rose. They are ${O('Drina Trade')} and ${O('Tara Metals')}.`, rule)).toEqual([]);
  });
});

describe('sanctions-described.also-listed and .another', () => {
  it('reads every non-owner name of "Also listed were ..." back to the designation', () => {
    const text = `The ${O('Treasury', 'GovernmentAgency')} on Monday sanctioned ${O('Duna Trade')}. Its owner said the firm obeyed the law. Prices of drone parts rose. Also listed were ${P('Mark Vidal')}'s brother, ${P('Leon Vidal')}, and a second firm, ${O('Tisza Parts')}, which sold motors.`;
    expect(claimsOfRule(text, rule)).toEqual([
      'org:treasury SANCTIONS org:tisza-parts sanctions-described.also-listed.description',
      'org:treasury SANCTIONS person:leon-vidal sanctions-described.also-listed.description',
    ]);
  });

  it('needs an asserted designation before "Also listed were"', () => {
    expect(claimsOfRule(`${C('Hungary')} has not joined the sanctions. Also listed were ${O('Tisza Parts')} and ${O('Duna Trade')}.`, rule)).toEqual([]);
    expect(claimsOfRule(`The fair opened in ${L('Pecs')}. Also listed were ${O('Tisza Parts')} and ${O('Duna Trade')}.`, rule)).toEqual([]);
  });

  it('reads "Another, B," after "Among them is A", and "The list also includes" three sentences on', () => {
    const text = `The ${O('Commerce Department', 'GovernmentAgency')} added nine firms to its Entity List. Among them is ${O('Lumen Optics')}, a maker of lenses. Another, ${O('Pearl River Chips')}, sold processors. The list also includes ${O('Jade Gate Trading')}.`;
    expect(claimsOfRule(text, 'sanctions')).toEqual([
      'org:commerce-department SANCTIONS org:jade-gate-trading sanctions-listed.includes.pronoun',
      'org:commerce-department SANCTIONS org:lumen-optics sanctions.among.pronoun',
      'org:commerce-department SANCTIONS org:pearl-river-chips sanctions-described.another.pronoun',
    ]);
    expect(claimsOfRule(`${O('Lumen Optics')} won an award. Another, ${O('Pearl River Chips')}, sold processors.`, rule)).toEqual([]);
  });
});
