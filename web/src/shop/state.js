// The shop's state kept in the browser: the cart (sessionStorage, so a
// reload keeps it), the language, the shop key, and the answers of the
// orders paid in this tab.
import { apiCall, query, takeSecretFromFragment } from '../common/api.js';

export const CHANNEL = 'WEB';
const CART_KEY = 'encore.shop.cart';
const LANG_KEY = 'encore.shop.lang';
const SHOP_KEY = 'encore.shop.key';

export function loadCart() {
  try {
    const cart = JSON.parse(sessionStorage.getItem(CART_KEY) || '[]');
    return Array.isArray(cart) ? cart : [];
  } catch (e) {
    return [];
  }
}

export function saveCart(cart) {
  sessionStorage.setItem(CART_KEY, JSON.stringify(cart));
}

export function loadLang() {
  return sessionStorage.getItem(LANG_KEY) || '';
}

export function saveLang(lang) {
  sessionStorage.setItem(LANG_KEY, lang);
}

// The shop key arrives once in the fragment (#key=...) and is kept for the
// tab; it is sent only as a Bearer credential when an order is paid.
export function takeShopKey() {
  return takeSecretFromFragment('key', SHOP_KEY);
}

export function setShopKey(key) {
  sessionStorage.setItem(SHOP_KEY, key);
}

export function shopKey() {
  return sessionStorage.getItem(SHOP_KEY);
}

// The request item of SPEC 8 for a cart item: only the fields it names.
export function requestItem(item) {
  const out = { product: item.product };
  for (const k of ['performance', 'seat_category', 'audience']) {
    if (item[k]) out[k] = item[k];
  }
  out.quantity = item.quantity;
  return out;
}

// Two cart items are the same line of the cart when they name the same
// product, performance, seat category and audience.
export function sameItem(a, b) {
  return ['product', 'performance', 'seat_category', 'audience'].every(
    (k) => (a[k] || '') === (b[k] || ''),
  );
}

// Adds item to cart (a new array): an item already there gets its quantity
// raised instead of a second line.
export function cartWith(cart, item) {
  const i = cart.findIndex((c) => sameItem(c, item));
  if (i < 0) return [...cart, item];
  const next = cart.slice();
  next[i] = { ...next[i], quantity: next[i].quantity + item.quantity };
  return next;
}

// TODO(shop): the programme shows the first 200 products the API gives (its
// default limit); a large catalogue wants paging or a search box.
export function fetchProducts(lang) {
  return apiCall('GET', `/api/v1/shop/products${query({ channel: CHANNEL, lang })}`);
}

export function fetchProduct(code, lang) {
  return apiCall(
    'GET',
    `/api/v1/shop/products/${encodeURIComponent(code)}${query({ channel: CHANNEL, lang })}`,
  );
}

// Asks for the proposals of SPEC 8 at a stage of the purchase.
export function fetchProposals(stage, cart, lang, focus) {
  const body = { channel: CHANNEL, stage, cart: cart.map(requestItem) };
  if (lang) body.lang = lang;
  if (focus) body.focus = requestItem(focus);
  return apiCall('POST', '/api/v1/proposals', { body });
}

// Records the order of the cart. idempotencyKey makes a retry of the same
// payment sell nothing more.
export function postOrder(cart, lang, idempotencyKey) {
  const body = { channel: CHANNEL, cart: cart.map(requestItem) };
  if (lang) body.lang = lang;
  return apiCall('POST', '/api/v1/orders', {
    body,
    token: shopKey(),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function rememberOrder(answer) {
  sessionStorage.setItem(`encore.shop.order.${answer.order.id}`, JSON.stringify(answer));
}

export function recalledOrder(id) {
  try {
    return JSON.parse(sessionStorage.getItem(`encore.shop.order.${id}`) || 'null');
  } catch (e) {
    return null;
  }
}

// Moves to a page of the shop (see main.js for the routes).
export function go(path) {
  window.location.hash = `#/${path}`;
}
