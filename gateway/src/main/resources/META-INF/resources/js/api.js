// The one way the web client talks to the gateway. Same origin only: the HttpOnly session cookie
// goes along by itself, no token ever reaches this code.
// - every write sends X-Detach-Request: 1 (the gateway's CSRF guard) and JSON;
// - 401 means the session is gone: the browser goes to /login and comes back signed in;
// - any other failure becomes an ApiError carrying the problem+json answer (title, detail,
//   errors[{field, message}]) and, for 429/503, the Retry-After seconds.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** Field messages of a 400 problem: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  get unavailable() {
    return this.status === 503 || this.status === 502 || this.status === 504 || this.status === 0;
  }
}

let redirecting = false;

/** Sends the browser to the sign-in page (once). Never resolves. */
export function signInAgain() {
  if (!redirecting) {
    redirecting = true;
    window.location.assign('/login');
  }
  return new Promise(() => {});
}

/**
 * Calls the API. Resolves to the parsed JSON answer (null for an empty one); rejects with an
 * ApiError. Options: method, body (sent as JSON), query (object, empty values dropped), signal.
 */
export async function api(path, { method = 'GET', body, query, signal } = {}) {
  const url = new URL(path, window.location.origin);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  const upper = method.toUpperCase();
  if (WRITES.has(upper)) {
    headers['X-Detach-Request'] = '1';
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {
      method: upper,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      redirect: 'manual',
      signal,
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'No connection', detail: 'Detach cannot be reached right now. Check your connection and try again.' });
  }
  if (response.status === 401 || response.type === 'opaqueredirect') {
    return signInAgain();
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    throw new ApiError(response.status, data && typeof data === 'object' ? data : null, Number.isFinite(retry) ? retry : undefined);
  }
  return data;
}

/**
 * The time zone in force on this device. Every write that records something at a moment (contact,
 * urge, check-in, journal entry, draft) sends it, so the services store the zone it happened in.
 */
export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const get = (path, query, signal) => api(path, { query, signal });
export const post = (path, body) => api(path, { method: 'POST', body: body === undefined ? {} : body });
export const put = (path, body) => api(path, { method: 'PUT', body });
export const del = (path) => api(path, { method: 'DELETE' });

/** A calm sentence for a failure, for people rather than machines. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong on this page. Please try again.';
  if (error.status === 429) {
    const wait = error.retryAfter ? ` Please try again in ${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}.` : ' Please try again in a moment.';
    return 'Slow down a little — that was a lot of requests at once.' + wait;
  }
  if (error.unavailable) {
    return 'This part of Detach is unavailable right now. Everything else keeps working; try again in a little while.';
  }
  if (error.status === 403) return 'This area is not available to your account.';
  if (error.status === 413) return 'That is more than Detach can take in at once. Try something smaller.';
  if (error.status === 404) return error.problem.detail || 'We could not find that. It may have been removed.';
  return error.problem.detail || error.problem.title || error.message;
}
