// The preview: a channel, a stage, a cart (and the focus item of the
// product stage), a language and a date in; the proposals a buyer would see
// out, and for every line considered, why it fired or which rule stopped
// it (the trace of POST /api/v1/admin/preview).
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi } from './api.js';
import { FieldError } from './common.js';
import { ProductPicker } from './picker.js';

const emptyItem = () => ({ product: '', performance: '', seat_category: '', audience: '', quantity: '1' });

function requestItem(it) {
  const out = { product: it.product };
  for (const k of ['performance', 'seat_category', 'audience']) if (it[k]) out[k] = it[k];
  out.quantity = /^\d+$/.test(String(it.quantity).trim()) ? Number(it.quantity) : it.quantity;
  return out;
}

function ItemEditor({ item, set, remove, reference, error, path }) {
  const [perfs, setPerfs] = useState([]);
  useEffect(() => {
    if (!item.product) return;
    adminApi.product(item.product).then((a) => setPerfs(a.product.performances || [])).catch(() => setPerfs([]));
  }, [item.product]);
  return html`
    <div class="item-editor" data-testid="preview-item">
      <${ProductPicker} value=${item.product} lang=${reference.lang} testid="preview-product"
        onChange=${(c) => set({ ...item, product: c, performance: '' })} />
      <${FieldError} error=${error} path=${`${path}.product`} />
      <div class="row">
        <label>Performance
          <select value=${item.performance} data-testid="preview-performance" onChange=${(e) => set({ ...item, performance: e.target.value })}>
            <option value="">none</option>
            ${perfs.map((p) => html`<option value=${p.code}>${p.code} · ${p.start.slice(0, 16).replace('T', ' ')}</option>`)}
          </select><${FieldError} error=${error} path=${`${path}.performance`} /></label>
        <label>Seat category
          <select value=${item.seat_category} data-testid="preview-seat-category" onChange=${(e) => set({ ...item, seat_category: e.target.value })}>
            <option value="">none</option>
            ${reference.seatCategories.map((s) => html`<option value=${s.code}>${s.name}</option>`)}
          </select></label>
        <label>Audience
          <select value=${item.audience} data-testid="preview-audience" onChange=${(e) => set({ ...item, audience: e.target.value })}>
            <option value="">none</option>
            ${reference.audiences.map((s) => html`<option value=${s.code}>${s.name}</option>`)}
          </select></label>
        <label>Quantity
          <input type="number" min="1" value=${item.quantity} data-testid="preview-quantity"
            onInput=${(e) => set({ ...item, quantity: e.target.value })} />
          <${FieldError} error=${error} path=${`${path}.quantity`} /></label>
        ${remove && html`<button type="button" onClick=${remove}>Remove</button>`}
      </div>
    </div>`;
}

function Proposals({ answer }) {
  if (!answer) return null;
  if (!answer.proposals.length) {
    return html`<p class="muted" data-testid="preview-empty">No proposal${answer.profile ? '' : ' (no active profile on this channel, R1)'}.</p>`;
  }
  return html`<ol class="preview-proposals" data-testid="preview-proposals">
    ${answer.proposals.map((p) => html`<li data-testid="preview-proposal" data-line=${p.line} data-product=${p.product}>
      <strong>${p.placement}</strong> · <code>${p.line}</code> (${p.type}) → <code>${p.product}</code> ${p.name}
      <div class="muted">quantity ${p.quantity.mode === 'choice' ? `${p.quantity.min}–${p.quantity.max}` : p.quantity.value}
        ${p.performances && ` · ${p.performances.map((x) => x.code).join(', ')}`}
        · ${p.offers.length} offer(s)${p.price_difference !== undefined ? ` · difference ${p.price_difference}` : ''}</div>
      ${p.text && html`<div>${p.text}</div>`}
    </li>`)}
  </ol>`;
}

