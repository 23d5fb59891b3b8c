import { describe, expect, it } from 'vitest';
import type { ExtractedRelation } from '@newsgraph/shared';
import { analyzeEntities } from '../src/index.ts';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * Constructions of modern sanctions and export-control reporting (branch `sanc`, issues 9 and
 * 10). Sentences are our own, not taken from any corpus or from eval/dev-sanctions; relation
 * tests mark entities by hand so the rules are tested apart from the recognizer.
 */

function claims(markup: string, predicate?: string): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .filter((r: ExtractedRelation) => !predicate || r.predicate === predicate)
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.rule}`)
    .sort();
}

const P = (name: string): string => `[[${name}|Person]]`;
const C = (name: string): string => `[[${name}|Country]]`;
const L = (name: string): string => `[[${name}|Place]]`;
const O = (name: string): string => `[[${name}|Organization]]`;
const G = (name: string): string => `[[${name}|Goods]]`;

describe('a possessive title in apposition is the subject', () => {
  it('gives the visit to the named office-holder, not the country of the title', () => {
    expect(claims(`${C('France')}'s trade minister, ${P('Claire Dubois')}, will travel to ${L('Hanoi')} next week.`, 'VISITED')).toEqual([
      'person:claire-dubois VISITED place:hanoi visit.verb',
    ]);
    expect(claims(`${C('Italy')}'s economy minister, ${P('Marco Rossi')}, said on a visit to ${L('Cairo')} that talks went well.`, 'VISITED')).toEqual([
      'person:marco-rossi VISITED place:cairo visit.trip',
    ]);
    expect(claims(`The ${O('Nordic Council')}'s special envoy for trade, ${P('Jan Berg')}, arrived in ${L('Tunis')} on Monday.`, 'VISITED')).toEqual([
      'person:jan-berg VISITED place:tunis visit.verb',
    ]);
  });

  it('keeps the country when no title stands between it and the name', () => {
    // "France, Claire Dubois and ..." is a list, not an apposition.
    expect(claims(`${C('Spain')}'s decision, ${P('Ana Ruiz')} said, was final. ${C('Spain')} will travel to ${L('Lima')}.`, 'VISITED')).toEqual([
      'country:spain VISITED place:lima visit.verb',
    ]);
  });
});

describe('visit-by: a visit noun with its visitor after "by"', () => {
  it('reads the visitor after "by", with a time phrase and adjectives between', () => {
    expect(claims(`The talks followed a visit to ${L('Lisbon')} in March by ${P('Helen Ward')}.`, 'VISITED')).toEqual([
      'person:helen-ward VISITED place:lisbon visit-by.noun',
    ]);
    expect(claims(`Banks tightened checks after a trip to ${L('Oslo')} last week by senior ${O('Finance Ministry')} officials.`, 'VISITED')).toEqual([
      'org:finance-ministry VISITED place:oslo visit-by.noun',
    ]);
    expect(claims(`A visit to ${L('Doha')} by ${P('Ann Holt')} and ${P('Tom Reyes')} is planned.`, 'VISITED')).toEqual([
      'person:ann-holt VISITED place:doha visit-by.noun',
      'person:tom-reyes VISITED place:doha visit-by.list',
    ]);
  });

  it('needs the visit noun and "by" right after the place', () => {
    expect(claims(`The road to ${L('Oslo')} by ${P('Helen Ward')} was long.`, 'VISITED')).toEqual([]);
    expect(claims(`A visit to ${L('Doha')} was praised by ${P('Ann Holt')}.`, 'VISITED')).toEqual([]);
  });
});

describe('shipped-via: carrying and flying verbs', () => {
  it('reads carry, fly and sail before "through"/"via"', () => {
    expect(claims(`Smugglers carry ${G('microchips')} through ${C('Montenegro')}.`, 'SHIPPED_VIA')).toEqual(['goods:microchips SHIPPED_VIA country:montenegro shipped-via.verb']);
    expect(claims(`The airline flies ${G('drones')} via ${C('Armenia')} each week.`, 'SHIPPED_VIA')).toEqual(['goods:drones SHIPPED_VIA country:armenia shipped-via.verb']);
  });
});

