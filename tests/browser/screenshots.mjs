// The README's screenshots (docs/img/), taken on a fresh server holding the
// sample season as `make demo` serves it: the ticketshop and the
// back-office, on a desktop (1280x860) and on a phone (390x844). Each shot
// is also a check that its page shows what it should.
//
// Run by tests/run-browser.sh when ENCORE_SCREENSHOTS names the folder:
//   ENCORE_SCREENSHOTS=docs/img sh tests/run-browser.sh build/encore
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSuite, launchBrowser } from './harness.mjs';
import { addToCart, cartReady, chooseOnProductPage, openAdmin, openProfile, openShop, pick, proposal } from './pages.mjs';

const SHOTS = resolve(process.env.ENCORE_SCREENSHOTS || 'docs/img');
const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const suite = createSuite('screenshots');
const browser = await launchBrowser();
mkdirSync(SHOTS, { recursive: true });

// Runs steps on a new page and saves what the screen shows as name.
function shot(name, device, steps, fullPage = false) {
  suite.test(`screenshot ${name}`, async () => {
    const context = await browser.newContext(device);
    context.setDefaultTimeout(10000);
    const page = await context.newPage();
    suite.watch(page);
    await steps(page);
    await page.screenshot({ path: join(SHOTS, name), fullPage });
    await context.close();
  });
}

const seatsInCart = async (page) => {
  await openShop(page);
  await addToCart(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  await proposal(page, 'COND-DINNER').waitFor();
  await proposal(page, 'FAV-SAME-CYCLE').waitFor();
};

shot('shop-desktop.png', DESKTOP, seatsInCart);
shot('shop-phone.png', PHONE, seatsInCart);
shot('shop-product-desktop.png', DESKTOP, async (page) => {
  await openShop(page);
  await chooseOnProductPage(page, 'NYP-14934', { performance: 'NYP-14934-1', seat: 'CAT1', audience: 'ADULT', quantity: 2 });
  await proposal(page, 'UPSELL-TSHIRT').waitFor();
});
shot('shop-confirmation-desktop.png', DESKTOP, async (page) => {
  await seatsInCart(page);
  await proposal(page, 'CART-PARKING').locator('[data-testid=proposal-accept]').click();
  await cartReady(page);
  await page.click('[data-testid=checkout]');
  await page.click('[data-testid=pay]');
  await proposal(page, 'POST-MUSEUM').waitFor();
});
shot('admin-desktop.png', DESKTOP, async (page) => {
  await openProfile(page, 'WEB-SEASON');
  await page.click('[data-testid=validate]');
  await page.waitForSelector('[data-testid=notice]');
});
shot('admin-phone.png', PHONE, async (page) => {
  await openProfile(page, 'WEB-SEASON');
});
shot('admin-line-desktop.png', DESKTOP, async (page) => {
  await openAdmin(page, '#/profile/WEB-SEASON/line/COND-DINNER');
  await page.waitForSelector('[data-testid=line-editor] [data-testid=picked][data-code=DINNER]');
}, true);
shot('admin-preview-desktop.png', DESKTOP, async (page) => {
  await openAdmin(page, '#/preview');
  await pick(page, '[data-testid=preview-item] [data-testid=preview-product]', 'NYP-14934', 'mahler');
  await page.waitForSelector('[data-testid=preview-performance] option[value="NYP-14934-1"]', { state: 'attached' });
  await page.selectOption('[data-testid=preview-performance]', 'NYP-14934-1');
  await page.selectOption('[data-testid=preview-seat-category]', 'CAT1');
  await page.selectOption('[data-testid=preview-audience]', 'ADULT');
  await page.click('[data-testid=preview-run]');
  await page.waitForSelector('[data-testid=trace]');
}, true);

const failed = await suite.run();
await browser.close();
process.exit(failed ? 1 : 0);
