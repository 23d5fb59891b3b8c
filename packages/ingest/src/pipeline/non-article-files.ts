/**
 * Files that ship beside articles in a corpus or an archive but are not articles: a corpus's
 * README.TXT, licence texts, change logs, checksum lists. Found in a directory walk, they are
 * skipped with a notice instead of entering the graph as "articles" about the corpus itself.
 */

/** Base names (without extension, case-insensitive) of project and distribution files. */
const NON_ARTICLE_NAME =
  /^(?:(?:read[-_ ]?me|licen[cs]es?|copying)(?:[-_.][\w.-]*)?|copyright|notice|authors|contributors|contributing|changelog|changes|manifest|checksums?|(?:md5|sha1|sha224|sha256|sha384|sha512|b2)sums?)$/i;

/** `d41d8cd98f00b204e9800998ecf8427e  file.txt` (md5sum, sha*sum, BSD `SHA256 (file) = …`). */
const CHECKSUM_LINE = /^(?:[0-9a-f]{32,128}\s+[* ]?\S.*|(?:MD5|SHA1|SHA224|SHA256|SHA384|SHA512|BLAKE2b?) \(.+\) = [0-9a-f]{32,128})$/i;

/**
 * Why the file named `name` (with text `content`, when read) is not an article, or null when it
 * may be one. The name decides for README, LICENSE, CHANGELOG and the like; the content for a
 * checksum list under any name (every non-empty line a digest and a file name).
 */
export function nonArticleFileReason(name: string, content?: string): string | null {
  const stem = name.replace(/\.[^.]*$/, '');
  if (NON_ARTICLE_NAME.test(stem)) return `not an article (a ${stem.toUpperCase()} file): skipped`;
  if (content === undefined) return null;
  const lines = content.split(/\r?\n/).filter((line) => line.trim().length > 0);
  if (lines.length > 0 && lines.every((line) => CHECKSUM_LINE.test(line.trim()))) return 'not an article (a checksum list): skipped';
  return null;
}
