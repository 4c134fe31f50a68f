// Uploaded documents (C.3, issue 8 over ADR 0024) in the documents tab: the project's design documents, coding
// standards, agreements and test material the caller may read, with classification and distribution scope, the
// project's storage quota (a warning colour from 80 %), an upload form (multipart, the CSRF token through
// lib/api.js); #/uploaded-documents/{id} lists the versions with change note and security impact, downloads one,
// adds a version and archives. A read outside the distribution scope shows the server's refusal.

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem, confirmButton } from '../lib/forms.js';

const CATEGORIES = ['DESIGN', 'CODING_STANDARD', 'AGREEMENT', 'TEST', 'OTHER'];
const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET'];
// the classification's default distribution scope (documents/Classification.java): one may narrow it, not widen it
const PEOPLE = ['PROJECT_OWNER', 'DEVELOPER', 'TESTER', 'SECURITY_REVIEWER', 'AUDITOR', 'SECURITY_ADMINISTRATOR'];
const SCOPE = {
  PUBLIC: PEOPLE,
  INTERNAL: PEOPLE,
  CONFIDENTIAL: ['PROJECT_OWNER', 'SECURITY_REVIEWER', 'AUDITOR', 'SECURITY_ADMINISTRATOR'],
  SECRET: ['SECURITY_REVIEWER', 'AUDITOR', 'SECURITY_ADMINISTRATOR'],
};
const WARN_AT = 0.8; // the server warns the owners from 80 % (documents.quota-warning)

// where the list was opened from, for the way back from a document
let listRoute = null;

const roleName = (r) => (t(`role.${r}`) === `role.${r}` ? r : t(`role.${r}`));

export function bytes(n) {
  if (n < 1024) return t('ud.bytes', n);
  if (n < 1024 * 1024) return t('ud.kib', (n / 1024).toFixed(1));
  return t('ud.mib', (n / 1024 / 1024).toFixed(1));
}

function classification(d) {
  const c = d.classification.toLowerCase();
  return h('span', { class: `classification ${c}`, dataset: { classification: c } }, t(`documents.class.${c}`));
}

function quotaBar(used, quota) {
  const share = quota > 0 ? used / quota : 1;
  const warning = share >= WARN_AT;
  return h('div', { id: 'upload-quota', class: warning ? 'quota warning' : 'quota', dataset: { percent: Math.floor(share * 100) } },
    h('label', { for: 'upload-quota-meter' }, t('ud.quota')),
    h('meter', { id: 'upload-quota-meter', min: 0, max: quota, value: used, low: Math.floor(quota * WARN_AT), high: quota,
      optimum: 0 }, `${Math.floor(share * 100)} %`),
    h('span', { id: 'upload-quota-text' }, t('ud.quota-text', bytes(used), bytes(quota), Math.floor(share * 100)),
      warning ? h('strong', {}, ` ⚠ ${t('ud.quota-warning')}`) : null));
}

function scopeBoxes(fieldset, classificationValue) {
  replace(fieldset, h('legend', {}, t('ud.distribution')),
    h('p', { class: 'hint' }, t('ud.distribution-hint')),
    SCOPE[classificationValue].map((role) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'ud-role', value: role, checked: true, id: `ud-role-${role}` }), ' ', roleName(role))));
}

