import { describe, expect, it } from 'vitest';
import { claimsOfRule, textClaims } from './relation-claims.ts';
import { analysisFromMarkup } from './relations-fixture.ts';
import { buildSentenceContexts, type RelationCandidate, type SentenceContext } from '../src/relations/sentence-context.ts';
import { suppliesForRule } from '../src/relations/rules/supplies-for.ts';

/** One rule family's candidates on marked-up text, without the engine's merge of families: "subject PREDICATE object rule". */
function ruleAlone(run: (ctx: SentenceContext) => RelationCandidate[], markup: string): string[] {
  return buildSentenceContexts(analysisFromMarkup(markup))
    .flatMap(run)
    .map((c) => `${c.subject === 'ARTICLE' ? 'ARTICLE' : c.subject.entityId} ${c.predicate} ${c.object.entityId} ${c.rule}`)
    .sort();
}

/**
 * Cross-sentence constructions of sanctions reporting (branch `rels`, issue 10): plural
 * references to a list named before, "Its director, X", a cargo's origin carried to its buyers, a
 * meeting held in a place. Sentences are our own, not taken from any corpus or eval set; most mark
 * entities by hand so the rules are tested apart from the recognizer.
 */

const P = (name: string): string => `[[${name}|Person]]`;
const C = (name: string): string => `[[${name}|Country]]`;
const A = (name: string, id: string): string => `[[${name}|Country|${id}|adj]]`;
const L = (name: string): string => `[[${name}|Place]]`;
const O = (name: string): string => `[[${name}|Organization]]`;
const F = (name: string): string => `[[${name}|Organization||kind=Company]]`;
const B = (name: string): string => `[[${name}|Organization||kind=Bank]]`;
const G = (name: string): string => `[[${name}|Goods]]`;

describe('sanctions-plural: "the same three firms" after a list', () => {
  it('gives every member of the list to every sanctioner', () => {
    const text = `The agency named the firms as ${F('Alder Shipping')}, ${F('Birch Marine')} and ${F('Cedar Lines')}. All three run old tankers. ${C('Norway')} and ${C('Iceland')} sanctioned the same three firms on Monday.`;
    expect(claimsOfRule(text, 'sanctions-plural')).toEqual([
      'country:iceland SANCTIONS org:alder-shipping sanctions-plural.phrase.description',
      'country:iceland SANCTIONS org:birch-marine sanctions-plural.phrase.description',
      'country:iceland SANCTIONS org:cedar-lines sanctions-plural.phrase.description',
      'country:norway SANCTIONS org:alder-shipping sanctions-plural.phrase.description',
      'country:norway SANCTIONS org:birch-marine sanctions-plural.phrase.description',
      'country:norway SANCTIONS org:cedar-lines sanctions-plural.phrase.description',
    ]);
  });

  it('reads nothing when the number does not fit the list, or when no list is named', () => {
    expect(claimsOfRule(`Reports named ${F('Alder Shipping')} and ${F('Birch Marine')}. ${C('Norway')} sanctioned the three firms.`, 'sanctions-plural')).toEqual([]);
    expect(claimsOfRule(`${F('Alder Shipping')} runs tankers. ${C('Norway')} sanctioned the firms.`, 'sanctions-plural')).toEqual([]);
  });

  it('takes only banks for "the banks"', () => {
    const text = `Regulators fined ${B('Harbour Bank')} and ${B('Summit Bank')}. ${C('Chile')} later sanctioned the banks.`;
    expect(claimsOfRule(text, 'sanctions-plural')).toEqual([
      'country:chile SANCTIONS org:harbour-bank sanctions-plural.phrase.description',
      'country:chile SANCTIONS org:summit-bank sanctions-plural.phrase.description',
    ]);
    expect(claimsOfRule(`Regulators fined ${F('Alder Shipping')} and ${F('Birch Marine')}. ${C('Chile')} later sanctioned the banks.`, 'sanctions-plural')).toEqual([]);
  });
});

