// Builds the back-office and the ticketshop into the static files that
// `encore serve` sends: web/admin/ and web/shop/ (index.html, app.js,
// app.css). The built files are committed, so running Encore needs no node.
//
// usage: npm run build [-- admin|shop]    (from web/, after npm ci)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

async function buildPage(name) {
  const out = join(here, name);
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

const pages = process.argv.length > 2 ? process.argv.slice(2) : ['admin', 'shop'];
for (const page of pages) await buildPage(page);
console.log(`built ${pages.map((p) => `web/${p}/`).join(' and ')}`);
