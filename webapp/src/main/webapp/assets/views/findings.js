// The findings table: project, filters and sort, keyset pages ("load more"), rows picked for a bulk triage or,
// for security reviewers, a bulk decision on pending requests; and a detail panel with occurrences, history and
// the actions the server says this person has now (the finding's `actions`: triage, risk acceptance with an
// expiry no later than the server's limit, the four-eyes decision, a manual re-test, reopening; B.1.3.1-ih).
// The server checks every request again. All finding text is set as text (dom.js); states and the reasons
// Gatehouse writes into the history (`reasonKey`) are shown in the reader's language, a person's reason as typed.
// #/findings/{id} opens a finding directly (a link to share); opening a row pushes that address, so the back
// button closes the detail again.

import { h, replace, append } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const STATES = ['NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED', 'VERIFIED', 'FALSE_POSITIVE', 'RISK_ACCEPTED', 'SUPPRESSED'];
const BULK_ACTIONS = ['confirm', 'mark-fixed', 'request-false-positive', 'withdraw-request'];
const TRIAGE_BUTTONS = ['confirm', 'mark-fixed', 'request-false-positive', 'withdraw-request'];

/** A state's name in the reader's language. */
export function stateName(state) {
  return state ? t(`state.${state}`) : '';
}

/** A reason argument that names a tracker ("jira", "github") by the tracker's display name. */
const TRACKER_ARGUMENT = { 'tracker-issue-done': 1, 'tracker-issue-reopened': 1 };

/**
 * A history entry's reason: Gatehouse's own (`reasonKey`, with `reasonArgs` for the {0}, {1} of its text: a test case
 * key, a tracker issue) in the reader's language, a person's as typed. Either way the caller sets it as text.
 */
function reasonText(event) {
  if (event.reasonKey) {
    const key = `reason.${event.reasonKey}`;
    const args = (event.reasonArgs || []).map((arg, i) => {
      if (TRACKER_ARGUMENT[event.reasonKey] !== i) return arg;
      const name = t(`tracker.kind.${arg}`);
      return name === `tracker.kind.${arg}` ? arg : name;
    });
    const text = t(key, ...args);
    if (text !== key) return text;
  }
  return event.reason;
}