function uploadForm(project, done) {
  const error = h('div', { id: 'ud-error', class: 'error', role: 'alert' });
  const scope = h('fieldset', { id: 'ud-distribution' });
  const form = h('form', { id: 'ud-form', class: 'panel', novalidate: true },
    h('h4', {}, t('ud.upload-title')),
    field('ud-title', t('ud.title'), 'text', { required: true, maxlength: 200, autocomplete: 'off' }),
    choice('ud-category', t('ud.category'), CATEGORIES.map((c) => [c, t(`ud.category.${c}`)]), 'DESIGN'),
    choice('ud-classification', t('documents.classification'),
      CLASSIFICATIONS.map((c) => [c, t(`documents.class.${c.toLowerCase()}`)]), 'INTERNAL'),
    scope,
    field('ud-note', t('documents.change-note'), 'text', { required: true, maxlength: 2000, autocomplete: 'off' }),
    field('ud-impact', t('ud.impact'), 'text', { required: true, maxlength: 2000, autocomplete: 'off' }),
    field('ud-file', t('ud.file'), 'file', { required: true }),
    h('button', { type: 'submit' }, t('ud.upload')),
    error);
  scopeBoxes(scope, 'INTERNAL');
  form['ud-classification'].addEventListener('change', () => scopeBoxes(scope, form['ud-classification'].value));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const file = form['ud-file'].files[0];
    if (!file) {
      error.replaceChildren(t('ud.file-missing'));
      return;
    }
    const roles = [...form.querySelectorAll('input[name=ud-role]')];
    const chosen = roles.filter((r) => r.checked).map((r) => r.value);
    const data = new FormData(); // the fields first: the server reads the file as it streams
    data.append('title', form['ud-title'].value.trim());
    data.append('category', form['ud-category'].value);
    data.append('classification', form['ud-classification'].value);
    if (chosen.length !== roles.length) data.append('distribution', chosen.join(',')); // a narrowed scope
    data.append('changeNote', form['ud-note'].value.trim());
    data.append('securityImpact', form['ud-impact'].value.trim());
    data.append('file', file);
    try {
      const { body } = await call('POST', `projects/${encodeURIComponent(project)}/uploaded-documents`, data);
      form.reset();
      scopeBoxes(scope, 'INTERNAL');
      await done(t('ud.uploaded', body.title, body.latestVersion));
    } catch (e) {
      showProblem(error, e);
    }
  });
  return form;
}

