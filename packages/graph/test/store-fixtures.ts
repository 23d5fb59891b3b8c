import { sha256Hex, type Article, type ArticleDocument, type Claim, type Entity, type Mention, type Predicate } from '@newsgraph/shared';

/**
 * A small hand-built news graph for the store contract suite. Every expected answer in
 * store-contract.ts follows from these four articles by hand:
 *
 *   A1 2024-01-10T09:00Z      Blinken VISITED China
 *   A2 2024-01-10T23:30Z      Yellen MET_WITH People's Bank of China; PBOC LOCATED_IN China
 *      (published 18:30-05:00, the same UTC day as A1)
 *   A3 fetched 2024-02-21T08:00Z (no published date)
 *                             Iran SUPPLIES Russia (two sentences); Russia TRADES_WITH China; drones named
 *   A4 2024-03-15T12:00Z      US SANCTIONS Iran; Blinken MET_WITH Yellen; China TRADES_WITH Russia
 */

export const ID = {
  blinken: 'person:antony-blinken',
  yellen: 'person:janet-yellen',
  china: 'country:CN',
  russia: 'country:RU',
  iran: 'country:IR',
  us: 'country:US',
  pboc: 'org:peoples-bank-of-china',
  drones: 'goods:drones',
} as const;

export const ENTITIES: Record<keyof typeof ID, Entity> = {
  blinken: { id: ID.blinken, type: 'Person', name: 'Antony Blinken', aliases: ['Blinken', 'Tony Blinken'], attributes: { role: 'Secretary of State' } },
  yellen: { id: ID.yellen, type: 'Person', name: 'Janet Yellen', aliases: ['Yellen'], attributes: { role: 'Treasury Secretary' } },
  china: { id: ID.china, type: 'Country', name: 'China', aliases: ['PRC'], attributes: { iso: 'CN' } },
  russia: { id: ID.russia, type: 'Country', name: 'Russia', aliases: [], attributes: { iso: 'RU' } },
  iran: { id: ID.iran, type: 'Country', name: 'Iran', aliases: [], attributes: { iso: 'IR' } },
  us: { id: ID.us, type: 'Country', name: 'United States', aliases: ['US', 'U.S.'], attributes: { iso: 'US' } },
  pboc: { id: ID.pboc, type: 'Organization', name: "People's Bank of China", aliases: ['PBOC'], attributes: { kind: 'central bank' } },
  drones: { id: ID.drones, type: 'Goods', name: 'drones', aliases: [], attributes: { hs: '880621' } },
};

interface SentenceSpec {
  text: string;
  claims: Array<[subject: string, predicate: Predicate, object: string, rule?: string]>;
}

export interface DocSpec {
  id: string;
  title: string;
  publishedAt: string | null;
  fetchedAt: string;
  entities: Entity[];
  sentences: SentenceSpec[];
  outlet?: string | null;
}

/**
 * Builds a consistent ArticleDocument: the text is the sentences joined by spaces; every entity
 * gets a mention at each occurrence of its name or an alias; each sentence's claims get that
 * sentence as evidence.
 */
export function buildDocument(spec: DocSpec): ArticleDocument {
  const text = spec.sentences.map((s) => s.text).join(' ');
  const article: Article = {
    id: spec.id,
    url: `https://news.example/${encodeURIComponent(spec.id)}`,
    canonicalUrl: `https://news.example/${encodeURIComponent(spec.id)}`,
    title: spec.title,
    outlet: spec.outlet === undefined ? 'Example News' : spec.outlet,
    author: null,
    publishedAt: spec.publishedAt,
    fetchedAt: spec.fetchedAt,
    language: 'en',
    text,
    contentHash: sha256Hex(text),
    sourceId: null,
  };
  const mentions: Mention[] = [];
  for (const entity of spec.entities) {
    const covered: Array<[number, number]> = [];
    for (const label of [entity.name, ...entity.aliases].sort((a, b) => b.length - a.length)) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(label, from);
        if (at < 0) break;
        from = at + label.length;
        if (covered.some(([s, e]) => at < e && at + label.length > s)) continue;
        covered.push([at, at + label.length]);
        mentions.push({ entityId: entity.id, articleId: spec.id, start: at, end: at + label.length, text: label });
      }
    }
  }
  const claims: Claim[] = [];
  let offset = 0;
  for (const sentence of spec.sentences) {
    for (const [subjectId, predicate, objectId, rule] of sentence.claims) {
      claims.push({
        subjectId,
        predicate,
        objectId,
        evidence: { articleId: spec.id, sentence: sentence.text, start: offset, end: offset + sentence.text.length, rule: rule ?? 'test.rule', confidence: 0.9 },
      });
    }
    offset += sentence.text.length + 1;
  }
  return { article, entities: spec.entities.map((e) => structuredClone(e)), mentions, claims };
}

