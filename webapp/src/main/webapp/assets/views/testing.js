// The testing tab of the release board (issue 8 over the manual-testing API): the release's manual
// security test cases with their latest result (icon + word), the security-function checklist
// (adding it again adds nothing), a new case, and one case's executions (newest first) with a form
// to record another; a FAILED execution files a finding, shown with a link. Writing follows
// lib/access.js (FINDING_VERIFY: testers and security reviewers); the server decides every request.
// Everything a person or the server wrote is set as text only (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';
import { label } from '../lib/signoffs.js';

export const RESULT_ICONS = { PASSED: '✓', FAILED: '✗', BLOCKED: '⊘', NOT_APPLICABLE: '–' };
const RESULTS = ['PASSED', 'FAILED', 'BLOCKED', 'NOT_APPLICABLE'];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** A result as icon and word (never colour alone); absent: not executed yet. */
export function resultBadge(result) {
  const state = result || 'NONE';
  return h('span', { class: `result ${state.toLowerCase()}`, dataset: { result: state } },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, RESULT_ICONS[result] || '○'), ' ',
    result ? label('result-word', result) : t('tc.not-executed'));
}

const area = (id, text, extra = {}) => h('p', {}, h('label', { for: id }, text),
  h('textarea', { id, name: id, rows: 3, maxlength: 4000, ...extra }));

