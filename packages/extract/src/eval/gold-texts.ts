import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@newsgraph/shared';

/**
 * Texts named by a gold file, relative to a texts folder. A name is either a plain file
 * (`bbc/politics/015.txt`, read as UTF-8, or as Latin-1 when it is not valid UTF-8, as the BBC
 * corpus is) or one story of a Reuters-21578 SGML file (`reuters21578/reut2-003.sgm#NEWID=3456`),
 * read as its title, a blank line and its body, the way a one-story-per-file copy would look:
 * the wire's hard line wraps (at about 65 columns) are undone, since they are transmission
 * layout, not text, and each indented paragraph becomes one line.
 */

const STORY_REF = /^(.+\.sgm)#NEWID=(\d+)$/;

export async function readGoldText(textsDir: string, name: string): Promise<string> {
  const story = STORY_REF.exec(name);
  const path = join(textsDir, story ? story[1]! : name);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(path, `text named by the gold is missing (${(error as Error).message})`);
  }
  const text = decodeText(bytes);
  if (!story) return text;
  const found = findReutersStory(text, story[2]!);
  if (found === null) throw new InputError(path, `no story with NEWID="${story[2]}"`);
  return found;
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

const SGML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeSgml(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = Number(name.slice(1));
      // &#3; ends every Reuters body; control characters are not text.
      return code < 32 && code !== 10 ? '' : String.fromCharCode(code);
    }
    return SGML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Paragraphs start with an indent; the lines inside one are joined with spaces. */
function unwrapParagraphs(body: string): string {
  return body
    .split(/\n(?=[ \t]+\S)/)
    .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Title and body of the story with that NEWID, or null. */
export function findReutersStory(sgml: string, newId: string): string | null {
  const open = sgml.indexOf(`NEWID="${newId}"`);
  if (open < 0) return null;
  const close = sgml.indexOf('</REUTERS>', open);
  const story = sgml.slice(open, close < 0 ? undefined : close);
  const pick = (tag: string): string => {
    const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(story);
    return m ? unescapeSgml(m[1]!).trim() : '';
  };
  const title = pick('TITLE');
  // The wire's sign-off ("Reuter") is not part of the story.
  const body = unwrapParagraphs(pick('BODY').replace(/\s*\bREUTER\s*$/i, ''));
  if (!title && !body) return null;
  return title ? `${title}\n\n${body}\n` : `${body}\n`;
}
