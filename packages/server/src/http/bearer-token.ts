import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries exactly `Bearer <token>`. Both sides are hashed
 * first so the comparison is constant-time whatever the lengths: the time taken says nothing
 * about how much of a guess was right.
 */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  const given = match?.[1] ?? '';
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b) && match !== null;
}
