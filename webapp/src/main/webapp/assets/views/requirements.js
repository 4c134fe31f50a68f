// The requirements tab of the release board (issue 8 over the requirements API of issue 6): the
// release's security requirements (add, edit, withdraw), its risk assessment (with the level the
// ratings yield shown live before saving) and the consensus sign-offs per subject, each signed for
// the content digest shown here. Which buttons show follows lib/access.js (REQUIREMENT_EDIT,
// SIGN_OFF and the roles held in the project); the server decides every request. Everything the
// server or a person wrote is set as text only (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call } from '../lib/api.js';
import { t, lang, dateTime } from '../lib/i18n.js';
import { field, showProblem, confirmButton } from '../lib/forms.js';
import { signOffsSection } from '../lib/signoffs.js';

/** A translated label, or the server's own identifier when the UI has no text for it. */
function label(prefix, value, ...args) {
  const key = `${prefix}.${value}`;
  const text = t(key, ...args);
  return text === key ? value : text;
}

/** The protection level a rating yields (workflow/…/requirement/RiskRating.java): ≤4 → 1, ≤12 → 2, else 3. */
export function riskLevel(assetValue, likelihood, impact) {
  const score = assetValue * likelihood * impact;
  return { score, level: score <= 4 ? 1 : score <= 12 ? 2 : 3 };
}

const RATINGS = [1, 2, 3];
/** The sign-off subjects of this tab; the later reviews' are on the reviews tab (views/reviews.js). */
const SUBJECTS = ['risk-assessment', 'security-requirements', 'test-recommendations'];

