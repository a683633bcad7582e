// OpenAPI conformance (issue 3): every operation of web/openapi.json is
// called for real against a live `encore serve`, and each answer's status
// must be one the document lists for that operation, its body valid
// against the schema given for that status (JSON Schema 2020-12, ajv).
// The request bodies sent are checked against the document as well, so a
// request the server accepts is one the document allows; a body sent on
// purpose to be refused says so (bad: true) and is not checked.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ADMIN_TOKEN, SHOP_TOKEN, api, createSuite, expect, expectEqual } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const doc = JSON.parse(readFileSync(join(root, 'web', 'openapi.json'), 'utf8'));
const suite = createSuite('openapi');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const called = new Map(); // "METHOD template" -> Set of statuses seen

const pointer = (...parts) => parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function validator(...parts) {
  const ref = `openapi.json#/${pointer(...parts)}`;
  return ajv.getSchema(ref) || ajv.compile({ $ref: ref });
}

// The template of the document that a concrete path matches.
function templateOf(method, path) {
  const bare = path.split('?')[0];
  for (const [template, item] of Object.entries(doc.paths)) {
    if (!item[method]) continue;
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, (m) => (m.includes('file') ? '.+' : '[^/]+'))}$`);
    if (re.test(bare)) return template;
  }
  return null;
}

function describeErrors(errors) {
  return (errors || []).slice(0, 4).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

// Calls the server and checks the call against the document: the path and
// method exist, the request body is valid, the status is listed, the body
// valid against its schema. Returns the answer (status, json, headers).
async function call(method, path, options = {}, expectStatus) {
  const m = method.toLowerCase();
  const template = templateOf(m, path);
  expect(template, `${method} ${path} is not in the document`);
  const op = doc.paths[template][m];
  if (options.body !== undefined && typeof options.body !== 'string' && op.requestBody && !options.bad) {
    const v = validator('paths', template, m, 'requestBody', 'content', 'application/json', 'schema');
    expect(v(options.body), `${method} ${template}: the request sent is not valid by the document: ${describeErrors(v.errors)}`);
  }
  const answer = await api(method, path, options);
  const key = `${method.toUpperCase()} ${template}`;
  if (!called.has(key)) called.set(key, new Set());
  called.get(key).add(answer.status);
  if (expectStatus !== undefined) expectEqual(answer.status, expectStatus, `${method} ${path} status (${answer.text.slice(0, 200)})`);
  const response = op.responses[String(answer.status)];
  expect(response, `${method} ${template} answered ${answer.status}, which the document does not list`);
  const media = response.content?.['application/json'];
  if (media?.schema) {
    expect(/application\/json/.test(answer.headers.get('content-type') || ''), `${method} ${path}: Content-Type ${answer.headers.get('content-type')}`);
    const v = validator('paths', template, m, 'responses', String(answer.status), 'content', 'application/json', 'schema');
    expect(v(answer.json), `${method} ${path} ${answer.status}: the body does not match the document: ${describeErrors(v.errors)}\n${answer.text.slice(0, 300)}`);
  }
  for (const header of Object.keys(response.headers || {})) {
    expect(answer.headers.get(header) !== null, `${method} ${path}: header ${header} missing`);
  }
  return answer;
}

const A = { token: ADMIN_TOKEN };
const S = { token: SHOP_TOKEN };
const cartItem = { product: 'NYP-14934', performance: 'NYP-14934-1', seat_category: 'CAT1', audience: 'ADULT', quantity: 2 };

suite.test('the document is OpenAPI 3.1 and the server serves it as it is', async () => {
  expect(/^3\.1\./.test(doc.openapi), `openapi ${doc.openapi}`);
  const served = await call('GET', '/api/v1/openapi.json', {}, 200);
  expectEqual(served.json, doc, 'the served document');
});

suite.test('public: health, proposals, static pages', async () => {
  await call('GET', '/healthz', {}, 200);
  for (const stage of ['product', 'cart', 'confirmation']) {
    const body = { channel: 'WEB', stage, lang: 'en', cart: stage === 'product' ? [] : [cartItem] };
    if (stage === 'product') body.focus = cartItem;
    const a = await call('POST', '/api/v1/proposals', { body }, 200);
    expect(a.json.proposals.length > 0, `${stage}: proposals`);
  }
  await call('POST', '/api/v1/proposals', { body: '{"channel":' }, 400);
  await call('POST', '/api/v1/proposals', { body: { channel: 'NOPE', stage: 'cart', cart: [] } }, 422);
  await call('POST', '/api/v1/proposals', { body: 'x', headers: { 'Content-Type': 'text/plain' } }, 415);
  const root = await call('GET', '/', {}, 302);
  expectEqual(root.headers.get('location'), '/shop/', 'Location');
  for (const page of ['admin', 'shop']) {
    const index = await call('GET', `/${page}/`, {}, 200);
    expect(/text\/html/.test(index.headers.get('content-type')), `${page}/ is HTML`);
    const js = await call('GET', `/${page}/app.js`, {}, 200);
    expect(/javascript/.test(js.headers.get('content-type')), `${page}/app.js is JavaScript`);
    await call('GET', `/${page}/no-such-file.css`, {}, 404);
    await call('GET', `/${page}/..%2f..%2fCMakeLists.txt`, {}, 404);
  }
});

suite.test('shop: products on sale and one product', async () => {
  const list = await call('GET', '/api/v1/shop/products?channel=WEB&lang=fr', {}, 200);
  expect(list.json.products.some((p) => p.code === 'NYP-14934'), 'the opening concert is on sale');
  await call('GET', '/api/v1/shop/products?lang=en', {}, 400);
  await call('GET', '/api/v1/shop/products?channel=NOPE', {}, 422);
  await call('GET', '/api/v1/shop/products/PARKING?channel=WEB', {}, 200);
  await call('GET', '/api/v1/shop/products/NO-SUCH?channel=WEB', {}, 404);
});

suite.test('orders: create, retry, read, cancel (shop token, Idempotency-Key)', async () => {
  const body = { channel: 'WEB', lang: 'en', cart: [{ product: 'PARKING', performance: 'PARKING-02', quantity: 1 }] };
  const key = { 'Idempotency-Key': `openapi-${Date.now()}` };
  await call('POST', '/api/v1/orders', { body, headers: key }, 401);
  const made = await call('POST', '/api/v1/orders', { ...S, body, headers: key }, 201);
  const again = await call('POST', '/api/v1/orders', { ...S, body, headers: key }, 200);
  expectEqual(again.json.order.id, made.json.order.id, 'a retry answers the same order');
  await call('POST', '/api/v1/orders', { ...S, body: { ...body, lang: 'fr' }, headers: key }, 409);
  await call('POST', '/api/v1/orders', { ...S, body: { channel: 'WEB', cart: [{ product: 'PARKING', performance: 'PARKING-02', quantity: 1 }] }, headers: { 'Idempotency-Key': `too-many-${Date.now()}` } }, 201);
  await call('POST', '/api/v1/orders', {
    ...S,
    body: { channel: 'WEB', cart: [{ product: 'PARKING', performance: 'PARKING-02', quantity: 1000 }] },
    headers: { 'Idempotency-Key': `x-${Date.now()}` },
  });
  const id = made.json.order.id;
  await call('GET', `/api/v1/orders/${id}`, S, 200);
  await call('GET', `/api/v1/orders/${id}`, {}, 401);
  await call('GET', '/api/v1/orders/999999', S, 404);
  await call('POST', `/api/v1/orders/${id}/cancel`, S, 200);
  await call('POST', `/api/v1/orders/${id}/cancel`, S, 409);
});

suite.test('admin: reference lists, search, product, institution, catalogue export', async () => {
  for (const path of ['/seat-categories', '/audiences', '/channels', '/institution']) {
    await call('GET', `/api/v1/admin${path}?lang=fr`.replace('/institution?lang=fr', '/institution'), A, 200);
    await call('GET', `/api/v1/admin${path}`, {}, 401);
  }
  const found = await call('GET', '/api/v1/admin/products?q=mahler&limit=5', A, 200);
  expect(found.json.products.some((p) => p.code === 'NYP-14934'), 'search finds Mahler');
  await call('GET', '/api/v1/admin/products?q=x&limit=0', A, 400);
  await call('GET', '/api/v1/admin/products/DINNER', A, 200);
  await call('GET', '/api/v1/admin/products/NO-SUCH', A, 404);
  const exported = await call('GET', '/api/v1/admin/catalogue', A, 200);
  expectEqual(exported.json.format, 'encore-catalogue/1', 'format');
});

suite.test('admin: profiles and lines, validate, activate, deactivate, delete', async () => {
  const P = '/api/v1/admin/profiles';
  await call('GET', P, A, 200);
  await call('GET', P, {}, 401);
  const profile = { code: 'OAS', name: { en: 'OpenAPI check' }, status: 'draft', channels: ['MOBILE'] };
  await call('POST', P, { ...A, body: profile }, 201);
  await call('POST', P, { ...A, body: profile }, 409);
  await call('POST', P, { ...A, body: { ...profile, code: 'OAS2', channels: ['NOPE'] } }, 422);
  await call('GET', `${P}/OAS`, A, 200);
  await call('GET', `${P}/NOPE`, A, 404);
  await call('PUT', `${P}/OAS`, { ...A, body: { ...profile, limits: { sidebar: 2 } } }, 200);
  const line = { id: 'L1', type: 'cart', base: 'NYP-14935', targets: [{ product: 'PARKING', date: 'same_as_base' }], text: { en: 'Parking?' } };
  await call('POST', `${P}/OAS/lines`, { ...A, body: line }, 201);
  await call('POST', `${P}/OAS/lines`, { ...A, body: line }, 409);
  await call('POST', `${P}/OAS/lines`, { ...A, body: { ...line, id: 'L2', base: 'NO-SUCH' } }, 422);
  await call('POST', `${P}/OAS/lines`, { ...A, body: { ...line, id: 'L2', type: 'favorite', targets: [{ product: 'NYP-14944' }] } }, 201);
  await call('GET', `${P}/OAS/lines/L1`, A, 200);
  await call('PUT', `${P}/OAS/lines/L1`, { ...A, body: { ...line, valid_to: '2099-12-31' } }, 200);
  await call('PUT', `${P}/OAS/lines`, { ...A, body: { order: ['L2', 'L1'] } }, 200);
  await call('PUT', `${P}/OAS/lines`, { ...A, body: { order: ['L2'] } }, 400);
  const checked = await call('POST', `${P}/OAS/validate`, A, 200);
  expectEqual(checked.json.errors, 0, 'no error');
  const active = await call('POST', `${P}/OAS/activate`, A, 200);
  expectEqual(active.json.took_over, [{ channel: 'MOBILE', from: 'WEB-SEASON' }], 'took MOBILE over (SPEC 3)');
  await call('PUT', `${P}/OAS/lines/L1`, { ...A, body: { ...line, targets: [{ product: 'NYP-14935' }] } }, 422);
  await call('DELETE', `${P}/OAS`, A, 409);
  await call('POST', `${P}/OAS/deactivate`, A, 200);
  await call('DELETE', `${P}/OAS/lines/L2`, A, 200);
  await call('DELETE', `${P}/OAS/lines/L2`, A, 404);
  await call('POST', `${P}/OAS/lines`, { ...A, body: { id: 'BAD', type: 'cart', base: 'NYP-14935', targets: [{ product: 'NYP-14935' }] } }, 201);
  await call('POST', `${P}/OAS/activate`, A, 422);
  await call('DELETE', `${P}/OAS`, A, 200);
  await call('POST', `${P}/OAS/validate`, A, 404);
});

suite.test('admin: availability push, preview with its trace, catalogue import', async () => {
  await call('PUT', '/api/v1/admin/availability', { ...A, body: { performances: [{ code: 'PARKING-04', capacity: { '*': 3 } }], products: [{ code: 'TSHIRT', stock: 5 }] } }, 200);
  await call('PUT', '/api/v1/admin/availability', { ...A, body: { performances: [{ code: 'PARKING-04', capacity: { CAT1: 3 } }] } }, 422);
  await call('PUT', '/api/v1/admin/availability', { body: { products: [] } }, 401);
  const preview = await call('POST', '/api/v1/admin/preview', { ...A, body: { channel: 'WEB', stage: 'cart', cart: [cartItem] } }, 200);
  expect(preview.json.trace.length > 0, 'a trace');
  await call('POST', '/api/v1/admin/preview', { ...A, body: { channel: 'WEB', stage: 'cart', cart: [{ ...cartItem, quantity: 0 }] }, bad: true }, 400);
  const season = JSON.parse(readFileSync(process.env.ENCORE_SEASON, 'utf8'));
  const imported = await call('PUT', '/api/v1/admin/catalogue', { ...A, body: season }, 200);
  expect(imported.json.findings.warnings >= 1, 'the draft WEB-FAMILY warns');
  await call('PUT', '/api/v1/admin/catalogue', { ...A, body: { format: 'encore-catalogue/2' }, bad: true }, 400);
});

suite.test('every operation of the document was called', async () => {
  const missing = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      if (item[m] && !called.has(`${m.toUpperCase()} ${template}`)) missing.push(`${m.toUpperCase()} ${template}`);
    }
  }
  expectEqual(missing, [], 'operations never called');
});

const failed = await suite.run();
process.exit(failed ? 1 : 0);