export async function testingPanel(root, { releaseId, project, closed, can }) {
  const base = `releases/${encodeURIComponent(releaseId)}`;
  const mayTest = !closed && can.testIn(project);
  let selected = null;

  async function load(message, kind = 'info') {
    const { body: cases } = await call('GET', `${base}/test-cases`);
    const detail = selected ? (await call('GET', `test-cases/${encodeURIComponent(selected)}`)).body : null;
    replace(root,
      h('p', { id: 'tc-notice', role: 'status', tabindex: -1 }),
      casesSection(cases),
      detail ? detailSection(detail) : null);
    if (message) {
      const notice = document.getElementById('tc-notice');
      replace(notice, message);
      notice.dataset.kind = kind;
      notice.focus();
    }
  }

  function casesSection(cases) {
    const error = h('p', { class: 'error', role: 'alert', id: 'tc-error' });
    const columns = [t('tc.key'), t('tc.title'), t('tc.requirements'), t('tc.origin'), t('tc.latest'), t('req.actions')];
    const table = cases.length === 0 ? h('p', { id: 'tc-none' }, t('tc.none')) : h('div', { class: 'table-scroll' },
      h('table', { id: 'tc-table', class: 'plain' },
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, cases.map((c) => h('tr', {
          dataset: { key: c.key, id: c.id, result: c.latestResult || 'NONE' }, 'aria-selected': c.id === selected ? 'true' : null,
        },
        h('th', { scope: 'row' }, h('code', {}, c.key)),
        h('td', {}, c.title),
        h('td', {}, c.requirements.length ? c.requirements.map((r) => h('code', {}, r, ' ')) : '—'),
        h('td', { class: 'nowrap' }, label('tc-origin', c.origin)),
        h('td', { class: 'nowrap' }, resultBadge(c.latestResult),
          c.latestExecutedAt ? h('span', { class: 'hint' }, t('tc.latest-by', c.latestTester, dateTime(c.latestExecutedAt))) : null),
        h('td', {}, h('button', {
          type: 'button', class: 'tc-open', dataset: { key: c.key }, 'aria-label': t('tc.open-label', c.key),
          onclick: async () => { selected = c.id; await load(); document.getElementById('tc-detail-title')?.focus(); },
        }, t('tc.open'))))))));
    let checklist = null;
    let form = null;
    if (mayTest) {
      checklist = h('button', {
        type: 'button', id: 'tc-checklist',
        onclick: async () => {
          error.replaceChildren();
          try {
            const { body } = await call('POST', `${base}/test-cases/checklist`);
            await load(t('tc.checklist-added', body.added));
          } catch (e) {
            showProblem(error, e);
          }
        },
      }, t('tc.checklist'));
      form = caseForm(error);
    }
    return h('section', { 'aria-labelledby': 'tc-section-title' },
      h('h3', { id: 'tc-section-title' }, t('tc.section')),
      h('p', { class: 'hint' }, t('tc.explain')),
      checklist ? h('div', { class: 'actions' }, checklist) : null,
      table, error, form);
  }

  function caseForm(error) {
    const form = h('form', { id: 'tc-form', novalidate: true, 'aria-labelledby': 'tc-form-title' },
      h('h4', { id: 'tc-form-title' }, t('tc.add')),
      field('tc-title', t('tc.title'), 'text', { required: true, maxlength: 300, autocomplete: 'off' }),
      area('tc-steps', t('tc.steps'), { required: true, maxlength: 8000 }),
      area('tc-expected', t('tc.expected'), { required: true }),
      field('tc-requirements', t('tc.requirement-keys'), 'text', {
        maxlength: 1000, autocomplete: 'off', placeholder: 'SR-P-1, SR-8.3-em-1', 'aria-describedby': 'tc-requirements-hint',
      }),
      h('p', { class: 'hint', id: 'tc-requirements-hint' }, t('tc.requirement-keys-hint')),
      h('button', { type: 'submit', id: 'tc-submit' }, t('tc.add-submit')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const value = (name) => form[name].value.trim();
      const requirements = value('tc-requirements').split(/[\s,]+/).filter(Boolean);
      try {
        const { body } = await call('POST', `${base}/test-cases`, {
          title: value('tc-title'), steps: value('tc-steps'), expectedResult: value('tc-expected'), requirements,
        });
        selected = body.id;
        await load(t('tc.added', body.key));
      } catch (e) {
        showProblem(error, e);
      }
    });
    return form;
  }

  function detailSection({ testCase: c, executions }) {
    return h('section', { id: 'tc-detail', class: 'panel', 'aria-labelledby': 'tc-detail-title', dataset: { key: c.key } },
      h('h3', { id: 'tc-detail-title', tabindex: -1 }, t('tc.detail', c.key, c.title)),
      h('dl', { class: 'facts' },
        h('dt', {}, t('tc.steps')), h('dd', { class: 'description' }, c.steps),
        h('dt', {}, t('tc.expected')), h('dd', { class: 'description' }, c.expectedResult),
        h('dt', {}, t('tc.requirements')), h('dd', {}, c.requirements.join(', ') || '—'),
        h('dt', {}, t('tc.latest')), h('dd', {}, resultBadge(c.latestResult)),
        h('dt', {}, t('tc.created')), h('dd', {}, t('risk.assessed-by', c.createdBy, dateTime(c.createdAt)))),
      h('h4', {}, t('tc.executions')),
      executions.length === 0 ? h('p', { id: 'exec-none' }, t('tc.no-executions'))
        : h('ol', { id: 'exec-list', class: 'executions' }, executions.map(execution)),
      mayTest ? executionForm(c) : null);
  }

  function execution(e) {
    const url = e.evidenceUrl && /^https?:\/\//i.test(e.evidenceUrl) ? e.evidenceUrl : null;
    return h('li', { dataset: { result: e.result, id: e.id } },
      resultBadge(e.result), ' ',
      t('tc.executed-by', e.tester, dateTime(e.executedAt)),
      e.severity ? h('span', { class: `severity ${e.severity.toLowerCase()}` }, ` ${label('severity', e.severity)} `) : null,
      e.notes ? h('p', { class: 'description' }, e.notes) : null,
      e.evidence ? h('p', { class: 'description' }, `${t('tc.evidence')}: `, e.evidence) : null,
      url ? h('p', {}, `${t('tc.evidence-url')}: `, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url)) : null,
      e.finding ? h('p', { class: 'finding' }, `${t('tc.finding')}: `,
        h('a', { href: '#/findings', class: 'finding-link', dataset: { finding: e.finding } }, e.finding)) : null);
  }

  function executionForm(c) {
    const error = h('p', { class: 'error', role: 'alert', id: 'exec-error' });
    const severity = choice('exec-severity', t('tc.severity'), SEVERITIES.map((s) => [s, label('severity', s)]), 'HIGH');
    severity.hidden = true;
    const form = h('form', { id: 'exec-form', novalidate: true, 'aria-labelledby': 'exec-form-title' },
      h('h4', { id: 'exec-form-title' }, t('tc.record', c.key)),
      choice('exec-result', t('tc.result'), RESULTS.map((r) => [r, `${RESULT_ICONS[r]} ${label('result-word', r)}`]), 'PASSED'),
      severity,
      area('exec-notes', t('tc.notes')),
      area('exec-evidence', t('tc.evidence')),
      field('exec-url', t('tc.evidence-url'), 'url', { maxlength: 2000, placeholder: 'https://…', autocomplete: 'off' }),
      h('button', { type: 'submit', id: 'exec-submit' }, t('tc.record-submit')),
      error);
    form['exec-result'].addEventListener('change', () => {
      severity.hidden = form['exec-result'].value !== 'FAILED';
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const value = (name) => form[name].value.trim() || undefined;
      const result = form['exec-result'].value;
      try {
        const { body } = await call('POST', `test-cases/${encodeURIComponent(c.id)}/executions`, {
          result, severity: result === 'FAILED' ? form['exec-severity'].value : undefined,
          notes: value('exec-notes'), evidence: value('exec-evidence'), evidenceUrl: value('exec-url'),
        });
        const finding = body.finding
          ? ` ${t('tc.finding-change', label('finding-change', body.finding.change), body.finding.id, body.finding.state)}` : '';
        await load(`${t('tc.recorded', c.key, label('result-word', result))}${finding}`);
      } catch (e) {
        showProblem(error, e);
      }
    });
    return form;
  }

  await load();
}
