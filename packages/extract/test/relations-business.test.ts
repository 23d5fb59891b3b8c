import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { extractRelations } from '../src/relations/extract-relations.ts';

/**
 * Constructions of business, commodity and trade wire stories (branch claims-biz, issue 10):
 * quantities in the goods phrase, company officers written without the company, units and
 * subsidiaries named with "its". Sentences are our own.
 */

/** "subject-name PREDICATE object-name rule" for the claims of one predicate, from plain text, sorted. */
function claims(text: string, predicate: string, rulePrefix = ''): string[] {
  const analysis = analyzeEntities(text);
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  return extractRelations(analysis)
    .filter((r) => r.predicate === predicate && r.evidence.rule.startsWith(rulePrefix))
    .map((r) => `${names.get(r.subject)} ${r.predicate} ${names.get(r.object)} ${r.evidence.rule}`)
    .sort();
}

describe('supplies: a quantity with thousands separators or decimals in the goods phrase', () => {
  it('reads "sold 180,000 tonnes of sugar to X"', () => {
    expect(claims('Thailand sold 215,000 tonnes of white sugar to Indonesia last month, traders said.', 'SUPPLIES')).toEqual([
      'Thailand SUPPLIES Indonesia supplies.to',
    ]);
  });

  it('reads "exported 1.5 mln barrels of crude to X"', () => {
    expect(claims('Nigeria exported 1.5 mln barrels of crude oil to India in May.', 'SUPPLIES')).toEqual(['Nigeria SUPPLIES India supplies.to']);
  });

  it('does not carry the goods phrase across a clause comma', () => {
    expect(claims('Brazil sold its stake, which Chile later offered to Peru.', 'SUPPLIES')).toEqual([]);
  });
});

describe("officer-story: a company's officer written without the company", () => {
  const story = 'Harwick Instruments Inc said first-quarter profit rose 12 pct on higher sales of meters. Harwick also raised its dividend. ';

  it("reads a post before the name in a story about one company, with the company's sentence as antecedent", () => {
    const text = `${story}Chairman Leonard Voss told analysts that the outlook was better.`;
    expect(claims(text, 'HOLDS_ROLE', 'officer-story')).toEqual(['Leonard Voss HOLDS_ROLE Harwick Instruments Inc officer-story.story-company.description']);
    const claim = extractRelations(analyzeEntities(text)).find((r) => r.evidence.rule.startsWith('officer-story'));
    expect(claim?.evidence.antecedent?.sentence).toMatch(/^Harwick also raised/);
    const far = `${story}Meter demand was strong. Margins widened. Costs fell. "We are pleased," said chief financial officer Dana Whitlock.`;
    expect(claims(far, 'HOLDS_ROLE', 'officer-story')).toEqual([]);
  });

  it('reads a post after the name: "said X, treasurer"', () => {
    const text = `${story}"Orders are firm," said Dana Whitlock, treasurer.`;
    expect(claims(text, 'HOLDS_ROLE', 'officer-story')).toEqual(['Dana Whitlock HOLDS_ROLE Harwick Instruments Inc officer-story.story-company.description']);
  });

  it('reads the speaker closing a sentence whose subject is a company', () => {
    const text = 'Corvane Airlines Ltd has ordered six jets from Boeing Co for 900 mln dlrs, chairman Ross Hadley said.';
    expect(claims(text, 'HOLDS_ROLE', 'officer-story')).toEqual(['Ross Hadley HOLDS_ROLE Corvane Airlines Ltd officer-story.speaker']);
  });

  it('leaves heads of state, finance ministers, former and owned posts alone', () => {
    for (const sentence of [
      'President Ronald Reagan said trade would improve.',
      'Vice President George Bush visited the plant.',
      'Treasurer Paul Keating said the budget was tight.',
      'Former chairman Leonard Voss retired in June.',
      'Audit committee chairman Leonard Voss said the accounts were clean.',
    ]) {
      expect(claims(`${story}${sentence}`, 'HOLDS_ROLE', 'officer-story'), sentence).toEqual([]);
    }
  });

  it("does not give a post coordinated after another person's owned post to the story's company", () => {
    const text = `${story}Harwick Instruments wants to replace Meyer's chairman Otto Brandt and chief executive Karl Senn.`;
    expect(claims(text, 'HOLDS_ROLE', 'officer-story')).toEqual([]);
  });
});

describe('subsidiary-its and bracketed names: units a company names as its own', () => {
  it('reads "its Zed Inc subsidiary" and "its wholly owned subsidiary, Zed Inc" for the company opening the sentence', () => {
    expect(claims('Corvane Holdings Inc said a court had let its Tellmark Systems Inc subsidiary resume trading.', 'PART_OF')).toEqual([
      'Tellmark Systems Inc PART_OF Corvane Holdings Inc subsidiary-its.after',
    ]);
    expect(claims('Corvane Holdings Inc said its wholly owned subsidiary, Tellmark Systems Inc, won a contract.', 'PART_OF')).toEqual([
      'Tellmark Systems Inc PART_OF Corvane Holdings Inc subsidiary-its.before',
    ]);
  });

  it('reads "the Zed Corp unit of Acme Inc"', () => {
    expect(claims('Dorsey Software Inc said the Tellmark Corp unit of Corvane Holdings Inc bought its system.', 'PART_OF')).toEqual([
      'Tellmark Corp PART_OF Corvane Holdings Inc subsidiary-its.unit-of',
    ]);
  });

  it('reads an appositive unit between bracketed names', () => {
    expect(claims('<Tellmark America Inc>, a unit of <Tellmark AG>, said sales rose.', 'PART_OF')).toEqual(['Tellmark America Inc PART_OF Tellmark AG part-of.appositive']);
  });

  it('leaves a sold unit, a demonym and another organization before "its" alone', () => {
    expect(claims('Corvane Holdings Inc said it sold its Tellmark Systems Inc unit to investors.', 'PART_OF')).toEqual([]);
    expect(claims('Corvane Holdings Inc said its West German subsidiary won a contract.', 'PART_OF')).toEqual([]);
    expect(claims('Corvane Holdings Inc said a ruling by the Ontario Securities Commission let its Tellmark Systems Inc unit resume trading.', 'PART_OF')).toEqual([]);
  });
});

