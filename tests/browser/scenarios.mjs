// The browser scenarios of issue 3: the back-office and the ticketshop in
// headless Chromium against a live `encore serve` holding the sample
// season moved to the coming weeks (tests/run-browser.sh starts it).
//
// Lines of the sample profile WEB-SEASON, all on the opening concert
// NYP-14934: UPSELL-TSHIRT, CART-PARKING, COND-DINNER (2+ CAT1 seats),
// FAV-SAME-CYCLE, POST-MUSEUM (data/README.md).
import {
  ADMIN_TOKEN, BASE, SHOP_TOKEN, api, createSuite, expect, expectEqual, launchBrowser,
} from './harness.mjs';
import {
  addToCart, cartItem, cartReady, chooseOnProductPage, lineRow, openAdmin, openProfile, openShop, pick, proposal,
} from './pages.mjs';

const suite = createSuite('browser');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const MARKUP = '<b>x</b><img src=x onerror="window.__xss=1">';
const TIMEOUT = 10000;

const browser = await launchBrowser();

async function newPage(viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.problems = problems;
  suite.watch(page);
  return page;
}

async function season() {
  const { json } = await api('GET', '/api/v1/shop/products/NYP-14934?channel=WEB');
  return json.product;
}

// --- the scenarios

suite.test('admin API refuses a missing or wrong token, and nothing is done (issue 3)', async () => {
  const none = await api('GET', '/api/v1/admin/profiles');
  expectEqual(none.status, 401, 'GET profiles without a token');
  expectEqual(none.json?.error?.code, 'unauthorized', 'error code');
  const write = await api('POST', '/api/v1/admin/profiles', {
    body: { code: 'NO-TOKEN', status: 'draft', channels: ['WEB'] },
  });
  expectEqual(write.status, 401, 'POST profiles without a token');
  const wrong = await api('POST', '/api/v1/admin/profiles', {
    token: `${ADMIN_TOKEN}x`,
    body: { code: 'NO-TOKEN', status: 'draft', channels: ['WEB'] },
  });
  expectEqual(wrong.status, 401, 'POST profiles with a wrong token');
  const shopKey = await api('GET', '/api/v1/admin/profiles', { token: SHOP_TOKEN });
  expectEqual(shopKey.status, 401, 'the shop key is not an admin token');
  const after = await api('GET', '/api/v1/admin/profiles/NO-TOKEN', { token: ADMIN_TOKEN });
  expectEqual(after.status, 404, 'the refused profile was not created');

  // The back-office asks for the token, and a wrong one is refused.
  const page = await newPage();
  await page.goto(`${BASE}/admin/`);
  await page.fill('[data-testid=admin-token]', 'not-the-token');
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('[data-testid=login-error]');
  await page.fill('[data-testid=admin-token]', ADMIN_TOKEN);
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('[data-testid=profile-row][data-code=WEB-SEASON]');
  await page.context().close();
});

