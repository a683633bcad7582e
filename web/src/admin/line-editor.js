// The line editor: every field of a line of SPEC 3 — kind, base, targets
// (quantity mode with per/value/min/max, date mode, seat categories and
// audiences), `when` for a conditional line (minimum quantity,
// performances, seat categories), validity dates and the text in each
// language of the institution. The form keeps strings; toLine() makes the
// encore-catalogue/1 line object, leaving out what is empty (an empty code
// list is refused: no key means "any").
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi } from './api.js';
import { FieldError, FindingList, LINE_TYPES, typeLabel } from './common.js';
import { ProductPicker } from './picker.js';

const emptyTarget = () => ({ product: '', qmode: '', per: '', value: '', min: '', max: '', date: '', seat_categories: [], audiences: [] });

function fromTarget(t) {
  const q = t.quantity || {};
  return {
    product: t.product,
    qmode: q.mode || '',
    per: q.per ?? '',
    value: q.value ?? '',
    min: q.min ?? '',
    max: q.max ?? '',
    date: t.date || '',
    seat_categories: t.seat_categories || [],
    audiences: t.audiences || [],
  };
}

export function fromLine(line, languages) {
  const text = {};
  for (const l of languages) text[l] = '';
  if (typeof line.text === 'string') text[languages[0]] = line.text;
  else Object.assign(text, line.text || {});
  return {
    id: line.id || '',
    type: line.type || 'cart',
    base: line.base || '',
    targets: (line.targets || []).map(fromTarget),
    when: {
      min_quantity: line.when?.min_quantity ?? '',
      performances: line.when?.performances || [],
      seat_categories: line.when?.seat_categories || [],
    },
    valid_from: line.valid_from || '',
    valid_to: line.valid_to || '',
    text,
  };
}

