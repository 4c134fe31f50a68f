// A project's integrations (issue 7): its outbound webhooks with their delivery log and redelivery, and its
// issue-tracker connection (views/tracker.js). Owners create, change, deactivate and remove webhooks; owners and
// auditors read them and the log (lib/access.js hides what the server would refuse; the server decides).
// A new webhook's signing secret is in the creating answer only, so it is shown once. #/projects/{key}/integrations

import { h, replace, append } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, showProblem, say, secretBox, confirmButton } from '../lib/forms.js';
import { trackerSection } from './tracker.js';

// the project-scoped events a webhook may carry (identity/…/outbox/EventType; a drift is refused by the server)
export const WEBHOOK_EVENTS = ['release.phase-changed', 'gate.blocked', 'findings.changed', 'finding.sla-breached',
  'risk-acceptance.expiring', 'risk-acceptance.expired', 'sign-off.requested', 'documents.quota-warning',
  'role.suspended', 'role.reinstated'];
const DELIVERY_ICON = { DELIVERED: '✓', PENDING: '…', FAILED: '✗' };
const CHIP = { DELIVERED: 'passed', PENDING: 'pending', FAILED: 'blocked' };
const PAGE = 20;

/** An event's name in the UI's language, with its wire name for those who set up receivers. */
export function eventLabel(type) {
  return t(`event.${type}`) === `event.${type}` ? type : t(`event.${type}`);
}

/**
 * The server's problem in {@code element} (none: cleared), and each rejected field's message right after its
 * input ({@code inputs}: the request's field name → the input or fieldset), which is marked invalid.
 */
export function problemAtFields(element, error, inputs) {
  if (error) showProblem(element, error); else element.replaceChildren();
  Object.values(inputs).forEach((input) => {
    input.removeAttribute('aria-invalid');
    while (input.nextElementSibling?.classList.contains('at-field')) input.nextElementSibling.remove();
  });
  for (const f of error?.problem?.errors || []) {
    const input = inputs[f.field];
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    input.after(h('span', { class: 'field-error at-field', dataset: { field: f.field } }, f.message));
  }
}

function deliveryChip(status) {
  return h('span', { class: `chip ${CHIP[status] || 'pending'} delivery-status`, dataset: { status } },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, `${DELIVERY_ICON[status] || '?'} `),
    h('span', { class: 'outcome' }, t(`delivery.status.${status}`)));
}

