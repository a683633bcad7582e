// Pieces the back-office screens share: the five kinds of line, status
// badges, field errors and the list of findings.
import { html } from '../common/html.js';

// SPEC 2: the kinds of line, in the order of a purchase.
export const LINE_TYPES = [
  { type: 'upsell', label: 'Upsell', stage: 'product page, instead of the item' },
  { type: 'cart', label: 'Cart', stage: 'after adding, under the cart' },
  { type: 'conditional', label: 'Conditional', stage: 'after adding, under the cart, if conditions hold' },
  { type: 'favorite', label: 'Favourite', stage: 'after adding, in the side panel' },
  { type: 'post_purchase', label: 'Post-purchase', stage: 'after payment, on the confirmation' },
];

export function typeLabel(type) {
  return LINE_TYPES.find((t) => t.type === type)?.label || type;
}

export function StatusBadge({ status }) {
  return html`<span class=${`status ${status}`} data-testid="profile-status">${status}</span>`;
}

// A name of SPEC 7 (string or {lang: text}) in the first language found.
export function nameOf(value, languages = []) {
  if (!value) return '';
  if (typeof value === 'string') return value;
  for (const l of [...languages, ...Object.keys(value)]) if (value[l]) return value[l];
  return '';
}

// True when the API error names path or a field inside it. The API names
// fields relative to the body it was sent (`targets[0].product`).
export function errorAt(error, path) {
  if (!error?.field) return false;
  const f = error.field;
  return f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`);
}

// The API error, beside the field it names.
export function FieldError({ error, path }) {
  if (!errorAt(error, path)) return null;
  return html`<span class="field-error" role="alert" data-testid="field-error"
    data-field=${error.field}>${error.message}</span>`;
}

// Findings of SPEC 6 (errors first), each with its severity.
export function FindingList({ findings, testid = 'findings' }) {
  if (!findings?.length) return null;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return html`<ul class="findings" data-testid=${testid}>
    ${sorted.map((f) => html`<li class=${f.severity} data-testid="finding" data-severity=${f.severity}>
      <strong>${f.severity}</strong>${f.line ? html` <code>${f.line}</code>` : ''}: ${f.message}</li>`)}
  </ul>`;
}
