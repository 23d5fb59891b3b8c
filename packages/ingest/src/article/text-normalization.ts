/** Characters that take no space when rendered: soft hyphen, zero-width spaces and joiners, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Any run of whitespace, including no-break and other Unicode spaces. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** One line of text: invisible characters removed, whitespace runs collapsed to one space, trimmed. */
export function normalizeInline(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Joins blocks as paragraphs separated by one blank line, dropping empty ones. */
export function joinParagraphs(blocks: readonly string[]): string {
  return blocks.filter((b) => b.length > 0).join('\n\n');
}

/**
 * Characters that end a sentence, in the scripts newsgraph reads: Latin and Cyrillic full stop,
 * question and exclamation marks and ellipsis; the CJK ideographic full stop "。" and fullwidth
 * "．！？" (and halfwidth "｡"); Arabic "؟" and "۔"; the Devanagari danda "।".
 */
export const SENTENCE_END_CHARS = '.!?…。．！？｡؟۔।';

/** Quotes and brackets that may close a sentence after its full stop: `."`, `。」`, `.)`. */
const CLOSERS = '"”»«“\'’」』）)\\]';

const ENDS_SENTENCE = new RegExp(`[${SENTENCE_END_CHARS}][${CLOSERS}]*$`);

/** Whether a line ends like a sentence (in any of the scripts above), closing quotes allowed. */
export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text.trimEnd());
}

/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * A rough word count for length rules: spaces separate words in most scripts, while in Chinese,
 * Japanese and Korean text about two characters make a word.
 */
export function wordCount(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const spaced = text.replace(CJK, ' ').split(/\s+/).filter((w) => w.length > 0).length;
  return spaced + Math.ceil(cjk / 2);
}
