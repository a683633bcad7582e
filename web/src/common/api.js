// Calls to Encore's JSON API from the pages. Every error the server sends
// has the shape of SPEC 8, {"error": {"code", "message", "field"}}; it is
// thrown as an ApiError that keeps those three, so a form can show the
// message beside the field it names.

export class ApiError extends Error {
  constructor(status, error, body) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code || 'http_error';
    this.field = error?.field || null;
    this.body = body;
  }
}

// Sends one request and returns the decoded JSON answer (null when the
// answer has no body). options: body (sent as JSON), token (sent as a
// Bearer credential, never in the URL), headers (added as they are).
export async function apiCall(method, path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const init = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: 'The server cannot be reached.' });
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
  if (!response.ok) throw new ApiError(response.status, data?.error, data);
  return data;
}

// Builds a query string from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// Reads a secret handed over in the URL fragment (#name=value), keeps it in
// sessionStorage under key, and removes it from the address bar so that it
// is neither bookmarked nor sent anywhere. Returns the secret now kept, or
// null. The fragment never reaches a server, unlike a query string.
export function takeSecretFromFragment(name, key) {
  const hash = window.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const value = params.get(name);
  if (value) {
    sessionStorage.setItem(key, value);
    params.delete(name);
    const rest = params.toString();
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
    window.history.replaceState(null, '', url);
  }
  return sessionStorage.getItem(key);
}