// One row per line considered, per base group or per target: proposed
// ("fired"), or the first rule that stopped it and why.
function Trace({ trace }) {
  if (!trace) return null;
  return html`
    <div class="table-wrap"><table class="trace" data-testid="trace">
      <thead><tr><th>Line</th><th>Base</th><th>Target</th><th>Outcome</th><th>Rule</th><th>Why</th></tr></thead>
      <tbody>${trace.map((t) => html`
        <tr data-testid="trace-entry" data-line=${t.line} data-outcome=${t.outcome} data-reason=${t.reason}
          class=${t.outcome === 'proposed' ? 'fired' : 'stopped'}>
          <td><code>${t.line}</code> <small class="muted">${t.type}</small></td>
          <td><code>${[t.base?.product, t.base?.performance].filter(Boolean).join(' / ')}</code></td>
          <td>${t.product && html`<code>${t.product}</code>`}${t.target !== undefined && html` <small class="muted">target ${t.target + 1}</small>`}</td>
          <td>${t.outcome === 'proposed' ? 'fired' : 'stopped'}</td>
          <td>${t.rule || ''}</td>
          <td>${t.outcome === 'proposed' ? '' : t.message}${t.reason && t.outcome !== 'proposed' ? html` <small class="muted">(${t.reason})</small>` : ''}</td>
        </tr>`)}</tbody>
    </table></div>`;
}

export function PreviewPage({ reference }) {
  const internet = reference.channels;
  const [channel, setChannel] = useState((internet.find((c) => c.type === 'internet') || internet[0])?.code || '');
  const [stage, setStage] = useState('cart');
  const [lang, setLang] = useState(reference.lang);
  const [now, setNow] = useState('');
  const [cart, setCart] = useState([emptyItem()]);
  const [focus, setFocus] = useState(emptyItem());
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);

  const run = async (e) => {
    e.preventDefault();
    const request = { channel, stage, lang, cart: cart.filter((i) => i.product).map(requestItem) };
    if (now.trim()) request.now = now.trim();
    if (stage === 'product') request.focus = requestItem(focus);
    setError(null);
    try {
      setResult(await adminApi.preview(request));
    } catch (err) {
      setResult(null);
      setError(err);
    }
  };

  return html`
    <section class="preview" data-testid="preview">
      <h1>Preview</h1>
      <p class="muted">What a buyer would see, and why each line fired or which rule stopped it.</p>
      <form onSubmit=${run} class="panel">
        <div class="row">
          <label>Channel <select value=${channel} data-testid="preview-channel" onChange=${(e) => setChannel(e.target.value)}>
            ${internet.map((c) => html`<option value=${c.code}>${c.name} (${c.code}, ${c.type})</option>`)}</select></label>
          <label>Stage <select value=${stage} data-testid="preview-stage" onChange=${(e) => setStage(e.target.value)}>
            <option value="product">product page (upsell)</option>
            <option value="cart">cart (cart, conditional, favourite)</option>
            <option value="confirmation">confirmation (post-purchase)</option></select></label>
          <label>Language <select value=${lang} onChange=${(e) => setLang(e.target.value)}>
            ${reference.languages.map((l) => html`<option value=${l}>${l}</option>`)}</select></label>
          <label>Date (RFC 3339; empty: now)
            <input value=${now} placeholder="2027-05-02T10:00:00-04:00" data-testid="preview-now"
              onInput=${(e) => setNow(e.target.value)} /><${FieldError} error=${error} path="now" /></label>
        </div>
        ${stage === 'product' && html`<h2>Focus (the item looked at)</h2>
          <${ItemEditor} item=${focus} set=${setFocus} reference=${reference} error=${error} path="focus" />`}
        <h2>Cart</h2>
        ${cart.map((it, i) => html`<${ItemEditor} key=${i} item=${it} reference=${reference} error=${error} path=${`cart[${i}]`}
          set=${(x) => setCart(cart.map((y, j) => (j === i ? x : y)))}
          remove=${() => setCart(cart.filter((_, j) => j !== i))} />`)}
        <div class="actions">
          <button type="button" data-testid="preview-add-item" onClick=${() => setCart([...cart, emptyItem()])}>Add an item</button>
          <button class="primary" type="submit" data-testid="preview-run">Preview</button>
        </div>
        ${error && html`<p class="error" role="alert" data-testid="preview-error">${error.message}${error.field ? ` (${error.field})` : ''}</p>`}
      </form>
      ${result && html`
        <h2>Proposals <small class="muted">profile ${result.answer.profile ?? 'none'} · now ${result.answer.now}</small></h2>
        <${Proposals} answer=${result.answer} />
        <h2>Lines considered</h2>
        <${Trace} trace=${result.trace} />`}
    </section>`;
}
