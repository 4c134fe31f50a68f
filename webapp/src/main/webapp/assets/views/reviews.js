// The reviews tab of the release board (issue 8 over the reviews API): the design recommendations
// (B.1.3.1-ic) with their decision, the requirements no undisputed recommendation serves, the
// Security Audit Report's conclusion (B.1.3.1-ih/ii) with the findings counts it covers, the
// pre-production checklist (8.6, 8.7), and the sign-offs of these three (lib/signoffs.js). Which
// forms show follows lib/access.js; the server decides every request. Text only (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call } from '../lib/api.js';
import { t, lang, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';
import { signOffsSection, label } from '../lib/signoffs.js';

const SUBJECTS = ['design-recommendations', 'security-audit-report', 'pre-production-review'];
const TOPICS = ['THREAT', 'TECHNOLOGY', 'ARCHITECTURE'];
const DECISIONS = ['PROPOSED', 'ACCEPTED', 'DISPUTED'];
const DECISION_ICONS = { PROPOSED: '…', ACCEPTED: '✓', DISPUTED: '✗' };
const VERDICT_ICONS = { APPROVE: '✓', REJECT: '✗' };

const area = (id, text, value, extra = {}) => h('p', {}, h('label', { for: id }, text),
  h('textarea', { id, name: id, rows: 3, maxlength: 4000, ...extra }, value || ''));

export async function reviewsPanel(root, { releaseId, project, closed, can }) {
  const base = `releases/${encodeURIComponent(releaseId)}`;
  const mayDesign = !closed && can.editRequirementsIn(project);
  const mayConclude = !closed && can.concludeIn(project);
  const mayCheck = !closed && can.checkPreProductionIn(project);
  const maySign = !closed && can.signOffIn(project);
  const held = can.rolesIn(project);

  async function load(message, kind = 'info') {
    const [{ body: reviews }, { body: subjects }] = await Promise.all([
      call('GET', `${base}/reviews`), call('GET', `${base}/sign-offs`)]);
    replace(root,
      h('p', { id: 'rv-notice', role: 'status', tabindex: -1 }),
      designSection(reviews),
      auditSection(reviews.audit),
      checklistSection(reviews.preProduction),
      signOffsSection(subjects.filter((s) => SUBJECTS.includes(s.subject)), {
        base, maySign, held, load, id: 'review-signoffs',
      }));
    if (message) {
      const notice = document.getElementById('rv-notice');
      replace(notice, message);
      notice.dataset.kind = kind;
      notice.focus();
    }
  }

  // ---- design recommendations ---------------------------------------------------------------

  function designSection(reviews) {
    const items = reviews.designRecommendations;
    const error = h('p', { class: 'error', role: 'alert', id: 'dr-error' });
    const form = mayDesign ? designForm(error) : null;
    const columns = [t('dr.key'), t('dr.topic'), t('dr.subject'), t('dr.recommendation'), t('dr.requirements'), t('dr.decision'),
      t('dr.by'), mayDesign ? t('req.actions') : null].filter(Boolean);
    const table = items.length === 0 ? h('p', { id: 'dr-none' }, t('dr.none')) : h('div', { class: 'table-scroll' },
      h('table', { id: 'dr-table', class: 'plain' },
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, items.map((d) => h('tr', { dataset: { key: d.key, decision: d.decision } },
          h('th', { scope: 'row' }, h('code', {}, d.key)),
          h('td', { class: 'nowrap' }, label('dr.topic', d.topic)),
          h('td', {}, d.subject),
          h('td', { class: 'description' }, d.recommendation),
          h('td', {}, d.requirements.length ? d.requirements.map((r) => h('code', {}, r, ' ')) : '—'),
          h('td', { class: `decision ${d.decision.toLowerCase()}` },
            h('span', { class: 'icon', 'aria-hidden': 'true' }, DECISION_ICONS[d.decision] || '?'), ' ',
            h('strong', {}, label('dr.decision', d.decision)),
            d.decisionNote ? h('span', { class: 'description note' }, ` — ${d.decisionNote}`) : null),
          h('td', {}, d.createdBy, h('span', { class: 'hint' }, dateTime(d.updatedAt))),
          mayDesign ? h('td', {}, h('button', {
            type: 'button', class: 'dr-edit', dataset: { key: d.key }, onclick: () => form.edit(d),
          }, t('req.edit'))) : null)))));
    const untraced = reviews.untracedRequirements;
    return [
      h('section', { 'aria-labelledby': 'dr-title' },
        h('h3', { id: 'dr-title' }, t('dr.section')),
        h('p', { class: 'hint' }, t('dr.explain')),
        table, form ? error : null, form ? form.element : null),
      h('section', { 'aria-labelledby': 'untraced-title' },
        h('h3', { id: 'untraced-title' }, t('dr.untraced')),
        untraced.length === 0 ? h('p', { id: 'untraced-none' }, `✓ ${t('dr.untraced-none')}`)
          : h('ul', { id: 'untraced', class: 'inline-list' }, untraced.map((key) => h('li', { dataset: { key } }, '⚠ ',
            h('code', {}, key))))),
    ];
  }

  function designForm(error) {
    let editing = null;
    const heading = h('h4', { id: 'dr-form-title' }, t('dr.add'));
    const element = h('form', { id: 'dr-form', novalidate: true, 'aria-labelledby': 'dr-form-title' },
      heading,
      choice('dr-topic', t('dr.topic'), TOPICS.map((v) => [v.toLowerCase(), label('dr.topic', v)]), 'threat'),
      field('dr-subject', t('dr.subject'), 'text', { required: true, maxlength: 300, autocomplete: 'off' }),
      area('dr-recommendation', t('dr.recommendation'), '', { required: true }),
      field('dr-requirements', t('dr.requirement-keys'), 'text', {
        maxlength: 2000, autocomplete: 'off', placeholder: 'SR-P-1, SR-8.3-em-1', 'aria-describedby': 'dr-requirements-hint',
      }),
      h('p', { class: 'hint', id: 'dr-requirements-hint' }, t('tc.requirement-keys-hint')),
      choice('dr-decision', t('dr.decision'), DECISIONS.map((v) => [v.toLowerCase(), `${DECISION_ICONS[v]} ${label('dr.decision', v)}`]),
        'proposed'),
      area('dr-note', t('dr.note'), '', { 'aria-describedby': 'dr-note-hint' }),
      h('p', { class: 'hint', id: 'dr-note-hint' }, t('dr.note-hint')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'dr-submit' }, t('dr.save'))));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const value = (name) => element[name].value.trim();
      const decision = element['dr-decision'].value;
      if (decision === 'disputed' && !value('dr-note')) {
        error.textContent = t('dr.note-required');
        element['dr-note'].setAttribute('aria-invalid', 'true');
        element['dr-note'].focus();
        return;
      }
      try {
        const { body } = await call('POST', `${base}/reviews/design-recommendations`, {
          key: editing || undefined, topic: element['dr-topic'].value, subject: value('dr-subject'),
          recommendation: value('dr-recommendation'),
          requirements: value('dr-requirements').split(/[\s,]+/).filter(Boolean),
          decision, decisionNote: value('dr-note') || undefined,
        });
        await load(t('dr.saved', body.key));
      } catch (e) {
        showProblem(error, e);
      }
    });
    return {
      element,
      edit(d) {
        editing = d.key;
        heading.textContent = t('dr.edit', d.key);
        element['dr-topic'].value = d.topic.toLowerCase();
        element['dr-subject'].value = d.subject;
        element['dr-recommendation'].value = d.recommendation;
        element['dr-requirements'].value = d.requirements.join(', ');
        element['dr-decision'].value = d.decision.toLowerCase();
        element['dr-note'].value = d.decisionNote || '';
        element.scrollIntoView({ block: 'nearest' });
        element['dr-subject'].focus();
      },
    };
  }

  // ---- Security Audit Report ----------------------------------------------------------------

  function auditSection(audit) {
    const shown = audit ? h('dl', { class: 'facts', id: 'audit-shown' },
      h('dt', {}, t('ar.verdict')), h('dd', { id: 'audit-verdict', dataset: { verdict: audit.verdict } },
        h('span', { 'aria-hidden': 'true' }, VERDICT_ICONS[audit.verdict] || '?'), ' ', h('strong', {}, label('ar.verdict', audit.verdict))),
      h('dt', {}, t('ar.conclusion')), h('dd', { class: 'description', id: 'audit-conclusion-text' }, audit.conclusion),
      h('dt', {}, t('ar.written')), h('dd', {}, t('risk.assessed-by', audit.writtenBy, dateTime(audit.writtenAt))),
      h('dt', {}, t('ar.findings')), h('dd', { id: 'audit-findings' }, Object.keys(audit.findings || {}).length === 0 ? '—'
        : h('ul', { class: 'inline-list' }, Object.entries(audit.findings).map(([k, n]) => h('li', { dataset: { count: k } },
          `${label('ar.count', k)}: ${n}`)))))
      : h('p', { id: 'audit-none' }, t('ar.none'));
    let form = null;
    if (mayConclude) {
      const error = h('p', { class: 'error', role: 'alert', id: 'ar-error' });
      form = h('form', { id: 'ar-form', novalidate: true, 'aria-labelledby': 'ar-form-title' },
        h('h4', { id: 'ar-form-title' }, t(audit ? 'ar.write-again' : 'ar.write')),
        choice('ar-verdict', t('ar.verdict'), ['APPROVE', 'REJECT'].map((v) => [v, `${VERDICT_ICONS[v]} ${label('ar.verdict', v)}`]),
          audit?.verdict || 'APPROVE'),
        area('ar-conclusion', t('ar.conclusion'), audit?.conclusion, { required: true, maxlength: 8000, rows: 4 }),
        h('button', { type: 'submit', id: 'ar-submit' }, t('ar.save')), error);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        error.replaceChildren();
        try {
          await call('PUT', `${base}/reviews/audit-conclusion`, {
            verdict: form['ar-verdict'].value, conclusion: form['ar-conclusion'].value.trim(),
          });
          await load(t('ar.saved'));
        } catch (e) {
          showProblem(error, e);
        }
      });
    }
    return h('section', { 'aria-labelledby': 'ar-title' },
      h('h3', { id: 'ar-title' }, t('ar.section')),
      h('p', { class: 'hint' }, t('ar.explain')),
      shown, form);
  }

  // ---- pre-production checklist -------------------------------------------------------------

  function checklistSection(items) {
    const error = h('p', { class: 'error', role: 'alert', id: 'pp-error' });
    return h('section', { 'aria-labelledby': 'pp-title' },
      h('h3', { id: 'pp-title' }, t('pp.section')),
      h('p', { class: 'hint' }, t('pp.count', items.filter((i) => i.checked).length, items.length)),
      h('ul', { id: 'pp-list', class: 'checklist' }, items.map((item) => {
        const title = lang() === 'zh' && item.titleZh ? item.titleZh : item.title;
        const box = `pp-${item.item}`;
        const note = `pp-${item.item}-note`;
        const state = h('span', { class: `pp-state ${item.checked ? 'checked' : 'open'}` },
          item.checked ? `✓ ${t('pp.checked')}` : `○ ${t('pp.open')}`);
        const by = item.checkedBy ? h('span', { class: 'hint' }, t('risk.assessed-by', item.checkedBy, dateTime(item.checkedAt))) : null;
        if (!mayCheck) {
          return h('li', { dataset: { item: item.item, checked: String(item.checked) } }, state, ' ', h('strong', {}, title),
            ` (${item.clause})`, item.note ? h('span', { class: 'description' }, ` — ${item.note}`) : null, ' ', by);
        }
        const form = h('form', { class: 'filters pp-form', dataset: { item: item.item } },
          h('p', {}, h('label', { class: 'check', for: box },
            h('input', { type: 'checkbox', id: box, name: box, checked: item.checked }), ' ', title, ` (${item.clause})`)),
          field(note, t('pp.note'), 'text', { maxlength: 4000, value: item.note || '', autocomplete: 'off' }),
          h('button', { type: 'submit', 'aria-label': t('pp.save-label', title) }, t('pp.save')));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          error.replaceChildren();
          try {
            await call('PUT', `${base}/reviews/pre-production/${encodeURIComponent(item.item)}`, {
              checked: form[box].checked, note: form[note].value.trim() || undefined,
            });
            await load(t('pp.saved', title));
          } catch (e) {
            showProblem(error, e);
          }
        });
        return h('li', { dataset: { item: item.item, checked: String(item.checked) } }, state, ' ', by, form);
      })),
      error);
  }

  await load();
}
