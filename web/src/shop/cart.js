// The cart: its items and total, the proposals of the cart stage under it
// (`cart` and `conditional` lines, placement under_cart) and the
// favourites beside it (placement sidebar). Accepting a proposal adds it
// with the proposed quantity and performance; the proposals are asked again
// whenever the cart changes (R3, R10).
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { formatMoney, formatStart } from '../common/text.js';
import { fetchProposals, go } from './state.js';
import { ProposalCard } from './proposal.js';

export function itemDetails(item, ctx) {
  const parts = [];
  if (item.start) parts.push(formatStart(item.start, ctx.lang));
  if (item.seat_category) parts.push(ctx.seatName(item.seat_category));
  if (item.audience) parts.push(ctx.audienceName(item.audience));
  return parts.join(' · ');
}

export function cartTotal(cart) {
  return cart.reduce((sum, i) => sum + (i.amount || 0) * i.quantity, 0);
}

export function CartItems({ cart, ctx, onRemove }) {
  return html`
    <ul class="items" data-testid="cart-items">
      ${cart.map((item, i) => html`
        <li data-testid="cart-item" data-product=${item.product} data-performance=${item.performance || ''}>
          <div>
            <strong>${item.name || item.product}</strong>
            <div class="muted">${itemDetails(item, ctx)}</div>
          </div>
          <div class="item-right">
            <span data-testid="cart-item-quantity">× ${item.quantity}</span>
            <span>${formatMoney((item.amount || 0) * item.quantity, ctx.currency, ctx.lang)}</span>
            ${onRemove && html`<button class="link" onClick=${() => onRemove(i)}>${ctx.t('Remove')}</button>`}
          </div>
        </li>`)}
    </ul>
    <p class="total">${ctx.t('Total')}: <strong data-testid="cart-total">${formatMoney(cartTotal(cart), ctx.currency, ctx.lang)}</strong></p>`;
}

function ProposalList({ list, ctx, onAccept, testid }) {
  return html`<div class="proposals" data-testid=${testid}>
    ${list.map((p) => html`<${ProposalCard} key=${`${p.line}/${p.product}/${p.base?.performance || ''}`}
      proposal=${p} ctx=${ctx} onAccept=${onAccept} />`)}
  </div>`;
}

export function CartPage({ ctx, cart, setCart, addToCart }) {
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    if (!cart.length) {
      setAnswer(null);
      return undefined;
    }
    let live = true;
    const key = JSON.stringify(cart);
    fetchProposals('cart', cart, ctx.lang)
      .then((a) => {
        if (!live) return;
        setAnswer({ ...a, key });
        setError(null);
      })
      .catch((e) => {
        if (!live) return;
        setAnswer({ proposals: [], key });
        setError(e.message);
      });
    return () => {
      live = false;
    };
  }, [cart, ctx.lang]);

  const proposals = answer?.proposals || [];
  const under = proposals.filter((p) => p.placement === 'under_cart');
  const sidebar = proposals.filter((p) => p.placement === 'sidebar');
  const remove = (i) => setCart(cart.filter((_, j) => j !== i));

  if (!cart.length) {
    return html`<section><h1>${ctx.t('Your cart')}</h1>
      <p data-testid="cart-empty">${ctx.t('Your cart is empty.')}</p>
      <p><a href="#/">${ctx.t('Back to the programme')}</a></p></section>`;
  }
  return html`
    <div class="cart-layout">
      <section class="cart-main" data-testid="cart-page" data-state=${answer?.key === JSON.stringify(cart) ? 'ready' : 'loading'}>
        <h1>${ctx.t('Your cart')}</h1>
        <${CartItems} cart=${cart} ctx=${ctx} onRemove=${remove} />
        <div class="cart-actions">
          <a href="#/">${ctx.t('Keep shopping')}</a>
          <button class="primary" data-testid="checkout" onClick=${() => go('checkout')}>${ctx.t('Checkout')}</button>
        </div>
        ${error && html`<p class="error" role="alert">${error}</p>`}
        ${under.length > 0 && html`<h2>${ctx.t('With your order')}</h2>`}
        <${ProposalList} list=${under} ctx=${ctx} onAccept=${addToCart} testid="under-cart" />
      </section>
      <aside class="sidebar" data-testid="sidebar">
        ${sidebar.length > 0 && html`<h2>${ctx.t('You may also like')}</h2>`}
        <${ProposalList} list=${sidebar} ctx=${ctx} onAccept=${addToCart} testid="favorites" />
      </aside>
    </div>`;
}