describe('supplies-plural: "the firms shipped X to Y"', () => {
  it('makes every member of the list a supplier of the recipient, past goods and appositives', () => {
    const text = `The list covers ${F('Delta Parts')} and ${F('Echo Tools')}. Officials said the firms shipped ${G('bearings')}, ${G('valves')} and ${G('sensors')}, parts used in engines, to ${F('Kestrel Arms')}.`;
    expect(claimsOfRule(text, 'supplies-plural')).toEqual([
      'org:delta-parts SUPPLIES org:kestrel-arms supplies-plural.phrase.description',
      'org:echo-tools SUPPLIES org:kestrel-arms supplies-plural.phrase.description',
    ]);
  });

  it('reads "accusing them of supplying X to Y"', () => {
    const text = `${C('Peru')} sanctioned ${F('Delta Parts')} and ${F('Echo Tools')} on Friday. Officials accused them of supplying ${G('drone parts')} to ${C('Ruritania')}.`;
    expect(claimsOfRule(text, 'supplies-plural')).toEqual([
      'org:delta-parts SUPPLIES country:ruritania supplies-plural.phrase.description',
      'org:echo-tools SUPPLIES country:ruritania supplies-plural.phrase.description',
    ]);
  });
});

describe('urge-plural: the banks, and the people just met', () => {
  it('reads "He urged the banks to ..." for the banks named before', () => {
    const text = `${P('Mark Tully')} met executives of ${B('Harbour Bank')} and ${B('Summit Bank')}. He urged the banks to check every payment.`;
    expect(claimsOfRule(text, 'urge-plural')).toEqual([
      'person:mark-tully URGED org:harbour-bank urge-plural.phrase.pronoun',
      'person:mark-tully URGED org:summit-bank urge-plural.phrase.pronoun',
    ]);
  });

  it('reads "met Chilean officials and urged them to" as urging the country', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} met ${A('Chilean', 'country:chile')} customs officials and urged them to stop the trade.`, 'urge-plural')).toEqual([
      'person:ana-lopes URGED country:chile urge-plural.met.description',
    ]);
    // A demonym that is not a group of people met ("met Chilean demands") is nobody to urge.
    expect(claimsOfRule(`${P('Ana Lopes')} met ${A('Chilean', 'country:chile')} demands and urged them to stop.`, 'urge-plural')).toEqual([]);
  });
});

describe('role-its: "Its director, X"', () => {
  it('reads the subject of the sentence before, or the company that "The company" stands for', () => {
    expect(claimsOfRule(`${C('Moldova')} had blocked the deal for a month. Its foreign minister, ${P('Ion Rusu')}, said it was fair.`, 'role-its')).toEqual([
      'person:ion-rusu HOLDS_ROLE country:moldova role-its.previous.description',
    ]);
    const text = `${F('Falcon Optics')} sold lenses to ${F('Orbit Systems')}. The company denied any wrongdoing. Its director, ${P('Lena Park')}, said the lenses were civilian.`;
    expect(claimsOfRule(text, 'role-its')).toEqual(['person:lena-park HOLDS_ROLE org:falcon-optics role-its.previous.description']);
  });

  it('reads "Y said its chief executive, X," and checks the post against the owner', () => {
    expect(claimsOfRule(`${F('Falcon Optics')} said its chief executive, ${P('Lena Park')}, would resign.`, 'role-its')).toEqual([
      'person:lena-park HOLDS_ROLE org:falcon-optics role-its.clause',
    ]);
    // A company has no foreign minister; a country no director.
    expect(claimsOfRule(`${F('Falcon Optics')} lost the case. Its foreign minister, ${P('Lena Park')}, said so.`, 'role-its')).toEqual([]);
    expect(claimsOfRule(`${C('Moldova')} lost the case. Its director, ${P('Ion Rusu')}, said so.`, 'role-its')).toEqual([]);
  });
});

describe('supplies-cargo: a cargo with a written origin reaches buyers in a country', () => {
  it('gives the origin of the goods to the countries of the buyers', () => {
    const text = `Old tankers carrying ${A('Ruritanian', 'country:ruritania')} ${G('oil')} cross the straits every week. The ships load ${G('oil')} at two ports and sail to buyers in ${C('Chile')} and ${C('Peru')}.`;
    expect(claimsOfRule(text, 'supplies-cargo')).toEqual([
      'country:ruritania SUPPLIES country:chile supplies-cargo.route.description',
      'country:ruritania SUPPLIES country:peru supplies-cargo.route.description',
    ]);
  });

  it('leaves a sentence with its own trader to the general rules, and other goods alone', () => {
    const text = `Tankers carry ${A('Ruritanian', 'country:ruritania')} ${G('oil')} across the sea. ${F('Falcon Trading')} sold the cargoes to buyers in ${C('Chile')}.`;
    expect(claimsOfRule(text, 'supplies-cargo')).toEqual([]);
    const other = `Tankers carry ${A('Ruritanian', 'country:ruritania')} ${G('oil')} across the sea. Freighters take ${G('wheat')} to buyers in ${C('Chile')}.`;
    expect(claimsOfRule(other, 'supplies-cargo')).toEqual([]);
  });
});

describe('visit-meeting: a meeting held in a place', () => {
  it('gives the meeting subject a visit to the place, also through a pronoun', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} met ${P('Ion Rusu')} in ${L('Valletta')} in May.`, 'visit-meeting')).toEqual([
      'person:ana-lopes VISITED place:valletta visit-meeting.in-place',
    ]);
    expect(claimsOfRule(`${P('Ana Lopes')} left on Monday. She is due to meet her counterparts in ${L('Valletta')} on Friday.`, 'visit-meeting')).toEqual([
      'person:ana-lopes VISITED place:valletta visit-meeting.in-place.pronoun',
    ]);
  });

  it('reads no visit when "in" belongs to another verb', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} met ${P('Ion Rusu')} and signed a deal to open an office in ${L('Valletta')}.`, 'visit-meeting')).toEqual([]);
    expect(claimsOfRule(`${P('Ana Lopes')} met ${P('Ion Rusu')}, who said prices rose in ${L('Valletta')}.`, 'visit-meeting')).toEqual([]);
  });

  it('reads no visit by an official at home (whole extractor: the title names the city\'s country)', () => {
    expect(textClaims("Japan's foreign minister, Yumiko Kato, held talks in Tokyo on Friday with Peru's president.", 'VISITED')).toEqual([]);
    expect(textClaims("Japan's foreign minister, Yumiko Kato, held talks in Lima on Friday with Peru's president.", 'VISITED')).toEqual(['Yumiko Kato VISITED Lima']);
  });
});

describe('meet-place: the place and time of a meeting before the people met', () => {
  it('reads the people after "in <place> <time> with"', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} held talks in ${L('Valletta')} on Friday with ${P('Ion Rusu')}.`, 'meet-place')).toEqual([
      'person:ana-lopes MET_WITH person:ion-rusu meet-place.with',
    ]);
    expect(claimsOfRule(`${P('Ana Lopes')} met in ${L('Valletta')} last week with ${A('Maltese', 'country:malta')} officials.`, 'meet-place')).toEqual([
      'country:malta MET_WITH person:ana-lopes meet-place.with',
    ]);
  });

  it('reads nobody after "in <place>" when no "with" follows', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} held talks in ${L('Valletta')} on Friday about ${G('wheat')}.`, 'meet-place')).toEqual([]);
  });
});

describe('sanctions-listed.among: the countries of the listed firms', () => {
  it('reads "Among them are firms in A and B" after a sanctions package', () => {
    const text = `The ${O('Atlantic Council of States')} approved its fifth package of sanctions on Monday. The package adds 40 companies to a list. Among them are firms in ${C('Chile')}, ${C('Peru')} and ${C('Bolivia')}.`;
    expect(claimsOfRule(text, 'sanctions-listed.among')).toEqual([
      'org:atlantic-council-of-states SANCTIONS country:bolivia sanctions-listed.among.pronoun',
      'org:atlantic-council-of-states SANCTIONS country:chile sanctions-listed.among.pronoun',
      'org:atlantic-council-of-states SANCTIONS country:peru sanctions-listed.among.pronoun',
    ]);
  });

  it('reads nothing without a sanctions sentence before', () => {
    expect(claimsOfRule(`The fair drew 40 companies. Among them are firms in ${C('Chile')} and ${C('Peru')}.`, 'sanctions-listed')).toEqual([]);
  });
});

describe('subjects and references across a lead', () => {
  it('finds the subject after a dateline and a name apposed after its title', () => {
    expect(claimsOfRule(`VALLETTA -- The ${O('Atlantic Council of States')}'s special envoy, ${P('Ana Lopes')}, arrived in ${L('Valletta')} on Monday.`, 'visit')).toEqual([
      'person:ana-lopes VISITED place:valletta visit.verb',
    ]);
  });

  it('carries an opening description of a person to the next "he"', () => {
    // Without the carried subject, "he" would take Rusu, the person named in the nearest sentence.
    const text = `${P('Mark Tully')}, the trade envoy, arrived in ${L('Valletta')}. ${P('Ion Rusu')} told reporters the talks went well. The envoy is due in ${L('Lima')} on Friday. In May he urged ${C('Peru')} to stop the trade.`;
    expect(claimsOfRule(text, 'urge')).toEqual(['person:mark-tully URGED country:peru urge.verb.pronoun']);
  });

  it('reads a possessive title set off by a comma as the person met', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} met ${C('Peru')}'s trade minister, ${P('Ion Rusu')}, on Friday.`, 'meet')).toEqual([
      'person:ana-lopes MET_WITH person:ion-rusu meet.verb',
    ]);
  });

  it('reads a warning past a time phrase', () => {
    expect(claimsOfRule(`${O('State Bureau')} warned ${C('Peru')} last year against re-exporting chips.`, 'urge.warn')).toEqual([
      'org:state-bureau URGED country:peru urge.warn',
    ]);
  });
});