const E = ENTITIES;

export const A1: DocSpec = {
  id: 'art-a1',
  title: 'Blinken visits China',
  publishedAt: '2024-01-10T09:00:00Z',
  fetchedAt: '2024-01-10T10:00:00Z',
  entities: [E.blinken, E.china],
  sentences: [{ text: 'Antony Blinken visited China on Wednesday.', claims: [[ID.blinken, 'VISITED', ID.china]] }],
};

export const A2: DocSpec = {
  id: 'art-a2',
  title: "Yellen meets People's Bank of China",
  publishedAt: '2024-01-10T18:30:00-05:00',
  fetchedAt: '2024-01-11T01:00:00Z',
  entities: [E.yellen, E.pboc, E.china],
  sentences: [
    { text: "Janet Yellen met officials of the People's Bank of China.", claims: [[ID.yellen, 'MET_WITH', ID.pboc]] },
    { text: 'The PBOC is based in China.', claims: [[ID.pboc, 'LOCATED_IN', ID.china]] },
  ],
};

export const A3: DocSpec = {
  id: 'art-a3',
  title: 'Iran supplies drones to Russia',
  publishedAt: null,
  fetchedAt: '2024-02-21T08:00:00Z',
  outlet: null,
  entities: [E.iran, E.russia, E.china, E.drones],
  sentences: [
    { text: 'Iran supplies drones to Russia.', claims: [[ID.iran, 'SUPPLIES', ID.russia, 'supply.verb']] },
    { text: 'Iran keeps sending them to Russia, officials said.', claims: [[ID.iran, 'SUPPLIES', ID.russia, 'supply.keeps']] },
    { text: 'Russia trades with China.', claims: [[ID.russia, 'TRADES_WITH', ID.china]] },
  ],
};

export const A4: DocSpec = {
  id: 'art-a4',
  title: 'US sanctions Iran as Blinken meets Yellen',
  publishedAt: '2024-03-15T12:00:00Z',
  fetchedAt: '2024-03-15T13:00:00Z',
  entities: [E.blinken, E.yellen, E.us, E.iran, E.china, E.russia],
  sentences: [
    { text: 'The United States sanctions Iran.', claims: [[ID.us, 'SANCTIONS', ID.iran]] },
    { text: 'Janet Yellen met with Antony Blinken in Washington.', claims: [[ID.yellen, 'MET_WITH', ID.blinken]] },
    { text: 'China trades with Russia despite that.', claims: [[ID.china, 'TRADES_WITH', ID.russia]] },
  ],
};

export function baseDocuments(): ArticleDocument[] {
  return [A1, A2, A3, A4].map(buildDocument);
}

/** A3 after an edit: one SUPPLIES sentence left, China and the drones no longer named. */
export function editedA3(): ArticleDocument {
  return buildDocument({
    ...A3,
    entities: [E.iran, E.russia],
    sentences: [{ text: 'Iran supplies weapons to Russia.', claims: [[ID.iran, 'SUPPLIES', ID.russia, 'supply.verb']] }],
  });
}

