// CI credentials of a project: its service accounts and their API tokens. A new token's secret is
// in the creating response only, so it is shown once here and never again (the list has no secrets).

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem, secretBox, confirmButton } from '../lib/forms.js';
import { label } from '../lib/signoffs.js';

// releases:write also lets a push open its release by version; releases:advance-scan lets CI advance
// out of TESTING after a scan when every gate passes unwaived (ADR 0012)
const SCOPES = ['releases:read', 'releases:write', 'scans:push', 'gate:read', 'releases:advance-scan'];

export async function credentialsView(root, projects, can = null) {
  if (projects.length === 0) {
    replace(root, h('p', { id: 'credentials-none' }, t('credentials.no-project')));
    return;
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'credentials-error' });
  const secret = h('div', { id: 'token-secret-area', 'aria-live': 'polite' });
  const list = h('div', { id: 'service-accounts' });
  const picker = h('form', { class: 'filters', id: 'credentials-project' },
    choice('cred-project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), projects[0].key));
  const project = () => picker['cred-project'].value;

  const create = h('form', { id: 'service-account-create', class: 'filters', novalidate: true },
    field('sa-name', t('credentials.sa-name'), 'text', {
      required: true, maxlength: 31, pattern: '[a-z0-9][a-z0-9.\\-]{0,30}', autocomplete: 'off', 'aria-describedby': 'sa-name-hint',
    }),
    h('button', { type: 'submit' }, t('credentials.sa-create')),
    h('p', { id: 'sa-name-hint', class: 'hint' }, t('credentials.sa-hint')));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    try {
      await call('POST', `projects/${encodeURIComponent(project())}/service-accounts`, { name: create['sa-name'].value.trim() });
      create.reset();
      await load();
    } catch (e) {
      showProblem(error, e);
    }
  });

  const manages = () => !can || can.credentialsIn(project());
  const createTitle = h('h3', {}, t('credentials.sa-new'));

  async function load() {
    create.hidden = !manages();
    createTitle.hidden = !manages();
    if (!manages()) {
      replace(list);
      return;
    }
    try {
      const accounts = await get(`projects/${encodeURIComponent(project())}/service-accounts`);
      replace(list, accounts.length === 0 ? h('p', { id: 'service-accounts-none' }, t('credentials.none'))
        : accounts.map(serviceAccount));
    } catch (e) {
      replace(list);
      showProblem(error, e);
    }
  }

  function serviceAccount(sa) {
    const base = `projects/${encodeURIComponent(project())}/service-accounts/${encodeURIComponent(sa.login)}/tokens`;
    const status = h('p', { class: 'error', role: 'alert' });
    const tokens = sa.tokens.length === 0 ? h('p', {}, t('credentials.no-tokens')) : h('table', { class: 'tokens' },
      h('thead', {}, h('tr', {}, [t('credentials.token-name'), t('credentials.prefix'), t('credentials.scopes'),
        t('accounts.created'), t('credentials.expires'), t('credentials.last-used'), t('accounts.state'), '']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, sa.tokens.map((token) => h('tr', { dataset: { token: token.id } },
        h('td', {}, token.name),
        h('td', {}, h('code', {}, token.prefix)),
        h('td', {}, token.scopes.join(', '),
          token.signingKeyId ? h('span', { class: 'hint' }, `🔏 ${t('credentials.signed-with', token.signingKeyId)}`) : null,
          token.allowedSources?.length ? h('span', { class: 'hint' }, t('credentials.only-from', token.allowedSources.join(', '))) : null),
        h('td', {}, dateTime(token.createdAt)),
        h('td', {}, dateTime(token.expiresAt)),
        h('td', {}, token.lastUsedAt ? `${dateTime(token.lastUsedAt)} (${token.lastUsedAddress || '?'})` : t('credentials.never')),
        h('td', { class: 'token-state' }, token.revokedAt ? t('credentials.revoked', dateTime(token.revokedAt))
          : new Date(token.expiresAt) < new Date() ? t('credentials.expired') : t('accounts.active')),
        h('td', {}, token.revokedAt ? null : confirmButton(t('accounts.revoke'), t('credentials.revoke-confirm'), async () => {
          try {
            await call('DELETE', `${base}/${encodeURIComponent(token.id)}`);
            await load();
          } catch (e) {
            showProblem(status, e);
          }
        }, { class: 'revoke', 'aria-label': `${t('accounts.revoke')} ${token.name}` }))))));

    const id = `issue-${sa.login}`;
    const issue = h('form', { class: 'token-issue', id, novalidate: true },
      h('h4', {}, t('credentials.issue')),
      field(`${id}-name`, t('credentials.token-name'), 'text', { required: true, maxlength: 100 }),
      h('fieldset', {}, h('legend', {}, t('credentials.scopes')),
        SCOPES.map((s) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'scope', value: s, id: `${id}-${s.replace(':', '-')}` }), ' ', s))),
      field(`${id}-days`, t('credentials.days'), 'number', { min: 1, max: 3650, placeholder: '90' }),
      h('p', {}, h('label', { class: 'check', for: `${id}-signed` },
        h('input', { type: 'checkbox', id: `${id}-signed`, name: `${id}-signed`, 'aria-describedby': `${id}-signed-hint` }), ' ',
        t('credentials.signed'))),
      h('p', { class: 'hint', id: `${id}-signed-hint` }, t('credentials.signed-hint')),
      h('p', {}, h('label', { for: `${id}-sources` }, t('credentials.sources')),
        h('textarea', {
          id: `${id}-sources`, name: `${id}-sources`, rows: 2, maxlength: 2000, placeholder: '203.0.113.0/24\n2001:db8::/32',
          'aria-describedby': `${id}-sources-hint`,
        })),
      h('p', { class: 'hint', id: `${id}-sources-hint` }, t('credentials.sources-hint')),
      h('button', { type: 'submit' }, t('credentials.issue-submit')));
    issue.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.replaceChildren();
      const body = {
        name: issue[`${id}-name`].value.trim(),
        scopes: [...issue.querySelectorAll('input[name=scope]:checked')].map((c) => c.value),
      };
      const days = issue[`${id}-days`].value;
      if (days) body.expiresInDays = Number(days);
      if (issue[`${id}-signed`].checked) body.signed = true;
      const sources = issue[`${id}-sources`].value.split(/[\s,]+/).filter(Boolean);
      if (sources.length) body.allowedSources = sources;
      try {
        const { body: token } = await call('POST', base, body);
        replace(secret, secretBox('token-secret', t('credentials.secret', sa.login, token.name), t('credentials.secret-warning'),
          token.token),
        token.signingKey ? h('dl', { class: 'facts', id: 'token-signing' },
          h('dt', {}, t('credentials.signing-key-id')), h('dd', {}, h('code', { id: 'token-signing-key-id' }, token.signingKeyId))) : null,
        token.signingKey ? secretBox('token-signing-key', t('credentials.signing-key', token.signingKeyId),
          t('credentials.signing-key-warning'), token.signingKey) : null);
        await load();
        document.getElementById('token-secret-value').focus();
      } catch (e) {
        showProblem(status, e);
      }
    });
    return h('section', { class: 'service-account', dataset: { login: sa.login } },
      h('h3', {}, h('code', {}, sa.login), ' ', h('small', {}, t('credentials.created-at', dateTime(sa.createdAt)))),
      tokens, issue, status);
  }

  const calls = h('section', { id: 'api-calls', 'aria-labelledby': 'api-calls-title' });

  // The project's API call log (owners, auditors): newest first, keyset pages ("load more").
  async function loadCalls() {
    if (!can || !can.apiCallsIn(project())) {
      calls.replaceChildren();
      return;
    }
    const path = `projects/${encodeURIComponent(project())}/api-calls?limit=50`;
    const status = h('p', { class: 'error', role: 'alert', id: 'api-calls-error' });
    const body = h('tbody', {});
    const more = h('button', { type: 'button', id: 'api-calls-more', hidden: true }, t('findings.more'));
    const none = h('p', { id: 'api-calls-none', hidden: true }, t('calls.none'));
    let cursor = null;
    async function page() {
      try {
        const listing = await get(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
        listing.items.forEach((c) => body.append(h('tr', { dataset: { call: c.id, status: c.status } },
          h('td', {}, dateTime(c.calledAt)),
          h('td', {}, c.account, ' ', h('code', {}, c.tokenPrefix)),
          h('td', {}, c.address),
          h('td', {}, h('code', {}, `${c.method} ${c.path}`)),
          h('td', {}, `${c.status >= 400 ? '✗' : '✓'} ${c.status}`),
          h('td', {}, String(c.bytesIn)),
          h('td', {}, `${c.durationMs} ms`),
          h('td', {}, label('calls.signature', c.signature || 'none')))));
        cursor = listing.nextCursor || null;
        more.hidden = !cursor;
        none.hidden = body.children.length > 0;
      } catch (e) {
        showProblem(status, e);
      }
    }
    more.addEventListener('click', page);
    replace(calls,
      h('h3', { id: 'api-calls-title' }, t('calls.section')),
      h('p', { class: 'hint' }, t('calls.explain')),
      h('div', { class: 'table-scroll' }, h('table', { id: 'api-calls-table', class: 'plain' },
        h('thead', {}, h('tr', {}, [t('audit.time'), t('calls.account'), t('audit.address'), t('calls.request'), t('calls.status'),
          t('calls.bytes'), t('calls.duration'), t('calls.signature')].map((c) => h('th', { scope: 'col' }, c)))),
        body)),
      none, more, status);
    await page();
  }

  picker['cred-project'].addEventListener('change', () => {
    secret.replaceChildren();
    error.replaceChildren();
    load();
    loadCalls();
  });
  replace(root, picker, createTitle, create, error, secret, list, calls);
  await Promise.all([load(), loadCalls()]);
}
