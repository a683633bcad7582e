// The confirmation page: the order just paid and, while its tickets are
// issued, the post-purchase proposals its answer carries (R3 confirmation,
// placement confirmation). Accepting one starts a new cart with it.
import { html } from '../common/html.js';
import { formatMoney } from '../common/text.js';
import { recalledOrder, go } from './state.js';
import { CartItems } from './cart.js';
import { ProposalCard } from './proposal.js';

// The order's items in the cart's form, with the names the shop knows.
function orderItems(order, ctx) {
  return (order.items || []).map((i) => {
    const product = ctx.products.get(i.product);
    const perf = (product?.performances || []).find((p) => p.code === i.performance);
    return {
      ...i,
      name: i.name || product?.name,
      start: i.start || perf?.start,
      amount: i.unit_amount,
    };
  });
}

export function OrderPage({ id, ctx, setCart }) {
  const answer = recalledOrder(id);
  if (!answer) {
    return html`<section><h1>${ctx.t('Order')} ${id}</h1>
      <p><a href="#/">${ctx.t('Back to the programme')}</a></p></section>`;
  }
  const order = answer.order;
  const proposals = (answer.proposals?.proposals || []).filter((p) => p.placement === 'confirmation');
  return html`
    <section class="confirmation" data-testid="confirmation" data-order=${order.id}>
      <h1>${ctx.t('Thank you for your order')}</h1>
      <p>${ctx.t('Order')} <strong data-testid="order-id">${order.id}</strong>
        ${order.status && html` · <span data-testid="order-status">${order.status}</span>`}
        ${' · '}${formatMoney(order.total, order.currency || ctx.currency, ctx.lang)}</p>
      <p class="muted">${ctx.t('Your tickets are being issued.')}</p>
      <${CartItems} cart=${orderItems(order, ctx)} ctx=${ctx} />
      <div class="proposals" data-testid="post-purchase">
        ${proposals.map((p) => html`<${ProposalCard} key=${p.line + p.product} proposal=${p} ctx=${ctx}
          acceptLabel=${ctx.t('Add to a new cart')} onAccept=${(item) => {
            setCart([item]);
            go('cart');
          }} />`)}
      </div>
      <p><a href="#/">${ctx.t('Keep shopping')}</a></p>
    </section>`;
}
