// The documents tab of the release board (issue 8 over ADR 0013): the six B.1.3.1 documents with
// their versions, classification and change notes; generate a new version (a change note is
// required; unchanged content answers the latest version); view the HTML in a new tab (the server
// sends it with a sandboxing Content-Security-Policy) and download the PDF. The list holds only the
// versions within the caller's distribution scope (C.3); #/documents/{id} opens one document and says
// clearly when it lies outside that scope.

import { h, replace } from '../lib/dom.js';
import { call } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';
import { uploadedPanel } from './uploaded.js';

export const KINDS = ['security-requirements', 'test-recommendations', 'design-recommendations', 'code-scan-report',
  'security-test-report', 'security-audit-report'];
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'secret'];

const content = (d, format) => `api/v1/documents/${encodeURIComponent(d.id)}/${format}`;

function classification(d) {
  return h('span', { class: `classification ${d.classification}`, dataset: { classification: d.classification } },
    t(`documents.class.${d.classification}`));
}

function links(d) {
  return h('span', { class: 'actions' },
    h('a', { href: content(d, 'html'), target: '_blank', rel: 'noopener noreferrer', class: 'doc-html',
      'aria-label': t('documents.view-of', t(`documents.kind.${d.kind}`), d.version) }, t('documents.view')),
    h('a', { href: content(d, 'pdf'), download: `${d.kind}-v${d.version}-${d.language}.pdf`, class: 'doc-pdf',
      'aria-label': t('documents.pdf-of', t(`documents.kind.${d.kind}`), d.version) }, t('documents.pdf')));
}

function versionRow(d) {
  return h('tr', { dataset: { document: d.id, kind: d.kind, version: d.version } },
    h('td', {}, h('a', { href: `#/documents/${encodeURIComponent(d.id)}` }, `v${d.version}`)),
    h('td', {}, d.language),
    h('td', {}, classification(d)),
    h('td', { class: 'description' }, d.changeNote),
    h('td', {}, dateTime(d.generatedAt), h('br'), d.generatedBy),
    h('td', {}, h('code', { title: d.pdfSha256 }, d.pdfSha256.slice(0, 12))),
    h('td', {}, links(d)));
}

function kindSection(kind, versions) {
  return h('section', { class: 'document-kind', dataset: { kind } },
    h('h3', {}, t(`documents.kind.${kind}`)),
    versions.length === 0 ? h('p', { class: 'muted' }, t('documents.none-of-kind')) : h('table', { class: 'plain' },
      h('caption', {}, t('documents.versions')),
      h('thead', {}, h('tr', {}, ['documents.version', 'documents.language', 'documents.classification', 'documents.change-note',
        'documents.generated', 'documents.pdf-sha', 'documents.open'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, versions.map(versionRow))));
}

export async function documentsPanel(root, { releaseId, project, closed, can }) {
  const base = `releases/${encodeURIComponent(releaseId)}/documents`;
  const status = h('p', { id: 'documents-status', role: 'status', tabindex: -1 });
  const error = h('p', { id: 'documents-error', class: 'error', role: 'alert' });

  const form = h('form', { id: 'document-generate', class: 'filters', novalidate: true },
    choice('document-kind', t('documents.kind'), KINDS.map((k) => [k, t(`documents.kind.${k}`)]), KINDS[0]),
    choice('document-language', t('documents.language'), [['zh-CN', '中文'], ['en', 'English']], 'zh-CN'),
    choice('document-classification', t('documents.classification'),
      [['', t('documents.class.default')], ...CLASSIFICATIONS.map((c) => [c, t(`documents.class.${c}`)])], ''),
    field('document-note', t('documents.change-note'), 'text', { required: true, maxlength: 2000, autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('documents.generate')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    status.replaceChildren();
    const body = { language: form['document-language'].value, changeNote: form['document-note'].value.trim() };
    if (form['document-classification'].value) body.classification = form['document-classification'].value;
    try {
      const { body: d } = await call('POST', `${base}/${encodeURIComponent(form['document-kind'].value)}`, body);
      form['document-note'].value = '';
      const listed = await load();
      status.textContent = t(d.created ? 'documents.created' : 'documents.unchanged', t(`documents.kind.${d.kind}`), d.version)
        + (listed.some((x) => x.id === d.id) ? '' : ` ${t('documents.out-of-scope', t(`documents.class.${d.classification}`))}`);
      status.focus();
    } catch (e) {
      showProblem(error, e);
    }
  });

  async function load() {
    const { body: documents } = await call('GET', base);
    const sections = KINDS.map((kind) => kindSection(kind, documents.filter((d) => d.kind === kind)
      .sort((a, b) => b.version - a.version || a.language.localeCompare(b.language))));
    replace(root,
      h('p', { class: 'hint' }, t('documents.scope-hint')),
      !closed && can.advanceIn(project) ? [h('h3', {}, t('documents.generate-title')), form] : null,
      status, error,
      h('div', { id: 'documents-list' }, sections),
      uploaded);
    return documents;
  }
  // the project's uploaded documents (ADR 0024), kept across reloads of the generated ones
  const uploaded = h('section', { id: 'uploaded-documents' });
  await load();
  await uploadedPanel(uploaded, { project, can });
}

/** #/documents/{id}: one document's facts and links, or a clear refusal outside the distribution scope. */
export async function documentView(root, id) {
  let d;
  try {
    d = (await call('GET', `documents/${encodeURIComponent(id)}`)).body;
  } catch (e) {
    const refused = e.status === 403;
    replace(root, h('h2', {}, t('documents.title')),
      h('p', { id: 'document-refused', class: refused ? 'notice warning' : 'error', role: 'alert' },
        refused ? t('documents.refused') : e.message));
    return;
  }
  replace(root,
    h('h2', {}, t(`documents.kind.${d.kind}`), ` — v${d.version}`),
    h('p', {}, h('a', { href: `#/releases/${encodeURIComponent(d.releaseId)}/documents` }, t('documents.back'))),
    h('dl', { class: 'facts', id: 'document-facts' },
      h('dt', {}, t('documents.title-in-document')), h('dd', {}, d.title),
      h('dt', {}, t('documents.language')), h('dd', {}, d.language),
      h('dt', {}, t('documents.classification')), h('dd', {}, classification(d)),
      h('dt', {}, t('documents.distribution')), h('dd', {}, d.distribution.map((r) => t(`role.${r}`) === `role.${r}` ? r : t(`role.${r}`)).join(', ')),
      h('dt', {}, t('documents.change-note')), h('dd', { class: 'description' }, d.changeNote),
      h('dt', {}, t('documents.generated')), h('dd', {}, `${dateTime(d.generatedAt)} — ${d.generatedBy}`),
      h('dt', {}, 'SHA-256 (HTML)'), h('dd', {}, h('code', {}, d.htmlSha256)),
      h('dt', {}, 'SHA-256 (PDF)'), h('dd', {}, h('code', {}, d.pdfSha256))),
    links(d));
}
