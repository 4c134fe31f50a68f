// A project's issue-tracker connection (issue 7, ADR 0016), a section of the integrations screen for project
// owners (TRACKER_ADMIN): what it is connected to and what to register in the tracker (the webhook address and
// the header it signs in), a form to connect, replace or disconnect, and a check. The generated webhook secret
// is in the answer that created or rotated it only, so it is shown once; the token is write-only.

import { h, replace } from '../lib/dom.js';
import { call } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, say, showProblem, secretBox, confirmButton } from '../lib/forms.js';
import { problemAtFields } from './integrations.js';

const DEFAULT_URL = { github: 'https://api.github.com', jira: '' };

function facts(connection) {
  const address = connection.webhookPath.startsWith('/') ? `${location.origin}${connection.webhookPath}` : connection.webhookPath;
  const fact = (term, value, id) => [h('dt', {}, term), h('dd', { id }, value)];
  const options = Object.entries(connection.options || {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return h('dl', { class: 'facts', id: 'tracker-facts', dataset: { tracker: connection.tracker } },
    fact(t('tracker.kind'), t(`tracker.kind.${connection.tracker}`), 'tracker-kind'),
    fact(t('tracker.base-url'), h('code', {}, connection.baseUrl), 'tracker-base-url'),
    fact(t('tracker.container'), h('code', {}, connection.container), 'tracker-container'),
    options ? fact(t('tracker.options'), options, 'tracker-options') : null,
    fact(t('tracker.authentication'), connection.user ? t('tracker.auth-basic', connection.user) : t('tracker.auth-bearer'),
      'tracker-authentication'),
    fact(t('tracker.language'), t(`notify.language.${connection.language}`), 'tracker-language'),
    fact(t('tracker.webhook-address'), h('code', {}, address), 'tracker-webhook-address'),
    fact(t('tracker.signature-header'), h('code', {}, connection.signatureHeader), 'tracker-signature-header'),
    fact(t('tracker.updated'), `${dateTime(connection.updatedAt)} · ${connection.updatedBy}`, 'tracker-updated'),
    fact(t('tracker.reconciled'), connection.reconciledUntil ? dateTime(connection.reconciledUntil) : t('webhook.never'),
      'tracker-reconciled'),
    connection.lastError ? fact(t('tracker.last-error'), `${dateTime(connection.lastErrorAt)} · ${connection.lastError}`,
      'tracker-last-error') : null);
}

export function trackerSection(key) {
  const base = `projects/${encodeURIComponent(key)}/tracker`;
  const error = h('p', { class: 'error', role: 'alert', id: 'tracker-error' });
  const done = h('p', { role: 'status', id: 'tracker-done' });
  const current = h('div', { id: 'tracker-current' });
  const secret = h('div', { id: 'tracker-secret-area', 'aria-live': 'polite' });
  const actions = h('p', { class: 'actions', id: 'tracker-actions' });
  const formTitle = h('h4', { id: 'tracker-form-title' }, t('tracker.connect'));
  let connection = null;

  const jiraOnly = h('div', { id: 'tracker-jira-options' },
    field('tracker-user', t('tracker.user'), 'text', { maxlength: 200, autocomplete: 'off', 'aria-describedby': 'tracker-user-hint' }),
    h('p', { class: 'hint', id: 'tracker-user-hint' }, t('tracker.user-hint')),
    choice('tracker-api-version', t('tracker.api-version'), [['3', 'Jira Cloud (3)'], ['2', 'Jira Data Center (2)']], '3'),
    field('tracker-issue-type', t('tracker.issue-type'), 'text', { maxlength: 60, placeholder: 'Bug', autocomplete: 'off' }));
  const rotate = h('p', { id: 'tracker-rotate-line' }, h('label', { class: 'check', for: 'tracker-rotate' },
    h('input', { type: 'checkbox', id: 'tracker-rotate', name: 'tracker-rotate' }), ' ', t('tracker.rotate')));
  const submit = h('button', { type: 'submit', id: 'tracker-submit' }, t('tracker.connect-submit'));
  const form = h('form', { id: 'tracker-form', novalidate: true },
    formTitle,
    choice('tracker-kind', t('tracker.kind'), [['github', t('tracker.kind.github')], ['jira', t('tracker.kind.jira')]], 'github'),
    field('tracker-base-url', t('tracker.base-url'), 'url', { required: true, maxlength: 500, autocomplete: 'off',
      value: DEFAULT_URL.github }),
    field('tracker-container', t('tracker.container'), 'text', { required: true, maxlength: 200, autocomplete: 'off',
      'aria-describedby': 'tracker-container-hint' }),
    h('p', { class: 'hint', id: 'tracker-container-hint' }, t('tracker.container-hint')),
    jiraOnly,
    field('tracker-token', t('tracker.token'), 'password', { maxlength: 4000, autocomplete: 'new-password',
      'aria-describedby': 'tracker-token-hint' }),
    h('p', { class: 'hint', id: 'tracker-token-hint' }, t('tracker.token-hint')),
    choice('tracker-language', t('tracker.language'), [['zh-CN', t('notify.language.zh-CN')], ['en', t('notify.language.en')]],
      'zh-CN'),
    rotate,
    submit);
  const inputs = {
    tracker: form['tracker-kind'], baseUrl: form['tracker-base-url'], container: form['tracker-container'],
    user: form['tracker-user'], token: form['tracker-token'], language: form['tracker-language'],
  };
  const showKind = () => { jiraOnly.hidden = form['tracker-kind'].value !== 'jira'; };
  form['tracker-kind'].addEventListener('change', () => {
    const url = form['tracker-base-url'];
    if (!url.value || Object.values(DEFAULT_URL).includes(url.value)) url.value = DEFAULT_URL[form['tracker-kind'].value];
    showKind();
  });

  function fill() {
    form.reset();
    if (connection) {
      form['tracker-kind'].value = connection.tracker;
      form['tracker-base-url'].value = connection.baseUrl;
      form['tracker-container'].value = connection.container;
      form['tracker-user'].value = connection.user || '';
      form['tracker-api-version'].value = connection.options?.['api-version'] || '3';
      form['tracker-issue-type'].value = connection.options?.['issue-type'] || '';
      form['tracker-language'].value = connection.language;
    }
    formTitle.textContent = connection ? t('tracker.replace') : t('tracker.connect');
    submit.textContent = connection ? t('tracker.replace-submit') : t('tracker.connect-submit');
    rotate.hidden = !connection;
    showKind();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.replaceChildren();
    const kind = form['tracker-kind'].value;
    const options = {};
    if (kind === 'jira') {
      options['api-version'] = form['tracker-api-version'].value;
      const type = form['tracker-issue-type'].value.trim();
      if (type) options['issue-type'] = type;
    }
    const body = {
      tracker: kind, baseUrl: form['tracker-base-url'].value.trim(), container: form['tracker-container'].value.trim(),
      options, language: form['tracker-language'].value,
      user: kind === 'jira' ? form['tracker-user'].value.trim() || null : null,
      token: form['tracker-token'].value || null,
      rotateWebhookSecret: Boolean(connection) && form['tracker-rotate'].checked,
    };
    try {
      const { body: saved } = await call('PUT', base, body);
      problemAtFields(error, null, inputs);
      replace(secret, saved.webhookSecret ? [
        secretBox('tracker-secret', t('tracker.secret'), t('tracker.secret-warning'), saved.webhookSecret),
        h('p', { class: 'hint' }, t(`tracker.register.${saved.tracker}`))] : []);
      say(done, t(connection ? 'tracker.replaced' : 'tracker.connected', saved.container));
      show(saved);
      document.getElementById('tracker-secret-value')?.focus();
    } catch (e) {
      problemAtFields(error, e, inputs);
    }
  });

  function show(value) {
    connection = value;
    replace(current, connection ? facts(connection) : h('p', { id: 'tracker-none' }, t('tracker.none')));
    replace(actions, connection ? [
      h('button', { type: 'button', id: 'tracker-check', onclick: check }, t('tracker.check')),
      confirmButton(t('tracker.disconnect'), t('tracker.disconnect-confirm'), disconnect, { id: 'tracker-disconnect' })] : []);
    fill();
  }

  async function check() {
    error.replaceChildren();
    done.replaceChildren();
    try {
      const { body } = await call('POST', `${base}/check`);
      say(done, t('tracker.checked', body.detail));
    } catch (e) {
      showProblem(error, e);
    }
  }

  async function disconnect() {
    error.replaceChildren();
    done.replaceChildren();
    try {
      await call('DELETE', base);
      secret.replaceChildren();
      say(done, t('tracker.disconnected'));
      show(null);
    } catch (e) {
      showProblem(error, e);
      show(connection);
    }
  }

  async function load() {
    try {
      show((await call('GET', base)).body);
    } catch (e) {
      if (e.status === 404) {
        show(null);
      } else {
        showProblem(error, e);
      }
    }
  }

  const section = h('section', { id: 'tracker', 'aria-labelledby': 'tracker-title' },
    h('h3', { id: 'tracker-title' }, t('tracker.title')),
    h('p', { class: 'hint' }, t('tracker.intro')),
    error, done, secret, current, actions, form);
  return { section, load };
}
