// The programme: every product on sale on the shop's channel, concerts
// first, each with its next date and its lowest price.
import { html } from '../common/html.js';
import { formatMoney, formatStart } from '../common/text.js';

const KIND_ORDER = ['event', 'package', 'pass_dated', 'pass_timed', 'subscription',
  'pass_open', 'service', 'merchandise'];
const KIND_TITLE = {
  event: 'Concerts and events',
  package: 'Packages',
  pass_dated: 'Passes',
  pass_timed: 'Passes',
  pass_open: 'Partners and visits',
  subscription: 'Subscriptions',
  service: 'Services',
  merchandise: 'Shop',
};

function lowestAmount(product) {
  const amounts = (product.prices || []).map((p) => p.amount);
  return amounts.length ? Math.min(...amounts) : undefined;
}

function ProductCard({ product, ctx }) {
  const perfs = product.performances || [];
  const from = lowestAmount(product);
  return html`
    <a class="card" href=${`#/product/${encodeURIComponent(product.code)}`}
      data-testid="product-card" data-code=${product.code}>
      <h3>${product.name || product.code}</h3>
      <p class="muted">
        ${perfs.length > 0 && formatStart(perfs[0].start, ctx.lang)}
        ${perfs.length > 1 && ` (+${perfs.length - 1})`}
      </p>
      ${from !== undefined &&
      html`<p class="price">${ctx.t('from')} ${formatMoney(from, ctx.currency, ctx.lang)}</p>`}
    </a>`;
}

export function Catalogue({ ctx, catalogue }) {
  const groups = new Map();
  for (const p of catalogue.products || []) {
    const k = KIND_ORDER.includes(p.kind) ? p.kind : 'merchandise';
    const title = KIND_TITLE[k];
    if (!groups.has(title)) groups.set(title, { rank: KIND_ORDER.indexOf(k), list: [] });
    groups.get(title).list.push(p);
  }
  const ordered = [...groups.entries()].sort((a, b) => a[1].rank - b[1].rank);
  return html`
    <section class="catalogue">
      ${ordered.map(([title, g]) => html`
        <h2>${ctx.t(title)}</h2>
        <div class="cards">${g.list.map((p) => html`<${ProductCard} product=${p} ctx=${ctx} />`)}</div>`)}
    </section>`;
}
