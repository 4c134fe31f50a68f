// The public API only (/api/v1): the session cookie travels by itself, the CSRF token is kept in
// memory and sent with every change; errors arrive as RFC 9457 problems in the UI's language.

import { lang, t } from './i18n.js';

let csrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.type = problem.type || '';
    this.problem = problem;
  }

  is(slug) {
    return this.type === `urn:gatehouse:problem:${slug}`;
  }
}

export function rememberCsrf(token) {
  csrf = token;
}

export async function call(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': lang() === 'zh' ? 'zh-CN' : 'en', ...headers } };
  if (method !== 'GET' && csrf) init.headers['X-CSRF-Token'] = csrf;
  if (body instanceof FormData || body instanceof Blob) {
    // sent as they are (an upload, or bytes to verify exactly as downloaded); the caller sets Content-Type for a Blob
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`api/v1/${path}`, init);
  } catch (e) {
    throw new ApiError(0, { detail: t('error.network') });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return { body: json, etag: response.headers.get('ETag') };
}

export const get = (path) => call('GET', path).then((r) => r.body);