describe('supplies-for: the reason a party was punished', () => {
  it('makes the punished party the seller of the gerund after "for"', () => {
    const text = `The ${O('Atlantic Council of States')} added the ${L('Dubai')}-registered trader ${F('Falcon Trading')} to its list of sanctioned companies for selling ${G('drone engines')} to the ${A('Ruritanian', 'country:ruritania')} army.`;
    expect(claimsOfRule(text, 'supplies-for')).toEqual(['org:falcon-trading SUPPLIES country:ruritania supplies-for.punished']);
    // Run alone: another SUPPLIES family reads this sentence too, and the engine keeps one claim per triple.
    expect(ruleAlone(suppliesForRule, `${C('Peru')} sanctioned three ${A('Chilean', 'country:chile')} firms in May for supplying ${G('chips')} to ${C('Ruritania')}.`)).toEqual([
      'country:chile SUPPLIES country:ruritania supplies-for.punished',
    ]);
  });

  it('reads nothing when the verb punishes nobody, or no buyer follows', () => {
    expect(claimsOfRule(`Officials praised ${F('Falcon Trading')} for selling ${G('chips')} to ${C('Peru')}.`, 'supplies-for')).toEqual([]);
    expect(claimsOfRule(`${C('Peru')} sanctioned ${F('Falcon Trading')} for selling such goods.`, 'supplies-for')).toEqual([]);
  });
});

