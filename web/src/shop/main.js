// The ticketshop at /shop/: the season on sale, a performance page with the
// upsell, the cart with its proposals, the checkout and the confirmation
// with the post-purchase proposals. Pages are chosen by the URL fragment:
// #/ (programme), #/product/CODE, #/cart, #/checkout, #/order/ID.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { pickText } from '../common/text.js';
import { translator } from './words.js';
import { loadCart, saveCart, loadLang, saveLang, takeShopKey, fetchProducts, cartWith } from './state.js';
import { Catalogue } from './catalogue.js';
import { ProductPage } from './product.js';
import { CartPage } from './cart.js';
import { CheckoutPage } from './checkout.js';
import { OrderPage } from './order.js';
import './style.css';

// The route in the fragment, as [page, argument].
function readRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [page, ...rest] = hash.split('/');
  return [page || 'home', decodeURIComponent(rest.join('/'))];
}

// The catalogue answer as lookups: names of seat categories and audiences
// and the products by code.
function makeContext(catalogue, lang) {
  const languages = catalogue?.institution?.languages || [];
  const named = (list) => {
    const m = new Map();
    for (const x of list || []) m.set(x.code, x.name);
    return (code) => pickText(m.get(code), lang, languages) || code;
  };
  const products = new Map();
  for (const p of catalogue?.products || []) products.set(p.code, p);
  return {
    lang,
    languages,
    currency: catalogue?.currency || 'USD',
    t: translator(lang),
    seatName: named(catalogue?.seat_categories),
    audienceName: named(catalogue?.audiences),
    products,
  };
}

function Header({ ctx, cartCount, lang, setLang }) {
  return html`
    <header class="top">
      <a class="brand" href="#/">${ctx.institution || 'Encore'} <small>${ctx.t('On sale')}</small></a>
      <nav>
        ${ctx.languages.length > 1 &&
        html`<span class="langs">${ctx.languages.map(
          (l) => html`<button class=${l === lang ? 'lang on' : 'lang'}
            onClick=${() => setLang(l)} aria-pressed=${l === lang}>${l.toUpperCase()}</button>`,
        )}</span>`}
        <a class="cart-link" href="#/cart" data-testid="cart-link">
          ${ctx.t('Cart')} <span class="badge" data-testid="cart-count">${cartCount}</span></a>
      </nav>
    </header>`;
}

function App() {
  const [route, setRoute] = useState(readRoute());
  const [cart, setCartState] = useState(loadCart());
  const [lang, setLangState] = useState(loadLang());
  const [catalogue, setCatalogue] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    const onHash = () => {
      setRoute(readRoute());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    setRoute(readRoute()); // a change made before this effect ran
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    fetchProducts(lang || undefined)
      .then((answer) => {
        setCatalogue(answer);
        setError(null);
        if (!lang && answer.lang) setLangState(answer.lang);
      })
      .catch((e) => setError(e.message));
  }, [lang]);

  const ctx = useMemo(() => {
    const c = makeContext(catalogue, lang || 'en');
    c.institution = catalogue?.institution?.name || '';
    return c;
  }, [catalogue, lang]);

  const setCart = (next) => {
    saveCart(next);
    setCartState(next);
  };
  const addToCart = (item) => setCart(cartWith(cart, item));
  const setLang = (l) => {
    saveLang(l);
    setLangState(l);
  };
  document.documentElement.lang = lang || 'en';

  const [page, arg] = route;
  let body;
  if (error) body = html`<p class="error" role="alert">${error}</p>`;
  else if (!catalogue) body = html`<p class="muted">${ctx.t('Loading')}…</p>`;
  else if (page === 'product') body = html`<${ProductPage} key=${arg} code=${arg} ctx=${ctx} cart=${cart} addToCart=${addToCart} />`;
  else if (page === 'cart') body = html`<${CartPage} ctx=${ctx} cart=${cart} setCart=${setCart} addToCart=${addToCart} />`;
  else if (page === 'checkout') body = html`<${CheckoutPage} ctx=${ctx} cart=${cart} setCart=${setCart} />`;
  else if (page === 'order') body = html`<${OrderPage} key=${arg} id=${arg} ctx=${ctx} setCart=${setCart} />`;
  else body = html`<${Catalogue} ctx=${ctx} catalogue=${catalogue} />`;

  return html`
    <${Header} ctx=${ctx} cartCount=${cart.reduce((n, i) => n + i.quantity, 0)} lang=${lang} setLang=${setLang} />
    <main>${body}</main>`;
}

// The key in the fragment is taken at load and whenever it is pasted into
// an open tab (a hash change does not reload the page).
takeShopKey();
window.addEventListener('hashchange', () => {
  if (/(^#|&)key=/.test(window.location.hash)) takeShopKey();
});
render(html`<${App} />`, document.getElementById('app'));