describe('goods: sense checks and named systems', () => {
  const goods = (text: string): string[] =>
    analyzeEntities(text)
      .entities.filter((e) => e.type === 'Goods')
      .map((e) => e.name)
      .sort();

  it('does not read what a factory, maker or programme makes as goods traded', () => {
    expect(goods('Output at the arms factories near the border doubled, officials said, as exports rose.')).toEqual([]);
    expect(goods('The sanctions hit a drone maker and two missile programmes.')).toEqual([]);
    expect(goods('Workers at the ammunition plant went on strike over military pay.')).toEqual([]);
    // The goods themselves are still read in the same kind of sentence.
    expect(goods('The factory exported drones and ammunition to the army.')).toEqual(['ammunition', 'drones']);
  });

  it('reads tankers and vessels as goods only when sold, bought, built or exported', () => {
    expect(goods('Old tankers carrying crude oil left the port despite the sanctions.')).toEqual(['oil']);
    expect(goods('Greece sold two tankers to a Liberian buyer.')).toEqual(['vessels']);
    expect(goods('Exports of container ships from Korea rose.')).toEqual(['vessels']);
  });

  it('keeps each named weapon system its own entity, with its family', () => {
    const a = analyzeEntities('Iran supplied Mohajer drones and Kalibr missiles to the army, and Iskander launchers arrived.');
    const named = a.entities.filter((e) => e.type === 'Goods' && e.attributes.family);
    expect(named.map((e) => `${e.name}/${e.attributes.family}`).sort()).toEqual(['Iskander/missile families', 'Kalibr/missile families', 'Mohajer/drone families']);
  });

  it('knows components and materials of the export-control lists', () => {
    expect(goods('Exports of thermostats, DC motors, navigation modules and radio transmitters were banned.')).toEqual([
      'cameras and transmitters',
      'electric motors',
      'navigation equipment',
      'thermostats',
    ]);
    expect(goods('The firm shipped propellant chemicals, fuzes and graphics processors to the army.')).toEqual(['detonators', 'propellants', 'semiconductors']);
    expect(goods('Japan banned exports of construction machinery and electric vehicles.')).toEqual(['construction machinery', 'vehicles']);
  });
});

describe('entities of sanctions reporting', () => {
  const named = (text: string): string[] =>
    analyzeEntities(text)
      .entities.filter((e) => e.type !== 'Goods')
      .map((e) => `${e.type}:${e.name}`)
      .sort();

  it('reads a long country name once, not its tail as another country', () => {
    // Before: "Republic of Korea" inside it was also read, as South Korea.
    expect(named("The Democratic People's Republic of Korea fired two rockets on Sunday.")).toEqual(['Country:North Korea']);
  });

  it('reads one word ending in "bank" as a bank, and Turkish "Bankasi" as a bank head', () => {
    const a = analyzeEntities('Depositors queued outside Halkbank and Ziraat Bankasi, while Tavrobank stayed shut.');
    const banks = a.entities.filter((e) => e.type === 'Organization').map((e) => `${e.name}/${e.attributes.kind}`).sort();
    expect(banks).toEqual(['Halkbank/Bank', 'Tavrobank/Bank', 'Ziraat Bankasi/Bank']);
    expect(named('The riverbank flooded.')).toEqual([]);
  });

  it('reads firms named by technology heads as organizations, not people', () => {
    expect(named('Analysts said Tarnow Microsystems and Velder Compute gained market share.')).toEqual([
      'Organization:Tarnow Microsystems',
      'Organization:Velder Compute',
    ]);
  });
});

describe('sanctions: proxies, asset freezes and described list entries', () => {
  it('reads "a network of firms in A and B" as sanctions on the countries', () => {
    expect(claims(`The ${O('Treasury')} sanctioned a network of firms in ${C('Turkey')} and ${C('Georgia')}.`, 'SANCTIONS')).toEqual([
      'org:treasury SANCTIONS country:georgia sanctions.list',
      'org:treasury SANCTIONS country:turkey sanctions.proxy',
    ]);
  });

  it('reads "froze the assets of N companies in A, B and C" as sanctions on each country', () => {
    expect(claims(`${C('Canada')} on Monday froze the assets of nine companies in ${C('Belarus')}, ${C('Armenia')} and ${C('Kazakhstan')}.`, 'SANCTIONS')).toEqual([
      'country:canada SANCTIONS country:armenia sanctions.asset-freeze',
      'country:canada SANCTIONS country:belarus sanctions.asset-freeze',
      'country:canada SANCTIONS country:kazakhstan sanctions.asset-freeze',
    ]);
    // A freeze of one's own reserves names no target country.
    expect(claims(`${C('Canada')} froze the assets of its citizens abroad.`, 'SANCTIONS')).toEqual([]);
  });

  it('reads a list entry named after a short description', () => {
    expect(claims(`${C('Britain')} added the ${L('Minsk')}-based trader ${O('Orsha Metals Ltd')} to its list of sanctioned entities.`, 'SANCTIONS')).toEqual([
      'country:britain SANCTIONS org:orsha-metals-ltd sanctions.entity-list',
    ]);
    // A clause between is no description.
    expect(claims(`${C('Britain')} added the firms that ${O('Orsha Metals Ltd')} owns to its list of sanctioned entities.`, 'SANCTIONS')).toEqual([]);
  });
});

describe('located-described: members after a plural noun and a comma', () => {
  it('locates each member of a closed list after "<demonym> lenders,"', () => {
    expect(claims(`Two large ${'[[Turkish|Country|country:TR|adj]]'} lenders, ${O('Kaya Bank')} and ${O('Sel Bank')}, cut ties.`, 'LOCATED_IN')).toEqual([
      'org:kaya-bank LOCATED_IN country:TR located-described.noun',
      'org:sel-bank LOCATED_IN country:TR located-described.list',
    ]);
  });

  it('does not take a single apposed name or a speaker after the comma', () => {
    expect(claims(`${'[[Dutch|Country|country:NL|adj]]'} firms, ${O('Velder Group')} said, were cautious.`, 'LOCATED_IN')).toEqual([]);
  });
});

