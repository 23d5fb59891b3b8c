import { describe, expect, it } from 'vitest';
import { createDialect, dialectFamily, parseServerVersion, SCHEMA_ITEMS, UnsupportedServerVersionError } from '../src/cypher/neo4j-dialect.ts';

describe('server versions', () => {
  it.each([
    ['5.26.0', 'neo4j-5'],
    ['5.27-aura', 'neo4j-5'],
    ['2025.01.0', 'neo4j-5'],
    ['2026.03.1', 'neo4j-5'],
    ['4.4.30', 'neo4j-4'],
    ['4.3.2', 'neo4j-4'],
    ['3.5.35', 'neo4j-3.5'],
    ['Neo4j/5.13.0', 'neo4j-5'],
  ])('%s speaks %s', (raw, family) => {
    expect(dialectFamily(parseServerVersion(raw))).toBe(family);
  });

  it.each(['4.0.12', '4.2.1', '3.4.9', '2.3.0', 'garbage', ''])('%j is refused with the versions that work', (raw) => {
    expect(() => dialectFamily(parseServerVersion(raw))).toThrow(UnsupportedServerVersionError);
    expect(() => dialectFamily(parseServerVersion(raw))).toThrow(/needs Neo4j 3\.5, 4\.3\/4\.4, 5\.x or 2025\.x/);
  });
});

