// Builds the back-office and the ticketshop into the static files that
// `encore serve` sends: web/admin/ and web/shop/ (index.html, app.js,
// app.css). The built files are committed, so running Encore needs no node.
//
// usage (from web/, after npm ci):
//   npm run build              builds both pages
//   node build.mjs admin       builds one
//   node build.mjs --check     builds into a temporary folder and exits 1
//                              when a committed file differs from its build
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

async function buildPage(name, out) {
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: { app: join(here, 'src', name, 'main.js') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'eof',
    logLevel: 'warning',
  });
  copyFileSync(join(here, 'src', name, 'index.html'), join(out, 'index.html'));
}

// The names of the files that differ between the committed folder and a
// fresh build of it.
function differences(committed, built) {
  const out = [];
  for (const file of readdirSync(built)) {
    let old = null;
    try {
      old = readFileSync(join(committed, file));
    } catch (e) {
      old = null;
    }
    if (!old || !old.equals(readFileSync(join(built, file)))) out.push(file);
  }
  return out;
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((a) => a !== '--check');
const pages = named.length ? named : ['admin', 'shop'];

if (check) {
  const scratch = mkdtempSync(join(tmpdir(), 'encore-web-'));
  const stale = [];
  for (const page of pages) {
    await buildPage(page, join(scratch, page));
    for (const f of differences(join(here, page), join(scratch, page))) stale.push(`web/${page}/${f}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (stale.length) {
    console.log(`stale built files (run npm run build in web/): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('the built pages match their sources');
} else {
  for (const page of pages) await buildPage(page, join(here, page));
  console.log(`built ${pages.map((p) => `web/${p}/`).join(' and ')}`);
}
