// Source-repository access of a project (issue 9, C.4; ADR 0022): the requests and grants with where
// each stands (requested, in force, expired, refused, revoked), a form to ask for access, and for
// project owners approve / refuse / revoke — never on their own request (the server refuses it anyway).

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem, say } from '../lib/forms.js';

const STANDINGS = ['all', 'requested', 'in-force', 'expired', 'ended'];

export async function sourceAccessView(root, projects, can, login) {
  const visible = projects.filter((p) => can.sourceAccessIn(p.key));
  if (visible.length === 0) {
    replace(root, h('h2', {}, t('access.title')), h('p', { id: 'access-none' }, t('access.no-project')));
    return;
  }
  const filters = h('form', { class: 'filters', id: 'access-filter' },
    choice('access-project', t('findings.project'), visible.map((p) => [p.key, `${p.key} — ${p.name}`]), visible[0].key),
    choice('access-standing', t('access.standing'), STANDINGS.map((s) => [s, t(`access.standing.${s}`)]), 'all'));
  const project = () => filters['access-project'].value;
  const error = h('p', { class: 'error', role: 'alert', id: 'access-error' });
  const done = h('p', { role: 'status', id: 'access-done' });
  const rows = h('tbody', { id: 'access-rows' });
  const requestArea = h('div', { id: 'access-request-area' });
  const base = () => `projects/${encodeURIComponent(project())}/source-access`;

  const until = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const form = h('form', { id: 'access-request', class: 'filters', novalidate: true },
    field('access-repository', t('access.repository'), 'text', { required: true, maxlength: 500, autocomplete: 'off' }),
    choice('access-kind', t('access.access'), [['READ', t('access.kind.READ')], ['CLONE', t('access.kind.CLONE')]], 'READ'),
    field('access-reason', t('access.reason'), 'text', { required: true, maxlength: 2000 }),
    field('access-until', t('access.until'), 'date', { required: true, value: until.toISOString().slice(0, 10) }),
    h('button', { type: 'submit' }, t('access.request-submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    done.replaceChildren();
    // the end of the chosen day in the browser's time zone
    const day = form['access-until'].value;
    const end = day ? new Date(`${day}T23:59:59`).toISOString() : '';
    try {
      await call('POST', base(), { repository: form['access-repository'].value.trim(), access: form['access-kind'].value,
        reason: form['access-reason'].value.trim(), validUntil: end });
      form.reset();
      say(done, t('access.requested'));
      await load();
    } catch (e) {
      showProblem(error, e);
    }
  });

  async function decide(grant, step, note) {
    error.replaceChildren();
    done.replaceChildren();
    try {
      await call('POST', `${base()}/${encodeURIComponent(grant.id)}/${step}`, { note });
      say(done, t(`access.done.${step}`, grant.repository, grant.grantee));
      await load();
    } catch (e) {
      showProblem(error, e);
    }
  }

  function actions(g) {
    if (!can.sourceAccessApproveIn(project())) return [];
    const own = g.requestedBy === login || g.grantee === login;
    if (g.standing === 'REQUESTED') {
      if (own) return [h('span', { class: 'hint' }, t('access.own'))];
      return [
        h('button', { type: 'button', class: 'access-approve', 'aria-label': t('access.approve-of', g.grantee, g.repository),
          onclick: () => decide(g, 'approval', '') }, t('access.approve')),
        h('button', { type: 'button', class: 'access-refuse', 'aria-label': t('access.refuse-of', g.grantee, g.repository),
          onclick: () => decide(g, 'refusal', '') }, t('access.refuse'))];
    }
    if (g.state === 'APPROVED') {
      const reason = h('input', { type: 'text', class: 'access-revoke-reason', maxlength: 2000,
        'aria-label': t('access.revoke-reason-of', g.grantee, g.repository), placeholder: t('access.revoke-reason') });
      return [reason, h('button', { type: 'button', class: 'access-revoke', 'aria-label': t('access.revoke-of', g.grantee, g.repository),
        onclick: () => decide(g, 'revocation', reason.value.trim()) }, t('access.revoke'))];
    }
    return [];
  }

  function row(g) {
    return h('tr', { dataset: { grant: g.id, standing: g.standing } },
      h('td', {}, g.repository),
      h('td', {}, g.grantee),
      h('td', {}, t(`access.kind.${g.access}`)),
      h('td', {}, g.reason),
      h('td', {}, dateTime(g.validUntil)),
      h('td', { class: 'standing' }, t(`access.is.${g.standing}`)),
      h('td', {}, `${g.requestedBy} · ${dateTime(g.requestedAt)}`),
      h('td', {}, g.decision ? `${g.decision.by} · ${dateTime(g.decision.at)}` : ''),
      h('td', {}, ...actions(g)));
  }

  async function load() {
    try {
      const standing = filters['access-standing'].value;
      const grants = await get(`${base()}?standing=${encodeURIComponent(standing)}`);
      rows.replaceChildren(...grants.map(row));
      if (grants.length === 0) rows.append(h('tr', {}, h('td', { colspan: 9, id: 'access-empty' }, t('access.empty'))));
    } catch (e) {
      showProblem(error, e);
    }
  }

  function showRequest() {
    replace(requestArea, can.sourceAccessRequestIn(project()) ? [h('h3', {}, t('access.request')), form] : []);
  }

  filters.addEventListener('change', () => {
    error.replaceChildren();
    done.replaceChildren();
    showRequest();
    load();
  });
  showRequest();
  replace(root, h('h2', {}, t('access.title')), h('p', { class: 'hint' }, t('access.intro')), filters, requestArea, error, done,
    h('table', { id: 'access-table', class: 'plain' },
      h('thead', {}, h('tr', {}, [t('access.repository'), t('access.grantee'), t('access.access'), t('access.reason'),
        t('access.until'), t('access.standing'), t('access.requested-by'), t('access.decided-by'), t('access.actions')]
        .map((c) => h('th', { scope: 'col' }, c)))),
      rows));
  await load();
}
