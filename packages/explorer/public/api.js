// The page's only way to the server: requests to /api/* with the optional bearer token, sent in
// the Authorization header only (never in a URL). No request ever carries query text; every
// parameter is a value the API validates. Writes (curation) are POSTs with a JSON body.

const TOKEN_KEY = 'newsgraph.token';

export class ApiFailure extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage disabled: the token lasts until the page is left.
  }
}

/** Takes `?token=` from the page URL once, keeps it for the session, and removes it from the address bar. */
export function adoptTokenFromUrl() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  setToken(token);
  url.searchParams.delete('token');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

/** GET /api/<path> with `params` (arrays become repeated parameters); resolves to the JSON body. */
export async function apiGet(path, params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const query = search.toString();
  const headers = { accept: 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`/api/${path}${query ? `?${query}` : ''}`, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `request failed (${response.status})`;
    throw new ApiFailure(response.status, message, body?.error?.parameter);
  }
  return body;
}

/** POST /api/<path> with `body` as JSON; resolves to the JSON answer, throws ApiFailure like apiGet. */
export async function apiPost(path, body) {
  const headers = { accept: 'application/json', 'content-type': 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`/api/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const message = answer?.error?.message ?? `request failed (${response.status})`;
    throw new ApiFailure(response.status, message, answer?.error?.parameter);
  }
  return answer;
}

export const entityPath = (id, suffix = '') => `entities/${encodeURIComponent(id)}${suffix}`;
