// Accounts (keyset pages, "load more"), creating a person account, and granting and revoking its
// roles, globally or in a project. Names and e-mail addresses are set as text (lib/dom.js).

import { h, replace, append } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { GLOBAL_ROLES, PROJECT_ROLES } from '../lib/access.js';
import { field, choice, showProblem, secretBox, confirmButton } from '../lib/forms.js';

function grantText(g) {
  return g.project ? `${t(`role.${g.role}`)} — ${g.project}` : t(`role.${g.role}`);
}

function stateText(a) {
  const states = [];
  if (a.disabled) states.push(t('accounts.disabled'));
  if (a.lockedUntil && new Date(a.lockedUntil) > new Date()) states.push(t('accounts.locked', dateTime(a.lockedUntil)));
  if (a.mustChangePassword) states.push(t('accounts.must-change'));
  return states.length ? states.join(', ') : t('accounts.active');
}

export async function accountsView(root, can, projects) {
  const rows = h('tbody', { id: 'accounts-rows' });
  const more = h('button', { type: 'button', id: 'accounts-more', hidden: true }, t('findings.more'));
  const error = h('p', { class: 'error', role: 'alert', id: 'accounts-error' });
  const detail = h('aside', { id: 'account-detail', 'aria-live': 'polite' });
  let cursor = null;

  async function load(reset) {
    error.replaceChildren();
    if (reset) {
      cursor = null;
      rows.replaceChildren();
    }
    try {
      const page = await get(`accounts?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const a of page.items) append(rows, [row(a)]);
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
    } catch (e) {
      showProblem(error, e);
    }
  }

  function row(a) {
    const tr = h('tr', { tabindex: 0, dataset: { login: a.login } },
      h('td', {}, h('code', {}, a.login)),
      h('td', {}, a.displayName),
      h('td', {}, t(`kind.${a.kind}`)),
      h('td', {}, a.roles.map(grantText).join(', ')),
      h('td', {}, stateText(a)));
    const open = () => showDetail(a.login);
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    return tr;
  }

  async function showDetail(login, notice) {
    let a;
    try {
      a = await get(`accounts/${encodeURIComponent(login)}`);
    } catch (e) {
      showProblem(error, e);
      return;
    }
    const status = h('p', { role: 'status', id: 'grant-status' });
    const roles = h('ul', { id: 'account-roles' }, a.roles.length === 0 ? h('li', {}, t('account.no-roles')) : a.roles.map((g) => h('li', { dataset: { role: g.role, project: g.project || '' } },
      grantText(g), ' ', h('small', {}, t('accounts.granted', dateTime(g.grantedAt), g.grantedBy)), ' ',
      can.grantRoles ? confirmButton(t('accounts.revoke'), t('accounts.revoke-confirm'), async () => {
        try {
          await call('DELETE', `accounts/${encodeURIComponent(login)}/roles/${encodeURIComponent(g.id)}`);
          await refresh(login, t('accounts.revoked'));
        } catch (e) {
          showProblem(status, e);
        }
      }, { class: 'revoke' }) : null)));
    replace(detail,
      h('h3', {}, a.displayName, ' ', h('code', {}, a.login)),
      notice || null,
      h('dl', { class: 'facts' },
        h('dt', {}, t('accounts.kind')), h('dd', {}, t(`kind.${a.kind}`)),
        h('dt', {}, t('accounts.email')), h('dd', {}, a.email || '—'),
        h('dt', {}, t('accounts.created')), h('dd', {}, dateTime(a.createdAt)),
        h('dt', {}, t('accounts.state')), h('dd', {}, stateText(a))),
      h('h4', {}, t('accounts.roles')), roles,
      can.grantRoles ? grantForm(login, status) : null,
      status);
  }

  function grantForm(login, status) {
    const roleOptions = [...GLOBAL_ROLES.map((r) => [r, `${t(`role.${r}`)} (${t('accounts.global')})`]),
      ...PROJECT_ROLES.map((r) => [r, `${t(`role.${r}`)} (${t('accounts.per-project')})`])];
    const project = choice('grant-project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), projects[0]?.key);
    const form = h('form', { id: 'role-grant', class: 'filters' },
      choice('grant-role', t('accounts.role'), roleOptions, 'DEVELOPER'),
      project,
      h('button', { type: 'submit' }, t('accounts.grant')));
    const sync = () => {
      const global = GLOBAL_ROLES.includes(form['grant-role'].value);
      project.hidden = global;
      form['grant-project'].disabled = global;
    };
    form['grant-role'].addEventListener('change', sync);
    sync();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const role = form['grant-role'].value;
      const body = GLOBAL_ROLES.includes(role) ? { role } : { role, project: form['grant-project'].value };
      try {
        await call('POST', `accounts/${encodeURIComponent(login)}/roles`, body);
        await refresh(login, t('accounts.granted-now', grantText(body)));
      } catch (e) {
        showProblem(status, e);
      }
    });
    return form;
  }

  async function refresh(login, message) {
    await load(true);
    await showDetail(login, h('p', { class: 'notice', role: 'status', id: 'account-notice' }, message));
  }

  function createForm() {
    const status = h('p', { class: 'error', role: 'alert', id: 'account-create-error' });
    const result = h('div', { id: 'account-create-result' });
    const form = h('form', { id: 'account-create', novalidate: true },
      h('h3', {}, t('accounts.create')),
      field('new-login', t('login.name'), 'text', { required: true, maxlength: 64, autocomplete: 'off' }),
      field('new-name', t('accounts.display-name'), 'text', { required: true, maxlength: 200 }),
      field('new-email', t('accounts.email-optional'), 'email', { maxlength: 254 }),
      field('new-password', t('accounts.initial-password'), 'password', { maxlength: 256, autocomplete: 'new-password' }),
      status,
      h('button', { type: 'submit' }, t('accounts.create-submit')),
      result);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.replaceChildren();
      result.replaceChildren();
      const body = { login: form['new-login'].value.trim(), displayName: form['new-name'].value.trim() };
      if (form['new-email'].value.trim()) body.email = form['new-email'].value.trim();
      if (form['new-password'].value) body.initialPassword = form['new-password'].value;
      try {
        const { body: created } = await call('POST', 'accounts', body);
        form.reset();
        append(result, [h('p', { class: 'notice', role: 'status', id: 'account-created' }, t('accounts.created-now', created.login))]);
        if (created.oneTimePassword) {
          append(result, [secretBox('one-time-password', t('accounts.one-time-password'), t('accounts.one-time-warning'),
            created.oneTimePassword)]);
        }
        await load(true);
        await showDetail(created.login);
      } catch (e) {
        showProblem(status, e);
      }
    });
    return form;
  }

  more.addEventListener('click', () => load(false));
  replace(root,
    can.createAccount ? createForm() : null,
    error,
    h('div', { class: 'split' },
      h('div', {},
        h('table', { id: 'accounts-table' },
          h('caption', {}, t('admin.accounts')),
          h('thead', {}, h('tr', {}, [t('login.name'), t('accounts.display-name'), t('accounts.kind'), t('accounts.roles'),
            t('accounts.state')].map((c) => h('th', { scope: 'col' }, c)))),
          rows),
        more),
      detail));
  await load(true);
}