/** yyyy-mm-dd of a date in the browser's time zone (what a date input holds). */
function day(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function select(id, label, options, value) {
  return h('label', { for: id }, label, ' ',
    h('select', { id, name: id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function input(id, label, attributes = {}) {
  return h('label', { for: id }, label, ' ', h('input', { id, name: id, ...attributes }));
}

export async function findingsView(root, projects, can, focus = null) {
  const table = h('tbody', { id: 'findings-rows' });
  const more = h('button', { type: 'button', id: 'findings-more', hidden: true }, t('findings.more'));
  const detail = h('aside', { id: 'finding-detail', 'aria-live': 'polite' });
  const empty = h('p', { id: 'findings-empty', hidden: true }, t('findings.none'));
  const error = h('p', { class: 'error', role: 'alert' });
  const pending = h('input', { id: 'pending', name: 'pending', type: 'checkbox' });
  const form = h('form', { id: 'findings-filter', class: 'filters' },
    select('project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), projects[0]?.key),
    select('severity', t('findings.severity'), [['', t('findings.any')], ...SEVERITIES.map((s) => [s, t(`severity.${s}`)])], ''),
    select('state', t('findings.state'), [['', t('findings.any')], ['open', t('findings.open')],
      ...STATES.map((s) => [s, stateName(s)])], 'open'),
    can.decideFindings ? h('label', { for: 'pending', class: 'check' }, pending, ' ', t('findings.pending')) : null,
    h('label', { for: 'q' }, t('findings.text'), ' ', h('input', { id: 'q', name: 'q', type: 'search', maxlength: 200 })),
    select('sort', t('findings.sort'), ['severity', 'due', 'newest'].map((s) => [s, t(`sort.${s}`)]), 'severity'),
    h('button', { type: 'submit' }, t('findings.filter')));
  // a reviewer's queue: requests wait on findings of any state, so the state filter lets go
  pending.addEventListener('change', () => { if (pending.checked) form.state.value = ''; });

  const picked = new Set();
  const pickAll = h('input', { type: 'checkbox', id: 'findings-pick-all', 'aria-label': t('bulk.pick-all') });
  const bulkCount = h('span', { id: 'bulk-count' });
  const bulkStatus = h('div', { id: 'bulk-status', role: 'status' });
  const bulkReason = h('input', { id: 'bulk-reason', maxlength: 4000 });
  const bulkAction = h('select', { id: 'bulk-action' }, BULK_ACTIONS.map((a) => h('option', { value: a }, t(`triage.${a}`))));
  const bulkApply = h('button', { type: 'button', id: 'bulk-apply' }, t('bulk.apply'));
  const bulkApprove = h('button', { type: 'button', id: 'bulk-approve' }, t('bulk.approve'));
  const bulkReject = h('button', { type: 'button', id: 'bulk-reject' }, t('bulk.reject'));
  const bulk = h('div', { id: 'findings-bulk', class: 'filters bulk', hidden: true },
    bulkCount,
    h('label', { for: 'bulk-action' }, t('bulk.action'), ' ', bulkAction),
    h('label', { for: 'bulk-reason' }, t('detail.reason'), ' ', bulkReason),
    bulkApply, bulkApprove, bulkReject);
  let cursor = null;
  let shown = null;

  function project() {
    return form.project.value;
  }

  function updateBulk() {
    const triage = can.triageIn(project());
    const decide = can.decideFindingsIn(project());
    bulk.hidden = !(triage || decide);
    bulkCount.textContent = t('bulk.count', picked.size);
    for (const control of [bulkAction, bulkApply]) control.hidden = !triage;
    for (const control of [bulkApprove, bulkReject]) control.hidden = !decide;
    for (const button of [bulkApply, bulkApprove, bulkReject]) button.disabled = picked.size === 0;
    const boxes = [...table.querySelectorAll('input.pick')];
    pickAll.checked = boxes.length > 0 && boxes.every((b) => b.checked);
  }

  async function load(reset) {
    error.textContent = '';
    if (reset) {
      cursor = null;
      table.replaceChildren();
      picked.clear();
    }
    const query = new URLSearchParams({ project: project(), limit: '50', sort: form.sort.value });
    if (form.severity.value) query.set('severity', form.severity.value);
    if (form.state.value) query.set('state', form.state.value);
    if (pending.checked) query.set('pending', 'true');
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
    updateBulk();
  }

  function row(f) {
    const pick = h('input', {
      type: 'checkbox', class: 'pick', value: f.id, checked: picked.has(f.id), 'aria-label': t('bulk.pick', f.title),
      onclick: (event) => event.stopPropagation(),
      onkeydown: (event) => event.stopPropagation(),
      onchange: () => {
        if (pick.checked) picked.add(f.id); else picked.delete(f.id);
        updateBulk();
      },
    });
    const tr = h('tr', { tabindex: 0, dataset: { id: f.id, state: f.state }, class: f.slaBreached ? 'breached' : '' },
      h('td', { class: 'pick' }, pick),
      h('td', {}, h('span', { class: `severity ${f.severity.toLowerCase()}` }, t(`severity.${f.severity}`))),
      h('td', { class: 'title' }, f.title),
      h('td', { class: 'location' }, f.location),
      h('td', { class: 'state' }, stateName(f.state),
        f.requestedState ? h('span', { class: 'requested' }, ` ${t('findings.requested', stateName(f.requestedState))}`) : ''),
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

  async function runBulk(path, body) {
    bulkStatus.replaceChildren();
    try {
      const { body: result } = await call('POST', path, { ...body, ids: [...picked] });
      const refusals = h('ul', { id: 'bulk-refused' }, result.refused.map((r) => h('li', { dataset: { id: r.id } },
        `${table.querySelector(`tr[data-id="${CSS.escape(r.id)}"] td.title`)?.textContent || r.id}: ${r.detail}`)));
      replace(bulkStatus, h('p', { id: 'bulk-result' }, t('bulk.result', result.applied.length, result.refused.length)),
        result.refused.length > 0 ? refusals : null);
      await load(true);
      if (shown) await showDetail(shown);
    } catch (e) {
      replace(bulkStatus, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  bulkApply.addEventListener('click', () => runBulk('findings/triage',
    { action: bulkAction.value, reason: bulkReason.value || undefined }));
  bulkApprove.addEventListener('click', () => runBulk('findings/decision', { approve: true, reason: bulkReason.value || undefined }));
  bulkReject.addEventListener('click', () => runBulk('findings/decision', { approve: false, reason: bulkReason.value || undefined }));
  pickAll.addEventListener('change', () => {
    for (const box of table.querySelectorAll('input.pick')) {
      box.checked = pickAll.checked;
      if (box.checked) picked.add(box.value); else picked.delete(box.value);
    }
    updateBulk();
  });

  async function showDetail(id) {
    shown = id;
    let d;
    let etag;
    try {
      ({ body: d, etag } = await call('GET', `findings/${encodeURIComponent(id)}`));
    } catch (e) {
      replace(detail, h('p', { class: 'error', role: 'alert', id: 'finding-error' }, e.message));
      return;
    }
    const actions = new Set(d.actions || []);
    const status = h('p', { role: 'status', id: 'finding-status' });
    const path = (what) => `findings/${encodeURIComponent(id)}/${what}`;
    const act = async (what, body) => {
      try {
        await call('POST', path(what), body, { 'If-Match': etag });
        await load(true);
        await showDetail(id);
        detail.querySelector('#finding-status').textContent = t('triage.done');
      } catch (e) {
        status.textContent = e.message;
      }
    };
    const button = (name, text, onclick) => h('button', { type: 'button', dataset: { action: name }, onclick }, text);

    const reason = h('input', { id: 'triage-reason', maxlength: 4000, placeholder: t('detail.reason'), 'aria-label': t('detail.reason') });
    const triage = TRIAGE_BUTTONS.filter((a) => actions.has(a))
      .map((a) => button(a, t(`triage.${a}`), () => act('triage', { action: a, reason: reason.value || undefined })));

    const sections = [];
    if (triage.length > 0) sections.push(h('div', { class: 'actions', id: 'triage-actions' }, reason, triage));
    if (actions.has('request-risk-acceptance')) {
      const latest = new Date(d.latestAcceptUntil);
      const earliest = new Date(Date.now() + 24 * 3600 * 1000);
      const suggested = new Date(Math.min(Date.now() + 30 * 24 * 3600 * 1000, latest.getTime()));
      const why = h('input', { id: 'accept-reason', required: true, maxlength: 4000 });
      const until = h('input', { id: 'accept-until', type: 'date', required: true, min: day(earliest), max: day(latest), value: day(suggested) });
      sections.push(h('fieldset', { id: 'risk-acceptance', class: 'actions' },
        h('legend', {}, t('detail.risk-acceptance')),
        h('label', { for: 'accept-reason' }, t('detail.justification'), ' ', why),
        h('label', { for: 'accept-until' }, t('detail.accept-until', dateTime(d.latestAcceptUntil)), ' ', until),
        button('request-risk-acceptance', t('triage.request-risk-acceptance'), () => {
          if (!why.value.trim() || !until.value) {
            status.textContent = t('detail.acceptance-incomplete');
            return;
          }
          // the end of the chosen day in the browser's time zone, never past the server's limit
          const end = Math.min(new Date(`${until.value}T23:59:59`).getTime(), latest.getTime());
          act('triage', { action: 'request-risk-acceptance', reason: why.value.trim(), until: new Date(end).toISOString() });
        })));
    }
    if (actions.has('decide')) {
      const note = h('input', { id: 'decision-reason', maxlength: 4000 });
      sections.push(h('fieldset', { id: 'decision', class: 'actions' },
        h('legend', {}, t('detail.decision')),
        h('label', { for: 'decision-reason' }, t('detail.note'), ' ', note),
        button('approve', t('detail.approve'), () => act('decision', { approve: true, reason: note.value || undefined })),
        button('reject', t('detail.reject'), () => act('decision', { approve: false, reason: note.value || undefined }))));
    }
    if (actions.has('retest')) {
      const note = h('input', { id: 'retest-note', maxlength: 4000 });
      sections.push(h('fieldset', { id: 'retest', class: 'actions' },
        h('legend', {}, t('detail.retest')),
        h('label', { for: 'retest-note' }, t('detail.evidence'), ' ', note),
        button('retest-pass', t('detail.retest-pass'), () => act('retest', { passed: true, reason: note.value || undefined })),
        button('retest-fail', t('detail.retest-fail'), () => act('retest', { passed: false, reason: note.value || undefined }))));
    }
    if (actions.has('reopen')) {
      const note = h('input', { id: 'reopen-reason', maxlength: 4000 });
      sections.push(h('fieldset', { id: 'reopen', class: 'actions' },
        h('legend', {}, t('detail.reopen')),
        h('label', { for: 'reopen-reason' }, t('detail.reason'), ' ', note),
        button('reopen', t('detail.reopen'), () => act('reopen', { reason: note.value || undefined }))));
    }

    const request = d.pendingRequest;
    replace(detail,
      h('h3', { id: 'finding-title', tabindex: -1 }, d.finding.title),
      h('p', {}, h('a', { href: `#/findings/${encodeURIComponent(id)}`, id: 'finding-link' }, t('detail.link')),
        ' · ', d.finding.project, d.finding.dueAt ? ` · ${t('findings.due')} ${dateTime(d.finding.dueAt)}` : ''),
      h('p', {}, h('span', { class: `severity ${d.finding.severity.toLowerCase()}` }, t(`severity.${d.finding.severity}`)), ' ',
        d.finding.ruleId, d.finding.cwe ? ` · CWE-${d.finding.cwe}` : '', ' · ',
        h('span', { id: 'finding-state', dataset: { state: d.finding.state } }, stateName(d.finding.state))),
      d.acceptedUntil ? h('p', { id: 'finding-accepted' }, t('detail.accepted', d.approvedBy || '', dateTime(d.acceptedUntil))) : null,
      h('p', { class: 'location' }, d.finding.location),
      request ? h('div', { id: 'pending-request', class: 'notice', dataset: { state: request.state } },
        h('p', {}, t('detail.pending', stateName(request.state), request.requestedBy, dateTime(request.requestedAt)),
          request.until ? ` ${t('detail.pending-until', dateTime(request.until))}` : ''),
        h('p', { class: 'request-reason' }, request.reason)) : null,
      sections,
      status,
      h('h4', {}, t('detail.occurrences')),
      h('ul', { class: 'occurrences' }, d.occurrences.map((o) => h('li', {},
        h('code', {}, o.path ? `${o.path}${o.startLine ? `:${o.startLine}` : ''}` : `${o.method || ''} ${o.url || ''} ${o.parameter ? `[${o.parameter}]` : ''}`),
        h('p', { class: 'description' }, o.description),
        occurrenceDetails(o.details)))),
      h('h4', {}, t('detail.history')),
      h('ol', { class: 'history', id: 'finding-history' },
        h('li', {}, `${dateTime(d.finding.createdAt)} — ${t('detail.created')}`),
        d.history.map((e) => {
          const why = reasonText(e);
          return h('li', { dataset: { to: e.to } },
            `${dateTime(e.at)} — ${e.actor}: ${stateName(e.from)} → ${stateName(e.to)}${why ? ` (${why})` : ''}`);
        })));
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
  form.project.addEventListener('change', () => { bulkStatus.replaceChildren(); updateBulk(); });
  more.addEventListener('click', () => load(false));
  replace(root, form, bulk, bulkStatus, error,
    h('div', { class: 'split' },
      h('table', { id: 'findings-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'pick' }, pickAll),
          [t('findings.severity'), t('findings.title'), t('findings.location'), t('findings.state'), t('findings.due')]
            .map((c) => h('th', { scope: 'col' }, c)))),
        table),
      detail),
    empty, more);
  if (focus) {
    // the finding's own project in the filter, so that its row is among those listed
    const shownProject = await call('GET', `findings/${encodeURIComponent(focus)}`).then((r) => r.body.finding.project).catch(() => null);
    if (shownProject && projects.some((p) => p.key === shownProject)) form.project.value = shownProject;
    await showDetail(focus);
    detail.querySelector('#finding-title')?.focus();
  }
  updateBulk();
  if (projects.length > 0) await load(true);
}

// What the tool said beyond the common fields (ZAP's risk, confidence, WASC id, attack, evidence; SpotBugs' category,
// priority, rank), by key in the tool's order; values are the report's text, shown as text.
const DETAIL_KEYS = ['plugin-id', 'alert-ref', 'risk', 'confidence', 'wasc', 'attack', 'evidence', 'other-info',
  'category', 'priority', 'rank', 'abbrev'];

function occurrenceDetails(details) {
  const entries = Object.entries(details || {});
  if (entries.length === 0) return null;
  return h('dl', { class: 'occurrence-details' }, entries.flatMap(([key, value]) => [
    h('dt', {}, DETAIL_KEYS.includes(key) ? t(`detail.tool.${key}`) : key),
    h('dd', {}, key === 'wasc' ? `WASC-${value}` : value)]));
}