describe('trade-balance and supplies-order: trade stated by a balance or an order', () => {
  it('reads "X\'s surplus with Y" and "X ran a deficit of ... with Y", not a budget deficit', () => {
    expect(claims("Korea's surplus with the United States rose to 3.1 billion dlrs in March.", 'TRADES_WITH')).toEqual(['South Korea TRADES_WITH United States trade-balance.with']);
    expect(claims('Kenya ran a deficit of 400 mln dlrs with Britain last year.', 'TRADES_WITH')).toEqual(['United Kingdom TRADES_WITH Kenya trade-balance.with']);
    expect(claims("Brazil's budget deficit with the IMF programme is a worry.", 'TRADES_WITH')).toEqual([]);
  });

  it('reads an order placed with a seller (each seller of a list) and an order won from a buyer', () => {
    expect(claims('Corvane Airlines Ltd announced an order for 12 new aircraft from Boeing Co and Airbus Industrie.', 'SUPPLIES', 'supplies-order')).toEqual([
      'Airbus SUPPLIES Corvane Airlines Ltd supplies-order.placed.list',
      'Boeing Co SUPPLIES Corvane Airlines Ltd supplies-order.placed',
    ]);
    expect(claims('Tellmark Systems Inc said it has received a 12 mln dlr order from Corvane Holdings Inc for terminals.', 'SUPPLIES', 'supplies-order')).toEqual([
      'Tellmark Systems Inc SUPPLIES Corvane Holdings Inc supplies-order.received',
    ]);
  });

  it('does not read a court order as a purchase', () => {
    expect(claims('Tellmark Systems Inc said it received a restraining order from the Ontario Securities Commission.', 'SUPPLIES')).toEqual([]);
  });
});

describe('officer-story.named: a post the company gives', () => {
  it('reads "Acme said its board elected X as its chairman", not a post another company gives', () => {
    expect(claims('Corvane Holdings Inc said its board elected Dana Whitlock as its chairman and chief executive officer.', 'HOLDS_ROLE', 'officer-story')).toEqual([
      'Dana Whitlock HOLDS_ROLE Corvane Holdings Inc officer-story.named',
    ]);
    expect(claims('Corvane Holdings Inc said Tellmark Systems Inc named Dana Whitlock president.', 'HOLDS_ROLE', 'officer-story')).toEqual([]);
  });
});

describe('part-of and located: "X, a unit of Houston-based Y"', () => {
  it('gives the unit to the owner after its home, and the home to the owner only', () => {
    const text = 'Tellmark Insurance Group, a unit of Houston-based Corvane Holdings Inc, said premiums rose.';
    expect(claims(text, 'PART_OF')).toEqual(['Tellmark Insurance Group PART_OF Corvane Holdings Inc part-of.appositive']);
    expect(claims(text, 'LOCATED_IN')).toEqual(['Corvane Holdings Inc LOCATED_IN Houston located.based']);
  });
});

describe("located-headquarters: an organization's headquarters", () => {
  it('reads "X\'s Denver headquarters", "X, whose headquarters are in Y" and "its Dallas headquarters"', () => {
    expect(claims("Tellmark Systems Inc's Denver headquarters were sold.", 'LOCATED_IN')).toEqual(['Tellmark Systems Inc LOCATED_IN Denver located-headquarters.possessive']);
    expect(claims('Tellmark Systems Inc, whose headquarters are in Denver, makes terminals.', 'LOCATED_IN')).toEqual(['Tellmark Systems Inc LOCATED_IN Denver located-headquarters.whose']);
    expect(claims('From its Dallas headquarters, Tellmark Systems Inc said sales rose.', 'LOCATED_IN')).toEqual(['Tellmark Systems Inc LOCATED_IN Dallas located-headquarters.its']);
  });

  it('does not read a move as the seat', () => {
    expect(claims('Tellmark Systems Inc plans to move its Denver headquarters.', 'LOCATED_IN')).toEqual([]);
  });
});

describe('supplies.to with quantities: offers and members', () => {
  it('stores an offer to supply as hypothetical, and exports to a body\'s members as no supply to the body', () => {
    const offer = extractRelations(analyzeEntities('Nigeria has offered to supply 120,000 barrels of fuel oil a month to India.')).filter((r) => r.predicate === 'SUPPLIES');
    expect(offer.map((r) => r.evidence.modality)).toEqual(['hypothetical']);
    expect(claims('Kenya exported 1,200,000 bags to ICO members last year.', 'SUPPLIES')).toEqual([]);
  });
});
