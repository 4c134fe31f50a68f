// The sign-off cards of a release's subjects (B.1.3.1-ib..ii), shared by the requirements tab and
// the reviews tab of the board: the content's SHA-256 (shortened; in full on hover), each required
// role as ✓ signed or ○ missing, what is still lacking, and a "Sign as …" button for each missing
// role the session holds. A sign-off names the digest on the screen; when the content changed the
// server refuses (409) and the tab reloads with the server's words. Text only (lib/dom.js).

import { h } from './dom.js';
import { call, ApiError } from './api.js';
import { t, dateTime } from './i18n.js';
import { field, showProblem } from './forms.js';

const SHORT_DIGEST = 12;

/** A translated label, or the server's own identifier when the UI has no text for it. */
export function label(prefix, value, ...args) {
  const key = `${prefix}.${value}`;
  const text = t(key, ...args);
  return text === key ? value : text;
}

/**
 * The section of sign-off cards. {@code base} is `releases/{id}`, {@code maySign} whether the session
 * may sign in the project at all, {@code held} the roles it holds there, {@code load(message, kind)}
 * reloads the tab; {@code id} names the container (the cards are `section[data-subject]` in it).
 */
export function signOffsSection(subjects, { base, maySign, held, load, id = 'signoffs' }) {
  return h('section', { 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, t('signoff.section')),
    h('p', { class: 'hint' }, t('signoff.explain')),
    h('div', { class: 'routes', id }, subjects.map((s) => subjectCard(s, { base, maySign, held, load }))));
}

function lackingText(subject, text) {
  const key = `signoff.lacking.${subject}`;
  const translated = t(key, text);
  return translated === key ? text : translated;
}

function subjectCard(s, { base, maySign, held, load }) {
  const name = label('subject', s.subject);
  const titleId = `signoff-${s.subject}-title`;
  const result = h('p', { class: 'error', role: 'alert', id: `signoff-${s.subject}-error` });
  const digest = s.contentSha256
    ? h('code', { class: 'digest', title: s.contentSha256, 'aria-label': `sha256 ${s.contentSha256}` },
      `sha256:${s.contentSha256.slice(0, SHORT_DIGEST)}…`)
    : h('span', { class: 'missing' }, t('signoff.nothing'));
  const roles = s.requiredRoles.map((role) => {
    const given = s.signOffs.find((o) => o.role === role);
    return h('li', { class: given ? 'signed' : 'missing', dataset: { role, state: given ? 'signed' : 'missing' } },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, given ? '✓' : '○'),
      ' ', h('strong', {}, label('role', role)), ': ',
      given ? t('signoff.signed-by', given.signer, dateTime(given.signedAt)) : t('signoff.missing'),
      given?.comment ? h('span', { class: 'comment' }, ` — “${given.comment}”`) : null);
  });
  const mine = maySign && s.contentSha256 ? s.missing.filter((role) => held.includes(role)) : [];
  let signing = null;
  if (mine.length) {
    const commentId = `signoff-${s.subject}-comment`;
    signing = h('div', { class: 'sign' },
      field(commentId, t('signoff.comment'), 'text', { maxlength: 4000, autocomplete: 'off' }),
      h('div', { class: 'actions' }, mine.map((role) => h('button', {
        type: 'button', class: 'sign-as', dataset: { role, subject: s.subject },
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          result.replaceChildren();
          const comment = document.getElementById(commentId).value.trim();
          try {
            await call('POST', `${base}/sign-offs`, {
              subject: s.subject, role, contentSha256: s.contentSha256, comment: comment || undefined,
            });
            await load(t('signoff.signed-now', name, label('role', role)));
          } catch (e) {
            if (e instanceof ApiError && e.status === 409) {
              // the content changed (or the role is taken): show what the server said, on the content as it is now
              await load(e.message, 'warning');
            } else {
              showProblem(result, e);
              button.disabled = false;
            }
          }
        },
      }, t('signoff.sign-as', label('role', role))))));
  }
  return h('section', {
    class: `route signoff ${s.agreed ? 'agreed' : 'open'}`, 'aria-labelledby': titleId,
    dataset: { subject: s.subject, agreed: String(s.agreed) },
  },
  h('h4', { id: titleId }, name, ' ', h('small', { class: s.agreed ? 'passes' : 'blocked' },
    s.agreed ? `✓ ${t('signoff.agreed')}` : `✗ ${t('signoff.not-agreed')}`)),
  h('p', {}, t('signoff.content'), ' ', digest),
  h('p', { class: 'hint' }, t('signoff.gate'), ' ', h('code', {}, s.gate)),
  h('ul', { class: 'signoff-roles' }, roles),
  s.lacking.length ? h('ul', { class: 'lacking' }, s.lacking.map((text) => h('li', {}, `⚠ ${lackingText(s.subject, text)}`))) : null,
  signing, result);
}
