// Small form pieces shared by the account and administration screens: labelled inputs and
// selects, a problem shown with its field errors, and a secret that is shown once with a copy button.

import { h } from './dom.js';
import { t } from './i18n.js';

/** A labelled input in a paragraph; {@code extra} holds the input's attributes. */
export function field(id, label, type = 'text', extra = {}) {
  return h('p', {}, h('label', { for: id }, label), h('input', { id, name: id, type, ...extra }));
}

/** A labelled select of [value, text] pairs. */
export function choice(id, label, options, value, extra = {}) {
  return h('p', {}, h('label', { for: id }, label),
    h('select', { id, name: id, ...extra }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

/** The server's problem as text: its detail, and each rejected field with its message. */
export function showProblem(element, error) {
  const fields = error?.problem?.errors || [];
  element.replaceChildren(error.message, ...fields.map((f) => h('span', { class: 'field-error' }, `${f.field}: ${f.message}`)));
}

/** The status text for a finished action (success or the server's refusal). */
export function say(element, text) {
  element.replaceChildren(text);
}

/**
 * A secret the server returns once (a token, a one-time password, recovery codes): a warning, the
 * value in a read-only field, a copy button, and a button that removes it from the page.
 */
export function secretBox(id, label, warning, secret) {
  const value = secret.includes('\n')
    ? h('textarea', { id: `${id}-value`, readonly: true, rows: secret.split('\n').length, class: 'secret-value' }, secret)
    : h('input', { id: `${id}-value`, readonly: true, value: secret, class: 'secret-value', size: Math.min(secret.length + 2, 72) });
  const status = h('span', { role: 'status', id: `${id}-copied` });
  const box = h('div', { class: 'secret', id },
    h('p', { class: 'notice warning' }, warning),
    h('label', { for: `${id}-value` }, label), value,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', id: `${id}-copy`,
        onclick: async () => {
          value.select();
          try {
            await navigator.clipboard.writeText(secret);
            status.textContent = t('secret.copied');
          } catch (e) {
            status.textContent = t('secret.copy-manually');
          }
        },
      }, t('secret.copy')),
      h('button', { type: 'button', id: `${id}-done`, onclick: () => box.remove() }, t('secret.done')),
      status));
  return box;
}

/** A button that asks for a second click before it acts (revocations). */
export function confirmButton(text, confirmText, action, attributes = {}) {
  let armed = false;
  const button = h('button', {
    type: 'button', ...attributes,
    onclick: async () => {
      if (!armed) {
        armed = true;
        button.textContent = confirmText;
        button.classList.add('danger');
        return;
      }
      button.disabled = true;
      await action();
    },
    onblur: () => {
      if (armed && !button.disabled) {
        armed = false;
        button.textContent = text;
        button.classList.remove('danger');
      }
    },
  }, text);
  return button;
}
