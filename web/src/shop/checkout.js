// The checkout: the cart once more and a "pay" button that records the
// order (POST /api/v1/orders). No payment is taken. The Idempotency-Key is
// made once per cart content and kept for the tab, so paying again after a
// lost answer sells nothing more; a changed cart gets a new key.
import { useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { postOrder, rememberOrder, shopKey, setShopKey, go } from './state.js';
import { CartItems } from './cart.js';

const PAY_KEY = 'encore.shop.pay';

function newKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// The Idempotency-Key of this cart's payment.
function idempotencyKey(cart) {
  const content = JSON.stringify(cart);
  try {
    const kept = JSON.parse(sessionStorage.getItem(PAY_KEY) || 'null');
    if (kept && kept.content === content) return kept.key;
  } catch (e) {
    /* a broken record is replaced below */
  }
  const key = newKey();
  sessionStorage.setItem(PAY_KEY, JSON.stringify({ content, key }));
  return key;
}

// The buyer's words for a refused payment. A 409 names the item refused:
// cart[i].quantity when too few are left (sold out), cart[i].product or
// .performance when it is no longer on sale.
function refusal(e, cart, ctx) {
  const fr = ctx.lang === 'fr';
  if (e.status === 409 && /^cart\[/.test(e.field || '')) {
    const m = /^cart\[(\d+)\]\.(\w+)/.exec(e.field || '');
    const item = m ? cart[Number(m[1])] : null;
    const what = item ? `: ${item.name || item.product}` : '';
    const soldOut = m?.[2] === 'quantity';
    const head = soldOut ? (fr ? 'Désolé, complet' : 'Sorry, sold out') : (fr ? 'Désolé, plus en vente' : 'Sorry, no longer on sale');
    return { soldOut, text: `${head}${what} (${e.message}).` };
  }
  if (e.status === 401) return { key: true, text: fr ? 'La clé de la boutique manque ou est fausse.' : 'The shop key is missing or wrong.' };
  return { text: e.message };
}

export function CheckoutPage({ ctx, cart, setCart }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [key, setKey] = useState(shopKey() || '');

  if (!cart.length) {
    return html`<section><p data-testid="cart-empty">${ctx.t('Your cart is empty.')}</p>
      <p><a href="#/">${ctx.t('Back to the programme')}</a></p></section>`;
  }

  const pay = async () => {
    if (key && key !== shopKey()) setShopKey(key);
    setBusy(true);
    setProblem(null);
    try {
      const answer = await postOrder(cart, ctx.lang, idempotencyKey(cart));
      rememberOrder(answer);
      sessionStorage.removeItem(PAY_KEY);
      setCart([]);
      go(`order/${encodeURIComponent(answer.order.id)}`);
    } catch (e) {
      setProblem(refusal(e, cart, ctx));
    } finally {
      setBusy(false);
    }
  };

  return html`
    <section class="checkout">
      <h1>${ctx.t('Checkout')}</h1>
      <${CartItems} cart=${cart} ctx=${ctx} />
      ${(!shopKey() || problem?.key) &&
      html`<label class="shop-key">${ctx.t('Shop key')}
        <input type="password" autocomplete="off" value=${key} data-testid="shop-key"
          onInput=${(e) => setKey(e.target.value.trim())} /></label>`}
      <p class="muted">${ctx.t('No payment is taken: this is a demonstration shop.')}</p>
      ${problem && html`<p class="error" role="alert" data-testid="pay-error"
        data-sold-out=${problem.soldOut ? 'true' : 'false'}>${problem.text}</p>`}
      <div class="cart-actions">
        <a href="#/cart">← ${ctx.t('Cart')}</a>
        <button class="primary" data-testid="pay" disabled=${busy} onClick=${pay}>
          ${busy ? ctx.t('Paying…') : ctx.t('Pay')}</button>
      </div>
    </section>`;
}
