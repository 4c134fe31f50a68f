// Login with the second factor when the account has one, the "previous login / failed attempts
// since" notice (B.1.3.2-io), and the password change that a first login requires.

import { h, replace } from '../lib/dom.js';
import { call, rememberCsrf, ApiError } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';

function field(id, label, type, extra = {}) {
  return h('p', {}, h('label', { for: id }, label), h('input', { id, name: id, type, required: true, ...extra }));
}

export function loginView(root, onSession) {
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const otp = field('otp', t('login.otp'), 'text', { autocomplete: 'one-time-code', inputmode: 'numeric', required: false });
  otp.hidden = true;
  const form = h('form', { id: 'login-form', novalidate: true },
    h('h2', {}, t('login.title')),
    field('login', t('login.name'), 'text', { autocomplete: 'username' }),
    field('password', t('login.password'), 'password', { autocomplete: 'current-password' }),
    otp, error,
    h('button', { type: 'submit' }, t('login.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const { body } = await call('POST', 'session', {
        login: form.login.value, password: form.password.value, otp: form.otp.value || undefined,
      });
      rememberCsrf(body.csrfToken);
      onSession(body);
    } catch (e) {
      if (e instanceof ApiError && e.is('second-factor-required')) otp.hidden = false;
      error.textContent = e.message;
    }
  });
  replace(root, form);
  form.login.focus();
}

export function previousLoginNotice(session) {
  const previous = session.previousLogin;
  if (!previous) return null;
  const text = previous.at ? t('login.previous', dateTime(previous.at), previous.address, previous.failedAttemptsSince)
    : t('login.first');
  return h('p', { class: previous.failedAttemptsSince > 0 ? 'notice warning' : 'notice', id: 'previous-login' }, text);
}

export function passwordView(root, session, done) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { id: 'password-form' },
    h('h2', {}, t('password.title')), previousLoginNotice(session),
    field('current', t('password.current'), 'password', { autocomplete: 'current-password' }),
    field('next', t('password.new'), 'password', { autocomplete: 'new-password', minlength: 12 }),
    error, h('button', { type: 'submit' }, t('password.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await call('PUT', 'session/password', { currentPassword: form.current.value, newPassword: form.next.value });
      done();
    } catch (e) {
      error.textContent = e.message;
    }
  });
  replace(root, form);
}
