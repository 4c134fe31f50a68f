// The release board (issue 8 over the lifecycle API of issue 6): the phases as a pipeline, every
// gate of every forward move as a chip (icon + word + colour), the current phase's activities, the
// moves this session may ask for (sent with If-Match: the lifecycle version), the transition log and
// the waivers. Which buttons show follows lib/access.js; the server decides every request.
// Reasons come from the server in the UI's language and are set as text only (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call, ApiError } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, showProblem, confirmButton } from '../lib/forms.js';
import { rememberProject } from './releases.js';
import { requirementsPanel } from './requirements.js';
import { testingPanel } from './testing.js';
import { reviewsPanel } from './reviews.js';
import { ticketsPanel } from './tickets.js';
import { documentsPanel } from './documents.js';

const PANELS = { requirements: requirementsPanel, tickets: ticketsPanel, testing: testingPanel, reviews: reviewsPanel, documents: documentsPanel };
export const TABS = Object.keys(PANELS);

const ICONS = { PASSED: '✓', BLOCKED: '✗', PENDING: '…', WAIVED: '⚑' };
const STATE_ICONS = { done: '✓', current: '▶', todo: '○', released: '★', cancelled: '✗' };

/** A translated label, or the server's own identifier when the UI has no text for it. */
function label(prefix, value, ...args) {
  const key = `${prefix}.${value}`;
  const text = t(key, ...args);
  return text === key ? value : text;
}

const phaseName = (phase) => label('phase', phase);

export async function boardView(root, id, can, tab = 'pipeline') {
  const base = `releases/${encodeURIComponent(id)}/lifecycle`;

  if (PANELS[tab]) {
    const { body: lifecycle } = await call('GET', base);
    rememberProject(lifecycle.project);
    const panel = h('div', { id: `${tab}-panel` });
    replace(root, head(lifecycle, id, tab, () => boardView(root, id, can, tab)), panel);
    await PANELS[tab](panel, {
      releaseId: id, project: lifecycle.project, closed: lifecycle.closed, definition: lifecycle.definition, can,
    });
    return;
  }

  async function load(message, kind = 'info') {
    const [{ body: lifecycle }, { body: routes }, { body: log }] = await Promise.all([
      call('GET', base), call('GET', `${base}/gates`), call('GET', `${base}/transitions`)]);
    render(lifecycle, routes, log);
    if (message) {
      const notice = document.getElementById('board-notice');
      notice.textContent = message;
      notice.dataset.kind = kind;
      notice.focus();
    }
  }

  function render(lifecycle, routes, log) {
    rememberProject(lifecycle.project);
    const project = lifecycle.project;
    const ifMatch = { 'If-Match': `"${lifecycle.lifecycleVersion}"` };
    const result = h('div', { id: 'board-result', role: 'alert', class: 'error', tabindex: -1 });

    async function fire(trigger) {
      result.replaceChildren();
      try {
        const { body } = await call('POST', `${base}/transitions`, { trigger }, ifMatch);
        await load(t('board.moved', phaseName(body.phase)));
      } catch (e) {
        await refused(e);
      }
    }

    async function refused(e) {
      if (e instanceof ApiError && e.status === 412) {
        await load(t('board.stale'), 'warning');
      } else if (e instanceof ApiError && e.is('invalid-transition') && e.problem.errors?.length) {
        replace(result, h('p', {}, t('board.blocked'), ' ', e.message),
          h('ul', { id: 'board-reasons' }, e.problem.errors.map((r) => h('li', { dataset: { field: r.field } }, r.message))));
        result.focus();
      } else {
        showProblem(result, e);
        result.focus();
      }
    }

    replace(root,
      head(lifecycle, id, 'pipeline', () => load()),
      h('p', { class: 'hint' }, t('board.definition', `${lifecycle.definition}@${lifecycle.definitionVersion}`, lifecycle.lifecycleVersion)),
      h('p', { id: 'board-notice', role: 'status', tabindex: -1 }),
      lifecycle.closed ? h('p', { id: 'board-closed', class: `notice ${lifecycle.phase === 'CANCELLED' ? 'warning' : ''}` },
        t(lifecycle.phase === 'CANCELLED' ? 'board.closed-cancelled' : 'board.closed-released')) : null,
      pipeline(lifecycle, log),
      lifecycle.phase === 'RELEASED' ? certificatePanel(id) : null,
      lifecycle.closed ? null : actions(lifecycle, can, project, fire, result),
      lifecycle.closed ? null : activities(lifecycle, can.advanceIn(project), base, ifMatch, load, refused),
      gates(lifecycle, routes),
      transitions(log),
      waivers(lifecycle, routes, can, base, ifMatch, load, refused));
  }

  await load();
}