describe('"the bloc" looks back past five sentences', () => {
  it('resolves the bloc to the international organization named early in the story', () => {
    const story = [
      `The [[European Union|Organization|org:eu|kind=InternationalOrganization]] sent an envoy to ${L('Astana')}.`,
      'Talks began on Monday.',
      'They covered customs data.',
      'Officials met again on Tuesday.',
      'A statement followed.',
      'Traders were cautious.',
      `The ${O('European Commission')} is drafting the bloc's seventh package of sanctions against ${C('Belarus')}.`,
    ].join(' ');
    expect(claims(story, 'SANCTIONS')).toEqual(['org:eu SANCTIONS country:belarus sanctions.noun.description']);
  });
});

describe('supplies: the forces or industry of a country as recipient, and "which it said sold"', () => {
  const RU = '[[Russian|Country|country:RU|adj]]';
  it('reads "to Russian military factories", "to the Russian army", "to a Russian ammunition plant"', () => {
    expect(claims(`${O('Velder Group')} supplied ${G('drones')} to ${RU} military factories.`, 'SUPPLIES')).toEqual(['org:velder-group SUPPLIES country:RU supplies.to']);
    expect(claims(`${O('Velder Group')} sold ${G('ammunition')} to the ${RU} army.`, 'SUPPLIES')).toEqual(['org:velder-group SUPPLIES country:RU supplies.to']);
    expect(claims(`${C('Norland')} designated ${O('Kaya Materials')}, which it said sold ${G('nitrocellulose')} to a ${RU} ammunition plant.`, 'SUPPLIES')).toEqual([
      'org:kaya-materials SUPPLIES country:RU supplies.to',
    ]);
  });

  it('does not read a demonym before other people as the country supplied', () => {
    expect(claims(`${O('Velder Group')} sold ${G('drones')} to ${RU} tourists.`, 'SUPPLIES')).toEqual([]);
  });

  it('reads a capital after a supply verb as its government', () => {
    const countries = (text: string): string[] =>
      analyzeEntities(text)
        .entities.filter((e) => e.type === 'Country')
        .map((e) => `${e.name}[${e.mentions.map((m) => m.text).join('|')}]`);
    expect(countries('Iran has also supplied missiles and drones to Moscow.')).toEqual(['Iran[Iran]', 'Russia[Moscow]']);
    expect(countries('Tourists flew to Moscow.')).toEqual([]);
    expect(countries('She sold her flat and moved to Moscow.')).toEqual([]);
  });
});

describe('sanctions-listed: the names a designation lists in the next sentence', () => {
  it('reads "The list includes", "The designations target" and "named the companies as"', () => {
    expect(
      claims(`${C('Canada')} on Friday froze the assets of nine companies in ${C('Belarus')}. The list includes ${L('Minsk')}-based ${O('Orsha Metals Ltd')} and ${O('Gomel Trading')}.`, 'SANCTIONS'),
    ).toEqual([
      'country:canada SANCTIONS country:belarus sanctions.asset-freeze',
      'country:canada SANCTIONS org:gomel-trading sanctions-listed.list.pronoun',
      'country:canada SANCTIONS org:orsha-metals-ltd sanctions-listed.includes.pronoun',
    ]);
    expect(
      claims(`The ${O('Treasury')} on Monday imposed sanctions on three firms. ${O('OFAC')} named the companies as ${O('Volna Shipping')}, ${O('Dnestr Maritime')} and ${O('Kura Logistics')}.`, 'SANCTIONS'),
    ).toEqual([
      'org:ofac SANCTIONS org:dnestr-maritime sanctions-listed.list',
      'org:ofac SANCTIONS org:kura-logistics sanctions-listed.list',
      'org:ofac SANCTIONS org:volna-shipping sanctions-listed.includes',
    ]);
  });

  it('needs a sanctions sentence just before', () => {
    expect(claims(`The police named the suspects as ${P('John Smith')}. The list includes ${P('Anna Berg')}.`, 'SANCTIONS')).toEqual([]);
  });
});

describe('coordinated departments', () => {
  it('links "Treasury and Commerce officials" to both departments', () => {
    const orgs = (text: string): string[] =>
      analyzeEntities(text)
        .entities.filter((e) => e.type === 'Organization')
        .map((e) => e.name)
        .sort();
    expect(orgs('Treasury and Commerce officials will brief insurers in Washington on Friday.')).toEqual(['US Department of Commerce', 'US Department of the Treasury']);
    expect(orgs('Commerce and Treasury officials met bankers in Washington.')).toEqual(['US Department of Commerce', 'US Department of the Treasury']);
    // Without a coordinated department and staff, "commerce" stays ordinary.
    expect(orgs('Tourism and Commerce grew in Washington last year.')).toEqual([]);
  });
});
