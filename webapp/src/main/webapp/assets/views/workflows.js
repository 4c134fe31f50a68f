// Workflow definitions (issue 6, 8.1, ADR 0023): the catalogue of every version (built-in and published),
// one version rendered readably (phases in order, each transition with its gates and thresholds) with its
// raw gatehouse-workflow/1 document and a line diff against the version before it; security administrators
// publish the next version from the newest one's document, and the server's refusal names the JSON pointer.
// #/workflow-definitions and #/workflow-definitions/{id}/{version}. Every text is set as text (lib/dom.js).

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { showProblem } from '../lib/forms.js';
import { lineDiff, withContext } from '../lib/diff.js';

// the notice of a publication, shown by the rendering the publication navigates to
let published = null;

const route = (id, version) => `#/workflow-definitions/${encodeURIComponent(id)}/${version}`;
const fallback = (key, value, ...args) => (t(key, ...args) === key ? value : t(key, ...args));
const phaseName = (phase) => fallback(`phase.${phase}`, phase);

/** The same value with object keys sorted at every depth, so that two documents diff by content, not key order. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  }
  return value;
}

const pretty = (doc) => JSON.stringify(doc, null, 2);

/** The JSON pointer a refusal names ("At /routes/0/gate: …", "位置 /routes/0/gate：…"), if any. */
export function pointerOf(error) {
  if (typeof error?.problem?.pointer === 'string') return error.problem.pointer;
  const match = /(?:^|\s)(\/[^\s:：]*)\s*[:：]/.exec(error?.message || '');
  return match ? match[1] : null;
}

/** The phases in the order a release meets them: from the initial phase along forward routes, terminal ones last. */
function phaseOrder(doc) {
  const routes = Array.isArray(doc.routes) ? doc.routes : [];
  const start = doc.initialPhase || 'REQUIREMENTS';
  const terminal = new Set([...(doc.terminal || []), doc.cancelTo].filter(Boolean));
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    routes.filter((r) => r.from === order[i] && r.kind !== 'send-back' && !order.includes(r.to) && !terminal.has(r.to))
      .forEach((r) => order.push(r.to));
  }
  routes.flatMap((r) => [r.from, r.to]).filter((p) => !order.includes(p) && !terminal.has(p)).forEach((p) => order.push(p));
  [...(doc.terminal || []), doc.cancelTo].filter((p) => p && !order.includes(p)).forEach((p) => order.push(p));
  return order;
}

function gateItem(gate, parameters) {
  const params = Object.entries(parameters?.[gate] || {});
  return h('li', { class: 'wfd-gate', dataset: { gate } }, h('code', {}, gate),
    params.length === 0 ? null : ` — ${params.map(([name, value]) => (name === 'threshold'
      ? t('wfd.threshold', value) : `${name}: ${value}`)).join(', ')}`);
}

function transition(route, parameters) {
  const back = route.kind === 'send-back';
  const gates = route.gates || [];
  return h('li', { class: back ? 'wfd-route send-back' : 'wfd-route', dataset: { to: route.to } },
    back ? t('wfd.send-back', phaseName(route.to)) : t('wfd.forward', phaseName(route.to), route.trigger || ''),
    gates.length === 0 ? h('span', { class: 'muted' }, ` — ${t('wfd.no-gates')}`)
      : h('ul', { class: 'wfd-gates', 'aria-label': t('wfd.gates') }, gates.map((g) => gateItem(g, parameters))));
}

function readable(doc) {
  const routes = Array.isArray(doc.routes) ? doc.routes : [];
  const terminal = new Set(doc.terminal || []);
  return h('ol', { id: 'wfd-phases', class: 'wfd-phases' }, phaseOrder(doc).map((phase) => {
    const out = routes.filter((r) => r.from === phase);
    const activities = doc.activities?.[phase] || [];
    let role = null;
    if (phase === (doc.initialPhase || 'REQUIREMENTS')) role = t('wfd.initial');
    else if (terminal.has(phase)) role = t('wfd.terminal');
    else if (phase === doc.cancelTo) role = t('wfd.cancel-to');
    return h('li', { dataset: { phase } },
      h('h5', {}, phaseName(phase), role ? h('span', { class: 'muted' }, ` (${role})`) : null),
      activities.length ? h('p', { class: 'wfd-activities' }, t('wfd.activities'), ' ',
        activities.map((a) => fallback(`activity.${a}`, a)).join(', ')) : null,
      out.length ? h('ul', { class: 'wfd-routes' }, out.map((r) => transition(r, doc.gateParameters))) : null,
      doc.cancelTo && phase !== doc.cancelTo && !terminal.has(phase)
        ? h('p', { class: 'muted wfd-cancel' }, t('wfd.cancel', phaseName(doc.cancelTo))) : null);
  }));
}

