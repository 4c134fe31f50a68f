// The audit trail: search by the filters the API has (time range, actor, type, target, result),
// newest first with keyset pages; export links (CSV, JSON) with the same filters; and the hash
// chain's verification. Times are entered and shown in the browser's time zone.

import { h, replace, append } from '../lib/dom.js';
import { get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';

// Event types Gatehouse records (suggestions only; any type can be typed).
const TYPES = ['access.denied', 'account.created', 'account.locked', 'finding.dismissal-rejected', 'finding.dismissal-requested',
  'finding.request-withdrawn', 'findings.imported', 'login', 'login.failed', 'login.second-factor-missing', 'login.throttled',
  'logout', 'password.change', 'project.registered', 'project.revised', 'release.opened', 'role.granted', 'role.revoked',
  'scan.cancelled', 'scan.finished', 'scan.queued', 'second-factor.enrolled', 'second-factor.enrolment',
  'second-factor.enrolment-started', 'service-account.created', 'token.issued', 'token.revoked'];

export async function auditView(root) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  const rows = h('tbody', { id: 'audit-rows' });
  const more = h('button', { type: 'button', id: 'audit-more', hidden: true }, t('findings.more'));
  const empty = h('p', { id: 'audit-empty', hidden: true }, t('audit.none'));
  const error = h('p', { class: 'error', role: 'alert', id: 'audit-error' });
  const csv = h('a', { id: 'audit-export-csv', download: 'gatehouse-audit.csv' }, t('audit.export-csv'));
  const json = h('a', { id: 'audit-export-json', download: 'gatehouse-audit.json' }, t('audit.export-json'));
  const verification = h('p', { id: 'audit-verification', role: 'status' });
  const verify = h('button', { type: 'button', id: 'audit-verify' }, t('audit.verify'));
  const form = h('form', { id: 'audit-filter', class: 'filters' },
    field('audit-from', t('audit.from', zone), 'datetime-local', { step: 1 }),
    field('audit-to', t('audit.to', zone), 'datetime-local', { step: 1 }),
    field('audit-actor', t('audit.actor'), 'text', { maxlength: 400 }),
    field('audit-type', t('audit.type'), 'text', { maxlength: 400, list: 'audit-types' }),
    h('datalist', { id: 'audit-types' }, TYPES.map((type) => h('option', { value: type }))),
    field('audit-target', t('audit.target'), 'text', { maxlength: 400, placeholder: 'account:alice' }),
    choice('audit-result', t('audit.result'), [['', t('findings.any')], ...['SUCCESS', 'DENIED', 'FAILED'].map((r) => [r, t(`result.${r}`)])], ''),
    h('button', { type: 'submit' }, t('audit.search')));
  let cursor = null;

  function filters() {
    const query = new URLSearchParams();
    // datetime-local is the user's local time; the API wants ISO-8601 with an offset
    for (const [name, id] of [['from', 'audit-from'], ['to', 'audit-to']]) {
      if (form[id].value) query.set(name, new Date(form[id].value).toISOString());
    }
    for (const [name, id] of [['actor', 'audit-actor'], ['type', 'audit-type'], ['target', 'audit-target'], ['result', 'audit-result']]) {
      if (form[id].value.trim()) query.set(name, form[id].value.trim());
    }
    return query;
  }

  async function load(reset) {
    error.replaceChildren();
    const query = filters();
    if (reset) {
      cursor = null;
      rows.replaceChildren();
      csv.href = `api/v1/audit/export?${new URLSearchParams([...query, ['format', 'csv']])}`;
      json.href = `api/v1/audit/export?${new URLSearchParams([...query, ['format', 'json']])}`;
    }
    query.set('limit', '50');
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await get(`audit/events?${query}`);
      for (const e of page.items) append(rows, [row(e)]);
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = rows.children.length > 0;
    } catch (e) {
      showProblem(error, e);
    }
  }

  function row(e) {
    return h('tr', { class: `result-${e.result.toLowerCase()}`, dataset: { seq: e.seq } },
      h('td', {}, String(e.seq)),
      h('td', {}, h('time', { datetime: e.occurredAt }, dateTime(e.occurredAt))),
      h('td', {}, e.actor, e.actorKind && e.actorKind !== 'PERSON' ? h('small', {}, ` (${t(`kind.${e.actorKind}`)})`) : null),
      h('td', {}, e.address || ''),
      h('td', {}, h('code', {}, e.type)),
      h('td', {}, e.target || ''),
      h('td', { class: 'description' }, e.description || ''),
      h('td', {}, t(`result.${e.result}`)));
  }

  verify.addEventListener('click', async () => {
    verify.disabled = true;
    verification.dataset.state = 'running';
    verification.textContent = t('audit.verifying');
    try {
      const v = await get('audit/verification');
      verification.dataset.state = v.intact ? 'intact' : 'broken';
      verification.textContent = v.intact
        ? t('audit.intact', v.recordsChecked, v.headSeq ?? '—', v.headHash ?? '—', v.millis)
        : t('audit.broken', v.firstBrokenSeq, v.problem || '', v.recordsChecked);
    } catch (e) {
      verification.dataset.state = 'error';
      showProblem(verification, e);
    } finally {
      verify.disabled = false;
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));
  replace(root,
    h('section', { id: 'audit-chain', class: 'panel' },
      h('h3', {}, t('audit.chain')), h('p', {}, t('audit.chain-explain')), verify, verification),
    form, error,
    h('p', { class: 'actions', id: 'audit-export' }, t('audit.export'), ' ', csv, ' ', json),
    h('table', { id: 'audit-table' },
      h('caption', {}, t('audit.times', zone)),
      h('thead', {}, h('tr', {}, ['#', t('audit.time'), t('audit.actor'), t('audit.address'), t('audit.type'), t('audit.target'),
        t('audit.description'), t('audit.result')].map((c) => h('th', { scope: 'col' }, c)))),
      rows),
    empty, more);
  await load(true);
}