describe('supplies-for in the passive', () => {
  it('makes the passive subject the seller, never the punisher after "by"', () => {
    expect(ruleAlone(suppliesForRule, `${F('Falcon Trading')} was sanctioned by the ${O('State Bureau')} for shipping ${G('chips')} to ${C('Ruritania')}.`)).toEqual([
      'org:falcon-trading SUPPLIES country:ruritania supplies-for.punished',
    ]);
  });
});

describe('visit-meeting: hosts and blocs', () => {
  it('reads no visit for a coordinated pair meeting in a place, nor for a bloc', () => {
    expect(claimsOfRule(`${P('Ana Lopes')} and ${P('Ion Rusu')} will meet in ${L('Valletta')} in May.`, 'visit-meeting')).toEqual([]);
    expect(claimsOfRule(`${P('Ana Lopes')} and ${A('Maltese', 'country:malta')} Foreign Minister ${P('Ion Rusu')} will meet in ${L('Valletta')} in May.`, 'visit-meeting')).toEqual([]);
    expect(claimsOfRule(`[[Atlantic Council of States|Organization||kind=InternationalOrganization]] leaders are holding talks in ${L('Valletta')} on trade.`, 'visit-meeting')).toEqual([]);
    // A national agency's delegation does travel.
    expect(claimsOfRule(`A delegation from the [[State Bureau|Organization||kind=GovernmentAgency]] held talks in ${L('Valletta')} on Monday.`, 'visit-meeting')).toEqual([
      'org:state-bureau VISITED place:valletta visit-meeting.in-place',
    ]);
  });
});