suite.test('a conditional line made in the back-office is proposed for two 1st-category seats (R4)', async () => {
  const admin = await newPage();
  await openProfile(admin, 'WEB-SEASON');
  await admin.click('[data-testid=add-line][data-type=conditional]');
  await admin.waitForSelector('[data-testid=line-editor]');
  await admin.fill('[data-testid=line-id]', 'COND-TSHIRT');
  await pick(admin, '[data-testid=base-product]', 'NYP-14938', 'beethoven, brahms');
  await admin.fill('[data-testid=when-min-quantity]', '2');
  await admin.check('[data-testid=when-seat-categories] input[data-code=CAT1]');
  await pick(admin, '[data-testid=target-product]', 'TSHIRT');
  await admin.selectOption('[data-testid=target-quantity-mode]', 'proportional');
  await admin.fill('[data-testid=line-text][data-lang=en]', 'Two 1st-category seats: a season T-shirt for each of you?');
  await admin.fill('[data-testid=valid-to]', '2099-12-31');
  await admin.click('[data-testid=save-line]');
  await lineRow(admin, 'COND-TSHIRT').waitFor();
  await admin.click('[data-testid=validate]');
  const notice = await admin.locator('[data-testid=notice]').textContent();
  expect(/No error/.test(notice), `validation: ${notice}`);
  expectEqual(await lineRow(admin, 'COND-TSHIRT').locator('[data-severity=error]').count(), 0, 'errors beside the line');
  await admin.context().close();

  const shop = await newPage();
  await openShop(shop);
  await addToCart(shop, 'NYP-14938', { seat: 'CAT1', audience: 'ADULT', quantity: 1 });
  expectEqual(await proposal(shop, 'COND-TSHIRT').count(), 0, 'one CAT1 seat: not proposed (min_quantity 2)');
  await addToCart(shop, 'NYP-14938', { seat: 'CAT1', audience: 'ADULT', quantity: 1 });
  expectEqual(await cartItem(shop, 'NYP-14938').locator('[data-testid=cart-item-quantity]').textContent(), '× 2', 'two seats in one cart line');
  const card = proposal(shop, 'COND-TSHIRT', '[data-testid=under-cart]');
  await card.waitFor();
  expectEqual(await card.locator('[data-testid=proposal-fixed-quantity]').textContent(), '× 2', 'proportional: one per seat');
  await card.locator('[data-testid=proposal-accept]').click();
  await cartReady(shop);
  expectEqual(await cartItem(shop, 'TSHIRT').locator('[data-testid=cart-item-quantity]').textContent(), '× 2', 'T-shirts added with the proposed quantity');
  expectEqual(shop.problems, [], 'page errors');
  await shop.context().close();
});

