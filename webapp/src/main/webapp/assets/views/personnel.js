// The personnel register (C.1, issue 9): a project's team with each role's rights and prerequisite
// state (vetted ✓ or suspended ⏸, what is missing, until when it holds), and — for security
// administrators and auditors — a person's entry; security administrators record the background
// check, the confidentiality agreement (the signed file's SHA-256) and trainings. Dates are UTC days.

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';

const labels = (list) => list.map((p) => p.label).join(', ') || '—';

function state(duty) {
  if (duty.suspended) return h('span', { class: 'state suspended' }, `⏸ ${t('personnel.suspended')}`);
  if (duty.required.length === 0) return h('span', { class: 'state' }, `– ${t('personnel.not-required')}`);
  return h('span', { class: 'state vetted' }, `✓ ${t('personnel.vetted')}`);
}

export async function personnelView(root, projects, can, selected) {
  if (selected && can.teamIn(selected) && !projects.some((p) => p.key === selected)) {
    projects = [{ key: selected, name: '' }, ...projects]; // beyond the first page of projects
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'personnel-error' });
  const teamBox = h('div', { id: 'personnel-team' });
  const detail = h('aside', { id: 'person-detail', 'aria-live': 'polite' });
  const picker = choice('personnel-project', t('findings.project'), projects.map((p) => [p.key, p.name ? `${p.key} — ${p.name}` : p.key]),
    selected && projects.some((p) => p.key === selected) ? selected : projects[0]?.key);
  const lookup = can.personnel ? h('form', { id: 'person-lookup', class: 'filters' },
    field('person-login', t('login.name'), 'text', { maxlength: 64, autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('personnel.open'))) : null;

  async function showTeam() {
    error.replaceChildren();
    const key = root.querySelector('#personnel-project')?.value;
    if (!key) {
      replace(teamBox, h('p', {}, t('personnel.no-projects')));
      return;
    }
    try {
      const team = await get(`projects/${encodeURIComponent(key)}/team`);
      const rows = team.members.flatMap((m) => m.roles.map((d) => {
        const tr = h('tr', { dataset: { login: m.login, role: d.role, suspended: String(d.suspended) }, tabindex: can.personnel ? 0 : null },
          h('td', {}, h('code', {}, m.login)),
          h('td', {}, m.displayName),
          h('td', {}, t(`role.${d.role}`)),
          h('td', { title: d.permissions.join(', ') }, t('personnel.rights', d.permissions.length)),
          h('td', {}, labels(d.missing)),
          h('td', {}, d.holdsThrough || '—'),
          h('td', {}, state(d)));
        if (can.personnel) {
          const open = () => showPerson(m.login);
          tr.addEventListener('click', open);
          tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
        }
        return tr;
      }));
      replace(teamBox,
        h('p', { id: 'personnel-required' }, t('personnel.required', team.protectionLevel, labels(team.required), team.asOf)),
        h('table', { id: 'team-table' },
          h('caption', {}, t('personnel.team', team.project)),
          h('thead', {}, h('tr', {}, [t('login.name'), t('accounts.display-name'), t('accounts.role'), t('personnel.rights-column'),
            t('personnel.missing'), t('personnel.holds-through'), t('accounts.state')].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)));
    } catch (e) {
      showProblem(error, e);
    }
  }

  async function showPerson(login, notice) {
    let p;
    try {
      p = await get(`people/${encodeURIComponent(login)}`);
    } catch (e) {
      showProblem(error, e);
      return;
    }
    const status = h('p', { class: 'error', role: 'alert', id: 'person-status' });
    const check = p.backgroundCheck;
    const nda = p.confidentialityAgreement;
    replace(detail,
      h('h3', {}, p.displayName, ' ', h('code', {}, p.login)),
      notice || null,
      h('p', { id: 'person-held' }, t('personnel.held', p.asOf, labels(p.held))),
      h('dl', { class: 'facts' },
        h('dt', {}, t('personnel.background-check')),
        h('dd', { id: 'person-check' }, check ? t('personnel.check-text', t(`personnel.status.${check.status}`), check.checkedOn, check.checkedBy) : '—'),
        h('dt', {}, t('personnel.agreement')),
        h('dd', { id: 'person-agreement' }, nda ? [t('personnel.agreement-text', nda.signedOn, nda.expiresOn,
          nda.inForce ? t('personnel.in-force') : t('personnel.not-in-force')), ' ', h('code', { title: nda.documentSha256 },
          nda.documentSha256.slice(0, 12))] : '—')),
      h('h4', {}, t('personnel.trainings')),
      h('ul', { id: 'person-trainings' }, p.trainings.length === 0 ? h('li', {}, '—') : p.trainings.map((tr) => h('li', {},
        t('personnel.training-text', tr.course, t(`personnel.kind.${tr.kind}`) + (tr.language ? ` (${tr.language})` : ''),
          tr.completedOn, tr.expiresOn, tr.inForce ? t('personnel.in-force') : t('personnel.not-in-force'))))),
      h('h4', {}, t('accounts.roles')),
      h('ul', { id: 'person-roles' }, p.roles.length === 0 ? h('li', {}, t('account.no-roles')) : p.roles.map((d) => h('li', {},
        `${t(`role.${d.role}`)} — ${d.project}: `, state(d), d.missing.length ? ` (${labels(d.missing)})` : ''))),
      can.personnelAdmin ? forms(p.login, status) : null,
      status);
  }

  function forms(login, status) {
    const base = `people/${encodeURIComponent(login)}`;
    const submit = (form, method, path, body) => form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.replaceChildren();
      try {
        await call(method, path, body(form));
        await showPerson(login, h('p', { class: 'notice', role: 'status', id: 'person-notice' }, t('personnel.recorded')));
        await showTeam();
      } catch (e) {
        showProblem(status, e);
      }
    });
    const checkForm = h('form', { id: 'check-form' }, h('h4', {}, t('personnel.background-check')),
      choice('check-status', t('findings.state'), ['PASSED', 'PENDING', 'FAILED'].map((s) => [s, t(`personnel.status.${s}`)]), 'PASSED'),
      field('check-on', t('personnel.checked-on'), 'date', { required: true }),
      field('check-by', t('personnel.checked-by'), 'text', { required: true, maxlength: 200 }),
      h('button', { type: 'submit' }, t('personnel.record')));
    submit(checkForm, 'PUT', `${base}/background-check`, (f) => ({ status: f['check-status'].value, checkedOn: f['check-on'].value,
      checkedBy: f['check-by'].value.trim() }));
    const ndaForm = h('form', { id: 'agreement-form' }, h('h4', {}, t('personnel.agreement')),
      field('nda-signed', t('personnel.signed-on'), 'date', { required: true }),
      field('nda-expires', t('personnel.expires-on'), 'date', { required: true }),
      field('nda-sha', t('personnel.document-sha256'), 'text', { required: true, maxlength: 64, pattern: '[0-9a-fA-F]{64}' }),
      field('nda-name', t('personnel.document-name'), 'text', { maxlength: 255 }),
      h('button', { type: 'submit' }, t('personnel.record')));
    submit(ndaForm, 'PUT', `${base}/confidentiality-agreement`, (f) => ({ signedOn: f['nda-signed'].value,
      expiresOn: f['nda-expires'].value, documentSha256: f['nda-sha'].value.trim(), documentName: f['nda-name'].value.trim() || undefined }));
    const trainingForm = h('form', { id: 'training-form' }, h('h4', {}, t('personnel.add-training')),
      field('training-course', t('personnel.course'), 'text', { required: true, maxlength: 200 }),
      choice('training-kind', t('personnel.kind'), ['SECURITY_AWARENESS', 'SECURE_CODING'].map((k) => [k, t(`personnel.kind.${k}`)]), 'SECURITY_AWARENESS'),
      field('training-language', t('personnel.language'), 'text', { maxlength: 32 }),
      field('training-completed', t('personnel.completed-on'), 'date', { required: true }),
      field('training-expires', t('personnel.expires-on'), 'date', { required: true }),
      h('button', { type: 'submit' }, t('personnel.record')));
    submit(trainingForm, 'POST', `${base}/trainings`, (f) => ({ course: f['training-course'].value.trim(), kind: f['training-kind'].value,
      language: f['training-language'].value.trim() || undefined, completedOn: f['training-completed'].value,
      expiresOn: f['training-expires'].value }));
    return h('div', { id: 'person-forms' }, h('p', {}, t('personnel.utc')), checkForm, ndaForm, trainingForm);
  }

  replace(root,
    h('p', {}, t('personnel.intro')),
    h('form', { class: 'filters', id: 'personnel-filters' }, picker),
    lookup,
    error,
    h('div', { class: 'split' }, teamBox, detail));
  root.querySelector('#personnel-project')?.addEventListener('change', showTeam);
  lookup?.addEventListener('submit', (event) => {
    event.preventDefault();
    const login = lookup['person-login'].value.trim();
    if (login) showPerson(login);
  });
  await showTeam();
}
