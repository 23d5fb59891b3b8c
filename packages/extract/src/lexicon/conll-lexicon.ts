import { readConll } from '../eval/conll.ts';
import { addLabelledSentence, emptyTypeLexicon } from './type-lexicon.ts';
import type { TypeLexicon } from './type-lexicon.ts';

/** Build a type lexicon from a CoNLL-2003 training file (e.g. ../shared/eval/conll2003/eng.train). */
export async function loadConllLexicon(path: string): Promise<TypeLexicon> {
  const docs = await readConll(path);
  const lex = emptyTypeLexicon();
  for (const doc of docs) for (const s of doc.sentences) addLabelledSentence(lex, s);
  return lex;
}
