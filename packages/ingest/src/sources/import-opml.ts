import { load } from 'cheerio';
import type { Element } from 'domhandler';
import { InputError, slugify } from '@newsgraph/shared';
import type { SourceInput } from './source-definition.ts';

export interface OpmlImport {
  sources: SourceInput[];
  /** Outlines with an xmlUrl that could not be used, with why. */
  skipped: Array<{ outline: string; reason: string }>;
}

/** Larger OPML files are refused (a subscription list of 100,000 feeds is about 20 MB). */
const MAX_OPML_CHARS = 32 * 1024 * 1024;

/**
 * Reads feed subscriptions from OPML (RSS readers' export format): every <outline> with an
 * xmlUrl, at any depth. The titles of enclosing folder outlines become tags. Parsed with cheerio
 * in XML mode, which does not expand DTD entities. `file` names the input in errors.
 */
export function importOpml(opmlText: string, file: string): OpmlImport {
  if (opmlText.length > MAX_OPML_CHARS) throw new InputError(file, `too large for an OPML file (${opmlText.length} characters)`);
  const text = opmlText.replace(/^\uFEFF/, '').trim();
  if (!text) throw new InputError(file, 'empty file');
  if (!text.startsWith('<')) throw new InputError(file, 'not OPML: not XML');
  const $ = load(text, { xml: true });
  const root = $.root().children().filter((_, el) => el.type === 'tag').first();
  const rootName = root.length ? (root[0] as Element).name.toLowerCase() : null;
  if (rootName !== 'opml') throw new InputError(file, `not OPML: root element is <${rootName ?? '?'}>, expected <opml>`);
  const sources: SourceInput[] = [];
  const skipped: OpmlImport['skipped'] = [];
  const seen = new Set<string>();
  $('outline').each((_, node) => {
    const el = node as Element;
    const attrs = Object.fromEntries(Object.entries(el.attribs).map(([k, v]) => [k.toLowerCase(), v]));
    const xmlUrl = attrs.xmlurl?.trim();
    if (!xmlUrl) return;
    const name = attrs.title || attrs.text || xmlUrl;
    let url: URL;
    try {
      url = new URL(xmlUrl);
    } catch {
      skipped.push({ outline: name, reason: `xmlUrl "${xmlUrl}" is not a valid URL` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      skipped.push({ outline: name, reason: `xmlUrl "${xmlUrl}" is not http or https` });
      return;
    }
    if (seen.has(url.href)) {
      skipped.push({ outline: name, reason: 'listed twice' });
      return;
    }
    seen.add(url.href);
    const tags: string[] = [];
    for (const parent of $(el).parents('outline').toArray().reverse()) {
      const p = parent as Element;
      const label = p.attribs.title || p.attribs.text;
      const tag = label ? slugify(label) : '';
      if (tag) tags.push(tag);
    }
    for (const category of (attrs.category ?? '').split(',')) {
      const tag = slugify(category.replace(/^\//, ''));
      if (tag) tags.push(tag);
    }
    sources.push({ url: url.href, kind: 'feed', tags: [...new Set(tags)] });
  });
  return { sources, skipped };
}
