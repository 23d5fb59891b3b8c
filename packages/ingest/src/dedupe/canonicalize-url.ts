import { InputError } from '@newsgraph/shared';

/**
 * The canonical form of an article URL, used as its identity (seen-URL set, article id): the
 * same story reached through a newsletter link, a social share, the AMP page or the mobile site
 * gets one key. Pure; never fetches.
 *
 * - scheme and host lower-cased, default ports, credentials, fragments and trailing host dots removed;
 * - AMP and mobile variants mapped to the main page: amp./m./mobile. hosts → www., /amp/ path
 *   segments, .amp / .amp.html suffixes, ?amp, ?amp=1, ?outputType=amp;
 * - tracking parameters removed (utm_*, fbclid, gclid, mc_cid, ocid, cmpid, at_*, ref, smid ...);
 * - remaining query parameters sorted (by name, then value), empty query removed;
 * - a trailing slash removed from non-root paths; percent-escapes upper-cased, needless ones decoded;
 * - double-escaped query separators ("&amp;b=2" read as a parameter "amp;b") repaired.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', 'ocid', 'cmpid', 'cmp', 'ref', 'ref_src', 'ref_url', 'referrer', 'smid', 'smtyp', 'sara_ecid', 'sr_share',
  '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'ncid', 'ito', 'xtor', 'spm', 'share', 'shared', 'soc_src', 'soc_trk',
  'ns_source', 'ns_mchannel', 'ns_campaign', 'ns_linkname', 'ns_fee', 'wt.mc_id', 'wt_mc', 'wt.tsrc', 's_cid', 'icid',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'oly_anon_id', 'oly_enc_id', 'vero_conv', 'vero_id', 'rss', 'rssfeed',
  'feedtype', 'feedname', 'taid', 'ftag', 'in_source', 'emc', 'partner', 'trk', 'trkcampaign', 'campaign_id', 'ad_id', 'src_trk',
  'dicbo', 'mbid', 'cmpgn', 'int_source', 'int_medium', 'int_campaign', '__twitter_impression', 'utm', 'ito',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'piwik_', 'hmb_', 'ga_', 'stm_', 'itm_', 'oly_', 'vero_', 'sc_', 'matomo_'];
const AMP_PARAMS = new Set(['amp', 'amp_js_v', 'amp_gsa', 'usqp', 'outputtype', 'output']);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMS.has(lower)) return true;
  return TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function isAmpParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'outputtype' || lower === 'output') return value.toLowerCase() === 'amp';
  return AMP_PARAMS.has(lower);
}

function canonicalHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.+$/, '');
  const match = /^(m|mobile|amp|amp-[a-z0-9]+)\.(.+)$/.exec(host);
  // Only when something registrable remains (m.example.com → www.example.com, not m.com → www.com).
  if (match && match[2]!.includes('.')) host = `www.${match[2]}`;
  return host;
}

/** Percent-escapes upper-cased, and unreserved characters (RFC 3986 §2.3) that needed none decoded. */
function normalizeEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (m) => {
    const ch = String.fromCharCode(parseInt(m.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : m.toUpperCase();
  });
}

function canonicalPath(pathname: string): string {
  let path = normalizeEscapes(pathname);
  // AMP path forms: /amp/story, /story/amp, /story/amp/, /story.amp, /story.amp.html
  path = path.replace(/^\/amp(?=\/)/i, '');
  path = path.replace(/\/amp\/?$/i, '/');
  path = path.replace(/\/amp(?=\/)/gi, '');
  path = path.replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  return path || '/';
}

/** Canonical URL string; throws InputError for an unparseable URL. Non-http(s) URLs come back normalised by WHATWG URL only. */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InputError(url, 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  parsed.hostname = canonicalHost(parsed.hostname);
  parsed.pathname = canonicalPath(parsed.pathname);
  const kept: Array<[string, string]> = [];
  for (const [rawName, value] of parsed.searchParams) {
    // Feeds often double-escape links: "?a=1&amp;b=2" arrives as a parameter named "amp;b".
    const name = rawName.replace(/^(amp;)+/, '');
    if (!name || isTracking(name) || isAmpParam(name, value)) continue;
    kept.push([name, value]);
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  parsed.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return parsed.href;
}

/** canonicalizeUrl, or null instead of an error for unparseable input. */
export function tryCanonicalizeUrl(url: string): string | null {
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}