export async function requirementsPanel(root, { releaseId, project, closed, definition, can }) {
  const base = `releases/${encodeURIComponent(releaseId)}`;
  const mayEdit = !closed && can.editRequirementsIn(project);
  const maySign = !closed && can.signOffIn(project);
  const held = can.rolesIn(project);
  const workflowLevel = Number((/level-(\d)/.exec(definition || '') || [])[1]) || null;
  let subjectsBefore = [];

  async function read() {
    const [{ body: listing }, { body: subjects }] = await Promise.all([
      call('GET', `${base}/requirements`), call('GET', `${base}/sign-offs`)]);
    return { listing, subjects };
  }

  async function load(message, kind = 'info') {
    let { listing, subjects } = await read();
    // The table and the digests signed must show the same content: read again when a change fell between.
    const digestOf = (name) => subjects.find((s) => s.subject === name)?.contentSha256 ?? null;
    for (let attempt = 0; attempt < 2 && (digestOf('security-requirements') !== (listing.requirementsSha256 ?? null)
      || digestOf('test-recommendations') !== (listing.testRecommendationsSha256 ?? null)); attempt++) {
      ({ listing, subjects } = await read());
    }
    // Without an assessment its subject has no digest, and GET risk-assessment would answer 404.
    const risk = subjects.find((s) => s.subject === 'risk-assessment');
    const assessment = risk?.contentSha256 ? (await call('GET', `${base}/risk-assessment`)).body : null;
    const invalidated = subjectsBefore.filter((old) => old.signOffs.length > 0
      && subjects.some((now) => now.subject === old.subject && now.contentSha256 !== old.contentSha256));
    subjectsBefore = subjects;
    render(listing, subjects, assessment);
    const notice = document.getElementById('req-notice');
    const lines = [message, ...invalidated.map((s) => t('signoff.invalidated', label('subject', s.subject)))].filter(Boolean);
    if (lines.length) {
      replace(notice, lines.map((line) => h('span', { class: 'line' }, line)));
      notice.dataset.kind = invalidated.length ? 'warning' : kind;
      notice.focus();
    }
  }

  function render(listing, subjects, assessment) {
    replace(root,
      h('p', { id: 'req-notice', role: 'status', tabindex: -1 }),
      requirementsSection(listing),
      riskSection(assessment),
      signOffsSection(subjects.filter((s) => SUBJECTS.includes(s.subject)), { base, maySign, held, load }));
  }

  // ---- security requirements ----------------------------------------------------------------

  function requirementsSection(listing) {
    const items = listing.items;
    const error = h('p', { class: 'error', role: 'alert', id: 'req-error' });
    const form = mayEdit ? requirementForm(error) : null;
    const columns = [t('req.key'), t('req.clause'), t('req.title'), t('req.ticket'), t('req.test-point'), t('req.origin'),
      t('req.state'), mayEdit ? t('req.actions') : null].filter(Boolean);
    const rows = items.map((r) => {
      const withdrawn = Boolean(r.withdrawnAt);
      const zh = lang() === 'zh' && r.titleZh;
      const cells = [
        h('th', { scope: 'row' }, h('code', {}, r.key)),
        h('td', {}, r.clause || '—'),
        h('td', { class: 'req-title' },
          h('span', { lang: zh ? 'zh-CN' : null, class: 'title' }, zh ? r.titleZh : r.title),
          r.description ? h('span', { class: 'description' }, r.description) : null),
        h('td', {}, r.ticket ? h('code', { class: 'ticket' }, r.ticket) : '—'),
        h('td', { class: 'test-point' }, r.testPoint
          ? h('span', { class: 'description' }, r.testPoint)
          : h('span', { class: 'missing' }, `○ ${t('req.no-test-point')}`),
          r.scanCwes && r.scanCwes.length ? h('span', { class: 'description scan-cwes' },
            t('req.scan-cwes-shown', r.scanCwes.map((c) => `CWE-${c}`).join(', '))) : null),
        h('td', { class: 'nowrap' }, label('origin', r.origin)),
        h('td', { class: `nowrap req-state ${withdrawn ? 'withdrawn' : 'active'}` },
          withdrawn ? `⊘ ${t('req.withdrawn', dateTime(r.withdrawnAt))}` : `✓ ${t('req.active')}`),
      ];
      if (mayEdit) {
        cells.push(h('td', {}, withdrawn ? null : h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'req-edit', dataset: { key: r.key }, onclick: () => form.edit(r) }, t('req.edit')),
          confirmButton(t('req.withdraw'), t('req.withdraw-confirm'), () => withdraw(r.key, error),
            { class: 'req-withdraw', dataset: { key: r.key } }))));
      }
      return h('tr', { class: withdrawn ? 'withdrawn' : null, dataset: { key: r.key, state: withdrawn ? 'withdrawn' : 'active' } },
        cells);
    });
    const active = items.filter((r) => !r.withdrawnAt).length;
    return h('section', { 'aria-labelledby': 'req-title' },
      h('h3', { id: 'req-title' }, t('req.section')),
      h('p', { class: 'hint' }, t('req.count', active, items.length - active)),
      items.length === 0 ? h('p', { id: 'req-none' }, t('req.none')) : h('div', { class: 'table-scroll' },
        h('table', { id: 'req-table', class: 'plain' },
          h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows))),
      form ? error : null, form ? form.element : null);
  }

  async function withdraw(key, error) {
    error.replaceChildren();
    try {
      await call('DELETE', `${base}/requirements/${encodeURIComponent(key)}`);
      await load(t('req.withdrawn-now', key));
    } catch (e) {
      showProblem(error, e);
    }
  }

  function requirementForm(error) {
    let editing = null;
    const heading = h('h4', { id: 'req-form-title' }, t('req.add'));
    const submit = h('button', { type: 'submit', id: 'req-submit' }, t('req.add-submit'));
    const cancel = h('button', { type: 'button', id: 'req-cancel', hidden: true }, t('req.cancel-edit'));
    const area = (id, text) => h('p', {}, h('label', { for: id }, text),
      h('textarea', { id, name: id, rows: 2, maxlength: 4000 }));
    const element = h('form', { id: 'req-form', novalidate: true, 'aria-labelledby': 'req-form-title' },
      heading,
      field('req-form-title-input', t('req.title'), 'text', { required: true, maxlength: 300, autocomplete: 'off' }),
      area('req-form-description', t('req.description')),
      field('req-form-ticket', t('req.ticket-optional'), 'text', {
        maxlength: 26, autocomplete: 'off', 'aria-describedby': 'req-ticket-hint', placeholder: 'SHOP-123',
      }),
      h('p', { class: 'hint', id: 'req-ticket-hint' }, t('req.ticket-hint')),
      area('req-form-test-point', t('req.test-point-optional')),
      field('req-form-scan-cwes', t('req.scan-cwes'), 'text', {
        maxlength: 200, autocomplete: 'off', 'aria-describedby': 'req-scan-cwes-hint', placeholder: 'CWE-89, CWE-79',
      }),
      h('p', { class: 'hint', id: 'req-scan-cwes-hint' }, t('req.scan-cwes-hint')),
      h('div', { class: 'actions' }, submit, cancel));

    function reset() {
      editing = null;
      element.reset();
      heading.textContent = t('req.add');
      submit.textContent = t('req.add-submit');
      cancel.hidden = true;
    }

    cancel.addEventListener('click', () => {
      reset();
      element['req-form-title-input'].focus();
    });
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const value = (name) => element[name].value.trim();
      const tokens = value('req-form-scan-cwes').split(/[\s,;]+/).filter(Boolean);
      const scanCwes = tokens.map((token) => Number(token.replace(/^cwe-?/i, '')));
      if (scanCwes.some((n) => !Number.isInteger(n) || n < 1)) {
        error.textContent = t('req.scan-cwes-invalid');
        return;
      }
      const body = {
        title: value('req-form-title-input'),
        description: value('req-form-description') || undefined,
        ticket: value('req-form-ticket') || undefined,
        testPoint: value('req-form-test-point') || undefined,
        scanCwes,
      };
      try {
        if (editing) {
          await call('PUT', `${base}/requirements/${encodeURIComponent(editing)}`, body);
          await load(t('req.saved', editing));
        } else {
          const { body: added } = await call('POST', `${base}/requirements`, body);
          await load(t('req.added', added.key));
        }
      } catch (e) {
        showProblem(error, e);
      }
    });
    return {
      element,
      edit(r) {
        editing = r.key;
        heading.textContent = t('req.edit-title', r.key);
        submit.textContent = t('req.save');
        cancel.hidden = false;
        element['req-form-title-input'].value = r.title;
        element['req-form-description'].value = r.description || '';
        element['req-form-ticket'].value = r.ticket || '';
        element['req-form-test-point'].value = r.testPoint || '';
        element['req-form-scan-cwes'].value = (r.scanCwes || []).map((c) => `CWE-${c}`).join(', ');
        element.scrollIntoView({ block: 'nearest' });
        element['req-form-title-input'].focus();
      },
    };
  }

  // ---- risk assessment ----------------------------------------------------------------------

  function rating(value) {
    return `${value} — ${t(`risk.rating.${value}`)}`;
  }

  function riskSection(assessment) {
    const shown = assessment ? h('dl', { class: 'facts', id: 'risk-shown' },
      h('dt', {}, t('risk.asset')), h('dd', { dataset: { field: 'assetValue' } }, rating(assessment.assetValue)),
      h('dt', {}, t('risk.likelihood')), h('dd', { dataset: { field: 'likelihood' } }, rating(assessment.likelihood)),
      h('dt', {}, t('risk.impact')), h('dd', { dataset: { field: 'impact' } }, rating(assessment.impact)),
      h('dt', {}, t('risk.score')), h('dd', { dataset: { field: 'score' } }, String(assessment.score)),
      h('dt', {}, t('risk.level')), h('dd', { id: 'risk-level', dataset: { field: 'level', level: assessment.level } },
        t('risk.level-n', assessment.level)),
      h('dt', {}, t('risk.threats')), h('dd', { class: 'description' }, assessment.threats),
      h('dt', {}, t('risk.business-loss')), h('dd', { class: 'description' }, assessment.businessLoss),
      h('dt', {}, t('risk.assessed')), h('dd', { id: 'risk-assessed' }, t('risk.assessed-by', assessment.assessedBy,
        dateTime(assessment.assessedAt))))
      : h('p', { id: 'risk-none' }, t('risk.none'));
    return h('section', { 'aria-labelledby': 'risk-title' },
      h('h3', { id: 'risk-title' }, t('risk.section')),
      h('p', { class: 'hint' }, t('risk.explain')),
      shown,
      mayEdit ? riskForm(assessment) : null);
  }

  function riskForm(assessment) {
    const error = h('p', { class: 'error', role: 'alert', id: 'risk-error' });
    const live = h('output', { id: 'risk-live', for: 'risk-asset risk-likelihood risk-impact', 'aria-live': 'polite' });
    const select = (id, text, value) => h('p', {}, h('label', { for: id }, text),
      h('select', { id, name: id },
        h('option', { value: '' }, t('risk.choose')),
        RATINGS.map((v) => h('option', { value: String(v), selected: v === value }, rating(v)))));
    const area = (id, text, value) => h('p', {}, h('label', { for: id }, text),
      h('textarea', { id, name: id, rows: 3, maxlength: 4000 }, value || ''));
    const form = h('form', { id: 'risk-form', novalidate: true, 'aria-labelledby': 'risk-form-title' },
      h('h4', { id: 'risk-form-title' }, t(assessment ? 'risk.record-again' : 'risk.record')),
      h('div', { class: 'filters' },
        select('risk-asset', t('risk.asset'), assessment?.assetValue),
        select('risk-likelihood', t('risk.likelihood'), assessment?.likelihood),
        select('risk-impact', t('risk.impact'), assessment?.impact)),
      h('p', { class: 'risk-live-line' }, live),
      area('risk-threats', t('risk.threats'), assessment?.threats),
      area('risk-loss', t('risk.business-loss'), assessment?.businessLoss),
      h('button', { type: 'submit', id: 'risk-submit' }, t('risk.save')),
      error);
    const chosen = (id) => Number(form[id].value) || null;

    function update() {
      const values = ['risk-asset', 'risk-likelihood', 'risk-impact'].map(chosen);
      if (values.some((v) => v === null)) {
        live.textContent = t('risk.live-incomplete');
        delete live.dataset.level;
        live.dataset.kind = 'info';
        return;
      }
      const { score, level } = riskLevel(...values);
      const above = workflowLevel !== null && level > workflowLevel;
      live.textContent = `${t('risk.live', values.join(' × '), score, level)}${above ? ` ⚠ ${t('risk.live-above', workflowLevel)}` : ''}`;
      live.dataset.level = String(level);
      live.dataset.kind = above ? 'warning' : 'info';
    }

    form.addEventListener('change', update);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      try {
        const { body } = await call('PUT', `${base}/risk-assessment`, {
          assetValue: chosen('risk-asset'), likelihood: chosen('risk-likelihood'), impact: chosen('risk-impact'),
          threats: form['risk-threats'].value.trim(), businessLoss: form['risk-loss'].value.trim(),
        });
        await load(t('risk.saved', body.level));
      } catch (e) {
        showProblem(error, e);
      }
    });
    update();
    return form;
  }

  await load();
}