/** The board's title, its reload button and the tabs: the pipeline and #/releases/{id}/{requirements,tickets,testing,reviews,documents}. */
function head(lifecycle, id, tab, reload) {
  const base = `#/releases/${encodeURIComponent(id)}`;
  const link = (href, name, text) => h('a', { href, id: `board-tab-${name}`, 'aria-current': tab === name ? 'page' : null }, text);
  return [
    h('p', {}, h('a', { href: '#/releases', id: 'board-back' }, `← ${t('board.back')}`)),
    h('div', { class: 'board-head' },
      h('h2', { id: 'board-title' }, t('board.title', lifecycle.version, lifecycle.project)),
      h('button', { type: 'button', id: 'board-reload', onclick: reload }, t('board.reload'))),
    h('nav', { class: 'tabs', id: 'board-tabs', 'aria-label': t('board.tabs') },
      link(base, 'pipeline', t('board.tab-pipeline')),
      link(`${base}/requirements`, 'requirements', t('board.tab-requirements')),
      link(`${base}/tickets`, 'tickets', t('board.tab-tickets')),
      link(`${base}/testing`, 'testing', t('board.tab-testing')),
      link(`${base}/reviews`, 'reviews', t('board.tab-reviews')),
      link(`${base}/documents`, 'documents', t('board.tab-documents'))),
  ];
}

function pipeline(lifecycle, log) {
  const current = lifecycle.phase;
  const main = lifecycle.phases.filter((p) => p !== 'CANCELLED');
  // Where a cancelled release stopped: the phase its last move left.
  const reached = current === 'CANCELLED' ? main.indexOf(log.at(-1)?.from) : main.indexOf(current);
  const states = main.map((phase, i) => {
    if (phase === current) return phase === 'RELEASED' ? 'released' : 'current';
    return i < reached ? 'done' : 'todo';
  });
  const shown = current === 'CANCELLED' ? [...main, 'CANCELLED'] : main;
  if (current === 'CANCELLED') states.push('cancelled');
  return h('section', { 'aria-labelledby': 'pipeline-title' },
    h('h3', { id: 'pipeline-title', class: 'visually-hidden' }, t('board.pipeline')),
    h('ol', { id: 'pipeline', class: 'pipeline' }, shown.map((phase, i) => h('li', {
      class: `phase-step ${states[i]}`, dataset: { phase, state: states[i] },
      'aria-current': phase === current ? 'step' : null,
    },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, STATE_ICONS[states[i]]),
    h('span', { class: 'name' }, phaseName(phase)),
    h('span', { class: 'state' }, t(`board.state.${states[i]}`))))));
}

function chip(gate) {
  return h('li', { class: `chip ${gate.outcome.toLowerCase()}`, dataset: { gate: gate.gate, outcome: gate.outcome } },
    h('span', { class: 'chip-head' },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[gate.outcome] || '?'), ' ',
      h('strong', { class: 'outcome' }, label('outcome', gate.outcome)), ' ',
      h('code', {}, gate.gate)),
    gate.reasons.length ? h('ul', { class: 'reasons' }, gate.reasons.map((r) => h('li', { dataset: { key: r.key } }, r.message))) : null,
    gate.waiver ? h('p', { class: 'waived-by' }, t('board.waived-by', gate.waiver.grantedBy, dateTime(gate.waiver.expiresAt))) : null);
}

function gates(lifecycle, routes) {
  return h('section', { 'aria-labelledby': 'gates-title' },
    h('h3', { id: 'gates-title' }, t('board.gates')),
    h('div', { class: 'routes', id: 'board-gates' }, routes.map((route) => h('section', {
      class: `route ${route.from === lifecycle.phase ? 'current' : ''}`, dataset: { routeFrom: route.from, routeTo: route.to },
    },
    h('h4', {}, t('board.route', phaseName(route.from), phaseName(route.to)), ' ',
      h('small', { class: route.passes ? 'passes' : 'blocked' },
        route.passes ? `✓ ${t('board.route-passes')}` : `✗ ${t('board.route-blocked')}`)),
    route.gates.length ? h('ul', { class: 'chips' }, route.gates.map(chip)) : h('p', {}, t('board.no-gates'))))));
}

function triggerText(option) {
  if (option.kind === 'CANCEL') return t('trigger.cancel');
  if (option.kind === 'FORWARD' && option.target === 'RELEASED') return t('trigger.release');
  const key = `trigger.${option.trigger}`;
  const text = t(key, phaseName(option.target));
  return text === key ? t('trigger.other', option.trigger, phaseName(option.target)) : text;
}

