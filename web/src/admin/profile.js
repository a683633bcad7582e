// One profile: its status and settings (name, channels, limits), its lines
// grouped by kind in profile order with up/down buttons (saved through the
// API), the findings of SPEC 6 beside each line, and the buttons that
// validate, activate and deactivate it (SPEC 3).
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi } from './api.js';
import { FieldError, FindingList, LINE_TYPES, StatusBadge, nameOf } from './common.js';

const PLACEMENTS = ['instead', 'under_cart', 'sidebar', 'confirmation'];

// The line order after moving line id one place up (-1) or down (+1) among
// the lines of its own kind; the others keep their places.
export function movedOrder(lines, id, step) {
  const ids = lines.map((l) => l.id);
  const i = ids.indexOf(id);
  const type = lines[i].type;
  let j = i + step;
  while (j >= 0 && j < lines.length && lines[j].type !== type) j += step;
  if (j < 0 || j >= lines.length) return null;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  return ids;
}

function Settings({ profile, reference, onSaved }) {
  const [name, setName] = useState(() => ({ ...(typeof profile.name === 'string' ? { [reference.lang]: profile.name } : profile.name || {}) }));
  const [channels, setChannels] = useState(profile.channels);
  const [limits, setLimits] = useState({ ...(profile.limits || {}) });
  const [error, setError] = useState(null);
  const internet = reference.channels.filter((c) => c.type === 'internet' || profile.channels.includes(c.code));
  const toggle = (c) => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c]);
  const save = async (e) => {
    e.preventDefault();
    // Without "lines" the server keeps the stored ones (docs/API.md).
    const { lines, ...rest } = profile;
    const next = { ...rest, channels };
    const names = Object.fromEntries(Object.entries(name).filter(([, v]) => v.trim()));
    if (Object.keys(names).length) next.name = names;
    else delete next.name;
    const lim = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, Number(v)]));
    if (Object.keys(lim).length) next.limits = lim;
    else delete next.limits;
    try {
      onSaved(await adminApi.replaceProfile(profile.code, next));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return html`
    <details class="panel settings">
      <summary>Name, channels and limits</summary>
      <form onSubmit=${save}>
        <div class="row">${reference.languages.map((l) => html`
          <label>Name (${l}) <input value=${name[l] || ''} onInput=${(e) => setName({ ...name, [l]: e.target.value })} /></label>`)}
        </div>
        <fieldset><legend>Channels</legend>
          ${internet.map((c) => html`<label class="check"><input type="checkbox" checked=${channels.includes(c.code)}
            data-testid="profile-channel" data-code=${c.code} onChange=${() => toggle(c.code)} /> ${c.name} <code>${c.code}</code>
            ${c.type !== 'internet' && html` <em>(${c.type})</em>`}</label>`)}
          <${FieldError} error=${error} path="channels" />
        </fieldset>
        <fieldset><legend>How many each placement shows (empty: the default)</legend>
          <div class="row">${PLACEMENTS.map((p) => html`
            <label>${p} <input type="number" min="0" max="1000" value=${limits[p] ?? ''}
              onInput=${(e) => setLimits({ ...limits, [p]: e.target.value })} /></label>`)}</div>
          <${FieldError} error=${error} path="limits" />
        </fieldset>
        ${error && html`<p class="error" role="alert">${error.message}</p>`}
        ${error?.body?.findings && html`<${FindingList} findings=${error.body.findings.findings} />`}
        <button class="primary" type="submit" data-testid="save-profile">Save</button>
      </form>
    </details>`;
}

function targetSummary(t) {
  const parts = [t.product];
  if (t.quantity) parts.push(t.quantity.mode);
  if (t.date) parts.push(t.date);
  return parts.join(' · ');
}

function LineRow({ line, profile, findings, onMove, onDelete, first, last, reference }) {
  const [sure, setSure] = useState(false);
  const own = findings.filter((f) => f.line === line.id);
  const href = `#/profile/${encodeURIComponent(profile.code)}/line/${encodeURIComponent(line.id)}`;
  const flag = own.some((f) => f.severity === 'error') ? 'has-error' : own.length ? 'has-warning' : '';
  return html`
    <li class=${`line ${flag}`} data-testid="line" data-id=${line.id} data-type=${line.type}>
      <div class="line-main">
        <div>
          <a href=${href} class="line-id" data-testid="edit-line"><code>${line.id}</code></a>
          <span class="muted"> base </span><code>${line.base}</code>
          <span class="muted"> → </span>${line.targets.map((t, i) => html`${i > 0 ? ', ' : ''}<code>${targetSummary(t)}</code>`)}
          ${line.when && html`<div class="muted">when: ${[
            line.when.min_quantity && `at least ${line.when.min_quantity}`,
            line.when.performances && `performances ${line.when.performances.join(', ')}`,
            line.when.seat_categories && `seat categories ${line.when.seat_categories.join(', ')}`,
          ].filter(Boolean).join('; ')}</div>`}
          ${(line.valid_from || line.valid_to) && html`<div class="muted">valid ${line.valid_from || '…'} to ${line.valid_to || '…'}</div>`}
          ${line.text && html`<div class="line-text">${nameOf(line.text, reference.languages)}</div>`}
        </div>
        <div class="line-buttons">
          <button title="Move up" aria-label=${`Move ${line.id} up`} disabled=${first} data-testid="line-up" onClick=${() => onMove(line.id, -1)}>↑</button>
          <button title="Move down" aria-label=${`Move ${line.id} down`} disabled=${last} data-testid="line-down" onClick=${() => onMove(line.id, 1)}>↓</button>
          <a class="button" href=${href}>Edit</a>
          ${sure
            ? html`<button class="danger" data-testid="line-delete-confirm" onClick=${() => onDelete(line.id)}>Delete ${line.id}?</button>`
            : html`<button data-testid="line-delete" onClick=${() => setSure(true)}>Delete</button>`}
        </div>
      </div>
      <${FindingList} findings=${own} testid="line-findings" />
    </li>`;
}