describe('schema statements per server version', () => {
  it('Neo4j 5.x and 2025.x: named, IF NOT EXISTS, FOR ... REQUIRE', () => {
    for (const raw of ['5.26.0', '2025.01.0']) {
      const statements = createDialect(parseServerVersion(raw)).schemaStatements().map((s) => s.cypher);
      expect(statements).toEqual([
        'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
        'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
        'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
        'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
        'CREATE INDEX name_key_key IF NOT EXISTS FOR (n:NameKey) ON (n.key)',
        'CREATE INDEX name_key_entity_id IF NOT EXISTS FOR (n:NameKey) ON (n.entityId)',
        'CREATE INDEX name_key_entity_id_key IF NOT EXISTS FOR (n:NameKey) ON (n.entityId, n.key)',
        'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)',
        'CREATE INDEX article_seen_at IF NOT EXISTS FOR (n:Article) ON (n.seenAt)',
        'CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)',
        'CREATE INDEX claim_subject_id IF NOT EXISTS FOR (n:Claim) ON (n.subjectId)',
        'CREATE INDEX claim_edge_seen_at IF NOT EXISTS FOR (n:Claim) ON (n.subjectId, n.predicate, n.objectId, n.seenAt)',
        'CREATE INDEX publication_url IF NOT EXISTS FOR (n:Publication) ON (n.url)',
        'CREATE CONSTRAINT curation_entry_id IF NOT EXISTS FOR (n:CurationEntry) REQUIRE n.id IS UNIQUE',
        'CREATE CONSTRAINT curation_entry_seq IF NOT EXISTS FOR (n:CurationEntry) REQUIRE n.seq IS UNIQUE',
        'CREATE CONSTRAINT list_name IF NOT EXISTS FOR (n:List) REQUIRE n.name IS UNIQUE',
        'CREATE CONSTRAINT list_entry_key IF NOT EXISTS FOR (n:ListEntry) REQUIRE n.key IS UNIQUE',
        'CREATE INDEX list_entry_list IF NOT EXISTS FOR (n:ListEntry) ON (n.list)',
        'CREATE INDEX list_version_list IF NOT EXISTS FOR (n:ListVersion) ON (n.list)',
        'CREATE CONSTRAINT alias_learning_article_id IF NOT EXISTS FOR (n:AliasLearning) REQUIRE n.articleId IS UNIQUE',
        'CREATE INDEX alias_learning_seq IF NOT EXISTS FOR (n:AliasLearning) ON (n.seq)',
        'CREATE INDEX alias_event_entity_id IF NOT EXISTS FOR (n:AliasEvent) ON (n.entityId)',
        'CREATE INDEX alias_event_article_id IF NOT EXISTS FOR (n:AliasEvent) ON (n.articleId)',
        'CREATE CONSTRAINT alias_counter_name IF NOT EXISTS FOR (n:AliasCounter) REQUIRE n.name IS UNIQUE',
        'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasesText]',
        'CREATE INDEX edge_key_visited IF NOT EXISTS FOR ()-[r:VISITED]-() ON (r.key)',
        'CREATE INDEX edge_key_met_with IF NOT EXISTS FOR ()-[r:MET_WITH]-() ON (r.key)',
        'CREATE INDEX edge_key_urged IF NOT EXISTS FOR ()-[r:URGED]-() ON (r.key)',
        'CREATE INDEX edge_key_supplies IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.key)',
        'CREATE INDEX edge_key_shipped_via IF NOT EXISTS FOR ()-[r:SHIPPED_VIA]-() ON (r.key)',
        'CREATE INDEX edge_key_sanctions IF NOT EXISTS FOR ()-[r:SANCTIONS]-() ON (r.key)',
        'CREATE INDEX edge_key_trades_with IF NOT EXISTS FOR ()-[r:TRADES_WITH]-() ON (r.key)',
        'CREATE INDEX edge_key_holds_role IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.key)',
        'CREATE INDEX edge_key_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.key)',
        'CREATE INDEX edge_key_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.key)',
        'CREATE INDEX edge_key_reported_by IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.key)',
        'CREATE INDEX edge_key_national_of IF NOT EXISTS FOR ()-[r:NATIONAL_OF]-() ON (r.key)',
      ]);
    }
  });

  it('Neo4j 4.4: ON ... ASSERT constraints, FOR ... ON indexes, CREATE FULLTEXT INDEX', () => {
    const statements = createDialect(parseServerVersion('4.4.30')).schemaStatements().map((s) => s.cypher);
    expect(statements[0]).toBe('CREATE CONSTRAINT entity_id IF NOT EXISTS ON (n:Entity) ASSERT n.id IS UNIQUE');
    expect(statements[2]).toBe('CREATE CONSTRAINT source_id IF NOT EXISTS ON (n:Source) ASSERT n.id IS UNIQUE');
    expect(statements[3]).toBe('CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)');
    expect(statements).toContain('CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasesText]');
    // Relationship property indexes exist from 4.3 on: the edge keys are indexed there too.
    expect(statements.at(-1)).toBe('CREATE INDEX edge_key_national_of IF NOT EXISTS FOR ()-[r:NATIONAL_OF]-() ON (r.key)');
    expect(statements.join('\n')).not.toMatch(/REQUIRE/);
    expect(statements).toHaveLength(SCHEMA_ITEMS.length);
  });

  it('Neo4j 3.5: no IF NOT EXISTS, so only what db.constraints()/db.indexes() do not list', () => {
    const dialect = createDialect(parseServerVersion('3.5.35'));
    expect(dialect.needsExistingSchema).toBe(true);
    // No relationship property indexes before 4.3: no edge-key index, and edges are merged by their ends.
    expect(dialect.edgeKeyIndex).toBe(false);
    expect(createDialect(parseServerVersion('4.4.30')).edgeKeyIndex).toBe(true);
    expect(() => dialect.schemaStatements()).toThrow(/existing constraints and indexes/);
    const fresh = dialect.schemaStatements({ constraints: [], indexes: [] });
    expect(fresh.map((s) => s.cypher)).toEqual([
      'CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE',
      'CREATE CONSTRAINT ON (n:Article) ASSERT n.id IS UNIQUE',
      'CREATE CONSTRAINT ON (n:Source) ASSERT n.id IS UNIQUE',
      'CREATE INDEX ON :Entity(name)',
      'CREATE INDEX ON :NameKey(key)',
      'CREATE INDEX ON :NameKey(entityId)',
      'CREATE INDEX ON :NameKey(entityId, key)',
      'CREATE INDEX ON :Entity(type)',
      'CREATE INDEX ON :Article(seenAt)',
      'CREATE INDEX ON :Article(url)',
      'CREATE INDEX ON :Claim(subjectId)',
      'CREATE INDEX ON :Claim(subjectId, predicate, objectId, seenAt)',
      'CREATE INDEX ON :Publication(url)',
      'CREATE CONSTRAINT ON (n:CurationEntry) ASSERT n.id IS UNIQUE',
      'CREATE CONSTRAINT ON (n:CurationEntry) ASSERT n.seq IS UNIQUE',
      'CREATE CONSTRAINT ON (n:List) ASSERT n.name IS UNIQUE',
      'CREATE CONSTRAINT ON (n:ListEntry) ASSERT n.key IS UNIQUE',
      'CREATE INDEX ON :ListEntry(list)',
      'CREATE INDEX ON :ListVersion(list)',
      'CREATE CONSTRAINT ON (n:AliasLearning) ASSERT n.articleId IS UNIQUE',
      'CREATE INDEX ON :AliasLearning(seq)',
      'CREATE INDEX ON :AliasEvent(entityId)',
      'CREATE INDEX ON :AliasEvent(articleId)',
      'CREATE CONSTRAINT ON (n:AliasCounter) ASSERT n.name IS UNIQUE',
      'CALL db.index.fulltext.createNodeIndex($name, $labels, $properties)',
    ]);
    expect(fresh.at(-1)!.params).toEqual({ name: 'entity_names', labels: ['Entity'], properties: ['name', 'aliasesText'] });

    const partly = dialect.schemaStatements({
      constraints: ['CONSTRAINT ON ( entity:Entity ) ASSERT entity.id IS UNIQUE', 'CONSTRAINT ON ( source:Source ) ASSERT source.id IS UNIQUE'],
      indexes: [
        { description: 'INDEX ON :Entity(name)', indexName: 'index_1', tokenNames: ['Entity'], properties: ['name'], type: 'node_label_property' },
        // A uniqueness constraint's backing index must not count as the plain index.
        { description: 'INDEX ON :Article(id)', indexName: 'index_2', tokenNames: ['Article'], properties: ['id'], type: 'node_unique_property' },
        { description: 'INDEX ON NODE:Entity(name, aliasesText)', indexName: 'entity_names', tokenNames: ['Entity'], properties: ['name', 'aliasesText'], type: 'node_fulltext' },
        { description: 'INDEX ON :Claim(subjectId)', tokenNames: null, properties: null, type: null },
      ],
    });
    expect(partly.map((s) => s.item.name)).toEqual([
      'article_id',
      'name_key_key',
      'name_key_entity_id',
      'name_key_entity_id_key',
      'entity_type',
      'article_seen_at',
      'article_url',
      // The single-property index on Claim.subjectId exists; the composite one starting with it does not.
      'claim_edge_seen_at',
      'publication_url',
      'curation_entry_id',
      'curation_entry_seq',
      'list_name',
      'list_entry_key',
      'list_entry_list',
      'list_version_list',
      'alias_learning_article_id',
      'alias_learning_seq',
      'alias_event_entity_id',
      'alias_event_article_id',
      'alias_counter_name',
    ]);
  });
});