function actions(lifecycle, can, project, fire, result) {
  const allowed = lifecycle.permitted.filter((o) => {
    if (!can.advanceIn(project)) return false;
    if (o.kind === 'CANCEL' || o.target === 'RELEASED') return can.approveIn(project);
    return true;
  });
  const buttons = allowed.map((o) => {
    const hint = o.passesNow ? null : h('span', { class: 'hint', id: `hint-${o.trigger}` }, t('board.would-block', o.reasons.length));
    const attributes = { dataset: { trigger: o.trigger, kind: o.kind }, 'aria-describedby': hint ? `hint-${o.trigger}` : null };
    const button = o.kind === 'CANCEL'
      ? confirmButton(triggerText(o), t('trigger.cancel-confirm'), () => fire(o.trigger), { ...attributes, class: 'cancel' })
      : h('button', { type: 'button', ...attributes, onclick: () => fire(o.trigger) }, triggerText(o));
    return h('span', { class: 'trigger' }, button, hint);
  });
  return h('section', { 'aria-labelledby': 'actions-title' },
    h('h3', { id: 'actions-title' }, t('board.actions')),
    buttons.length ? h('div', { class: 'actions', id: 'board-actions' }, buttons) : h('p', { id: 'board-actions-none' }, t('board.no-actions')),
    result);
}

function activities(lifecycle, mayComplete, base, ifMatch, load, refused) {
  const done = new Set(lifecycle.completedActivities);
  return h('section', { 'aria-labelledby': 'activities-title' },
    h('h3', { id: 'activities-title' }, t('board.activities'), ` — ${phaseName(lifecycle.phase)}`),
    lifecycle.activities.length === 0 ? h('p', { id: 'activities-none' }, t('board.no-activities'))
      : h('ul', { id: 'board-activities', class: 'activities' }, lifecycle.activities.map((activity) => {
        const name = label('activity', activity);
        const finished = done.has(activity);
        const status = h('span', { class: `activity-state ${finished ? 'done' : 'open'}` },
          finished ? `✓ ${t('board.activity-done')}` : `○ ${t('board.activity-open')}`);
        if (finished || !mayComplete) return h('li', { dataset: { activity } }, h('strong', {}, name), ' ', status);
        const noteId = `note-${activity}`;
        const form = h('form', { class: 'filters activity-form', dataset: { activity } },
          field(noteId, t('board.note', name), 'text', { maxlength: 4000 }),
          h('button', { type: 'submit', 'aria-label': t('board.mark-done-label', name) }, t('board.mark-done')));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          try {
            const note = form[noteId].value.trim();
            await call('POST', `${base}/activities`, { activity, note: note || undefined }, ifMatch);
            await load();
          } catch (e) {
            await refused(e);
          }
        });
        return h('li', { dataset: { activity } }, h('strong', {}, name), ' ', status, form);
      })));
}

function transitions(log) {
  return h('section', { 'aria-labelledby': 'log-title' },
    h('h3', { id: 'log-title' }, t('board.log')),
    log.length === 0 ? h('p', { id: 'board-log-none' }, t('board.log-none')) : h('table', { id: 'board-log', class: 'plain' },
      h('thead', {}, h('tr', {}, [t('board.log-when'), t('board.log-who'), t('board.log-move'), t('board.log-waived')]
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, [...log].reverse().map((entry) => {
        const waived = entry.gates.filter((g) => g.outcome === 'WAIVED').map((g) => g.gate);
        return h('tr', { dataset: { version: entry.lifecycleVersion } },
          h('td', {}, dateTime(entry.at)),
          h('td', {}, entry.actor, entry.actorRoles.length ? ` (${entry.actorRoles.map((r) => label('role', r)).join(', ')})` : ''),
          h('td', {}, `${phaseName(entry.from)} → ${phaseName(entry.to)} `, h('code', {}, entry.trigger)),
          h('td', {}, waived.length ? waived.map((g) => h('code', {}, g, ' ')) : '—'));
      }))));
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function waivers(lifecycle, routes, can, base, ifMatch, load, refused) {
  const list = lifecycle.waivers.length === 0 ? h('p', { id: 'board-waivers-none' }, t('board.waivers-none'))
    : h('ul', { id: 'board-waivers' }, lifecycle.waivers.map((w) => h('li', { dataset: { gate: w.gate, active: w.active } },
      h('strong', {}, w.active ? `⚑ ${t('board.waiver-active')}` : `○ ${t('board.waiver-inactive')}`), ' ',
      t('board.waiver-line', w.gate, w.grantedBy, dateTime(w.grantedAt), dateTime(w.expiresAt), w.justification))));
  let form = null;
  if (can.waive && !lifecycle.closed) {
    const failing = [...new Set(routes.flatMap((r) => r.gates).filter((g) => g.outcome === 'BLOCKED' || g.outcome === 'PENDING')
      .map((g) => g.gate))];
    if (failing.length === 0) {
      form = h('p', { id: 'waive-none' }, t('board.waive-none'));
    } else {
      const day = 24 * 3600 * 1000;
      const status = h('p', { class: 'error', role: 'alert', id: 'waive-error' });
      form = h('form', { id: 'waive-form', novalidate: true },
        h('h4', {}, t('board.waive')),
        h('p', {}, h('label', { for: 'waive-gate' }, t('board.waive-gate')),
          h('select', { id: 'waive-gate', name: 'waive-gate' }, failing.map((g) => h('option', { value: g }, g)))),
        h('p', {}, h('label', { for: 'waive-justification' }, t('board.waive-justification')),
          h('textarea', { id: 'waive-justification', name: 'waive-justification', rows: 3, maxlength: 4000, required: true })),
        field('waive-expires', t('board.waive-expires'), 'date', {
          required: true, min: isoDate(new Date()), max: isoDate(new Date(Date.now() + 179 * day)),
          value: isoDate(new Date(Date.now() + 30 * day)),
        }),
        h('button', { type: 'submit' }, t('board.waive-submit')), status);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        status.replaceChildren();
        const date = form['waive-expires'].value;
        // the end of the chosen day in the user's time zone
        const expiresAt = date ? new Date(`${date}T23:59:59`).toISOString() : null;
        try {
          await call('POST', `${base}/waivers`, {
            gate: form['waive-gate'].value, justification: form['waive-justification'].value.trim(), expiresAt,
          }, ifMatch);
          await load(t('board.waived-now'));
        } catch (e) {
          if (e instanceof ApiError && (e.status === 412 || e.is('invalid-transition'))) {
            await refused(e);
          } else {
            showProblem(status, e);
          }
        }
      });
    }
  }
  return h('section', { 'aria-labelledby': 'waivers-title' },
    h('h3', { id: 'waivers-title' }, t('board.waivers')), list, form);
}

