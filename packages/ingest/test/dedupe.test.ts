import { describe, expect, it } from 'vitest';
import { InputError, contentHash } from '@newsgraph/shared';
import { canonicalizeUrl, tryCanonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { fingerprintBands, hammingDistance, simhash } from '../src/dedupe/simhash.ts';
import { MinHashIndex, SimhashIndex } from '../src/dedupe/near-duplicate-index.ts';
import { minhashSignature, minhashSimilarity } from '../src/dedupe/minhash.ts';
import { normalizedContentHash } from '../src/dedupe/content-hash.ts';

describe('canonicalizeUrl', () => {
  it.each([
    // case, default ports, fragments, credentials
    ['HTTPS://News.Example.COM:443/World/Story#comments', 'https://news.example.com/World/Story'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://user:pw@example.com/a', 'https://example.com/a'],
    ['https://example.com./a', 'https://example.com/a'],
    // tracking parameters
    ['https://e.com/a?utm_source=tw&utm_medium=social&id=7', 'https://e.com/a?id=7'],
    ['https://e.com/a?fbclid=XYZ&gclid=1&mc_cid=2&mc_eid=3&ocid=4&cmpid=5', 'https://e.com/a'],
    ['https://e.com/a?at_medium=RSS&at_campaign=KARANGA&ref=home&smid=tw-share', 'https://e.com/a'],
    ['https://e.com/a?UTM_Source=x&Page=2', 'https://e.com/a?Page=2'],
    // sorted query, empty query
    ['https://e.com/search?q=sanctions&a=1&q=evasion', 'https://e.com/search?a=1&q=evasion&q=sanctions'],
    ['https://e.com/a?', 'https://e.com/a'],
    // trailing slash
    ['https://e.com/a/b/', 'https://e.com/a/b'],
    ['https://e.com/', 'https://e.com/'],
    ['https://e.com', 'https://e.com/'],
    ['https://e.com//a//b', 'https://e.com/a/b'],
    // AMP variants
    ['https://www.e.com/amp/world/story', 'https://www.e.com/world/story'],
    ['https://www.e.com/world/story/amp/', 'https://www.e.com/world/story'],
    ['https://www.e.com/world/story/amp', 'https://www.e.com/world/story'],
    ['https://www.e.com/world/story.amp', 'https://www.e.com/world/story'],
    ['https://www.e.com/world/story.amp.html', 'https://www.e.com/world/story.html'],
    ['https://www.e.com/world/story?amp', 'https://www.e.com/world/story'],
    ['https://www.e.com/world/story?amp=1&id=3', 'https://www.e.com/world/story?id=3'],
    ['https://www.e.com/world/story?outputType=amp', 'https://www.e.com/world/story'],
    ['https://amp.theguardian.com/world/2026/nov/21/x', 'https://www.theguardian.com/world/2026/nov/21/x'],
    // mobile hosts
    ['https://m.example.co.uk/news/1', 'https://www.example.co.uk/news/1'],
    ['https://mobile.reuters.com/article/x', 'https://www.reuters.com/article/x'],
    ['https://m.com/x', 'https://m.com/x'],
    // things that must NOT change
    ['https://e.com/ampersand-story', 'https://e.com/ampersand-story'],
    ['https://e.com/a?output=json', 'https://e.com/a?output=json'],
    ['https://e.com/a%2fb', 'https://e.com/a%2Fb'],
    ['https://e.com/%7Euser/%41rticle', 'https://e.com/~user/Article'],
    ['https://e.com/a?id=1&amp;page=2&amp;utm_source=x', 'https://e.com/a?id=1&page=2'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const url of ['https://M.E.com/amp/a/?utm_x=1&b=2&a=1#f', 'https://e.com/x.amp.html?amp=1']) {
      const once = canonicalizeUrl(url);
      expect(canonicalizeUrl(once)).toBe(once);
    }
  });

  it('rejects garbage with an InputError naming the input, or null from tryCanonicalizeUrl', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(InputError);
    expect(() => canonicalizeUrl('not a url')).toThrow('not a url: not a valid URL');
    expect(tryCanonicalizeUrl('::')).toBeNull();
    expect(canonicalizeUrl('mailto:desk@example.com')).toBe('mailto:desk@example.com');
  });
});

const wire =
  'WASHINGTON (Reuters) - The U.S. Commerce Department on Thursday added 14 Chinese companies to its trade blacklist, ' +
  'accusing them of helping Russia evade export controls on microelectronics used in drones and missiles. ' +
  'The companies, based in Shenzhen and Hong Kong, shipped U.S.-made chips to Russian defence firms through a network ' +
  'of shell companies, the department said in a filing. Under Secretary Alan Estevez said the agency would continue ' +
  'to use every tool to cut off supplies to the Russian military. The listing requires suppliers to obtain licences ' +
  'before selling to the firms, which are likely to be denied. Two of the companies had previously been sanctioned by ' +
  'the Treasury Department for similar conduct, according to the filing, which was published in the Federal Register.';

describe('simhash and the near-duplicate index', () => {
  it('gives identical fingerprints for identical texts and none for short ones', () => {
    expect(simhash(wire)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(wire)).toBe(simhash(wire));
    expect(simhash('Too short to fingerprint.')).toBeNull();
  });

  const republished =
    wire.replace('WASHINGTON (Reuters) - ', '') + ' Reporting by Karen Freifeld; editing by Chris Reese.';
  const unrelated =
    'The European Central Bank held interest rates steady on Thursday, saying inflation in the euro zone was slowing ' +
    'broadly as expected, while warning that wage growth and energy prices remained risks to the outlook. Economists ' +
    'polled before the meeting had expected no change, and markets now price two cuts next year, traders said, as bond ' +
    'yields fell across the bloc after the announcement and the euro weakened against the dollar in afternoon trading.';

  it('MinHash matches a republication with another dateline and byline, not an unrelated story', () => {
    const index = new MinHashIndex();
    expect(index.add('art_wire', wire)).toMatch(/^[0-9a-f]{512}$/);
    index.add('art_ecb', unrelated);
    expect(index.findNear(republished)).toBe('art_wire');
    expect(index.findNear(unrelated)).toBe('art_ecb');
    expect(index.findNear(`${unrelated} Separately, officials said football results and the weather were unaffected by the decision today.`)).toBe('art_ecb');
    const other = index.findNearFingerprint(minhashSignature(wire.slice(0, 300) + ' ' + unrelated)!);
    expect(other).toBeNull();
    expect(index.size).toBe(2);
  });

  it('SimHash keeps a long article with a changed byline within 3 bits, and an unrelated story far away', () => {
    // SimHash at 3 bits only tolerates edits well under 1% of the text: a full-length article with a new byline.
    const longArticle = Array.from({ length: 6 }, (_, i) => wire.replace('14 Chinese companies', `${14 + i} Chinese companies (part ${i + 1})`)).join(' ');
    const a = simhash(longArticle)!;
    expect(hammingDistance(a, simhash(`${longArticle} Reporting by Karen Freifeld.`)!)).toBeLessThanOrEqual(3);
    expect(hammingDistance(a, simhash(unrelated)!)).toBeGreaterThan(10);
    const index = new SimhashIndex();
    index.add('art_long', longArticle);
    index.add('art_ecb', unrelated);
    expect(index.findNear(`${longArticle} Reporting by Karen Freifeld.`)).toBe('art_long');
    expect(index.findNear(wire)).toBeNull();
  });

  it('finds every fingerprint within 3 bits through the bands, and none at 4', () => {
    const index = new SimhashIndex();
    const base = 'f0f0f0f0aaaaaaaa';
    index.addFingerprint('base', base);
    const flip = (fp: string, bits: number[]) => {
      let hi = BigInt(`0x${fp}`);
      for (const b of bits) hi ^= 1n << BigInt(b);
      return hi.toString(16).padStart(16, '0');
    };
    // Spread flips over all four bands: still found (pigeonhole: one band is untouched).
    expect(index.findNearFingerprint(flip(base, [1, 17, 33]))).toEqual({ id: 'base', similarity: 1 - 3 / 64 });
    expect(index.findNearFingerprint(flip(base, [60, 61, 62]))).toEqual({ id: 'base', similarity: 1 - 3 / 64 });
    expect(index.findNearFingerprint(flip(base, [1, 17, 33, 49]))).toBeNull();
    expect(fingerprintBands(base)).toEqual(['f0f0', 'f0f0', 'aaaa', 'aaaa']);
    index.remove('base');
    expect(index.findNearFingerprint(base)).toBeNull();
    expect(() => index.addFingerprint('x', 'nothex')).toThrow(/not a simhash64-d3 fingerprint/);
    expect(minhashSimilarity(minhashSignature(wire)!, minhashSignature(wire)!)).toBe(1);
  });

  it('keeps MinHash signatures stable across versions (crawl states store them)', () => {
    // Computed by the first MinHash implementation (word shingles joined, then hashed); a faster
    // implementation must give the same signature, or a crawl state's stored signatures stop matching.
    const text =
      'The central bank raised its main interest rate by a quarter of a percentage point on Thursday, the third increase this year, ' +
      'and said further rises were likely if inflation stayed above its target. Economists had expected the move after prices rose ' +
      'faster than forecast in the spring.';
    expect(minhashSignature(text)).toBe(
      '0002d622031fd06b0602f09a0b9395c8035c42de0248ed3d0d51a78d03ffafad01ab1eba043542590ac6de1d0192d2ed017265e10b1828500893b0be0110575e' +
        '0443c4ee0097f4a0037e07c300adf55d072034740d8dbbc600dd7f7a0007d177016e616801e9a07701f4b523007a9dc104ade0d90380907100d0935802999643' +
        '0ae3c257045a12cc0287ac3705c5d28f01df793807410a850f4fe7a704f077ff042127c5001addf104b921b7081c2542006dc00706336f5b127d37c805ffe5e9' +
        '04401fb5091239a609fe72d0073ce35d00c023340369bd0d0469ccbf003aece9043a4617001530590448d8a90340cea701c80a600227d812027dc048039617e6',
    );
  });

  it('hashes exact duplicates with whitespace normalised, using shared contentHash', () => {
    expect(normalizedContentHash('A  story\n\nabout   things ')).toBe(normalizedContentHash('A story about things'));
    expect(normalizedContentHash('A story about things')).toBe(contentHash('A story about things'));
  });
});
