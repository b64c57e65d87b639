// Calls the services through the gateway's relative paths, so the console works wherever the gateway serves it,
// as the signed-in reader (bearer token) when there is one.
import {accessToken} from './auth.js';

/** A call that failed: the RFC 9457 problem the service answered, or one made up for a service that did not answer. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** GETs path?params (empty params left out) and resolves to the parsed JSON, or rejects with an ApiError. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.toString() === '' ? path : `${path}?${query}`;
  let response;
  try {
    response = await fetch(url, {headers: headers()});
  } catch (e) {
    throw new ApiError(0, 'Service unreachable', `no answer from ${path} (${e.message})`);
  }
  if (response.ok) {
    return response.json();
  }
  throw await problemOf(response);
}

/** POSTs a JSON body (or none) and resolves to the parsed answer, if any. */
export async function postJson(path, body) {
  let response;
  try {
    response = await fetch(path, {method: 'POST', headers: {...headers(), 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, 'Service unreachable', `no answer from ${path} (${e.message})`);
  }
  if (response.ok) {
    return (response.headers.get('content-type') || '').includes('json') ? response.json() : null;
  }
  throw await problemOf(response);
}

function headers() {
  const token = accessToken();
  const base = {Accept: 'application/json, application/problem+json'};
  return token ? {...base, Authorization: `Bearer ${token}`} : base;
}

async function problemOf(response) {
  const fallback = `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`;
  if ((response.headers.get('content-type') || '').includes('json')) {
    try {
      const problem = await response.json();
      const fields = (problem.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
      return new ApiError(response.status, problem.title || fallback, [problem.detail, fields].filter(Boolean).join(' — '));
    } catch (ignored) {
      // not JSON after all: fall through to the status line
    }
  }
  return new ApiError(response.status, fallback, 'the service answered without a problem description');
}
