import { SaxesParser } from 'saxes';
import { InputError } from '@newsgraph/shared';

/** A small element tree: what one list record (an SDN entry, a UN individual) holds. */
export interface XmlNode {
  name: string;
  text: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** Children named `name` (namespace prefixes ignored). */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Trimmed text of the first child named `name`, or null when absent or blank. */
export function childText(node: XmlNode | undefined, name: string): string | null {
  const t = child(node, name)?.text.trim();
  return t ? t : null;
}

/** Texts of every `path` (e.g. ["NATIONALITY", "VALUE"]) below `node`. */
export function textsAt(node: XmlNode | undefined, path: string[]): string[] {
  let level: XmlNode[] = node ? [node] : [];
  for (const name of path) level = level.flatMap((n) => childrenNamed(n, name));
  return level.map((n) => n.text.trim()).filter(Boolean);
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export interface XmlRecordHandlers {
  /** Elements whose whole subtree is one record. */
  records: ReadonlySet<string>;
  onRecord(record: XmlNode, line: number): void;
  /** Attributes of the root element. */
  onRoot?(name: string, attributes: Record<string, string>): void;
  /** Elements outside records whose text is wanted (e.g. the SDN Publish_Date). */
  onText?(name: string, text: string): void;
}

/**
 * Streams an XML text through saxes, building a tree only for record elements, so memory stays
 * at one record. A malformed or truncated file is an error naming the file and the line.
 */
export function readXmlRecords(file: string, text: string, handlers: XmlRecordHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let recordDepth = -1;
  let recordLine = 0;
  let outsideText = '';
  let depth = 0;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    depth++;
    if (depth === 1) handlers.onRoot?.(name, tag.attributes as Record<string, string>);
    if (recordDepth < 0 && handlers.records.has(name)) {
      recordDepth = depth;
      recordLine = parser.line;
    }
    if (recordDepth > 0) {
      const node: XmlNode = { name, text: '', attributes: tag.attributes as Record<string, string>, children: [] };
      stack[stack.length - 1]?.children.push(node);
      stack.push(node);
    }
    outsideText = '';
  });
  parser.on('text', (t) => {
    if (recordDepth > 0) stack[stack.length - 1]!.text += t;
    else outsideText += t;
  });
  parser.on('cdata', (t) => {
    if (recordDepth > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (recordDepth > 0) {
      const node = stack.pop()!;
      if (depth === recordDepth) {
        recordDepth = -1;
        handlers.onRecord(node, recordLine);
      }
    } else if (outsideText.trim()) handlers.onText?.(name, outsideText.trim());
    outsideText = '';
    depth--;
  });
  const CHUNK = 1 << 16;
  try {
    for (let i = 0; i < text.length && !failure; i += CHUNK) parser.write(text.slice(i, i + CHUNK));
    if (!failure) parser.close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    failure ??= error as Error;
  }
  if (failure) {
    const message = failure.message.replace(/^[^:]*:\d+:\d+: /, '');
    throw new InputError(file, `line ${parser.line}: not well-formed XML (truncated?): ${message}`, { cause: failure });
  }
}
