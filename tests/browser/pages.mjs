// Steps on the back-office and the ticketshop that the browser suites
// share: sign in, open a profile, pick a product, choose and add an item,
// wait for the proposals of the cart on screen.
import { ADMIN_TOKEN, BASE, SHOP_TOKEN, expect } from './harness.mjs';

// --- back-office helpers

export async function openAdmin(page, path = '') {
  await page.goto(`${BASE}/admin/#token=${ADMIN_TOKEN}`);
  await page.waitForSelector('[data-testid=profiles]');
  expect(!new URL(page.url()).hash.includes(ADMIN_TOKEN), 'the admin token stays in the address bar');
  if (path) await page.evaluate((h) => { window.location.hash = h; }, path);
}

export async function openProfile(page, code) {
  await openAdmin(page, `#/profile/${code}`);
  await page.waitForSelector(`[data-testid=profile][data-code="${code}"]`);
}

// Picks a product in the picker inside scope by typing its code.
export async function pick(page, scope, code, typed = code) {
  const picker = page.locator(scope).first();
  await picker.locator('[data-testid=picker-input]').fill(typed);
  await picker.locator(`[data-testid=picker-result][data-code="${code}"]`).click();
  await picker.locator(`[data-testid=picked][data-code="${code}"]`).waitFor();
}

export function lineRow(page, id) {
  return page.locator(`[data-testid=line][data-id="${id}"]`);
}

// --- ticketshop helpers

export async function openShop(page) {
  await page.goto(`${BASE}/shop/#key=${SHOP_TOKEN}`);
  await page.waitForSelector('[data-testid=product-card]');
  expect(!new URL(page.url()).hash.includes(SHOP_TOKEN), 'the shop key stays in the address bar');
}

// Opens a product's page and makes the choices given (each optional).
export async function chooseOnProductPage(page, code, { performance, seat, audience, quantity } = {}) {
  await page.evaluate((c) => { window.location.hash = `#/product/${c}`; }, code);
  await page.waitForSelector(`[data-testid=product-page][data-code="${code}"]`);
  if (performance) await page.selectOption('[data-testid=performance]', performance);
  if (seat) await page.selectOption('[data-testid=seat-category]', seat);
  if (audience) await page.selectOption('[data-testid=audience]', audience);
  if (quantity) await page.fill('[data-testid=quantity]', String(quantity));
  await page.waitForSelector('[data-testid=product-page][data-state=ready]');
}

export async function addToCart(page, code, choices) {
  await chooseOnProductPage(page, code, choices);
  await page.click('[data-testid=add-to-cart]');
  await cartReady(page);
}

export async function cartReady(page) {
  await page.waitForSelector('[data-testid=cart-page][data-state=ready]');
}

export function proposal(page, line, where = '') {
  return page.locator(`${where} [data-testid=proposal][data-line="${line}"]`.trim());
}

export function cartItem(page, product) {
  return page.locator(`[data-testid=cart-item][data-product="${product}"]`);
}