suite.test('product page: the upsell offers the package instead, with the same quantity and date (R3, R12)', async () => {
  const page = await newPage();
  await openShop(page);
  const concert = await season();
  await chooseOnProductPage(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  const card = proposal(page, 'UPSELL-TSHIRT', '[data-testid=upsell]');
  await card.waitFor();
  expectEqual(await card.locator('[data-testid=proposal-fixed-quantity]').textContent(), '× 2', 'the focus quantity');
  await card.locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  const item = cartItem(page, 'NYP-14934-TS');
  expectEqual(await item.count(), 1, 'the package is in the cart');
  expectEqual(await cartItem(page, 'NYP-14934').count(), 0, 'instead of the seats');
  expectEqual(await item.getAttribute('data-performance'), 'NYP-14934-TS-1', 'the package on the concert day');
  expectEqual(await item.locator('[data-testid=cart-item-quantity]').textContent(), '× 2', 'quantity');
  expect(concert.performances[0].code === 'NYP-14934-1', 'the first performance is NYP-14934-1');
  await page.context().close();
});

suite.test('cart: parking and dinner under the cart, a favourite beside it; accepting adds them (R3, R6, R8, R10)', async () => {
  const page = await newPage();
  await openShop(page);
  await addToCart(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  const parking = proposal(page, 'CART-PARKING', '[data-testid=under-cart]');
  const dinner = proposal(page, 'COND-DINNER', '[data-testid=under-cart]');
  const favourite = proposal(page, 'FAV-SAME-CYCLE', '[data-testid=favorites]');
  await parking.waitFor();
  await dinner.waitFor();
  await favourite.waitFor();

  // cart: the buyer's choice of 1 to 2 spaces, on the concert day.
  await parking.locator('[data-testid=proposal-quantity]').fill('2');
  await parking.locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  const p = cartItem(page, 'PARKING');
  expectEqual(await p.getAttribute('data-performance'), 'PARKING-01', 'parking on the day of NYP-14934-1');
  expectEqual(await p.locator('[data-testid=cart-item-quantity]').textContent(), '× 2', 'parking quantity');
  expectEqual(await proposal(page, 'CART-PARKING').count(), 0, 'R10: not proposed again');

  // conditional: dinner for two, one per seat.
  await dinner.locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  const d = cartItem(page, 'DINNER');
  expectEqual(await d.getAttribute('data-performance'), 'DINNER-01', 'dinner on the concert day');
  expectEqual(await d.locator('[data-testid=cart-item-quantity]').textContent(), '× 2', 'dinner quantity');

  // favourite: another concert, performance and price chosen by the buyer.
  await favourite.locator('[data-testid=proposal-performance]').selectOption({ index: 1 });
  await favourite.locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  const f = cartItem(page, 'NYP-14944');
  expectEqual(await f.getAttribute('data-performance'), 'NYP-14944-2', 'the favourite on the chosen date');
  expectEqual(page.problems, [], 'page errors');
  await page.context().close();
});

suite.test('pay records the order and the confirmation shows the post-purchase proposal (R3)', async () => {
  const page = await newPage();
  await openShop(page);
  await addToCart(page, 'NYP-14934', { performance: 'NYP-14934-2', seat: 'CAT2', audience: 'ADULT', quantity: 1 });
  const before = (await season()).performances.find((x) => x.code === 'NYP-14934-2').pools.CAT2;
  await page.click('[data-testid=checkout]');
  await page.click('[data-testid=pay]');
  await page.waitForSelector('[data-testid=confirmation]');
  const id = await page.locator('[data-testid=order-id]').textContent();
  expectEqual(await page.locator('[data-testid=order-status]').textContent(), 'paid', 'status');
  const museum = proposal(page, 'POST-MUSEUM', '[data-testid=post-purchase]');
  await museum.waitFor();
  expectEqual(await museum.getAttribute('data-product'), 'MUSEUM-OKA', 'the partner exhibition');
  const after = (await season()).performances.find((x) => x.code === 'NYP-14934-2').pools.CAT2;
  expectEqual(after, before - 1, 'one CAT2 seat sold');
  const order = await api('GET', `/api/v1/orders/${id}`, { token: SHOP_TOKEN });
  expectEqual(order.status, 200, 'the order is recorded');
  expectEqual(order.json.order.items.map((i) => i.product), ['NYP-14934'], 'its items');
  expectEqual(await page.locator('[data-testid=cart-count]').textContent(), '0', 'the cart is emptied');
  await museum.locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  expectEqual(await cartItem(page, 'MUSEUM-OKA').count(), 1, 'accepting starts a new cart with it');
  await page.context().close();
});

suite.test('a shop without its key asks for it at checkout; an order without it is refused (401)', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/shop/`);
  await page.waitForSelector('[data-testid=product-card]');
  await addToCart(page, 'TSHIRT', { quantity: 1 });
  await page.click('[data-testid=checkout]');
  await page.fill('[data-testid=shop-key]', 'not-the-key');
  await page.click('[data-testid=pay]');
  const refused = await page.locator('[data-testid=pay-error]').textContent();
  expect(/shop key/i.test(refused), `the refusal names the key: ${refused}`);
  await page.fill('[data-testid=shop-key]', SHOP_TOKEN);
  await page.click('[data-testid=pay]');
  await page.waitForSelector('[data-testid=confirmation]');
  await page.context().close();
});

suite.test('an invalid line shows its error beside it and the profile cannot be activated (SPEC 6, SPEC 3)', async () => {
  const page = await newPage();
  await openAdmin(page);
  await page.fill('[data-testid=new-profile-code]', 'BROKEN');
  await page.fill('[data-testid=new-profile-name]', 'A broken draft');
  await page.check('[data-testid=new-profile] input[type=checkbox] >> nth=0');
  await page.click('[data-testid=create-profile]');
  await page.waitForSelector('[data-testid=profile][data-code=BROKEN]');
  await page.click('[data-testid=add-line][data-type=cart]');
  await page.fill('[data-testid=line-id]', 'SELF');
  await pick(page, '[data-testid=base-product]', 'NYP-14935');
  await pick(page, '[data-testid=target-product]', 'NYP-14935');
  await page.click('[data-testid=save-line]');
  const row = lineRow(page, 'SELF');
  await row.waitFor();
  await page.click('[data-testid=validate]');
  const error = row.locator('[data-testid=finding][data-severity=error]');
  await error.first().waitFor();
  const message = await error.first().textContent();
  expect(/base/i.test(message), `the error says the target is its own base: ${message}`);
  await page.click('[data-testid=activate]');
  await page.waitForSelector('[data-testid=profile-error]');
  expectEqual(await page.locator('[data-testid=profile-status]').textContent(), 'draft', 'status after activate');
  expect(await row.locator('[data-testid=finding][data-severity=error]').count() >= 1, 'the error stays beside the line');
  const stored = await api('GET', '/api/v1/admin/profiles/BROKEN', { token: ADMIN_TOKEN });
  expectEqual(stored.json.profile.status, 'draft', 'stored status');
  await page.context().close();
});

suite.test('activating a valid draft takes its channel over, deactivating returns it to draft (SPEC 3)', async () => {
  const page = await newPage();
  await openAdmin(page);
  await page.fill('[data-testid=new-profile-code]', 'APP-ONLY');
  await page.check('[data-testid=new-profile] label:has(code:text-is("MOBILE")) input');
  await page.click('[data-testid=create-profile]');
  await page.waitForSelector('[data-testid=profile][data-code=APP-ONLY]');
  await page.click('[data-testid=add-line][data-type=favorite]');
  await page.fill('[data-testid=line-id]', 'FAV');
  await pick(page, '[data-testid=base-product]', 'NYP-14935');
  await pick(page, '[data-testid=target-product]', 'NYP-14944');
  await page.click('[data-testid=save-line]');
  await lineRow(page, 'FAV').waitFor();
  await page.click('[data-testid=activate]');
  await page.waitForSelector('[data-testid=deactivate]');
  expectEqual(await page.locator('[data-testid=profile-status]').textContent(), 'active', 'status');
  const notice = await page.locator('[data-testid=notice]').textContent();
  expect(/MOBILE from WEB-SEASON/.test(notice), `the take-over is said: ${notice}`);
  const season = await api('GET', '/api/v1/admin/profiles/WEB-SEASON', { token: ADMIN_TOKEN });
  expectEqual(season.json.profile.channels, ['WEB'], 'WEB-SEASON keeps WEB only');
  await page.click('[data-testid=deactivate]');
  await page.waitForSelector('[data-testid=activate]');
  expectEqual(await page.locator('[data-testid=profile-status]').textContent(), 'draft', 'status after deactivate');
  await page.context().close();
});

suite.test('the shop in French: names, texts and its own words in the asked language (R13)', async () => {
  const page = await newPage();
  await openShop(page);
  await page.click('button.lang:text-is("FR")');
  await page.waitForSelector('[data-testid=product-card][data-code=NYP-14934]:has-text("Mozart et Mahler")');
  await addToCart(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  const parking = proposal(page, 'CART-PARKING');
  await parking.waitFor();
  expectEqual(await parking.locator('.proposal-name').textContent(), 'Parking le jour du concert', 'name');
  expect(/^Garez-vous/.test(await parking.locator('.proposal-text').textContent()), 'the French text');
  expectEqual((await parking.locator('[data-testid=proposal-accept]').textContent()).trim(), 'Ajouter au panier', 'button');
  await page.context().close();
});

suite.test('lines are reordered within their kind with the up/down buttons; the profile\'s name and limits are saved', async () => {
  const made = await api('POST', '/api/v1/admin/profiles', {
    token: ADMIN_TOKEN,
    body: {
      code: 'ORDERED', status: 'draft', channels: ['WEB'],
      lines: [
        { id: 'A', type: 'cart', base: 'NYP-14935', targets: [{ product: 'PARKING' }] },
        { id: 'F', type: 'favorite', base: 'NYP-14935', targets: [{ product: 'NYP-14944' }] },
        { id: 'B', type: 'cart', base: 'NYP-14935', targets: [{ product: 'DINNER' }] },
      ],
    },
  });
  expectEqual(made.status, 201, 'profile created');
  const page = await newPage();
  await openProfile(page, 'ORDERED');
  await lineRow(page, 'B').locator('[data-testid=line-up]').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=line-group][data-type=cart] [data-testid=line]')]
    .map((e) => e.dataset.id).join() === 'B,A');
  const stored = await api('GET', '/api/v1/admin/profiles/ORDERED', { token: ADMIN_TOKEN });
  expectEqual(stored.json.profile.lines.map((l) => l.id), ['B', 'F', 'A'], 'stored order');
  await page.reload();
  await page.waitForSelector('[data-testid=profile][data-code=ORDERED]');
  const shown = await page.locator('[data-testid=line-group][data-type=cart] [data-testid=line]').evaluateAll((es) => es.map((e) => e.dataset.id));
  expectEqual(shown, ['B', 'A'], 'order after a reload');

  // The profile's own fields: a name per language, channels, limits (R14).
  await page.click('.settings summary');
  await page.fill('.settings label:has-text("Name (fr)") input', 'Dans l’ordre');
  await page.fill('.settings label:has-text("sidebar") input', '1');
  await page.click('[data-testid=save-profile]');
  await page.waitForSelector('[data-testid=profile] h1:has-text("Dans l’ordre")');
  const saved = await api('GET', '/api/v1/admin/profiles/ORDERED', { token: ADMIN_TOKEN });
  expectEqual(saved.json.profile.limits, { sidebar: 1 }, 'limits');
  expectEqual(saved.json.profile.name, { fr: 'Dans l’ordre' }, 'name');
  expectEqual(saved.json.profile.lines.map((l) => l.id), ['B', 'F', 'A'], 'the lines kept');
  await page.context().close();
});

suite.test('the line editor saves every line as it read it (SPEC 3 fields round trip)', async () => {
  const before = await api('GET', '/api/v1/admin/profiles/WEB-SEASON', { token: ADMIN_TOKEN });
  const page = await newPage();
  for (const line of before.json.profile.lines) {
    await openAdmin(page, `#/profile/WEB-SEASON/line/${line.id}`);
    await page.waitForFunction((id) => document.querySelector('[data-testid=line-id]')?.value === id, line.id);
    await page.waitForSelector('[data-testid=line-editor] [data-testid=base-product] [data-testid=picked]');
    await page.click('[data-testid=save-line]');
    await page.waitForSelector('[data-testid=profile][data-code=WEB-SEASON]');
  }
  const after = await api('GET', '/api/v1/admin/profiles/WEB-SEASON', { token: ADMIN_TOKEN });
  expectEqual(after.json.profile.lines, before.json.profile.lines, 'the lines after a save without change');
  await page.context().close();
});