/** The line diff of two documents (keys sorted), unchanged runs folded to three lines of context. */
function diffView(before, after, previous) {
  const lines = withContext(lineDiff(pretty(sorted(before)).split('\n'), pretty(sorted(after)).split('\n')), 3);
  const changed = lines.filter((l) => l.op === '+' || l.op === '-');
  return h('section', { id: 'wfd-diff', 'aria-labelledby': 'wfd-diff-title' },
    h('h4', { id: 'wfd-diff-title' }, t('wfd.diff', previous)),
    h('p', { id: 'wfd-diff-summary' }, t('wfd.diff-summary', changed.filter((l) => l.op === '+').length,
      changed.filter((l) => l.op === '-').length)),
    changed.length === 0 ? null : h('pre', { class: 'diff' }, lines.map((l) => (l.op === '…'
      ? h('span', { class: 'diff-line fold' }, `  ${t('wfd.unchanged', l.count)}\n`)
      : h('span', { class: `diff-line ${{ '+': 'add', '-': 'del', ' ': 'same' }[l.op]}` },
        l.op === '+' ? h('span', { class: 'visually-hidden' }, t('wfd.added')) : null,
        l.op === '-' ? h('span', { class: 'visually-hidden' }, t('wfd.removed')) : null,
        `${l.op} ${l.text}\n`)))));
}

function publishForm(id, newest, newestDoc) {
  const error = h('div', { id: 'wfd-publish-error', class: 'error', role: 'alert' });
  const pointer = h('p', { id: 'wfd-pointer', class: 'notice warning', hidden: true });
  const documentText = h('textarea', { id: 'wfd-document', name: 'wfd-document', rows: 24, cols: 100, spellcheck: 'false',
    class: 'wfd-document', required: true }, pretty(newestDoc));
  const form = h('form', { id: 'wfd-publish', class: 'panel', novalidate: true },
    h('h4', {}, t('wfd.publish-title', id, newest.version + 1)),
    h('p', { class: 'hint' }, t('wfd.publish-hint', newest.version)),
    h('p', {}, h('label', { for: 'wfd-document' }, t('wfd.document')), documentText),
    h('p', {}, h('label', { for: 'wfd-note' }, t('wfd.note')),
      h('input', { id: 'wfd-note', name: 'wfd-note', required: true, maxlength: 2000, autocomplete: 'off' })),
    h('button', { type: 'submit' }, t('wfd.publish')),
    pointer, error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    pointer.hidden = true;
    let definition;
    try {
      definition = JSON.parse(documentText.value);
    } catch (e) {
      error.replaceChildren(t('wfd.not-json', e.message));
      return;
    }
    try {
      const { body } = await call('POST', `workflow-definitions/${encodeURIComponent(id)}`,
        { note: form['wfd-note'].value.trim(), definition });
      published = t('wfd.published', body.id, body.version);
      location.hash = route(body.id, body.version);
    } catch (e) {
      showProblem(error, e);
      const at = pointerOf(e);
      if (at) {
        pointer.replaceChildren(t('wfd.pointer'), ' ', h('code', {}, at));
        pointer.hidden = false;
      }
    }
  });
  return form;
}

