import { tokenizeCypher } from '../src/cypher/read-only-guard.ts';

/**
 * Labels and relationship types (`:Name`, `:A|B` outside map literals) and properties read from
 * pattern variables (`n.prop`; `row.x` and `pair[0]` are parameters, not the model).
 */
export function modelNamesUsed(cypher: string): { labels: Set<string>; properties: Set<string> } {
  const tokens = tokenizeCypher(cypher);
  const labels = new Set<string>();
  const properties = new Set<string>();
  let braces = 0;
  const nameOf = (t: { kind: string; text: string } | undefined) =>
    t && (t.kind === 'word' || t.kind === 'quoted-name') ? (t.kind === 'quoted-name' ? t.text.slice(1, -1) : t.text) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '{' && t.kind === 'symbol') braces++;
    if (t.text === '}' && t.kind === 'symbol') braces--;
    if (t.kind === 'symbol' && t.text === ':' && braces === 0) {
      let j = i + 1;
      for (;;) {
        const name = nameOf(tokens[j]);
        if (!name) break;
        labels.add(name);
        if (tokens[j + 1]?.text === '|' || (tokens[j + 1]?.text === ':' && braces === 0)) j += 2;
        else break;
      }
    }
    if (t.kind === 'symbol' && t.text === '.') {
      const owner = tokens[i - 1];
      const name = nameOf(tokens[i + 1]);
      if (name && owner?.kind === 'word' && !['row', 'pair', 'db', 'dbms', 'apoc', 'index', 'fulltext'].includes(owner.text)) properties.add(name);
    }
  }
  return { labels, properties };
}