suite.test('a text holding markup shows as plain text in the back-office and the shop (SPEC 5)', async () => {
  const admin = await newPage();
  await openProfile(admin, 'WEB-SEASON');
  await lineRow(admin, 'FAV-SAME-CYCLE').locator('[data-testid=edit-line]').click();
  await admin.waitForSelector('[data-testid=line-editor]');
  await admin.fill('[data-testid=line-text][data-lang=en]', MARKUP);
  await admin.click('[data-testid=save-line]');
  const text = lineRow(admin, 'FAV-SAME-CYCLE').locator('.line-text');
  await text.waitFor();
  expectEqual(await text.textContent(), MARKUP, 'the text in the back-office');
  expectEqual(await lineRow(admin, 'FAV-SAME-CYCLE').locator('b, img').count(), 0, 'no element made from it');
  await admin.context().close();

  const shop = await newPage();
  await openShop(shop);
  await addToCart(shop, 'NYP-14934', { performance: 'NYP-14934-3', seat: 'CAT3', audience: 'ADULT', quantity: 1 });
  const card = proposal(shop, 'FAV-SAME-CYCLE', '[data-testid=favorites]');
  await card.waitFor();
  expectEqual(await card.locator('.proposal-text').textContent(), MARKUP, 'the text in the shop');
  expectEqual(await card.locator('b, img').count(), 0, 'no element made from it in the shop');
  expectEqual(await shop.evaluate(() => window.__xss), undefined, 'no script ran');
  await shop.context().close();
});