/** Strings that break naive quoting in SQL, Cypher, JSON, LIKE patterns and regexes. */
export const HOSTILE = {
  id: `org:'; DROP TABLE entities; --`,
  name: `O'Brien "Quote" \\ } { % _ MATCH (n) DETACH DELETE n`,
  alias: `%_\\'"`,
  cypher: 'MATCH (n) DETACH DELETE n',
  sql: `'; DROP TABLE entities; --`,
  articleId: `art-'"\\}%_ MATCH (n) DETACH DELETE n`,
  rule: `rule'"; DROP TABLE claims; --`,
} as const;

export function hostileDocument(): ArticleDocument {
  const hostile: Entity = {
    id: HOSTILE.id,
    type: 'Organization',
    name: HOSTILE.name,
    aliases: [HOSTILE.alias, HOSTILE.cypher],
    attributes: { [`key'"}`]: `value \\ ${HOSTILE.sql}`, list: [HOSTILE.cypher, '%'] },
  };
  return buildDocument({
    id: HOSTILE.articleId,
    title: `Title ${HOSTILE.sql} ${HOSTILE.cypher}`,
    publishedAt: '2024-04-01T00:00:00Z',
    fetchedAt: '2024-04-01T00:00:00Z',
    outlet: `Outlet '"\\}`,
    entities: [hostile, E.russia],
    sentences: [
      { text: `${HOSTILE.name} supplies Russia; ${HOSTILE.sql}`, claims: [[HOSTILE.id, 'SUPPLIES', ID.russia, HOSTILE.rule]] },
    ],
  });
}

/**
 * A5 2024-04-01T10:00Z: claims of every modality. "The United States denied it sanctions
 * China." (negated), "It is considering supplying China." after "Russia is under pressure."
 * (hypothetical, with the antecedent naming Russia), "Blinken will visit Russia." (planned).
 */
export const MODAL_SPEC: DocSpec = {
  id: 'art-a5',
  title: 'What did not happen',
  publishedAt: '2024-04-01T10:00:00Z',
  fetchedAt: '2024-04-01T11:00:00Z',
  entities: [ENTITIES.russia, ENTITIES.us, ENTITIES.china, ENTITIES.blinken],
  sentences: [
    { text: 'Russia is under pressure.', claims: [] },
    { text: 'It is considering supplying China.', claims: [[ID.russia, 'SUPPLIES', ID.china, 'supply.consider']] },
    { text: 'The United States denied it sanctions China.', claims: [[ID.us, 'SANCTIONS', ID.china, 'sanction.verb']] },
    { text: 'Blinken will visit Russia.', claims: [[ID.blinken, 'VISITED', ID.russia, 'visit.future']] },
  ],
};

export function modalDocument(): ArticleDocument {
  const doc = buildDocument(MODAL_SPEC);
  doc.claims[0]!.evidence.modality = 'hypothetical';
  doc.claims[0]!.evidence.antecedent = { sentence: 'Russia is under pressure.', start: 0, end: 25 };
  doc.claims[1]!.evidence.modality = 'negated';
  doc.claims[2]!.evidence.modality = 'planned';
  return doc;
}

export const REUTERS: Entity = { id: 'org:reuters', type: 'Organization', name: 'Reuters', aliases: [], attributes: { kind: 'news agency' } };

/** A6 2024-05-01T10:00Z, REPORTED_BY Reuters: Iran SUPPLIES Russia. */
export function reportedDocument(): ArticleDocument {
  const doc = buildDocument({
    id: 'art-a6',
    title: 'Iran ships more drones, Reuters reports',
    publishedAt: '2024-05-01T10:00:00Z',
    fetchedAt: '2024-05-01T11:00:00Z',
    outlet: 'Reuters',
    entities: [ENTITIES.iran, ENTITIES.russia, REUTERS],
    sentences: [{ text: 'Iran supplies more drones to Russia, according to Reuters.', claims: [[ID.iran, 'SUPPLIES', ID.russia, 'supply.verb']] }],
  });
  doc.reportedBy = [REUTERS.id];
  return doc;
}
