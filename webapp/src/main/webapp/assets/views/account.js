// My account: change one's password, enrol an authenticator app (TOTP) as the second factor, and choose the
// events one receives by e-mail and their language (issue 7). A session that must enrol first (administrators by
// default) sees only this screen, without the e-mail preferences (the server refuses them until then).

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { field, choice, showProblem, say, secretBox } from '../lib/forms.js';
import { eventLabel } from './integrations.js';

function roleText(session) {
  const global = session.globalRoles.map((r) => t(`role.${r}`));
  const projects = Object.entries(session.projectRoles).flatMap(([p, roles]) => roles.map((r) => `${t(`role.${r}`)} (${p})`));
  const all = [...global, ...projects];
  return all.length ? all.join(', ') : t('account.no-roles');
}

function passwordSection() {
  const error = h('p', { class: 'error', role: 'alert', id: 'account-password-error' });
  const done = h('p', { role: 'status', id: 'account-password-done' });
  const form = h('form', { id: 'account-password', novalidate: true },
    h('h3', {}, t('account.password')),
    field('account-current', t('password.current'), 'password', { autocomplete: 'current-password', required: true }),
    field('account-new', t('password.new'), 'password', { autocomplete: 'new-password', required: true, minlength: 12 }),
    field('account-repeat', t('account.repeat'), 'password', { autocomplete: 'new-password', required: true }),
    error, done,
    h('button', { type: 'submit' }, t('password.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    done.replaceChildren();
    const next = form['account-new'].value;
    if (next !== form['account-repeat'].value) {
      say(error, t('account.repeat-differs'));
      return;
    }
    try {
      await call('PUT', 'session/password', { currentPassword: form['account-current'].value, newPassword: next });
      form.reset();
      say(done, t('account.password-changed'));
    } catch (e) {
      showProblem(error, e);
    }
  });
  return form;
}

function totpSection(session, onEnrolled) {
  const error = h('p', { class: 'error', role: 'alert', id: 'totp-error' });
  const body = h('div', { id: 'totp-body' });
  const begin = h('button', { type: 'button', id: 'totp-begin' }, t('totp.begin'));
  begin.addEventListener('click', async () => {
    error.replaceChildren();
    try {
      const { body: enrolment } = await call('POST', 'session/totp');
      showEnrolment(enrolment);
    } catch (e) {
      showProblem(error, e);
    }
  });

  function showEnrolment(enrolment) {
    // Only a PNG data URL made by the server is put in the image (CSP: img-src 'self' data:).
    const qr = enrolment.qrCode && enrolment.qrCode.startsWith('data:image/png;base64,')
      ? h('img', { id: 'totp-qr', src: enrolment.qrCode, alt: t('totp.qr'), width: 240, height: 240 }) : null;
    const confirm = h('form', { id: 'totp-confirm', novalidate: true },
      field('totp-code', t('totp.code'), 'text', {
        required: true, inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6,
      }),
      h('button', { type: 'submit' }, t('totp.confirm')));
    confirm.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      try {
        const { body: result } = await call('PUT', 'session/totp', { code: confirm['totp-code'].value.trim() });
        begin.hidden = false;
        replace(body,
          h('p', { class: 'notice', id: 'totp-enrolled' }, t('totp.enrolled')),
          secretBox('totp-recovery', t('totp.recovery'), t('totp.recovery-warning'), result.recoveryCodes.join('\n')),
          onEnrolled ? h('button', { type: 'button', id: 'totp-continue', onclick: onEnrolled }, t('totp.continue')) : null);
      } catch (e) {
        showProblem(error, e);
      }
    });
    begin.hidden = true;
    replace(body,
      h('ol', { class: 'steps' },
        h('li', {}, t('totp.scan'), h('div', {}, qr)),
        h('li', {}, t('totp.manual'), ' ', h('code', { id: 'totp-secret' }, enrolment.secret)),
        h('li', {}, t('totp.then'))),
      confirm);
    confirm['totp-code'].focus();
  }

  return h('section', { id: 'account-totp' },
    h('h3', {}, t('totp.title')),
    session.mustEnrolSecondFactor ? h('p', { class: 'notice warning', id: 'totp-required' }, t('totp.required')) : null,
    h('p', {}, t('totp.explain')),
    begin, error, body);
}

// One's e-mail notifications (issue 7): which events, in which language; none chosen: no e-mail.
function notificationsSection() {
  const error = h('p', { class: 'error', role: 'alert', id: 'notify-error' });
  const done = h('p', { role: 'status', id: 'notify-done' });
  const events = h('fieldset', { id: 'notify-events' }, h('legend', {}, t('notify.events')));
  const form = h('form', { id: 'notify-form', novalidate: true },
    h('h3', {}, t('notify.title')),
    h('p', { class: 'hint' }, t('notify.explain')),
    events,
    choice('notify-language', t('notify.language'), [['zh-CN', t('notify.language.zh-CN')], ['en', t('notify.language.en')]], 'zh-CN'),
    error, done,
    h('button', { type: 'submit', id: 'notify-submit' }, t('notify.save')));
  function show(preferences) {
    replace(events, h('legend', {}, t('notify.events')), preferences.available.map((e) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'notify-event', value: e, id: `notify-${e.replace(/\./g, '-')}`,
        checked: preferences.events.includes(e) }), ' ', eventLabel(e), ' ', h('code', {}, e))));
    form['notify-language'].value = preferences.language;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    done.replaceChildren();
    try {
      const { body } = await call('PUT', 'session/notification-preferences', {
        events: [...events.querySelectorAll('input:checked')].map((c) => c.value), language: form['notify-language'].value,
      });
      show(body);
      say(done, body.events.length ? t('notify.saved') : t('notify.saved-none'));
    } catch (e) {
      showProblem(error, e);
    }
  });
  get('session/notification-preferences').then(show, (e) => showProblem(error, e));
  return form;
}

/** {@code onEnrolled}: what to do once a session that had to enrol has done so (null otherwise). */
export function accountView(root, session, onEnrolled) {
  replace(root,
    h('h2', {}, t('account.title')),
    h('p', { id: 'account-who' }, t('account.who', session.login, roleText(session))),
    h('div', { class: 'columns' },
      passwordSection(),
      totpSection(session, onEnrolled)),
    session.mustEnrolSecondFactor ? null : notificationsSection());
}