/** The uploaded documents of a project, as a section of the documents tab. */
export async function uploadedPanel(root, { project, can }) {
  listRoute = location.hash;
  const status = h('p', { id: 'ud-status', role: 'status', tabindex: -1 });
  const form = can.documentWriteIn(project) ? uploadForm(project, (message) => load(message)) : null;
  const list = h('div', { id: 'ud-list' });

  async function load(message) {
    let listing;
    try {
      listing = await get(`projects/${encodeURIComponent(project)}/uploaded-documents`);
    } catch (e) {
      replace(list, h('p', { class: 'error', role: 'alert' }, e.message));
      return;
    }
    const documents = listing.documents;
    replace(list,
      quotaBar(listing.usedBytes, listing.quotaBytes),
      documents.length === 0 ? h('p', { class: 'muted', id: 'ud-none' }, t('ud.none')) : h('table', { class: 'plain', id: 'uploaded-table' },
        h('caption', {}, t('ud.caption', project)),
        h('thead', {}, h('tr', {}, ['ud.title', 'ud.category', 'documents.classification', 'documents.distribution',
          'documents.version', 'ud.state', 'ud.created'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, documents.map((d) => h('tr', { dataset: { uploaded: d.id, archived: String(d.archived) } },
          h('td', {}, h('a', { href: `#/uploaded-documents/${encodeURIComponent(d.id)}`, class: 'ud-open' }, d.title)),
          h('td', {}, t(`ud.category.${d.category}`)),
          h('td', {}, classification(d)),
          h('td', { class: 'ud-scope' }, d.distribution.map(roleName).join(', ')),
          h('td', {}, `v${d.latestVersion}`),
          h('td', {}, d.archived ? t('ud.archived') : t('ud.active')),
          h('td', {}, dateTime(d.createdAt), h('br'), d.createdBy))))));
    if (message) {
      status.textContent = message;
      status.focus();
    }
  }

  replace(root, h('h3', { id: 'ud-heading' }, t('ud.heading')),
    h('p', { class: 'hint' }, t('ud.hint')),
    status, list, form);
  await load();
}

function versionsTable(d) {
  return h('table', { class: 'plain', id: 'ud-versions' },
    h('caption', {}, t('documents.versions')),
    h('thead', {}, h('tr', {}, ['documents.version', 'ud.file', 'ud.size', 'documents.change-note', 'ud.impact', 'ud.uploaded-by',
      'SHA-256', 'documents.open'].map((k) => h('th', { scope: 'col' }, k.includes('.') ? t(k) : k)))),
    h('tbody', {}, [...d.versions].sort((a, b) => b.version - a.version).map((v) => h('tr', { dataset: { version: v.version } },
      h('td', {}, `v${v.version}`),
      h('td', {}, v.fileName, v.encrypted ? h('span', { class: 'muted' }, ` 🔒 ${t('ud.encrypted')}`) : null),
      h('td', {}, bytes(v.size)),
      h('td', { class: 'description' }, v.changeNote),
      h('td', { class: 'description ud-impact' }, v.securityImpact),
      h('td', {}, dateTime(v.uploadedAt), h('br'), v.uploadedBy),
      h('td', {}, h('code', { title: v.sha256 }, v.sha256.slice(0, 12))),
      h('td', {}, h('a', {
        href: `api/v1/uploaded-documents/${encodeURIComponent(d.id)}/versions/${v.version}/content`, download: v.fileName,
        class: 'ud-download', 'aria-label': t('ud.download-of', d.title, v.version),
      }, t('ud.download')))))));
}

function versionForm(d, reload) {
  const error = h('div', { id: 'ud-version-error', class: 'error', role: 'alert' });
  const form = h('form', { id: 'ud-version-form', class: 'panel', novalidate: true },
    h('h4', {}, t('ud.add-version', d.latestVersion + 1)),
    field('ud-version-file', t('ud.file'), 'file', { required: true }),
    field('ud-version-note', t('documents.change-note'), 'text', { required: true, maxlength: 2000, autocomplete: 'off' }),
    field('ud-version-impact', t('ud.impact'), 'text', { required: true, maxlength: 2000, autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('ud.add')),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const file = form['ud-version-file'].files[0];
    if (!file) {
      error.replaceChildren(t('ud.file-missing'));
      return;
    }
    const data = new FormData();
    data.append('changeNote', form['ud-version-note'].value.trim());
    data.append('securityImpact', form['ud-version-impact'].value.trim());
    data.append('file', file);
    try {
      const { body } = await call('POST', `uploaded-documents/${encodeURIComponent(d.id)}/versions`, data);
      await reload(t('ud.version-added', body.latestVersion));
    } catch (e) {
      showProblem(error, e);
    }
  });
  return form;
}

/** #/uploaded-documents/{id}: one document with its versions, or the server's refusal outside the scope. */
export async function uploadedDocumentView(root, id, can) {
  let d;
  try {
    d = await get(`uploaded-documents/${encodeURIComponent(id)}`);
  } catch (e) {
    replace(root, h('h2', {}, t('ud.heading')),
      h('p', { id: 'uploaded-refused', class: e.status === 403 ? 'notice warning' : 'error', role: 'alert' }, e.message));
    return;
  }
  const reload = async (message) => {
    await uploadedDocumentView(root, id, can);
    const notice = root.querySelector('#ud-detail-status');
    notice.textContent = message;
    notice.focus();
  };
  const writable = can.documentWriteIn(d.project) && !d.archived;
  const error = h('p', { id: 'ud-archive-error', class: 'error', role: 'alert' });
  replace(root,
    h('h2', { id: 'ud-detail-title' }, d.title),
    h('p', {}, h('a', { href: listRoute || '#/releases' }, t('documents.back'))),
    h('p', { id: 'ud-detail-status', role: 'status', tabindex: -1 }),
    h('dl', { class: 'facts', id: 'ud-facts' },
      h('dt', {}, t('findings.project')), h('dd', {}, d.project),
      h('dt', {}, t('ud.category')), h('dd', {}, t(`ud.category.${d.category}`)),
      h('dt', {}, t('documents.classification')), h('dd', {}, classification(d)),
      h('dt', {}, t('documents.distribution')), h('dd', { id: 'ud-scope' }, d.distribution.map(roleName).join(', ')),
      h('dt', {}, t('ud.state')), h('dd', { id: 'ud-state' }, d.archived
        ? t('ud.archived-text', dateTime(d.archivedAt), d.archivedBy) : t('ud.active')),
      h('dt', {}, t('ud.created')), h('dd', {}, `${dateTime(d.createdAt)} — ${d.createdBy}`)),
    versionsTable(d),
    writable ? versionForm(d, reload) : null,
    writable ? h('div', { class: 'actions' }, confirmButton(t('ud.archive'), t('ud.archive-confirm'), async () => {
      try {
        await call('POST', `uploaded-documents/${encodeURIComponent(d.id)}/archive`);
        await reload(t('ud.archived-done'));
      } catch (e) {
        showProblem(error, e);
      }
    }, { id: 'ud-archive' }), error) : null);
}