function webhooksSection(key, can) {
  const base = `projects/${encodeURIComponent(key)}/webhooks`;
  const admin = can.webhookAdminIn(key);
  const error = h('p', { class: 'error', role: 'alert', id: 'webhooks-error' });
  const done = h('p', { role: 'status', id: 'webhooks-done' });
  const secret = h('div', { id: 'webhook-secret-area', 'aria-live': 'polite' });
  const rows = h('tbody', { id: 'webhook-rows' });
  const empty = h('p', { id: 'webhooks-empty', hidden: true }, t('webhook.none'));
  const log = h('section', { id: 'webhook-deliveries', 'aria-live': 'polite' });
  let editing = null; // the webhook being changed, or null for a new one

  const events = h('fieldset', { id: 'webhook-events' }, h('legend', {}, t('webhook.events')),
    WEBHOOK_EVENTS.map((e) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'webhook-event', value: e, id: `webhook-event-${e.replace(/\./g, '-')}` }), ' ',
      eventLabel(e), ' ', h('code', {}, e))));
  const formTitle = h('h4', { id: 'webhook-form-title' }, t('webhook.new'));
  const submit = h('button', { type: 'submit', id: 'webhook-submit' }, t('webhook.create'));
  const cancel = h('button', { type: 'button', id: 'webhook-cancel', hidden: true }, t('webhook.cancel'));
  const form = h('form', { id: 'webhook-form', novalidate: true },
    formTitle,
    field('webhook-url', t('webhook.url'), 'url', {
      required: true, maxlength: 2000, autocomplete: 'off', placeholder: 'https://ci.example/hooks/gatehouse',
      'aria-describedby': 'webhook-url-hint',
    }),
    h('p', { class: 'hint', id: 'webhook-url-hint' }, t('webhook.url-hint')),
    field('webhook-description', t('webhook.description'), 'text', { maxlength: 500, autocomplete: 'off' }),
    events,
    h('p', {}, h('label', { class: 'check', for: 'webhook-active' },
      h('input', { type: 'checkbox', id: 'webhook-active', name: 'webhook-active', checked: true }), ' ', t('webhook.active'))),
    h('div', { class: 'actions' }, submit, cancel));
  const inputs = { url: form['webhook-url'], description: form['webhook-description'], events };

  function edit(webhook) {
    editing = webhook;
    form.reset();
    form['webhook-url'].value = webhook ? webhook.url : '';
    form['webhook-description'].value = webhook?.description || '';
    form['webhook-active'].checked = webhook ? webhook.active : true;
    events.querySelectorAll('input').forEach((c) => { c.checked = Boolean(webhook?.events.includes(c.value)); });
    formTitle.textContent = webhook ? t('webhook.edit-of', webhook.url) : t('webhook.new');
    submit.textContent = webhook ? t('webhook.save') : t('webhook.create');
    cancel.hidden = !webhook;
    if (webhook) form['webhook-url'].focus();
  }
  cancel.addEventListener('click', () => edit(null));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    done.replaceChildren();
    const body = {
      url: form['webhook-url'].value.trim(),
      description: form['webhook-description'].value.trim() || null,
      events: [...events.querySelectorAll('input:checked')].map((c) => c.value),
      active: form['webhook-active'].checked,
    };
    try {
      if (editing) {
        await call('PUT', `${base}/${encodeURIComponent(editing.id)}`, body);
        say(done, t('webhook.saved', body.url));
      } else {
        const { body: created } = await call('POST', base, body);
        replace(secret, secretBox('webhook-secret', t('webhook.secret', created.url), t('webhook.secret-warning'), created.secret),
          h('p', { class: 'hint' }, t('webhook.signature-hint', created.signatureHeader || 'Gatehouse-Signature')));
        say(done, t('webhook.created', created.url));
      }
      problemAtFields(error, null, inputs);
      edit(null);
      await load();
      document.getElementById('webhook-secret-value')?.focus();
    } catch (e) {
      problemAtFields(error, e, inputs);
    }
  });

  async function setActive(webhook, active) {
    error.replaceChildren();
    done.replaceChildren();
    try {
      await call('PUT', `${base}/${encodeURIComponent(webhook.id)}`, {
        url: webhook.url, description: webhook.description, events: webhook.events, active,
      });
      say(done, t(active ? 'webhook.activated' : 'webhook.deactivated', webhook.url));
      await load();
    } catch (e) {
      showProblem(error, e);
    }
  }

  async function lastDelivery(webhook, cell) {
    try {
      const [last] = await get(`${base}/${encodeURIComponent(webhook.id)}/deliveries?limit=1`);
      replace(cell, last ? [deliveryChip(last.status), ' ', last.lastStatus ? h('code', {}, String(last.lastStatus)) : null,
        h('br'), h('small', {}, dateTime(last.deliveredAt || last.createdAt))] : h('span', { class: 'muted' }, t('webhook.never')));
    } catch (e) {
      replace(cell, '?');
    }
  }

  function row(webhook) {
    const last = h('td', { class: 'last-delivery' }, '…');
    lastDelivery(webhook, last);
    const label = webhook.url;
    return h('tr', { dataset: { webhook: webhook.id, active: webhook.active } },
      h('td', {}, h('code', { class: 'webhook-url' }, webhook.url),
        webhook.description ? [h('br'), h('span', { class: 'muted webhook-description' }, webhook.description)] : null),
      h('td', {}, h('ul', { class: 'inline-list' }, webhook.events.map((e) => h('li', { title: e }, eventLabel(e))))),
      h('td', { class: 'webhook-active' }, webhook.active ? t('webhook.on') : t('webhook.off')),
      last,
      h('td', { class: 'webhook-actions' },
        h('button', { type: 'button', class: 'webhook-log', 'aria-label': t('webhook.log-of', label),
          onclick: () => showLog(webhook) }, t('webhook.log')),
        admin ? [
          h('button', { type: 'button', class: 'webhook-edit', 'aria-label': t('webhook.edit-of', label),
            onclick: () => edit(webhook) }, t('webhook.edit')),
          h('button', { type: 'button', class: 'webhook-toggle', 'aria-label': t(webhook.active ? 'webhook.deactivate-of'
            : 'webhook.activate-of', label), onclick: () => setActive(webhook, !webhook.active) },
          t(webhook.active ? 'webhook.deactivate' : 'webhook.activate')),
          confirmButton(t('webhook.delete'), t('webhook.delete-confirm'), async () => {
            try {
              await call('DELETE', `${base}/${encodeURIComponent(webhook.id)}`);
              say(done, t('webhook.deleted', webhook.url));
              if (log.dataset.webhook === webhook.id) log.replaceChildren();
              await load();
            } catch (e) {
              showProblem(error, e);
            }
          }, { class: 'webhook-delete', 'aria-label': t('webhook.delete-of', label) })] : null));
  }

  function attempts(delivery) {
    if (delivery.history.length === 0) return null;
    return h('details', {}, h('summary', {}, t('delivery.attempts-detail')),
      h('ol', { class: 'delivery-attempts' }, delivery.history.map((a) => h('li', {},
        `${dateTime(a.startedAt)} · ${a.statusCode ?? '—'} · ${a.durationMs} ms`, a.error ? [' · ', a.error] : null))));
  }

  function deliveryRow(webhook, delivery, status) {
    const redeliver = admin && delivery.status !== 'PENDING'
      ? h('button', { type: 'button', class: 'delivery-redeliver', 'aria-label': t('delivery.redeliver-of', delivery.id),
        onclick: async () => {
          status.replaceChildren();
          try {
            await call('POST', `${base}/${encodeURIComponent(webhook.id)}/deliveries/${encodeURIComponent(delivery.id)}/redelivery`);
            say(status, t('delivery.redelivered', delivery.id));
            await showLog(webhook, status.textContent);
          } catch (e) {
            showProblem(status, e);
          }
        } }, t('delivery.redeliver')) : null;
    return h('tr', { dataset: { delivery: delivery.id, status: delivery.status, attempts: delivery.attempts } },
      h('td', {}, dateTime(delivery.createdAt)),
      h('td', {}, h('span', { title: delivery.eventType }, eventLabel(delivery.eventType)), h('br'),
        h('code', { class: 'delivery-id' }, delivery.id)),
      h('td', {}, deliveryChip(delivery.status)),
      h('td', { class: 'delivery-code' }, delivery.lastStatus ? String(delivery.lastStatus) : '—'),
      h('td', { class: 'delivery-attempts-count' }, `${delivery.attempts} / ${delivery.maxAttempts}`),
      h('td', {}, delivery.deliveredAt ? dateTime(delivery.deliveredAt)
        : delivery.status === 'PENDING' ? t('delivery.next', dateTime(delivery.nextAttemptAt)) : '—'),
      h('td', {}, delivery.lastError || '', attempts(delivery)),
      h('td', {}, redeliver));
  }

  // The delivery log of one webhook, newest first, PAGE at a time ("load more" pages on with ?before=).
  async function showLog(webhook, notice = '') {
    const path = `${base}/${encodeURIComponent(webhook.id)}/deliveries?limit=${PAGE}`;
    const status = h('p', { role: 'status', id: 'deliveries-status' }, notice);
    const body = h('tbody', { id: 'delivery-rows' });
    const none = h('p', { id: 'deliveries-none', hidden: true }, t('delivery.none'));
    const more = h('button', { type: 'button', id: 'deliveries-more', hidden: true }, t('findings.more'));
    let before = null;
    async function page() {
      try {
        const items = await get(before ? `${path}&before=${encodeURIComponent(before)}` : path);
        append(body, items.map((d) => deliveryRow(webhook, d, status)));
        before = items.length === PAGE ? items[items.length - 1].id : null;
        more.hidden = !before;
        none.hidden = body.children.length > 0;
      } catch (e) {
        showProblem(status, e);
      }
    }
    more.addEventListener('click', page);
    log.dataset.webhook = webhook.id;
    replace(log,
      h('h3', { id: 'deliveries-title' }, t('delivery.title', webhook.url)),
      h('p', { class: 'actions' },
        h('button', { type: 'button', id: 'deliveries-refresh', onclick: () => showLog(webhook) }, t('delivery.refresh')),
        h('button', { type: 'button', id: 'deliveries-close', onclick: () => { log.replaceChildren(); delete log.dataset.webhook; } },
          t('delivery.close'))),
      status,
      h('div', { class: 'table-scroll' }, h('table', { id: 'deliveries-table', class: 'plain' },
        h('thead', {}, h('tr', {}, [t('delivery.created'), t('delivery.event'), t('delivery.status'), t('delivery.code'),
          t('delivery.attempts'), t('delivery.delivered'), t('delivery.error'), ''].map((c) => h('th', { scope: 'col' }, c)))),
        body)),
      none, more);
    await page();
  }

  async function load() {
    try {
      const hooks = await get(base);
      rows.replaceChildren(...hooks.map(row));
      empty.hidden = hooks.length > 0;
      const shown = hooks.find((w) => w.id === log.dataset.webhook);
      if (log.dataset.webhook && !shown) log.replaceChildren();
    } catch (e) {
      showProblem(error, e);
    }
  }

  const section = h('section', { id: 'webhooks', 'aria-labelledby': 'webhooks-title' },
    h('h3', { id: 'webhooks-title' }, t('webhook.title')),
    h('p', { class: 'hint' }, t('webhook.intro')),
    error, done, secret,
    h('div', { class: 'table-scroll' }, h('table', { id: 'webhooks-table', class: 'plain' },
      h('thead', {}, h('tr', {}, [t('webhook.url'), t('webhook.events'), t('webhook.state'), t('webhook.last'), '']
        .map((c) => h('th', { scope: 'col' }, c)))),
      rows)),
    empty,
    admin ? form : null,
    log);
  return { section, load };
}

export async function integrationsView(root, key, can) {
  const heading = h('h2', {}, t('integrations.title', key));
  const readsHooks = can.webhooksIn(key);
  const tracker = can.trackerIn(key) ? trackerSection(key) : null;
  if (!readsHooks && !tracker) {
    replace(root, heading, h('p', { id: 'integrations-none' }, t('integrations.not-allowed')));
    return;
  }
  const hooks = readsHooks ? webhooksSection(key, can) : null;
  replace(root, heading, h('p', { class: 'hint' }, t('integrations.intro')),
    hooks ? hooks.section : null, tracker ? tracker.section : null);
  await Promise.all([hooks?.load(), tracker?.load()]);
}
