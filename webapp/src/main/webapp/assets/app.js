// Gatehouse web UI: an ES module application on the public API only (issue 8), under a strict CSP
// (no inline script or style). Text is always set as text, never parsed as markup (lib/dom.js).

import { h, replace } from './lib/dom.js';
import { call, get, rememberCsrf, ApiError } from './lib/api.js';
import { t, lang, setLang } from './lib/i18n.js';
import { loginView, passwordView, previousLoginNotice } from './views/login.js';
import { findingsView } from './views/findings.js';
import { uploadView } from './views/upload.js';
import { scanView } from './views/scan.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
let session = null;
// The "previous login / failed attempts since" notice, shown by the first render after a login.
let pendingNotice = null;

const status = {
  ready: { en: 'ready', zh: '就绪' },
  down: { en: 'not ready', zh: '未就绪' },
};

async function refreshStatus() {
  const element = document.getElementById('status');
  let state = 'down';
  try {
    const info = await fetch('api/v1/info', { headers: { Accept: 'application/json' } });
    if (info.ok) document.getElementById('version').textContent = (await info.json()).version;
    state = (await fetch('health/ready', { headers: { Accept: 'application/json' } })).ok ? 'ready' : 'down';
  } catch (e) {
    state = 'down';
  }
  element.dataset.state = state;
  element.textContent = `${status[state].en} / ${status[state].zh}`;
}

function navigation() {
  const language = h('button', { type: 'button', id: 'language', onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); render(); } },
    t('nav.language'));
  if (!session) return replace(nav, language);
  return replace(nav,
    h('a', { href: '#/findings', id: 'nav-findings' }, t('nav.findings')),
    h('a', { href: '#/import', id: 'nav-import' }, t('nav.import')),
    h('a', { href: '#/scan', id: 'nav-scan' }, t('nav.scan')),
    h('span', { class: 'who', id: 'who' }, session.login),
    h('button', { type: 'button', id: 'logout', onclick: logout }, t('nav.logout')),
    language);
}

// Whether this tab has logged in: without it no request is made that would only be refused (and
// audited) for an anonymous visitor.
const SESSION_FLAG = 'gatehouse.session';

async function logout() {
  try {
    await call('DELETE', 'session');
  } finally {
    sessionStorage.removeItem(SESSION_FLAG);
    session = null;
    rememberCsrf(null);
    location.hash = '#/login';
    render();
  }
}

function started(body) {
  session = body;
  sessionStorage.setItem(SESSION_FLAG, '1');
  if (body.mustChangePassword) {
    navigation();
    passwordView(view, body, () => { session = null; location.hash = '#/login'; render(); });
    return;
  }
  pendingNotice = previousLoginNotice(body);
  if (location.hash === '#/findings') {
    render();
  } else {
    location.hash = '#/findings'; // the hashchange renders
  }
}

async function render() {
  document.querySelector('.tagline').textContent = t('app.tagline');
  navigation();
  if (!session) return loginView(view, started);
  const route = location.hash.replace(/^#\//, '') || 'findings';
  try {
    const projects = (await get('projects?limit=200')).items;
    if (route === 'import') {
      await uploadView(view, projects);
    } else if (route === 'scan') {
      await scanView(view, projects);
    } else {
      await findingsView(view, projects);
    }
    if (pendingNotice) {
      view.prepend(pendingNotice);
      pendingNotice = null;
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      sessionStorage.removeItem(SESSION_FLAG);
      session = null;
      return render();
    }
    replace(view, h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

async function start() {
  refreshStatus();
  if (sessionStorage.getItem(SESSION_FLAG)) {
    try {
      const { body } = await call('GET', 'session');
      rememberCsrf(body.csrfToken);
      session = body.mustChangePassword ? null : body;
    } catch (e) {
      sessionStorage.removeItem(SESSION_FLAG);
      session = null;
    }
  }
  window.addEventListener('hashchange', () => render());
  render();
}

start();
