import nlp from 'compromise';

/**
 * Inflected forms of trigger verbs, built once at load time. compromise conjugates regular and
 * most irregular verbs ("meet" → "met", "fly" → "flew"); a small regular inflector covers the
 * words it treats as nouns ("sanction", "blacklist").
 */

const cache = new Map<string, string[]>();

function regularForms(verb: string): string[] {
  const forms = [verb];
  if (verb.endsWith('e')) forms.push(`${verb}s`, `${verb}d`, `${verb.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`, `${verb.slice(0, -1)}ied`, `${verb}ing`);
  else if (/(?:s|sh|ch|x|z)$/.test(verb)) forms.push(`${verb}es`, `${verb}ed`, `${verb}ing`);
  else forms.push(`${verb}s`, `${verb}ed`, `${verb}ing`);
  return forms;
}

/** Every inflected form of `verb` (infinitive, -s, past, participle, gerund), lower case. */
export function verbForms(verb: string): string[] {
  const known = cache.get(verb);
  if (known) return known;
  const forms = new Set<string>(regularForms(verb));
  const conjugated = nlp(verb).verbs().conjugate() as Array<Record<string, string>>;
  for (const entry of conjugated) {
    for (const [tense, form] of Object.entries(entry)) {
      if (tense === 'FutureTense' || typeof form !== 'string') continue;
      if (/^[a-z-]+$/.test(form)) forms.add(form);
    }
  }
  const list = [...forms].sort((a, b) => b.length - a.length);
  cache.set(verb, list);
  return list;
}

/** Regex alternation (longest first) of all forms of the given verbs. */
export function verbAlternation(verbs: readonly string[]): string {
  const all = new Set<string>();
  for (const v of verbs) for (const f of verbForms(v)) all.add(f);
  return [...all]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
