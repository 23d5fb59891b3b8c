import { describe, expect, it } from 'vitest';
import { assertReadOnlyCypher, tokenizeCypher, WriteCypherError } from '../src/cypher/read-only-guard.ts';
import { parseCypherParam, parseCypherParams } from '../src/cypher/parse-cypher-params.ts';

describe('read-only Cypher guard', () => {
  it.each([
    'MATCH (n:Entity) RETURN n LIMIT 5',
    "MATCH (n {name: 'CREATE'}) RETURN n",
    'MATCH (n) WHERE n.name = "MERGE (x) DELETE y" RETURN n',
    "MATCH (n) WHERE n.name = 'it\\'s SET' RETURN n",
    '// CREATE (x)\nMATCH (n) RETURN n',
    '/* DETACH DELETE everything */ MATCH (n) RETURN count(n)',
    'MATCH (n) RETURN n.set, n.create AS created, n.`delete`',
    'MATCH (n:`CREATE`) RETURN n',
    'MATCH (n) RETURN {create: 1, merge: 2, set: n.id} AS m',
    'MATCH (n) RETURN n.start AS start',
    'WITH $set AS s RETURN s',
    'MATCH (a:Entity)-[r:MET_WITH]-(b) WHERE a.id = $id RETURN b.name, r.articleCount ORDER BY r.articleCount DESC',
    "CALL db.index.fulltext.queryNodes('entity_names', 'yellen') YIELD node, score RETURN node.name, score",
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.schema.visualization()',
    'MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p',
    'SHOW INDEXES',
    'MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS degree } RETURN n, degree',
    'MATCH (n) WITH n AS start MATCH (start)--(x) RETURN x',
  ])('allows %j', (query) => {
    expect(() => assertReadOnlyCypher(query)).not.toThrow();
  });

  it.each([
    ['CREATE (n:Entity {id: 1})', /refused CREATE/],
    ['MATCH (n) DETACH DELETE n', /refused DETACH/],
    ['MATCH (n) delete n', /refused DELETE/],
    ['MERGE (n:X {id: 1})', /refused MERGE/],
    ['MATCH (n) SET n.x = 1', /refused SET/],
    ['MATCH (n) REMOVE n.x', /refused REMOVE/],
    ['DROP INDEX entity_name', /refused DROP/],
    ["LOAD CSV FROM 'file:///x.csv' AS row RETURN row", /refused LOAD CSV/],
    ['MATCH (n) FOREACH (x IN [1] | SET n.y = x)', /refused FOREACH/],
    ['MATCH (n) CALL { WITH n RETURN n } IN TRANSACTIONS RETURN n', /IN TRANSACTIONS/],
    ["CALL dbms.security.createUser('x', 'y', false)", /refused CALL dbms\.security\.createuser/],
    ['CALL dbms.components()', /not a known read-only procedure/],
    ["CALL apoc.create.node(['X'], {})", /refused CALL apoc\.create\.node/],
    ["CALL apoc.cypher.runWrite('CREATE (n)', {})", /apoc\.cypher\.runwrite/],
    ["CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", /refused/],
    ["CALL `apoc`.`create`.`node`(['X'], {})", /apoc\.create\.node/],
    ["CALL db.index.fulltext.createNodeIndex('x', ['A'], ['b'])", /db\.index\.fulltext\.createnodeindex/],
    ['MATCH (n) RETURN n; CREATE (m)', /refused CREATE/],
    ['INSERT (n:Entity)', /refused INSERT/],
    ['ALTER DATABASE neo4j SET ACCESS READ ONLY', /refused ALTER/],
    ['GRANT ROLE admin TO bob', /refused GRANT/],
    ['STOP DATABASE neo4j', /refused STOP/],
    ['MATCH (n) /* a */ CREATE /* b */ (m)', /refused CREATE/],
  ])('refuses %j before sending', (query, message) => {
    expect(() => assertReadOnlyCypher(query)).toThrow(WriteCypherError);
    expect(() => assertReadOnlyCypher(query)).toThrow(message);
  });

  it('names the problem for empty and unterminated queries', () => {
    expect(() => assertReadOnlyCypher('  ')).toThrow(/cypher query: is empty/);
    expect(() => assertReadOnlyCypher("MATCH (n {name: 'x}) RETURN n")).toThrow(/unterminated string starting at offset 16/);
    expect(() => assertReadOnlyCypher('MATCH (n) /* RETURN n')).toThrow(/unterminated \/\* comment/);
  });

  it('tokenizes strings, names, parameters and comments', () => {
    const tokens = tokenizeCypher("MATCH (n:`A``B`) WHERE n.x = 'a\\'b' AND n.y = $p // tail");
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:MATCH',
      'symbol:(',
      'word:n',
      'symbol::',
      'quoted-name:`A``B`',
      'symbol:)',
      'word:WHERE',
      'word:n',
      'symbol:.',
      'word:x',
      'symbol:=',
      "string:'a\\'b'",
      'word:AND',
      'word:n',
      'symbol:.',
      'word:y',
      'symbol:=',
      'parameter:$p',
    ]);
  });
});

describe('--param parsing', () => {
  it.each([
    ['n=5', 'n', 5],
    ['n=-12', 'n', -12],
    ['x=2.5', 'x', 2.5],
    ['x=1e3', 'x', 1000],
    ['ok=true', 'ok', true],
    ['ok=false', 'ok', false],
    ['v=null', 'v', null],
    ['name=Janet Yellen', 'name', 'Janet Yellen'],
    ['id=country:RU', 'id', 'country:RU'],
    ['ids=["a","b"]', 'ids', ['a', 'b']],
    ['m={"k":1}', 'm', { k: 1 }],
    ['s="42"', 's', '42'],
    ['eq=a=b', 'eq', 'a=b'],
    ['empty=', 'empty', ''],
    ['zip=02139', 'zip', '02139'],
  ])('%s', (assignment, name, value) => {
    expect(parseCypherParam(assignment)).toEqual([name, value]);
  });

  it('refuses malformed assignments with the input named', () => {
    expect(() => parseCypherParam('novalue')).toThrow(/--param novalue: must look like name=value/);
    expect(() => parseCypherParam('1x=2')).toThrow(/not a valid parameter name/);
    expect(() => parseCypherParam('j=[1,')).toThrow(/value is not valid JSON/);
    expect(() => parseCypherParam('big=123456789012345678901')).toThrow(/too large/);
    expect(() => parseCypherParams(['a=1', 'a=2'])).toThrow(/given twice/);
    expect(parseCypherParams(['a=1', 'b=x'])).toEqual({ a: 1, b: 'x' });
  });
});
