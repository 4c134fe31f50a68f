// The findings table: project, filters and sort, keyset pages ("load more"), and a detail panel
// with occurrences, history and the triage actions. All finding text is set as text (dom.js).
// #/findings/{id} opens a finding directly (a link to share); opening a row pushes that address, so
// the back button closes the detail again.

import { h, replace, append } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const STATES = ['open', 'NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED', 'VERIFIED', 'FALSE_POSITIVE', 'RISK_ACCEPTED', 'SUPPRESSED'];

function select(id, label, options, value) {
  return h('label', { for: id }, label, ' ',
    h('select', { id, name: id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

export async function findingsView(root, projects, focus = null) {
  const table = h('tbody', { id: 'findings-rows' });
  const more = h('button', { type: 'button', id: 'findings-more', hidden: true }, t('findings.more'));
  const detail = h('aside', { id: 'finding-detail', 'aria-live': 'polite' });
  const empty = h('p', { id: 'findings-empty', hidden: true }, t('findings.none'));
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { id: 'findings-filter', class: 'filters' },
    select('project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), projects[0]?.key),
    select('severity', t('findings.severity'), [['', t('findings.any')], ...SEVERITIES.map((s) => [s, s])], ''),
    select('state', t('findings.state'), [['', t('findings.any')], ...STATES.map((s) => [s, s === 'open' ? t('findings.open') : s])], 'open'),
    h('label', { for: 'q' }, t('findings.text'), ' ', h('input', { id: 'q', name: 'q', type: 'search', maxlength: 200 })),
    select('sort', t('findings.sort'), ['severity', 'due', 'newest'].map((s) => [s, t(`sort.${s}`)]), 'severity'),
    h('button', { type: 'submit' }, t('findings.filter')));
  let cursor = null;

  async function load(reset) {
    error.textContent = '';
    if (reset) {
      cursor = null;
      table.replaceChildren();
    }
    const query = new URLSearchParams({ project: form.project.value, limit: '50', sort: form.sort.value });
    if (form.severity.value) query.set('severity', form.severity.value);
    if (form.state.value) query.set('state', form.state.value);
    if (form.q.value.trim()) query.set('q', form.q.value.trim());
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await get(`findings?${query}`);
      for (const f of page.items) append(table, [row(f)]);
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = table.children.length > 0;
    } catch (e) {
      error.textContent = e.message;
    }
  }

  function row(f) {
    const tr = h('tr', { tabindex: 0, dataset: { id: f.id }, class: f.slaBreached ? 'breached' : '' },
      h('td', {}, h('span', { class: `severity ${f.severity.toLowerCase()}` }, f.severity)),
      h('td', { class: 'title' }, f.title),
      h('td', { class: 'location' }, f.location),
      h('td', {}, f.state, f.requestedState ? ` → ${f.requestedState}?` : ''),
      h('td', {}, dateTime(f.dueAt), f.slaBreached ? h('strong', {}, ` ${t('findings.breached')}`) : ''));
    const open = () => {
      const address = `#/findings/${encodeURIComponent(f.id)}`;
      if (location.hash !== address) history.pushState(null, '', address);
      showDetail(f.id);
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    return tr;
  }

  async function showDetail(id) {
    let d;
    let etag;
    try {
      ({ body: d, etag } = await call('GET', `findings/${encodeURIComponent(id)}`));
    } catch (e) {
      replace(detail, h('p', { class: 'error', role: 'alert', id: 'finding-error' }, e.message));
      return;
    }
    const status = h('p', { role: 'status' });
    const reason = h('input', { id: 'triage-reason', maxlength: 4000, placeholder: t('detail.reason') });
    const action = (name) => h('button', {
      type: 'button', dataset: { action: name },
      onclick: async () => {
        try {
          await call('POST', `findings/${id}/triage`, { action: name, reason: reason.value || undefined }, { 'If-Match': etag });
          status.textContent = t('triage.done');
          await load(true);
          await showDetail(id);
        } catch (e) {
          status.textContent = e.message;
        }
      },
    }, t(`triage.${name}`));
    replace(detail,
      h('h3', { id: 'finding-title', tabindex: -1 }, d.finding.title),
      h('p', {}, h('a', { href: `#/findings/${encodeURIComponent(id)}`, id: 'finding-link' }, t('detail.link')),
        ' · ', d.finding.project, d.finding.dueAt ? ` · ${t('findings.due')} ${dateTime(d.finding.dueAt)}` : ''),
      h('p', {}, h('span', { class: `severity ${d.finding.severity.toLowerCase()}` }, d.finding.severity), ' ',
        d.finding.ruleId, d.finding.cwe ? ` · CWE-${d.finding.cwe}` : '', ' · ', d.finding.state),
      h('p', { class: 'location' }, d.finding.location),
      h('div', { class: 'actions' }, reason, action('confirm'), action('mark-fixed'), action('request-false-positive')),
      status,
      h('h4', {}, t('detail.occurrences')),
      h('ul', { class: 'occurrences' }, d.occurrences.map((o) => h('li', {},
        h('code', {}, o.path ? `${o.path}${o.startLine ? `:${o.startLine}` : ''}` : `${o.method || ''} ${o.url || ''} ${o.parameter ? `[${o.parameter}]` : ''}`),
        h('p', { class: 'description' }, o.description)))),
      h('h4', {}, t('detail.history')),
      h('ol', { class: 'history' },
        h('li', {}, `${dateTime(d.finding.createdAt)} — ${t('detail.created')}`),
        d.history.map((e) => h('li', {}, `${dateTime(e.at)} — ${e.actor}: ${e.from} → ${e.to}${e.reason ? ` (${e.reason})` : ''}`))));
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));
  replace(root, form, error,
    h('div', { class: 'split' },
      h('table', { id: 'findings-table' },
        h('thead', {}, h('tr', {}, [t('findings.severity'), t('findings.title'), t('findings.location'), t('findings.state'), t('findings.due')]
          .map((c) => h('th', { scope: 'col' }, c)))),
        table),
      detail),
    empty, more);
  if (focus) {
    // the finding's own project in the filter, so that its row is among those listed
    const shown = await call('GET', `findings/${encodeURIComponent(focus)}`).then((r) => r.body.finding.project).catch(() => null);
    if (shown && projects.some((p) => p.key === shown)) form.project.value = shown;
    await showDetail(focus);
    detail.querySelector('#finding-title')?.focus();
  }
  if (projects.length > 0) await load(true);
}
