// The list of profiles with their status, channels, lines and the counts
// of their findings, and the form that creates a draft.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi } from './api.js';
import { FieldError, StatusBadge, nameOf } from './common.js';

function NewProfile({ reference, onCreated }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [channels, setChannels] = useState([]);
  const [error, setError] = useState(null);
  const internet = reference.channels.filter((c) => c.type === 'internet');
  const toggle = (c) => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c]);
  const submit = async (e) => {
    e.preventDefault();
    const profile = { code: code.trim(), status: 'draft', channels, lines: [] };
    if (name.trim()) profile.name = { [reference.lang]: name.trim() };
    try {
      await adminApi.createProfile(profile);
      setError(null);
      onCreated(profile.code);
    } catch (err) {
      setError(err);
    }
  };
  return html`
    <form class="panel new-profile" onSubmit=${submit} data-testid="new-profile">
      <h2>New profile</h2>
      <div class="row">
        <label>Code <input value=${code} required onInput=${(e) => setCode(e.target.value)}
          data-testid="new-profile-code" /><${FieldError} error=${error} path="code" /></label>
        <label>Name (${reference.lang}) <input value=${name} onInput=${(e) => setName(e.target.value)}
          data-testid="new-profile-name" /></label>
      </div>
      <fieldset><legend>Channels (internet)</legend>
        ${internet.map((c) => html`<label class="check"><input type="checkbox" checked=${channels.includes(c.code)}
          onChange=${() => toggle(c.code)} /> ${c.name} <code>${c.code}</code></label>`)}
        <${FieldError} error=${error} path="channels" />
      </fieldset>
      ${error && !error.field && html`<p class="error" role="alert">${error.message}</p>`}
      <button class="primary" type="submit" data-testid="create-profile">Create draft</button>
    </form>`;
}

export function ProfilesPage({ reference }) {
  const [profiles, setProfiles] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    adminApi.profiles().then((a) => setProfiles(a.profiles)).catch((e) => setError(e.message));
  }, []);
  const open = (code) => {
    window.location.hash = `#/profile/${encodeURIComponent(code)}`;
  };
  return html`
    <section>
      <h1>Cross-sell profiles</h1>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${profiles && html`
        <div class="table-wrap"><table class="profiles" data-testid="profiles">
          <thead><tr><th>Profile</th><th>Status</th><th>Channels</th><th>Lines</th><th>Findings</th></tr></thead>
          <tbody>${profiles.map((p) => html`
            <tr data-testid="profile-row" data-code=${p.code}>
              <td><a href=${`#/profile/${encodeURIComponent(p.code)}`}>${nameOf(p.name, reference.languages) || p.code}</a>
                <div class="muted"><code>${p.code}</code></div></td>
              <td><${StatusBadge} status=${p.status} /></td>
              <td>${p.channels.join(', ')}</td>
              <td>${p.lines}</td>
              <td>${p.errors > 0 && html`<span class="count error-count">${p.errors} error${p.errors > 1 ? 's' : ''}</span>`}
                ${p.warnings > 0 && html` <span class="count warning-count">${p.warnings} warning${p.warnings > 1 ? 's' : ''}</span>`}
                ${!p.errors && !p.warnings && html`<span class="muted">none</span>`}</td>
            </tr>`)}</tbody>
        </table></div>`}
      <${NewProfile} reference=${reference} onCreated=${open} />
    </section>`;
}
