// The tickets tab of the release board (issue 6: tickets move through gates too; ADR 0018): one column
// per ticket state, each ticket a card with its key, kind, title, tracker link, requirement count, what
// holds it where it is (the server's guard reasons) and its moves as buttons (sent with If-Match: the
// ticket's version). Whoever may advance the release sees the moves; verifying is for testers and
// security reviewers who did not implement the ticket — the button says so, and the server decides
// every request. Everything a person or the server wrote is set as text only (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call, ApiError } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';
import { label } from '../lib/signoffs.js';

const STATES = ['REQUIREMENTS_ASSIGNED', 'DESIGN_REVIEWED', 'IMPLEMENTED', 'VERIFIED'];
const KINDS = ['FEATURE', 'STORY', 'BUG'];
const MOVE_ICONS = { FORWARD: '→', BACK: '←', REOPEN: '↺' };

const stateName = (state) => label('ticket-state', state);

export async function ticketsPanel(root, { releaseId, project, closed, can }) {
  const base = `releases/${encodeURIComponent(releaseId)}/tickets`;
  const mayMove = !closed && can.advanceIn(project);
  const mayEdit = !closed && can.editRequirementsIn(project);

  async function load(message, kind = 'info') {
    const { body: tickets } = await call('GET', base);
    replace(root,
      h('p', { class: 'hint' }, t('tk.explain')),
      h('p', { id: 'tk-notice', role: 'status', tabindex: -1 }),
      board(tickets),
      mayEdit ? ticketForm() : null);
    if (message) {
      const notice = document.getElementById('tk-notice');
      replace(notice, message);
      notice.dataset.kind = kind;
      notice.focus();
    }
  }

  function board(tickets) {
    return h('div', { class: 'ticket-board', id: 'tk-board' }, STATES.map((state) => {
      const inState = tickets.filter((ticket) => ticket.state === state);
      const titleId = `tk-col-${state}`;
      return h('section', { class: 'ticket-column', dataset: { state }, 'aria-labelledby': titleId },
        h('h3', { id: titleId }, stateName(state), ' ', h('span', { class: 'count' }, `(${inState.length})`)),
        inState.length === 0 ? h('p', { class: 'hint' }, t('tk.column-empty'))
          : h('ul', { class: 'ticket-cards' }, inState.map(card)));
    }));
  }

  function card(ticket) {
    const error = h('div', { class: 'error', role: 'alert', id: `tk-error-${ticket.key}`, tabindex: -1 });
    const url = ticket.trackerUrl && /^https?:\/\//i.test(ticket.trackerUrl) ? ticket.trackerUrl : null;
    const titleId = `tk-title-${ticket.key}`;
    return h('li', { class: 'ticket-card', dataset: { key: ticket.key, state: ticket.state, version: ticket.version } },
      h('article', { 'aria-labelledby': titleId },
        h('h4', { id: titleId }, h('code', { class: 'ticket-key' }, ticket.key), ' ',
          h('span', { class: 'ticket-kind' }, label('ticket-kind', ticket.kind))),
        h('p', { class: 'ticket-title' }, ticket.title),
        url ? h('p', {}, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'ticket-link' },
          t('tk.open-tracker', ticket.key))) : null,
        h('p', { class: 'ticket-requirements' }, t('tk.requirements', ticket.requirementCount),
          ticket.requirements.length ? [' ', ticket.requirements.map((r) => h('code', {}, r, ' '))] : null),
        ticket.holds.length
          ? h('div', { class: 'ticket-holds' }, h('strong', {}, `✗ ${t('tk.held-by')}`),
            h('ul', {}, ticket.holds.map((r) => h('li', { dataset: { key: r.key } }, r.message))))
          : h('p', { class: 'ticket-free' }, `✓ ${t(ticket.state === 'VERIFIED' ? 'tk.verified-stands' : 'tk.nothing-holds')}`),
        mayMove ? moves(ticket, error) : null,
        error));
  }

  function moves(ticket, error) {
    return h('div', { class: 'actions ticket-moves' }, ticket.moves.map((move) => {
      const verifying = move.to === 'VERIFIED' && move.kind === 'FORWARD';
      const hintId = `tk-hint-${ticket.key}-${move.to}`;
      const hint = verifying && !can.testIn(project) ? h('span', { class: 'hint', id: hintId }, t('tk.verify-hint')) : null;
      const text = move.kind === 'REOPEN' ? t('tk.reopen') : stateName(move.to);
      return h('span', { class: 'trigger' }, h('button', {
        type: 'button', class: 'ticket-move', dataset: { to: move.to, kind: move.kind },
        'aria-label': t(`tk.move-label.${move.kind}`, ticket.key, stateName(move.to)),
        'aria-describedby': hint ? hintId : null,
        onclick: () => fire(ticket, move.to, error),
      }, `${MOVE_ICONS[move.kind] || ''} ${text}`), hint);
    }));
  }

  async function fire(ticket, to, error) {
    error.replaceChildren();
    try {
      await call('POST', `${base}/${encodeURIComponent(ticket.key)}/transitions`, { to }, { 'If-Match': `"${ticket.version}"` });
      await load(t('tk.moved', ticket.key, stateName(to)));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await load(t('tk.stale', ticket.key), 'warning');
        return;
      }
      if (e instanceof ApiError && e.is('invalid-transition') && e.problem.errors?.length) {
        replace(error, h('p', {}, e.message),
          h('ul', { class: 'ticket-refusal' }, e.problem.errors.map((r) => h('li', {}, r.message))));
      } else {
        showProblem(error, e);
      }
      error.focus();
    }
  }

  function ticketForm() {
    const error = h('p', { class: 'error', role: 'alert', id: 'tk-form-error' });
    const form = h('form', { id: 'tk-form', novalidate: true, 'aria-labelledby': 'tk-form-title' },
      h('h3', { id: 'tk-form-title' }, t('tk.add')),
      field('tk-key', t('tk.key'), 'text', {
        required: true, maxlength: 26, autocomplete: 'off', placeholder: 'SHOP-123', 'aria-describedby': 'tk-key-hint',
      }),
      h('p', { class: 'hint', id: 'tk-key-hint' }, t('tk.key-hint')),
      field('tk-title', t('tk.title'), 'text', { required: true, maxlength: 300, autocomplete: 'off' }),
      choice('tk-kind', t('tk.kind'), KINDS.map((k) => [k, label('ticket-kind', k)]), 'STORY'),
      field('tk-url', t('tk.tracker-url'), 'url', { maxlength: 2000, autocomplete: 'off', placeholder: 'https://…' }),
      h('button', { type: 'submit', id: 'tk-submit' }, t('tk.add-submit')),
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.replaceChildren();
      const value = (name) => form[name].value.trim();
      try {
        const { body } = await call('POST', base, {
          key: value('tk-key'), title: value('tk-title'), kind: form['tk-kind'].value, trackerUrl: value('tk-url') || undefined,
        });
        await load(t('tk.added', body.key));
      } catch (e) {
        showProblem(error, e);
      }
    });
    return form;
  }

  await load();
}