/**
 * The release certificate of a released release (7.8.4): a download link, a check of the very bytes
 * downloaded against this platform's CA (POST /certificates/verification, public), and the CA's
 * fingerprint to pin for the offline check (VerifyCertificate --ca-sha256).
 */
function certificatePanel(id) {
  const path = `releases/${encodeURIComponent(id)}/certificate`;
  const verdict = h('div', { id: 'cert-verdict', role: 'status', 'aria-live': 'polite' });
  const fingerprint = h('code', { id: 'cert-ca-sha256', class: 'digest' }, '…');
  const caSubject = h('span', { id: 'cert-ca-subject', class: 'hint' });
  const error = h('p', { class: 'error', role: 'alert', id: 'cert-error' });
  const verify = h('button', {
    type: 'button', id: 'cert-verify',
    onclick: async () => {
      verify.disabled = true;
      error.replaceChildren();
      replace(verdict, t('cert.verifying'));
      try {
        const downloaded = await fetch(`api/v1/${path}`, { headers: { Accept: 'application/json' } });
        if (!downloaded.ok) throw new ApiError(downloaded.status, { detail: t('cert.download-failed', downloaded.status) });
        const bytes = await downloaded.arrayBuffer();
        const { body: report } = await call('POST', 'certificates/verification', new Blob([bytes], { type: 'application/json' }),
          { 'Content-Type': 'application/json' });
        const ok = report.verdict === 'VALID';
        replace(verdict,
          h('p', { class: `verdict ${ok ? 'valid' : 'invalid'}`, dataset: { verdict: report.verdict } },
            h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), h('strong', {}, label('cert.verdict', report.verdict)),
            ` (${t('cert.bytes', bytes.byteLength)})`),
          h('ul', { id: 'cert-checks', class: 'checks' }, report.checks.map((c) => h('li', {
            class: c.passed ? 'passed' : 'failed', dataset: { check: c.name, passed: String(c.passed) },
          }, h('span', { 'aria-hidden': 'true' }, c.passed ? '✓ ' : '✗ '), h('strong', {}, c.passed ? t('cert.check-passed')
            : t('cert.check-failed')), ' ', h('code', {}, c.name), c.detail ? ` — ${c.detail}` : ''))));
      } catch (e) {
        verdict.replaceChildren();
        showProblem(error, e);
      } finally {
        verify.disabled = false;
      }
    },
  }, t('cert.verify'));
  call('GET', 'certificates/authority').then(({ body }) => {
    fingerprint.textContent = body.sha256;
    caSubject.textContent = body.subject;
  }).catch((e) => showProblem(error, e));
  return h('section', { id: 'certificate', class: 'panel', 'aria-labelledby': 'cert-title' },
    h('h3', { id: 'cert-title' }, t('cert.section')),
    h('p', { class: 'hint' }, t('cert.explain')),
    h('div', { class: 'actions' },
      h('a', { href: `api/v1/${path}`, id: 'cert-download', download: `release-${id}.certificate.json` }, t('cert.download')),
      verify),
    verdict,
    h('p', {}, h('strong', {}, t('cert.ca')), ' ', fingerprint, ' ', caSubject),
    h('p', { class: 'hint' }, t('cert.pin-hint')),
    error);
}