suite.test('preview: the proposals and, per line, why it fired or which rule stopped it', async () => {
  const page = await newPage();
  await openAdmin(page, '#/preview');
  await page.waitForSelector('[data-testid=preview]');
  await page.selectOption('[data-testid=preview-stage]', 'cart');
  await pick(page, '[data-testid=preview-item] [data-testid=preview-product]', 'NYP-14934');
  await page.waitForSelector('[data-testid=preview-performance] option[value="NYP-14934-1"]', { state: 'attached' });
  await page.selectOption('[data-testid=preview-performance]', 'NYP-14934-1');
  await page.selectOption('[data-testid=preview-seat-category]', 'CAT1');
  await page.selectOption('[data-testid=preview-audience]', 'ADULT');
  await page.fill('[data-testid=preview-quantity]', '1');
  await page.click('[data-testid=preview-run]');
  await page.waitForSelector('[data-testid=trace]');
  expectEqual(await page.locator('[data-testid=preview-proposal][data-line=CART-PARKING]').count(), 1, 'parking proposed');
  expectEqual(await page.locator('[data-testid=preview-proposal][data-line=COND-DINNER]').count(), 0, 'dinner not proposed for one seat');
  const stopped = page.locator('[data-testid=trace-entry][data-line=COND-DINNER]');
  expect(await stopped.count() >= 1, 'the conditional line is in the trace');
  const why = await stopped.first().textContent();
  expect(/R4/.test(why), `COND-DINNER stopped by R4: ${why}`);
  const fired = page.locator('[data-testid=trace-entry][data-line=CART-PARKING][data-outcome=proposed]');
  expect(await fired.count() >= 1, 'CART-PARKING fired');
  await page.context().close();
});

