// A product's page: choose the performance, seat category, audience and
// quantity; before the item is added, the upsell of the product stage
// (placement `instead`, R3/R12) offers the package in its place.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { formatMoney, formatStart } from '../common/text.js';
import { fetchProduct, fetchProposals, go } from './state.js';
import { ProposalCard } from './proposal.js';

// What is left for a price row's seat category at a performance (R7: the
// seat category's pool, else the shared pool "*"), or undefined when the
// shop API does not say.
export function leftAt(perf, seatCategory) {
  const pools = perf?.pools;
  if (pools) {
    if (seatCategory && pools[seatCategory] !== undefined) return pools[seatCategory];
    if (pools['*'] !== undefined) return pools['*'];
    return 0;
  }
  return perf?.available;
}

function unique(list) {
  return [...new Set(list)];
}

// The choices the buyer has made on the page, as a cart item.
function chosenItem(product, sel) {
  const perf = (product.performances || []).find((p) => p.code === sel.performance);
  const row = (product.prices || []).find(
    (r) => (r.seat_category || '') === sel.seat && (r.audience || '') === sel.audience,
  );
  return {
    product: product.code,
    name: product.name,
    kind: product.kind,
    performance: perf ? perf.code : undefined,
    start: perf ? perf.start : undefined,
    seat_category: sel.seat || undefined,
    audience: sel.audience || undefined,
    amount: row?.amount,
    quantity: sel.quantity,
  };
}

function Upsell({ proposals, ctx, onTake }) {
  if (!proposals.length) return null;
  return html`
    <aside class="upsell" data-testid="upsell">
      <h2>${ctx.t('Take the package instead')}</h2>
      ${proposals.map((p) => html`<${ProposalCard} key=${p.line + p.product} proposal=${p} ctx=${ctx}
        acceptLabel=${ctx.t('Take the package instead')} onAccept=${onTake} />`)}
    </aside>`;
}

function Selectors({ product, sel, setSel, ctx }) {
  const perfs = product.performances || [];
  const prices = product.prices || [];
  const perf = perfs.find((p) => p.code === sel.performance);
  const seats = unique(prices.map((r) => r.seat_category || ''));
  const audiences = unique(
    prices.filter((r) => (r.seat_category || '') === sel.seat).map((r) => r.audience || ''),
  );
  const max = product.max_per_order || 10;
  const seatLabel = (s) => {
    const left = perf ? leftAt(perf, s) : undefined;
    const name = s ? ctx.seatName(s) : '—';
    if (left === 0) return `${name} (${ctx.t('Sold out')})`;
    return left !== undefined ? `${name} (${left} ${ctx.t('left')})` : name;
  };
  const change = (k) => (e) => setSel({ ...sel, [k]: k === 'quantity' ? Number(e.target.value) : e.target.value });
  return html`
    <div class="selectors">
      ${perfs.length > 0 &&
      html`<label>${ctx.t('Date')}
        <select data-testid="performance" value=${sel.performance} onChange=${change('performance')}>
          ${perfs.map((p) => html`<option value=${p.code}>${formatStart(p.start, ctx.lang)}</option>`)}
        </select></label>`}
      ${seats.some((s) => s) &&
      html`<label>${ctx.t('Seat category')}
        <select data-testid="seat-category" value=${sel.seat} onChange=${change('seat')}>
          ${seats.map((s) => html`<option value=${s}>${seatLabel(s)}</option>`)}
        </select></label>`}
      ${audiences.some((a) => a) &&
      html`<label>${ctx.t('Audience')}
        <select data-testid="audience" value=${sel.audience} onChange=${change('audience')}>
          ${audiences.map((a) => html`<option value=${a}>${a ? ctx.audienceName(a) : '—'}</option>`)}
        </select></label>`}
      <label>${ctx.t('Quantity')}
        <input data-testid="quantity" type="number" min="1" max=${max} value=${sel.quantity}
          onInput=${change('quantity')} /></label>
    </div>`;
}

// The first selection: the first performance, seat category and audience.
function firstSelection(product) {
  const row = (product.prices || [])[0] || {};
  return {
    performance: (product.performances || [])[0]?.code || '',
    seat: row.seat_category || '',
    audience: row.audience || '',
    quantity: 1,
  };
}

export function ProductPage({ code, ctx, cart, addToCart }) {
  const [product, setProduct] = useState(ctx.products.get(code) || null);
  const [error, setError] = useState(null);
  const [sel, setSelState] = useState(product ? firstSelection(product) : null);
  const [upsells, setUpsells] = useState([]);
  // The choice the upsells shown were asked for: the page is "ready" only
  // when that is the choice on screen.
  const [askedFor, setAskedFor] = useState(null);

  useEffect(() => {
    fetchProduct(code, ctx.lang)
      .then((p) => {
        const full = p.product || p;
        setProduct(full);
        setSelState((s) => s || firstSelection(full));
      })
      .catch((e) => setError(e.message));
  }, [code, ctx.lang]);

  // The audience must be one the chosen seat category is sold to.
  const setSel = (next) => {
    const rows = (product.prices || []).filter((r) => (r.seat_category || '') === next.seat);
    if (!rows.some((r) => (r.audience || '') === next.audience)) next.audience = rows[0]?.audience || '';
    setSelState(next);
  };

  // The upsell, asked again whenever the choice changes (R3, R12).
  useEffect(() => {
    if (!product || !sel || !(sel.quantity >= 1)) return;
    const focus = chosenItem(product, sel);
    let live = true;
    const key = JSON.stringify(sel);
    fetchProposals('product', cart, ctx.lang, focus)
      .then((a) => live && setUpsells((a.proposals || []).filter((p) => p.placement === 'instead')))
      .catch(() => live && setUpsells([]))
      .finally(() => live && setAskedFor(key));
    return () => {
      live = false;
    };
  }, [product, sel, ctx.lang]);

  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!product || !sel) return html`<p class="muted">${ctx.t('Loading')}…</p>`;
  const item = chosenItem(product, sel);
  const perfs = product.performances || [];
  const dated = perfs.length > 0;
  const left = dated ? leftAt(perfs.find((p) => p.code === sel.performance), sel.seat) : product.available;
  const canAdd = item.amount !== undefined && sel.quantity >= 1 && (left === undefined || left >= sel.quantity);

  return html`
    <section class="product-page" data-testid="product-page" data-code=${product.code}
      data-state=${askedFor === JSON.stringify(sel) ? 'ready' : 'loading'}>
      <p><a href="#/">← ${ctx.t('Back to the programme')}</a></p>
      <h1>${product.name || product.code}</h1>
      ${product.description && html`<p class="description">${product.description}</p>`}
      <div class="buy">
        <${Selectors} product=${product} sel=${sel} setSel=${setSel} ctx=${ctx} />
        <p class="price" data-testid="item-price">
          ${item.amount !== undefined ? formatMoney(item.amount * sel.quantity, ctx.currency, ctx.lang) : ''}
        </p>
        <button class="primary" data-testid="add-to-cart" disabled=${!canAdd}
          onClick=${() => {
            addToCart(item);
            go('cart');
          }}>${ctx.t('Add to cart')}</button>
      </div>
      <${Upsell} proposals=${upsells} ctx=${ctx} onTake=${(pkg) => {
        addToCart(pkg);
        go('cart');
      }} />
    </section>`;
}
