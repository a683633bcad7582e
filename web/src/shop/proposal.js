// One proposal of SPEC 8 as a card the buyer can accept: its name and text,
// the performance (when there is a choice), the offer (seat category and
// audience with its price) and the quantity (fixed, or the buyer's choice
// within min..max). Accepting hands a cart item to onAccept.
import { useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { formatMoney, formatStart } from '../common/text.js';

// The label of an offer: its seat category and audience names and amount.
function offerLabel(offer, ctx) {
  const parts = [];
  if (offer.seat_category) parts.push(ctx.seatName(offer.seat_category));
  if (offer.audience) parts.push(ctx.audienceName(offer.audience));
  parts.push(formatMoney(offer.amount, ctx.currency, ctx.lang));
  return parts.join(' · ');
}

function initialQuantity(q) {
  if (!q) return 1;
  return q.mode === 'choice' ? q.min || 1 : q.value || 1;
}

export function ProposalCard({ proposal, ctx, onAccept, acceptLabel, busy }) {
  const perfs = proposal.performances || [];
  const offers = proposal.offers || [];
  const [perf, setPerf] = useState(perfs.length ? perfs[0].code : '');
  const [offerIndex, setOfferIndex] = useState(0);
  const [quantity, setQuantity] = useState(initialQuantity(proposal.quantity));
  const q = proposal.quantity || { mode: 'choice', min: 1, max: 10 };
  const offer = offers[offerIndex] || offers[0];

  // A typed quantity is kept within what the proposal allows (R8).
  const allowed = () => {
    if (q.mode !== 'choice') return q.value;
    const lo = q.min || 1;
    const hi = q.max || lo;
    const n = Math.round(Number(quantity));
    return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
  };

  const accept = () => {
    const p = perfs.find((x) => x.code === perf);
    onAccept({
      product: proposal.product,
      name: proposal.name,
      kind: proposal.kind,
      performance: perf || undefined,
      start: p ? p.start : undefined,
      seat_category: offer?.seat_category,
      audience: offer?.audience,
      amount: offer?.amount,
      quantity: allowed(),
    });
  };

  return html`
    <article class="proposal" data-testid="proposal" data-line=${proposal.line}
      data-product=${proposal.product} data-type=${proposal.type}>
      <h3 class="proposal-name">${proposal.name || proposal.product}</h3>
      ${proposal.text && html`<p class="proposal-text">${proposal.text}</p>`}
      ${perfs.length === 1 &&
      html`<p class="proposal-date">${formatStart(perfs[0].start, ctx.lang)}</p>`}
      ${perfs.length > 1 &&
      html`<label>${ctx.t('Date')}
        <select value=${perf} onChange=${(e) => setPerf(e.target.value)}
          data-testid="proposal-performance">
          ${perfs.map((p) => html`<option value=${p.code}>${formatStart(p.start, ctx.lang)}</option>`)}
        </select></label>`}
      ${offers.length === 1 && html`<p class="proposal-offer">${offerLabel(offers[0], ctx)}</p>`}
      ${offers.length > 1 &&
      html`<label>${ctx.t('Price')}
        <select value=${offerIndex} onChange=${(e) => setOfferIndex(Number(e.target.value))}
          data-testid="proposal-offer">
          ${offers.map((o, i) => html`<option value=${i}>${offerLabel(o, ctx)}</option>`)}
        </select></label>`}
      ${proposal.price_difference !== undefined &&
      html`<p class="proposal-difference">
        ${proposal.price_difference >= 0 ? '+' : '−'}${formatMoney(Math.abs(proposal.price_difference), ctx.currency, ctx.lang)}
        ${' '}${ctx.t('per ticket')}</p>`}
      <div class="proposal-actions">
        ${q.mode === 'choice'
          ? html`<label class="qty">${ctx.t('Quantity')}
              <input type="number" min=${q.min || 1} max=${q.max || 10} value=${quantity}
                data-testid="proposal-quantity"
                onInput=${(e) => setQuantity(e.target.value)} /></label>`
          : html`<span class="qty-fixed" data-testid="proposal-fixed-quantity">× ${q.value}</span>`}
        <button class="primary" disabled=${busy || !offer} onClick=${accept}
          data-testid="proposal-accept">${acceptLabel || ctx.t('Add to cart')}</button>
      </div>
    </article>`;
}