suite.test('two buyers race for the last parking space: one order, one clear sold-out message (R7)', async () => {
  const push = await api('PUT', '/api/v1/admin/availability', {
    token: ADMIN_TOKEN,
    body: { performances: [{ code: 'PARKING-03', capacity: { '*': 1 } }] },
  });
  expectEqual(push.status, 200, 'availability pushed');
  const buyers = [await newPage(), await newPage()];
  for (const page of buyers) {
    await openShop(page);
    await addToCart(page, 'PARKING', { performance: 'PARKING-03', quantity: 1 });
    await page.click('[data-testid=checkout]');
    await page.waitForSelector('[data-testid=pay]');
  }
  await Promise.all(buyers.map((page) => page.click('[data-testid=pay]')));
  const outcomes = await Promise.all(buyers.map((page) => page.waitForSelector(
    '[data-testid=confirmation], [data-testid=pay-error]',
  ).then((e) => e.getAttribute('data-testid'))));
  expectEqual(outcomes.slice().sort(), ['confirmation', 'pay-error'], 'outcomes');
  const loser = buyers[outcomes.indexOf('pay-error')];
  const message = await loser.locator('[data-testid=pay-error]').textContent();
  expect(/sold out/i.test(message) && /Parking/.test(message), `a clear sold-out message: ${message}`);
  expectEqual(await loser.locator('[data-testid=pay-error]').getAttribute('data-sold-out'), 'true', 'a 409');
  const { json } = await api('GET', '/api/v1/shop/products/PARKING?channel=WEB');
  const left = json.product.performances.find((x) => x.code === 'PARKING-03');
  expectEqual(left ? left.pools['*'] : 0, 0, 'nothing left, nothing sold twice');
  for (const page of buyers) await page.context().close();
});

suite.test('the shop and the back-office fit a phone screen (390x844)', async () => {
  const page = await newPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await openShop(page);
  await addToCart(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  await proposal(page, 'CART-PARKING').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= PHONE.width, `the cart page is ${width} px wide`);
  await page.context().close();

  const admin = await newPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await openProfile(admin, 'WEB-SEASON');
  const adminWidth = await admin.evaluate(() => document.documentElement.scrollWidth);
  expect(adminWidth <= PHONE.width, `the profile page is ${adminWidth} px wide`);
  await lineRow(admin, 'COND-DINNER').locator('[data-testid=edit-line]').click();
  await admin.waitForSelector('[data-testid=line-editor] [data-testid=base-product] [data-testid=picked]');
  const editorWidth = await admin.evaluate(() => document.documentElement.scrollWidth);
  expect(editorWidth <= PHONE.width, `the line editor is ${editorWidth} px wide`);
  await openAdmin(admin, '#/preview');
  await admin.waitForSelector('[data-testid=preview]');
  const previewWidth = await admin.evaluate(() => document.documentElement.scrollWidth);
  expect(previewWidth <= PHONE.width, `the preview is ${previewWidth} px wide`);
  await admin.context().close();
});

const failed = await suite.run();
await browser.close();
process.exit(failed ? 1 : 0);