function LineGroups({ profile, findings, reference, onMove, onDelete }) {
  const lines = profile.lines || [];
  return LINE_TYPES.map(({ type, label, stage }) => {
    const group = lines.filter((l) => l.type === type);
    return html`
      <section class="line-group" data-testid="line-group" data-type=${type}>
        <div class="group-head">
          <h2>${label} <small class="muted">${stage}</small></h2>
          <a class="button" data-testid="add-line" data-type=${type}
            href=${`#/profile/${encodeURIComponent(profile.code)}/new/${type}`}>${/^[aeiou]/i.test(label) ? 'Add an' : 'Add a'} ${label.toLowerCase()} line</a>
        </div>
        ${group.length === 0
          ? html`<p class="muted">No line.</p>`
          : html`<ol class="lines">${group.map((l, i) => html`<${LineRow} key=${l.id} line=${l} profile=${profile}
              findings=${findings} reference=${reference} first=${i === 0} last=${i === group.length - 1}
              onMove=${onMove} onDelete=${onDelete} />`)}</ol>`}
      </section>`;
  });
}

export function ProfilePage({ code, reference }) {
  const [profile, setProfile] = useState(null);
  const [findings, setFindings] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [sure, setSure] = useState(false);

  const take = (answer) => {
    setProfile(answer.profile);
    setFindings(answer.findings);
  };
  useEffect(() => {
    adminApi.profile(code).then(take).catch((e) => setError(e.message));
  }, [code]);

  // Runs one action; a refusal shows its message and, for a failed check,
  // its findings beside the lines.
  const act = async (f, done) => {
    setError(null);
    setNotice(null);
    try {
      const answer = await f();
      done(answer);
    } catch (e) {
      setError(e.message);
      if (e.body?.findings) setFindings(e.body.findings);
    }
  };
  const validate = () => act(() => adminApi.validate(code), (f) => {
    setFindings(f);
    setNotice(f.errors ? `${f.errors} error(s), ${f.warnings} warning(s): fix the errors before activating.`
      : `No error${f.warnings ? `, ${f.warnings} warning(s)` : ''}: the profile can be activated.`);
  });
  const activate = () => act(() => adminApi.activate(code), (a) => {
    take(a);
    const took = a.took_over.map((t) => `${t.channel} from ${t.from}`).join(', ');
    setNotice(`Active.${took ? ` Took over ${took}.` : ''}`);
  });
  const deactivate = () => act(() => adminApi.deactivate(code), (a) => {
    take(a);
    setNotice('Back to draft.');
  });
  const move = (id, step) => {
    const order = movedOrder(profile.lines, id, step);
    if (order) act(() => adminApi.reorderLines(code, order), take);
  };
  const removeLine = (id) => act(() => adminApi.deleteLine(code, id), () => adminApi.profile(code).then(take));
  const removeProfile = () => act(() => adminApi.deleteProfile(code), () => {
    window.location.hash = '#/';
  });

  if (!profile) return error ? html`<p class="error" role="alert">${error}</p>` : html`<p class="muted">Loading…</p>`;
  const own = (findings?.findings || []).filter((f) => !f.line);
  return html`
    <section class="profile" data-testid="profile" data-code=${profile.code}>
      <p><a href="#/">← Profiles</a></p>
      <div class="profile-head">
        <h1>${nameOf(profile.name, reference.languages) || profile.code} <code>${profile.code}</code></h1>
        <${StatusBadge} status=${profile.status} />
      </div>
      <p class="muted">Channels: <span data-testid="profile-channels">${profile.channels.join(', ') || 'none'}</span>
        ${findings && html` · <span data-testid="finding-counts">${findings.errors} error(s), ${findings.warnings} warning(s)</span>`}</p>
      <div class="actions">
        <button data-testid="validate" onClick=${validate}>Validate</button>
        ${profile.status === 'active'
          ? html`<button data-testid="deactivate" onClick=${deactivate}>Deactivate</button>`
          : html`<button class="primary" data-testid="activate" onClick=${activate}>Activate</button>`}
        <a class="button" href="#/preview">Preview</a>
        ${sure
          ? html`<button class="danger" data-testid="profile-delete-confirm" onClick=${removeProfile}>Delete ${profile.code}?</button>`
          : html`<button data-testid="profile-delete" onClick=${() => setSure(true)}>Delete profile</button>`}
      </div>
      ${notice && html`<p class="notice" role="status" data-testid="notice">${notice}</p>`}
      ${error && html`<p class="error" role="alert" data-testid="profile-error">${error}</p>`}
      <${FindingList} findings=${own} testid="profile-findings" />
      <${Settings} key=${JSON.stringify(profile)} profile=${profile} reference=${reference} onSaved=${take} />
      <${LineGroups} profile=${profile} findings=${findings?.findings || []} reference=${reference}
        onMove=${move} onDelete=${removeLine} />
    </section>`;
}