async function detail(root, versions, id, version, can) {
  const mine = versions.filter((v) => v.id === id).sort((a, b) => a.version - b.version);
  const chosen = mine.find((v) => v.version === version);
  if (!chosen) {
    replace(root, h('p', { class: 'error', role: 'alert' }, t('wfd.not-found', id, version)));
    return;
  }
  const previous = mine.filter((v) => v.version < version).pop();
  const newest = mine[mine.length - 1];
  const [doc, before, newestDoc] = await Promise.all([
    get(`workflow-definitions/${encodeURIComponent(id)}/${version}`),
    previous ? get(`workflow-definitions/${encodeURIComponent(id)}/${previous.version}`) : null,
    can.workflowAdmin && newest.version !== version ? get(`workflow-definitions/${encodeURIComponent(id)}/${newest.version}`) : null,
  ]);
  replace(root,
    h('h3', { id: 'wfd-detail-title', tabindex: -1 }, t('wfd.version-title', id, version)),
    h('dl', { class: 'facts', id: 'wfd-facts' },
      h('dt', {}, t('wfd.level')), h('dd', {}, t('wfd.level-n', chosen.defaultFor)),
      h('dt', {}, t('wfd.origin')), h('dd', {}, chosen.builtIn ? t('wfd.built-in') : t('wfd.published-origin')),
      h('dt', {}, t('wfd.status')), h('dd', {}, chosen.current ? t('wfd.current') : t('wfd.not-current')),
      chosen.sha256 ? [h('dt', {}, 'SHA-256'), h('dd', {}, h('code', {}, chosen.sha256))] : null,
      chosen.publishedBy ? [h('dt', {}, t('wfd.published-by')), h('dd', {}, `${chosen.publishedBy} — ${dateTime(chosen.publishedAt)}`)] : null,
      chosen.note ? [h('dt', {}, t('wfd.note')), h('dd', { class: 'description' }, chosen.note)] : null),
    h('h4', {}, t('wfd.phases')),
    readable(doc),
    previous ? diffView(before, doc, previous.version) : h('p', { id: 'wfd-diff', class: 'muted' }, t('wfd.first-version')),
    h('details', { id: 'wfd-raw' }, h('summary', {}, t('wfd.raw')), h('pre', { id: 'wfd-json', class: 'wfd-json' }, pretty(doc))),
    can.workflowAdmin ? publishForm(id, newest, newestDoc || doc) : null);
}

function catalogue(versions, selected) {
  const ids = [...new Set(versions.map((v) => v.id))].sort();
  return h('div', { id: 'wfd-catalogue' }, ids.map((id) => {
    const mine = versions.filter((v) => v.id === id).sort((a, b) => b.version - a.version);
    const newest = mine[0].version;
    return h('table', { class: 'plain wfd-table', dataset: { definition: id } },
      h('caption', {}, h('strong', {}, id), ' — ', t('wfd.level-n', mine[0].defaultFor), ' — ', t('wfd.versions', mine.length)),
      h('thead', {}, h('tr', {}, ['wfd.version', 'wfd.origin', 'wfd.status', 'SHA-256', 'wfd.published-by', 'wfd.note']
        .map((k) => h('th', { scope: 'col' }, k.startsWith('wfd.') ? t(k) : k)))),
      h('tbody', {}, mine.map((v) => h('tr', {
        dataset: { definition: v.id, version: v.version, current: String(v.current), newest: String(v.version === newest) },
        'aria-current': selected && selected.id === v.id && selected.version === v.version ? 'true' : null,
      },
      h('td', {}, h('a', { href: route(v.id, v.version) }, `v${v.version}`)),
      h('td', {}, v.builtIn ? t('wfd.built-in') : t('wfd.published-origin')),
      h('td', { class: 'wfd-state' }, v.current ? h('strong', {}, `★ ${t('wfd.current')}`)
        : v.version === newest ? t('wfd.newest') : t('wfd.older')),
      h('td', {}, v.sha256 ? h('code', { title: v.sha256 }, v.sha256.slice(0, 12)) : '—'),
      h('td', {}, v.publishedBy ? [v.publishedBy, h('br'), dateTime(v.publishedAt)] : '—'),
      h('td', { class: 'description' }, v.note || '—')))));
  }));
}

export async function workflowsView(root, path, can) {
  const [id, version] = path.split('/').map(decodeURIComponent);
  const selected = id && /^[1-9][0-9]*$/.test(version || '') ? { id, version: Number(version) } : null;
  const versions = await get('workflow-definitions');
  const notice = published ? h('p', { id: 'wfd-notice', class: 'notice', role: 'status' }, published) : null;
  published = null;
  const detailBox = h('section', { id: 'wfd-detail', 'aria-live': 'polite' });
  replace(root,
    h('h2', {}, t('wfd.title')),
    h('p', { class: 'hint' }, t('wfd.intro')),
    notice,
    catalogue(versions, selected),
    detailBox);
  if (selected) {
    await detail(detailBox, versions, selected.id, selected.version, can);
  } else {
    detailBox.append(h('p', { class: 'muted' }, t('wfd.choose')));
  }
}