// A number field as typed: a number when it reads as one, else the text
// itself, so that the API names the field and says why.
function num(s) {
  const t = String(s).trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function toTarget(f) {
  const t = { product: f.product };
  if (f.qmode) {
    const q = { mode: f.qmode };
    const keys = { proportional: ['per'], fixed: ['value'], choice: ['min', 'max'] }[f.qmode];
    for (const k of keys) if (String(f[k]).trim() !== '') q[k] = num(f[k]);
    t.quantity = q;
  }
  if (f.date) t.date = f.date;
  if (f.seat_categories.length) t.seat_categories = f.seat_categories;
  if (f.audiences.length) t.audiences = f.audiences;
  return t;
}

export function toLine(f) {
  const line = { id: f.id.trim(), type: f.type, base: f.base, targets: f.targets.map(toTarget) };
  if (f.type === 'conditional') {
    const w = {};
    if (String(f.when.min_quantity).trim() !== '') w.min_quantity = num(f.when.min_quantity);
    if (f.when.performances.length) w.performances = f.when.performances;
    if (f.when.seat_categories.length) w.seat_categories = f.when.seat_categories;
    if (Object.keys(w).length) line.when = w;
  }
  if (f.valid_from.trim()) line.valid_from = f.valid_from.trim();
  if (f.valid_to.trim()) line.valid_to = f.valid_to.trim();
  const text = Object.fromEntries(Object.entries(f.text).filter(([, v]) => v.trim() !== ''));
  if (Object.keys(text).length) line.text = text;
  return line;
}

// The API names fields relative to the body; a server that names them
// inside the profile (lines[0].targets[0]) is read the same way.
function relativeError(e) {
  if (!e?.field) return e;
  const field = e.field.replace(/^lines\[\d+\]\.?/, '');
  return { ...e, field, message: e.message };
}

function Checks({ options, chosen, onChange, testid }) {
  const toggle = (code) => onChange(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
  return html`<div class="checks" data-testid=${testid}>
    ${options.map((o) => html`<label class="check"><input type="checkbox" checked=${chosen.includes(o.code)}
      data-code=${o.code} onChange=${() => toggle(o.code)} /> ${o.name || o.code}</label>`)}
    <span class="muted">${chosen.length ? '' : 'none ticked: any'}</span>
  </div>`;
}

function TargetEditor({ t, i, count, set, remove, move, reference, error }) {
  const path = `targets[${i}]`;
  const field = (k, label, attrs = {}) => html`<label>${label}
    <input type="number" min="1" value=${t[k]} data-testid=${`target-${k}`} ...${attrs}
      onInput=${(e) => set({ ...t, [k]: e.target.value })} />
    <${FieldError} error=${error} path=${`${path}.quantity.${k}`} /></label>`;
  return html`
    <fieldset class="target" data-testid="target" data-index=${i}>
      <legend>Target ${i + 1}</legend>
      <label>Product</label>
      <${ProductPicker} value=${t.product} lang=${reference.lang} testid="target-product"
        onChange=${(code) => set({ ...t, product: code })} />
      <${FieldError} error=${error} path=${`${path}.product`} />
      <div class="row">
        <label>Quantity
          <select value=${t.qmode} data-testid="target-quantity-mode" onChange=${(e) => set({ ...t, qmode: e.target.value })}>
            <option value="">default for the kind of line</option>
            <option value="proportional">proportional to the base</option>
            <option value="fixed">fixed</option>
            <option value="choice">the buyer's choice</option>
          </select><${FieldError} error=${error} path=${`${path}.quantity`} /></label>
        ${t.qmode === 'proportional' && field('per', 'one per … base units (default 1)')}
        ${t.qmode === 'fixed' && field('value', 'value')}
        ${t.qmode === 'choice' && field('min', 'min (default 1)')}
        ${t.qmode === 'choice' && field('max', 'max (default max per order, else 10)')}
        <label>Date
          <select value=${t.date} data-testid="target-date" onChange=${(e) => set({ ...t, date: e.target.value })}>
            <option value="">default for the kind of line</option>
            <option value="same_as_base">same as the base</option>
            <option value="choice">the buyer's choice</option>
          </select><${FieldError} error=${error} path=${`${path}.date`} /></label>
      </div>
      <label>Seat categories that may be offered</label>
      <${Checks} options=${reference.seatCategories} chosen=${t.seat_categories} testid="target-seat-categories"
        onChange=${(v) => set({ ...t, seat_categories: v })} />
      <${FieldError} error=${error} path=${`${path}.seat_categories`} />
      <label>Audiences that may be offered</label>
      <${Checks} options=${reference.audiences} chosen=${t.audiences} testid="target-audiences"
        onChange=${(v) => set({ ...t, audiences: v })} />
      <${FieldError} error=${error} path=${`${path}.audiences`} />
      <div class="line-buttons">
        <button type="button" disabled=${i === 0} onClick=${() => move(-1)}>↑</button>
        <button type="button" disabled=${i === count - 1} onClick=${() => move(1)}>↓</button>
        <button type="button" disabled=${count === 1} onClick=${remove} data-testid="target-remove">Remove target</button>
      </div>
    </fieldset>`;
}

function WhenEditor({ form, setForm, reference, error }) {
  const [perfs, setPerfs] = useState([]);
  useEffect(() => {
    if (!form.base) return;
    adminApi.product(form.base)
      .then((a) => setPerfs((a.product.performances || []).map((p) => ({ code: p.code, name: `${p.code} · ${p.start.slice(0, 16).replace('T', ' ')}` }))))
      .catch(() => setPerfs([]));
  }, [form.base]);
  const w = form.when;
  const set = (k, v) => setForm({ ...form, when: { ...w, [k]: v } });
  return html`
    <fieldset class="when" data-testid="when">
      <legend>Conditions on the base (conditional line)</legend>
      <label>Minimum quantity (default 1)
        <input type="number" min="1" value=${w.min_quantity} data-testid="when-min-quantity"
          onInput=${(e) => set('min_quantity', e.target.value)} />
        <${FieldError} error=${error} path="when.min_quantity" /></label>
      <label>Performances of the base</label>
      ${perfs.length ? html`<${Checks} options=${perfs} chosen=${w.performances} testid="when-performances"
        onChange=${(v) => set('performances', v)} />` : html`<p class="muted">${form.base ? 'The base has no performance.' : 'Choose the base first.'}</p>`}
      <${FieldError} error=${error} path="when.performances" />
      <label>Seat categories</label>
      <${Checks} options=${reference.seatCategories} chosen=${w.seat_categories} testid="when-seat-categories"
        onChange=${(v) => set('seat_categories', v)} />
      <${FieldError} error=${error} path="when.seat_categories" />
      <${FieldError} error=${error} path="when" />
    </fieldset>`;
}

export function LineEditor({ code, id, newType, reference }) {
  const isNew = !id;
  const [form, setForm] = useState(isNew ? { ...fromLine({ type: newType || 'cart' }, reference.languages), targets: [emptyTarget()] } : null);
  const [findings, setFindings] = useState([]);
  const [error, setError] = useState(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (isNew) return;
    adminApi.line(code, id)
      .then((a) => {
        setForm(fromLine(a.line, reference.languages));
        setFindings(a.findings.findings.filter((f) => f.line === id));
      })
      .catch((e) => setError(e));
  }, [code, id]);

  if (!form) return error ? html`<p class="error" role="alert">${error.message}</p>` : html`<p class="muted">Loading…</p>`;
  const setTarget = (i, t) => setForm({ ...form, targets: form.targets.map((x, j) => (j === i ? t : x)) });
  const moveTarget = (i, step) => {
    const targets = form.targets.slice();
    [targets[i], targets[i + step]] = [targets[i + step], targets[i]];
    setForm({ ...form, targets });
  };
  const back = `#/profile/${encodeURIComponent(code)}`;

  const save = async (e) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const line = toLine(form);
    try {
      if (isNew) await adminApi.createLine(code, line);
      else await adminApi.replaceLine(code, id, line);
      window.location.hash = back;
    } catch (err) {
      setError(relativeError(err));
      if (err.body?.findings) setFindings(err.body.findings.findings.filter((f) => !f.line || f.line === line.id));
    } finally {
      setSaving(false);
    }
  };

  return html`
    <section class="line-editor" data-testid="line-editor">
      <p><a href=${back}>← Profile ${code}</a></p>
      <h1>${isNew ? `New ${typeLabel(form.type).toLowerCase()} line` : html`Line <code>${id}</code>`}</h1>
      <${FindingList} findings=${findings} testid="line-findings" />
      <form onSubmit=${save}>
        <div class="row">
          <label>Line id
            <input value=${form.id} required readonly=${!isNew} data-testid="line-id"
              onInput=${(e) => setForm({ ...form, id: e.target.value })} />
            <${FieldError} error=${error} path="id" /></label>
          <label>Kind
            <select value=${form.type} data-testid="line-type" onChange=${(e) => setForm({ ...form, type: e.target.value })}>
              ${LINE_TYPES.map((t) => html`<option value=${t.type}>${t.label}: ${t.stage}</option>`)}
            </select><${FieldError} error=${error} path="type" /></label>
        </div>
        <label>Base product (what the buyer picked)</label>
        <${ProductPicker} value=${form.base} lang=${reference.lang} testid="base-product"
          onChange=${(c) => setForm({ ...form, base: c, when: { ...form.when, performances: [] } })} />
        <${FieldError} error=${error} path="base" />
        ${form.type === 'conditional' && html`<${WhenEditor} form=${form} setForm=${setForm} reference=${reference} error=${error} />`}
        <h2>Targets (proposed, in order)</h2>
        ${form.targets.map((t, i) => html`<${TargetEditor} key=${i} t=${t} i=${i} count=${form.targets.length}
          reference=${reference} error=${error}
          set=${(x) => setTarget(i, x)} move=${(step) => moveTarget(i, step)}
          remove=${() => setForm({ ...form, targets: form.targets.filter((_, j) => j !== i) })} />`)}
        <${FieldError} error=${error} path="targets" />
        <button type="button" data-testid="add-target" onClick=${() => setForm({ ...form, targets: [...form.targets, emptyTarget()] })}>Add a target</button>
        <h2>Validity</h2>
        <div class="row">
          <label>Valid from (YYYY-MM-DD, or a time with its offset)
            <input value=${form.valid_from} placeholder="2027-01-01" data-testid="valid-from"
              onInput=${(e) => setForm({ ...form, valid_from: e.target.value })} />
            <${FieldError} error=${error} path="valid_from" /></label>
          <label>Valid to
            <input value=${form.valid_to} placeholder="2027-06-30" data-testid="valid-to"
              onInput=${(e) => setForm({ ...form, valid_to: e.target.value })} />
            <${FieldError} error=${error} path="valid_to" /></label>
        </div>
        <h2>Text for buyers</h2>
        ${reference.languages.map((l) => html`<label>Text (${l})
          <textarea rows="2" value=${form.text[l] || ''} data-testid="line-text" data-lang=${l}
            onInput=${(e) => setForm({ ...form, text: { ...form.text, [l]: e.target.value } })}></textarea>
          <${FieldError} error=${error} path=${`text.${l}`} /></label>`)}
        <${FieldError} error=${error} path="text" />
        ${error && html`<p class="error" role="alert" data-testid="save-error">Not saved: ${error.message}${error.field ? ` (${error.field})` : ''}</p>`}
        <div class="actions">
          <button class="primary" type="submit" disabled=${saving} data-testid="save-line">Save the line</button>
          <a class="button" href=${back}>Cancel</a>
        </div>
      </form>
    </section>`;
}
