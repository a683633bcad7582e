#!/usr/bin/env node
// rules.js - the json-rules-engine baseline of issue 4: the cart stage's
// lines of each profile as json-rules-engine rules, run on the carts of
// bench/gen-catalogue.py, timed per evaluation.
//
// usage: node rules.js CATALOGUE.json CARTDIR [SAMPLE]
//
// What it evaluates, per request (see bench/RESULTS.md): the channel's
// profile; a line fires when its base product is in the cart and, for a
// conditional line, when the cart items of the base at one performance
// with the line's seat categories (and performances, if named) reach its
// minimum quantity (R4). The fired lines' targets are then taken in line
// order, less those already in the cart (R10), once each (R11), within
// the placement limits (R14). It does not look at dates, performances,
// pools, stock, price rows, sale windows or channels of the targets
// (R5 to R9): a shop developer would fetch those afterwards.
//
// Two setups, each built once before any timing:
//   profile: one Engine per profile holding all its cart-stage lines;
//   indexed: one Engine per (profile, base product), and a request runs
//            only the engines of the products in its cart: the best setup
//            we could give it, the one the ratio of RESULTS.md uses.
// Prints "name value" lines (bench/report.py).
'use strict';

const fs = require('fs');
const path = require('path');
const { Engine } = require('json-rules-engine');

const STAGE_CART_TYPES = new Set(['cart', 'conditional', 'favorite']);
const DEFAULT_LIMITS = { under_cart: 5, sidebar: 4 };

// R4: the largest quantity of one performance group of the base product
// whose items pass the seat categories and performances named.
function matchedQuantity(params, almanac) {
    return almanac.factValue('cart').then((cart) => {
        const groups = new Map();
        for (const it of cart) {
            if (it.product !== params.product) continue;
            if (params.seats && !params.seats.includes(it.seat_category))
                continue;
            if (params.performances &&
                !params.performances.includes(it.performance))
                continue;
            const key = it.performance || '';
            groups.set(key, (groups.get(key) || 0) + it.quantity);
        }
        let best = 0;
        for (const q of groups.values()) best = Math.max(best, q);
        return best;
    });
}

// One line as a rule: the base in the cart, and for a conditional line
// the minimum quantity; its event carries the targets.
function lineRule(line, position) {
    const all = [{ fact: 'products', operator: 'contains', value: line.base }];
    if (line.type === 'conditional') {
        const when = line.when || {};
        all.push({
            fact: 'matched',
            params: {
                product: line.base,
                seats: when.seat_categories || null,
                performances: when.performances || null,
            },
            operator: 'greaterThanInclusive',
            value: when.min_quantity || 1,
        });
    }
    return {
        name: line.id,
        conditions: { all },
        event: {
            type: line.type,
            params: {
                position,
                line: line.id,
                placement: line.type === 'favorite' ? 'sidebar' : 'under_cart',
                targets: line.targets.map((t) => t.product),
            },
        },
    };
}

function newEngine() {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addFact('matched', matchedQuantity);
    return engine;
}

// Both setups for every active profile, keyed by channel.
function buildEngines(doc) {
    const byChannel = new Map();
    for (const profile of doc.profiles || []) {
        if (profile.status !== 'active') continue;
        const whole = newEngine();
        const byBase = new Map();
        profile.lines.forEach((line, position) => {
            if (!STAGE_CART_TYPES.has(line.type)) return;
            const rule = lineRule(line, position);
            whole.addRule(rule);
            if (!byBase.has(line.base)) byBase.set(line.base, newEngine());
            byBase.get(line.base).addRule(lineRule(line, position));
        });
        const limits = Object.assign({}, DEFAULT_LIMITS, profile.limits || {});
        for (const ch of profile.channels)
            if (!byChannel.has(ch))
                byChannel.set(ch, { whole, byBase, limits });
    }
    return byChannel;
}

// R10, R11, R14 on the fired events: proposals as "line product" pairs.
function proposals(events, products, limits) {
    events.sort((a, b) => a.params.position - b.params.position);
    const out = [];
    for (const placement of ['under_cart', 'sidebar']) {
        const seen = new Set();
        for (const ev of events) {
            if (ev.params.placement !== placement) continue;
            for (const target of ev.params.targets) {
                if (seen.size >= limits[placement]) break;
                if (products.includes(target) || seen.has(target)) continue;
                seen.add(target);
                out.push(ev.params.line + ' ' + target);
            }
        }
    }
    return out;
}

// One evaluation of req with the given setup.
async function evaluate(engines, req, indexed) {
    const p = engines.get(req.channel);
    if (!p) return [];
    const products = req.cart.map((it) => it.product);
    const facts = { cart: req.cart, products };
    let events = [];
    if (!indexed) {
        events = (await p.whole.run(facts)).events;
    } else {
        for (const base of new Set(products)) {
            const engine = p.byBase.get(base);
            if (engine) events = events.concat((await engine.run(facts)).events);
        }
    }
    return proposals(events, products, p.limits);
}

function quantile(sorted, q) {
    if (sorted.length === 0) return 0;
    return sorted[Math.round(q * (sorted.length - 1))];
}

// Warm-up passes over all the carts before timing: as many as
// bench/inproc.c gives the C engine (WARMUP_ROUNDS), so that V8 has
// compiled and optimised every path the timed passes take.
const WARMUP_ROUNDS = 2;

async function timeSetup(engines, carts, size, indexed, rounds, warmups) {
    const name = indexed ? 'indexed' : 'profile';
    for (let r = 0; r < warmups; r++)
        for (const req of carts) await evaluate(engines, req, indexed);
    const ns = [];
    let total = 0n;
    let fired = 0;
    for (let r = 0; r < rounds; r++)
        for (const req of carts) {
            const t0 = process.hrtime.bigint();
            const out = await evaluate(engines, req, indexed);
            const dt = process.hrtime.bigint() - t0;
            ns.push(Number(dt));
            total += dt;
            fired += out.length;
        }
    ns.sort((a, b) => a - b);
    const print = (k, v) => console.log(`rules.${name}.${size}.${k} ${v}`);
    print('per_s', (ns.length * 1e9) / Number(total));
    print('p50_us', quantile(ns, 0.5) / 1e3);
    print('p99_us', quantile(ns, 0.99) / 1e3);
    print('proposals_per_answer', fired / ns.length);
}

async function main() {
    const [catalogue, dir, sampleArg] = process.argv.slice(2);
    if (!catalogue || !dir) {
        console.error('usage: node rules.js CATALOGUE.json CARTDIR [SAMPLE]');
        process.exit(2);
    }
    const sample = Number(sampleArg || 200);
    const t0 = process.hrtime.bigint();
    const engines = buildEngines(JSON.parse(fs.readFileSync(catalogue)));
    console.log(`rules.build_s ${Number(process.hrtime.bigint() - t0) / 1e9}`);
    for (const size of [1, 5, 20]) {
        const carts = fs
            .readFileSync(path.join(dir, `cart-${size}.json`), 'utf8')
            .split('\n')
            .filter((l) => l.length > 0)
            .map((l) => JSON.parse(l));
        await timeSetup(engines, carts, size, true, 2, WARMUP_ROUNDS);
        await timeSetup(engines, carts.slice(0, sample), size, false, 1, 1);
    }
}

main().catch((e) => {
    console.error('rules.js:', e);
    process.exit(1);
});
