// Gatehouse web UI: an ES module application on the public API only (issue 8), under a strict CSP
// (no inline script or style). Text is always set as text, never parsed as markup (lib/dom.js).

import { h, replace } from './lib/dom.js';
import { call, get, rememberCsrf, ApiError } from './lib/api.js';
import { t, lang, setLang } from './lib/i18n.js';
import { loginView, passwordView, previousLoginNotice } from './views/login.js';
import { findingsView } from './views/findings.js';
import { uploadView } from './views/upload.js';
import { scanView } from './views/scan.js';
import { accountView } from './views/account.js';
import { adminView } from './views/admin.js';
import { releasesView } from './views/releases.js';
import { boardView, TABS } from './views/board.js';
import { access, home } from './lib/access.js';
import { portfolioView } from './views/portfolio.js';
import { trendsView } from './views/trends.js';
import { documentView } from './views/documents.js';
import { sourceAccessView } from './views/sourceaccess.js';
import { complianceView } from './views/compliance.js';
import { integrationsView } from './views/integrations.js';
import { workflowsView } from './views/workflows.js'; // issue 6 (ADR 0023)
import { uploadedDocumentView } from './views/uploaded.js'; // issue 8 (ADR 0024)

const view = document.getElementById('view');
const nav = document.getElementById('nav');
let session = null;
// The "previous login / failed attempts since" notice, shown by the first render after a login.
let pendingNotice = null;
// Counts renderings, so that a screen still loading does not replace the one opened after it.
let renders = 0;

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

function navigation(route = '') {
  const language = h('button', { type: 'button', id: 'language', onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); render(); } },
    t('nav.language'));
  if (!session) return replace(nav, language);
  const can = access(session);
  const link = (href, id, text, active) => h('a', { href, id, 'aria-current': active ? 'page' : null }, text);
  // two rows that do not move between screens: the screens, then the person's own controls
  return replace(nav, h('span', { class: 'nav-screens' },
    can.portfolio && !can.enrolmentOnly ? link('#/portfolio', 'nav-portfolio', t('nav.portfolio'), route === 'portfolio') : null,
    can.findings && !can.enrolmentOnly ? link('#/findings', 'nav-findings', t('nav.findings'), route === 'findings' || route.startsWith('findings/')) : null,
    can.releases && !can.enrolmentOnly ? link('#/releases', 'nav-releases', t('nav.releases'), route === 'releases' || route.startsWith('releases/')) : null,
    can.findings && !can.enrolmentOnly ? link('#/trends', 'nav-trends', t('nav.trends'), route === 'trends') : null,
    can.import && !can.enrolmentOnly ? link('#/import', 'nav-import', t('nav.import'), route === 'import') : null,
    can.import && !can.enrolmentOnly ? link('#/scan', 'nav-scan', t('nav.scan'), route === 'scan') : null,
    can.sourceAccess && !can.enrolmentOnly ? link('#/source-access', 'nav-source-access', t('nav.source-access'), route === 'source-access') : null,
    can.admin && !can.enrolmentOnly ? link('#/admin', 'nav-admin', t('nav.admin'), route.startsWith('admin')) : null,
    can.workflows && !can.enrolmentOnly ? link('#/workflow-definitions', 'nav-workflow-definitions', t('nav.workflow-definitions'),
      route.startsWith('workflow-definitions')) : null),
  h('span', { class: 'nav-person' },
    h('span', { class: 'who', id: 'who' }, session.login),
    link('#/account', 'nav-account', t('nav.account'), route === 'account'),
    h('button', { type: 'button', id: 'logout', onclick: logout }, t('nav.logout')),
    language));
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
  // a link opened before logging in (e.g. #/findings/{id}) is where the session starts
  const asked = location.hash.replace(/^#\/?/, '');
  const start = asked && asked !== 'login' ? location.hash : `#/${home(access(body))}`;
  if (location.hash === start) {
    render();
  } else {
    location.hash = start; // the hashchange renders
  }
}

// After the second factor is enrolled the session is no longer confined: read it again and start.
async function enrolled() {
  const { body } = await call('GET', 'session');
  session = body;
  location.hash = `#/${home(access(body))}`;
  render();
}

async function render() {
  const generation = ++renders;
  const isCurrent = () => generation === renders;
  document.querySelector('.tagline').textContent = t('app.tagline');
  delete view.dataset.screen;
  if (!session) {
    navigation('');
    return loginView(view, started);
  }
  const can = access(session);
  let route = location.hash.replace(/^#\//, '') || home(can);
  if (can.enrolmentOnly) route = 'account'; // the server refuses everything else until then
  navigation(route);
  try {
    if (route === 'portfolio') {
      await portfolioView(view, isCurrent, can);
    } else if (route === 'account') {
      accountView(view, session, can.enrolmentOnly ? enrolled : null);
    } else if (route === 'admin' || route.startsWith('admin/')) {
      await adminView(view, route, can);
    } else if (/^projects\/[^/]+\/compliance$/.test(route)) {
      await complianceView(view, decodeURIComponent(route.split('/')[1])); // issue 9
    } else if (/^projects\/[^/]+\/integrations$/.test(route)) {
      await integrationsView(view, decodeURIComponent(route.split('/')[1]), can); // issue 7: webhooks, issue tracker
    } else if (route === 'workflow-definitions' || route.startsWith('workflow-definitions/')) {
      await workflowsView(view, route.slice('workflow-definitions/'.length), can); // issue 6
    } else if (route.startsWith('uploaded-documents/')) {
      await uploadedDocumentView(view, decodeURIComponent(route.slice('uploaded-documents/'.length)), can); // issue 8
    } else if (route.startsWith('documents/')) {
      await documentView(view, decodeURIComponent(route.slice('documents/'.length)));
    } else if (route.startsWith('releases/')) {
      // #/releases/{id} (the pipeline) or #/releases/{id}/{requirements,testing,reviews,documents}
      const [id, tab] = route.slice('releases/'.length).split('/');
      await boardView(view, decodeURIComponent(id), can, TABS.includes(tab) ? tab : 'pipeline');
    } else {
      const projects = (await get('projects?limit=200')).items;
      if (route === 'releases') {
        await releasesView(view, projects, can);
      } else if (route === 'trends') {
        await trendsView(view, projects);
      } else if (route === 'import') {
        await uploadView(view, projects);
      } else if (route === 'scan') {
        await scanView(view, projects);
      } else if (route === 'source-access') {
        await sourceAccessView(view, projects, can, session.login);
      } else if (route.startsWith('findings/')) {
        await findingsView(view, projects, can, decodeURIComponent(route.slice('findings/'.length)));
      } else {
        await findingsView(view, projects, can);
      }
    }
    if (pendingNotice) {
      view.prepend(pendingNotice);
      pendingNotice = null;
    }
    // which screen finished rendering (browser tests wait for it before they navigate on)
    if (isCurrent()) view.dataset.screen = route.split('/')[0];
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
