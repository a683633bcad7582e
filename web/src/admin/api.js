// The back-office's calls to the admin API. The admin token is asked once
// (or taken from the URL fragment #token=...) and kept in sessionStorage;
// it is sent only as `Authorization: Bearer`, never in a URL. A 401 forgets
// it, so the token is asked again.
import { apiCall, query, takeSecretFromFragment } from '../common/api.js';

const TOKEN_KEY = 'encore.admin.token';
const listeners = new Set();

export function takeAdminToken() {
  return takeSecretFromFragment('token', TOKEN_KEY);
}

export function adminToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setAdminToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  for (const f of listeners) f(token);
}

// Calls f(token) whenever the token changes (set, or forgotten on a 401).
export function onTokenChange(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

// One call to /api/v1/admin + path; body is sent as JSON when given.
export async function admin(method, path, body) {
  try {
    return await apiCall(method, `/api/v1/admin${path}`, { token: adminToken(), body });
  } catch (e) {
    if (e.status === 401) setAdminToken(null);
    throw e;
  }
}

const enc = encodeURIComponent;

export const adminApi = {
  institution: () => admin('GET', '/institution'),
  channels: (lang) => admin('GET', `/channels${query({ lang })}`),
  seatCategories: (lang) => admin('GET', `/seat-categories${query({ lang })}`),
  audiences: (lang) => admin('GET', `/audiences${query({ lang })}`),
  searchProducts: (q, lang, limit = 20) => admin('GET', `/products${query({ q, lang, limit })}`),
  product: (code) => admin('GET', `/products/${enc(code)}`),
  profiles: () => admin('GET', '/profiles'),
  createProfile: (profile) => admin('POST', '/profiles', profile),
  profile: (code) => admin('GET', `/profiles/${enc(code)}`),
  replaceProfile: (code, profile) => admin('PUT', `/profiles/${enc(code)}`, profile),
  deleteProfile: (code) => admin('DELETE', `/profiles/${enc(code)}`),
  createLine: (code, line) => admin('POST', `/profiles/${enc(code)}/lines`, line),
  line: (code, id) => admin('GET', `/profiles/${enc(code)}/lines/${enc(id)}`),
  replaceLine: (code, id, line) => admin('PUT', `/profiles/${enc(code)}/lines/${enc(id)}`, line),
  deleteLine: (code, id) => admin('DELETE', `/profiles/${enc(code)}/lines/${enc(id)}`),
  reorderLines: (code, order) => admin('PUT', `/profiles/${enc(code)}/lines`, { order }),
  validate: (code) => admin('POST', `/profiles/${enc(code)}/validate`),
  activate: (code) => admin('POST', `/profiles/${enc(code)}/activate`),
  deactivate: (code) => admin('POST', `/profiles/${enc(code)}/deactivate`),
  preview: (request) => admin('POST', '/preview', request),
};
