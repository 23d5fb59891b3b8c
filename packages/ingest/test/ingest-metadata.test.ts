import { describe, expect, it } from 'vitest';
import { articleMetadataSchema, describeIssues, jsonlArticleSchema, nonArticleFileReason, normalizePublishedDate } from '../src/index.ts';

describe('normalizePublishedDate', () => {
  it('keeps dates as dates and turns timestamps with a zone into UTC', () => {
    expect(normalizePublishedDate('2024-02-24')).toBe('2024-02-24');
    expect(normalizePublishedDate('1987-02-26')).toBe('1987-02-26');
    expect(normalizePublishedDate('2024-02-24T10:00:00+01:00')).toBe('2024-02-24T09:00:00.000Z');
    expect(normalizePublishedDate('2024-02-24 23:30Z')).toBe('2024-02-24T23:30:00.000Z');
  });

  it('refuses what is not a real day or has no zone', () => {
    for (const bad of ['2024-02-30', '2023-02-29T10:00:00Z', '24/02/2024', 'yesterday', '2024-02-24T10:00:00', '1700-01-01', '']) {
      expect(normalizePublishedDate(bad)).toBeNull();
    }
  });
});

describe('the metadata schema', () => {
  it('names every bad field, and unknown ones', () => {
    const parsed = articleMetadataSchema.safeParse({ url: 'file:///etc/passwd', outlet: '  ', publishedAt: 'soon', publisher: 'X' });
    expect(parsed.success).toBe(false);
    const message = describeIssues(parsed.error!);
    expect(message).toContain('url: must be an absolute http(s) URL');
    expect(message).toContain('outlet: must not be empty');
    expect(message).toContain('publishedAt: must be an ISO 8601 date');
    expect(message).toContain('unknown field "publisher"');
  });

  it('requires text on a JSONL line and accepts an id', () => {
    expect(jsonlArticleSchema.safeParse({ id: 7, text: 'Some text.' }).success).toBe(true);
    const missing = jsonlArticleSchema.safeParse({ title: 'No text' });
    expect(describeIssues(missing.error!)).toBe('text: missing');
    expect(describeIssues(jsonlArticleSchema.safeParse('a string').error!)).toBe('value: must be a JSON object');
    expect(describeIssues(jsonlArticleSchema.safeParse({ text: 5 }).error!)).toBe('text: must be a string');
  });
});

describe('nonArticleFileReason', () => {
  it('knows project and distribution files by name', () => {
    for (const name of ['README.TXT', 'readme.txt', 'README-en.txt', 'LICENSE.txt', 'LICENCE', 'COPYING.txt', 'CHANGELOG.txt', 'SHA256SUMS.txt', 'md5sums.txt', 'checksums.txt']) {
      expect(nonArticleFileReason(name)).toMatch(/^not an article/);
    }
  });

  it('knows a checksum list by its lines under any name', () => {
    expect(nonArticleFileReason('hashes.txt', 'd41d8cd98f00b204e9800998ecf8427e  a.txt\nSHA256 (b.txt) = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n')).toMatch(/checksum list/);
  });

  it('leaves articles alone, whatever their names', () => {
    for (const name of ['001.txt', 'history-of-the-harbour.txt', 'notice-to-mariners.txt', 'licensing-row.txt', 'news.txt']) {
      expect(nonArticleFileReason(name, 'The council met on Monday. It voted for the plan.')).toBeNull();
    }
  });
});
