// The compliance matrix of a project (issue 9, ADR 0021): every clause of the requirements catalogue with
// its status as a chip (icon and word besides the colour), the evidence it rests on with links to the
// release board and the documents, what is missing and what an auditor checks by hand; a filter by status;
// the report in zh-CN or English as HTML (a new tab, sandboxed by the server) or PDF. #/projects/{key}/compliance

import { h, replace } from '../lib/dom.js';
import { get } from '../lib/api.js';
import { t, lang, dateTime } from '../lib/i18n.js';

export const STATUSES = ['SATISFIED', 'PARTIAL', 'MISSING', 'MANUAL', 'NOT_APPLICABLE'];
const CHIP = { SATISFIED: 'passed', PARTIAL: 'pending', MISSING: 'blocked', MANUAL: 'waived', NOT_APPLICABLE: 'na' };
const ICON = { SATISFIED: '✓', PARTIAL: '◐', MISSING: '✗', MANUAL: '☐', NOT_APPLICABLE: '–' };

const text = (x) => (lang() === 'zh' ? x.zh : x.en);

function chip(status) {
  return h('span', { class: `chip status ${CHIP[status]}`, dataset: { status } },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, `${ICON[status]} `),
    h('span', { class: 'outcome' }, t(`compliance.status.${status}`)));
}

function evidenceItem(e) {
  const link = e.document ? h('a', { href: `#/documents/${encodeURIComponent(e.document)}`, class: 'evidence-document' },
    t('compliance.open-document'))
    : e.release ? h('a', { href: `#/releases/${encodeURIComponent(e.release)}`, class: 'evidence-release' },
      t('compliance.open-release')) : null;
  return h('li', { dataset: { kind: e.kind, reference: e.reference } },
    h('span', { class: 'evidence-kind' }, t(`compliance.kind.${e.kind}`)), ' ', text(e), link ? [' ', link] : null);
}

function clauseRow(c) {
  return h('tr', { dataset: { clause: c.id, status: c.status } },
    h('th', { scope: 'row' }, h('code', { class: 'clause-id' }, c.id), h('br'),
      h('span', { class: 'muted' }, lang() === 'zh' ? c.titleZh : c.titleEn)),
    h('td', {}, chip(c.status)),
    h('td', {}, c.evidence.length ? h('ul', { class: 'evidence' }, c.evidence.map(evidenceItem)) : h('span', { class: 'muted' }, '—')),
    h('td', {},
      c.missing.length ? h('ul', { class: 'missing' }, c.missing.map((m) => h('li', { dataset: { key: m.key } }, text(m)))) : null,
      c.auditorChecks.length ? [h('p', { class: 'auditor-head' }, t('compliance.auditor')),
        h('ul', { class: 'auditor-checks' }, c.auditorChecks.map((m) => h('li', {}, text(m))))] : null));
}

function reportLinks(key) {
  const base = `api/v1/projects/${encodeURIComponent(key)}/compliance/report`;
  const link = (language, format) => h('a', {
    href: `${base}?lang=${language}&format=${format}`,
    id: `compliance-report-${format}-${language}`,
    ...(format === 'html' ? { target: '_blank', rel: 'noopener noreferrer' } : { download: `compliance-${key}-${language}.pdf` }),
  }, `${format.toUpperCase()} · ${language === 'en' ? 'English' : '中文'}`);
  return h('p', { class: 'actions', id: 'compliance-report' }, h('strong', {}, t('compliance.report')), ' ',
    link('zh-CN', 'html'), ' ', link('en', 'html'), ' ', link('zh-CN', 'pdf'), ' ', link('en', 'pdf'));
}

export async function complianceView(root, key) {
  const m = await get(`projects/${encodeURIComponent(key)}/compliance`);
  const release = (r) => (r ? h('a', { href: `#/releases/${encodeURIComponent(r.id)}` }, `${r.version} (${t(`phase.${r.phase}`)})`)
    : t('compliance.none'));
  const filter = h('select', { id: 'compliance-filter' },
    h('option', { value: '' }, t('compliance.filter.all')),
    STATUSES.map((s) => h('option', { value: s }, `${t(`compliance.status.${s}`)} (${m.counts[s]})`)));
  const sections = [1, 2, 3, 4].map((section) => h('section', { class: 'compliance-section', dataset: { section } },
    h('h3', {}, t(`compliance.section.${section}`)),
    h('table', { class: 'plain compliance' },
      h('caption', {}, t('compliance.caption', section)),
      h('thead', {}, h('tr', {}, ['compliance.clause', 'compliance.status', 'compliance.evidence', 'compliance.missing']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, m.clauses.filter((c) => c.section === section).map(clauseRow)))));
  const shown = h('p', { id: 'compliance-shown', role: 'status' });
  const apply = () => {
    const wanted = filter.value;
    let count = 0;
    root.querySelectorAll('tr[data-clause]').forEach((row) => {
      row.hidden = Boolean(wanted) && row.dataset.status !== wanted;
      if (!row.hidden) count += 1;
    });
    shown.textContent = t('compliance.shown', count, m.clauses.length);
  };
  filter.addEventListener('change', apply);
  replace(root,
    h('h2', {}, t('compliance.title'), ' — ', m.project),
    h('p', { class: 'hint' }, t('compliance.hint')),
    h('dl', { class: 'facts', id: 'compliance-facts' },
      h('dt', {}, t('findings.project')), h('dd', {}, `${m.project} — ${m.projectName}`),
      h('dt', {}, t('portfolio.level.head')), h('dd', {}, t('portfolio.level', m.protectionLevel)),
      h('dt', {}, t('compliance.releases')), h('dd', {}, String(m.releases)),
      h('dt', {}, t('compliance.latest')), h('dd', {}, release(m.latestRelease)),
      h('dt', {}, t('compliance.latest-released')), h('dd', {}, release(m.latestReleased)),
      h('dt', {}, t('compliance.evaluated')), h('dd', {}, `${dateTime(m.evaluatedAt)} (${m.tookMillis} ms)`)),
    h('ul', { class: 'compliance-counts', id: 'compliance-counts' },
      STATUSES.map((s) => h('li', { dataset: { status: s } }, chip(s), ` ${m.counts[s]}`))),
    reportLinks(m.project),
    h('p', { class: 'filters' }, h('label', { for: 'compliance-filter' }, t('compliance.filter')), ' ', filter),
    shown,
    h('div', { id: 'compliance-matrix' }, sections));
  apply();
}
