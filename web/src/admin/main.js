// The back-office at /admin/: the cross-sell profiles and their lines, the
// line editor, validation and activation, and the preview. Pages are chosen
// by the URL fragment: #/ (profiles), #/profile/CODE,
// #/profile/CODE/line/ID, #/profile/CODE/new/TYPE, #/preview.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from '../common/html.js';
import { adminApi, adminToken, onTokenChange, setAdminToken, takeAdminToken } from './api.js';
import { ProfilesPage } from './profiles.js';
import { ProfilePage } from './profile.js';
import { LineEditor } from './line-editor.js';
import { PreviewPage } from './preview.js';
import './style.css';

function readRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split('/').map((p) => decodeURIComponent(p));
}

// The token form: the only place the admin token is typed.
function Login({ problem }) {
  const [token, setToken] = useState('');
  const submit = (e) => {
    e.preventDefault();
    if (token.trim()) setAdminToken(token.trim());
  };
  return html`
    <section class="login">
      <h1>Encore back-office</h1>
      <form onSubmit=${submit}>
        <label>Admin token
          <input type="password" autocomplete="off" data-testid="admin-token" value=${token}
            onInput=${(e) => setToken(e.target.value)} /></label>
        <button class="primary" type="submit" data-testid="sign-in">Sign in</button>
      </form>
      ${problem && html`<p class="error" role="alert" data-testid="login-error">${problem}</p>`}
      <p class="muted">The token is printed once by <code>encore serve</code> on its first start,
        or set with ENCORE_ADMIN_TOKEN. It is kept in this tab only.</p>
    </section>`;
}

// The reference data every screen uses: the institution (languages), the
// channels, seat categories and audiences.
async function loadReference() {
  const [inst, channels, seats, audiences] = await Promise.all([
    adminApi.institution(),
    adminApi.channels(),
    adminApi.seatCategories(),
    adminApi.audiences(),
  ]);
  return {
    institution: inst.institution,
    languages: inst.institution.languages || [],
    lang: (inst.institution.languages || ['en'])[0],
    channels: channels.channels,
    seatCategories: seats.seat_categories,
    audiences: audiences.audiences,
  };
}

function Nav({ route }) {
  const on = (name) => (route[0] === name || (!route[0] && name === '') ? 'on' : '');
  return html`
    <header class="top">
      <a class="brand" href="#/">Encore <small>back-office</small></a>
      <nav>
        <a class=${on('')} href="#/">Profiles</a>
        <a class=${on('preview')} href="#/preview" data-testid="nav-preview">Preview</a>
        <a href="/shop/" target="_blank" rel="noopener">Ticketshop ↗</a>
        <button class="lang" onClick=${() => setAdminToken(null)} data-testid="sign-out">Sign out</button>
      </nav>
    </header>`;
}

function App() {
  const [token, setToken] = useState(adminToken());
  const [route, setRoute] = useState(readRoute());
  const [ref, setRef] = useState(null);
  const [problem, setProblem] = useState(null);

  useEffect(() => onTokenChange((t) => {
    setToken(t);
    if (!t) setProblem('The admin token was refused or is missing. Sign in again.');
  }), []);
  useEffect(() => {
    const f = () => setRoute(readRoute());
    window.addEventListener('hashchange', f);
    f(); // a change made before this effect ran
    return () => window.removeEventListener('hashchange', f);
  }, []);
  useEffect(() => {
    if (!token) return;
    setRef(null);
    loadReference()
      .then((r) => {
        setRef(r);
        setProblem(null);
      })
      .catch((e) => setProblem(e.message));
  }, [token]);

  if (!token) return html`<main><${Login} problem=${problem} /></main>`;
  let body;
  if (!ref) body = problem ? html`<p class="error" role="alert">${problem}</p>` : html`<p class="muted">Loading…</p>`;
  else if (route[0] === 'profile' && route[2] === 'line') body = html`<${LineEditor} key=${route.join('/')} reference=${ref} code=${route[1]} id=${route[3]} />`;
  else if (route[0] === 'profile' && route[2] === 'new') body = html`<${LineEditor} key=${route.join('/')} reference=${ref} code=${route[1]} newType=${route[3]} />`;
  else if (route[0] === 'profile') body = html`<${ProfilePage} key=${route[1]} reference=${ref} code=${route[1]} />`;
  else if (route[0] === 'preview') body = html`<${PreviewPage} reference=${ref} />`;
  else body = html`<${ProfilesPage} reference=${ref} />`;
  return html`<${Nav} route=${route} /><main>${body}</main>`;
}

// A token in the fragment is taken at load and whenever it is pasted into
// an open tab (a hash change does not reload the page).
takeAdminToken();
window.addEventListener('hashchange', () => {
  if (/(^#|&)token=/.test(window.location.hash)) setAdminToken(takeAdminToken());
});
render(html`<${App} />`, document.getElementById('app'));
