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
