// A product picker that searches as you type: the admin search endpoint is
// asked 150 ms after the last key (debounce), and only the answer to the
// latest query is shown. Choosing a result calls onChange(code, product).
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi } from './api.js';

const DEBOUNCE_MS = 150;

export function ProductPicker({ value, onChange, lang, testid = 'product-picker', placeholder }) {
  const [text, setText] = useState('');
  const [results, setResults] = useState([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState(null);
  const latest = useRef(0);

  // The chosen product's name, for a line read from the API (code only).
  useEffect(() => {
    if (!value) {
      setChosen(null);
      return;
    }
    if (chosen?.code === value) return;
    adminApi.searchProducts(value, lang, 5)
      .then((a) => setChosen(a.products.find((p) => p.code === value) || { code: value, name: '' }))
      .catch(() => setChosen({ code: value, name: '' }));
  }, [value]);

  useEffect(() => {
    if (!open) return undefined;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      adminApi.searchProducts(text, lang, 20)
        .then((a) => {
          if (ticket === latest.current) {
            setResults(a.products);
            setActive(0);
          }
        })
        .catch(() => ticket === latest.current && setResults([]));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, open]);

  const choose = (p) => {
    setChosen(p);
    setOpen(false);
    setText('');
    onChange(p.code, p);
  };
  const onKey = (e) => {
    if (e.key === 'ArrowDown') setActive(Math.min(active + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
    else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      choose(results[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return html`
    <div class="picker" data-testid=${testid}>
      ${value && html`<div class="picked" data-testid="picked" data-code=${value}>
        <code>${value}</code> ${chosen?.name && html`<span>${chosen.name}</span>`}
        ${chosen?.archived && html` <em>(archived)</em>`}</div>`}
      <input type="search" value=${text} placeholder=${placeholder || (value ? 'Change: type a code or a name' : 'Type a code or a name')}
        data-testid="picker-input" autocomplete="off"
        onInput=${(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus=${() => setOpen(true)} onKeyDown=${onKey}
        onBlur=${() => setTimeout(() => setOpen(false), 200)} />
      ${open && results.length > 0 && html`
        <ul class="picker-results" role="listbox">
          ${results.map((p, i) => html`<li role="option" aria-selected=${i === active} data-testid="picker-result"
            data-code=${p.code} class=${i === active ? 'active' : ''}
            onMouseDown=${(e) => {
              e.preventDefault();
              choose(p);
            }}><code>${p.code}</code> ${p.name} <small class="muted">${p.kind}${p.dated ? ', dated' : ''}</small></li>`)}
        </ul>`}
    </div>`;
}
