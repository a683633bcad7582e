// A small test harness for the browser suites: named checks run one after
// the other, each failure reported with its message (and a screenshot of
// the page in ENCORE_TMP), then one line "SUITE: N passed, N failed".
import { chromium } from 'playwright-core';
import { join } from 'node:path';

export const BASE = process.env.ENCORE_URL;
export const ADMIN_TOKEN = process.env.ENCORE_ADMIN_TOKEN;
export const SHOP_TOKEN = process.env.ENCORE_SHOP_TOKEN;

if (!BASE || !ADMIN_TOKEN || !SHOP_TOKEN) {
  console.error('ENCORE_URL, ENCORE_ADMIN_TOKEN and ENCORE_SHOP_TOKEN must be set (tests/run-browser.sh sets them)');
  process.exit(2);
}

// Debian's Chromium, headless, with nothing that reaches out to the
// network by itself. Playwright gives each launch a new, empty profile
// directory (user-data-dir) and removes it when the browser closes.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export class AssertionError extends Error {}

export function expect(cond, message) {
  if (!cond) throw new AssertionError(message);
}

export function expectEqual(got, want, what) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new AssertionError(`${what}: got ${g}, want ${w}`);
}

// Calls the API from node (not from a page), with an optional token.
export async function api(method, path, { body, token, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
    h['Content-Type'] = 'application/json';
  }
  const r = await fetch(BASE + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await r.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (e) {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

export function createSuite(name) {
  const tests = [];
  let current = null;
  return {
    test(title, fn) {
      tests.push({ title, fn });
    },
    // The page a failing test should be photographed on.
    watch(page) {
      current = page;
    },
    async run() {
      let passed = 0;
      let failed = 0;
      for (const t of tests) {
        current = null;
        const started = Date.now();
        try {
          await t.fn();
          passed++;
          console.log(`ok - ${t.title} (${Date.now() - started} ms)`);
        } catch (e) {
          failed++;
          console.log(`FAIL - ${t.title}: ${e.message.split('\n').slice(0, 6).join('\n    ')}`);
          if (current && process.env.ENCORE_TMP) {
            const file = join(process.env.ENCORE_TMP, `fail-${passed + failed}.png`);
            await current.screenshot({ path: file, fullPage: true }).catch(() => {});
          }
        }
      }
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      return failed;
    },
  };
}
