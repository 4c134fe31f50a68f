// Releases of a project: its releases with phase and status (keyset pages, "load more"), each
// opening its board; a form to open a release for those who may (lib/access.js; the server decides).

import { h, replace, append } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t, dateTime } from '../lib/i18n.js';
import { field, choice, showProblem } from '../lib/forms.js';

// The project last looked at in this tab, so that "All releases" on a board comes back to it.
const PROJECT_KEY = 'gatehouse.releases.project';

export function rememberProject(key) {
  sessionStorage.setItem(PROJECT_KEY, key);
}

export async function releasesView(root, projects, can) {
  if (projects.length === 0) {
    replace(root, h('h2', {}, t('releases.title')), h('p', { id: 'releases-none' }, t('releases.none')));
    return;
  }
  const remembered = sessionStorage.getItem(PROJECT_KEY);
  const initial = projects.some((p) => p.key === remembered) ? remembered : projects[0].key;
  const picker = h('form', { class: 'filters', id: 'releases-filter' },
    choice('releases-project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), initial));
  const project = () => picker['releases-project'].value;
  const error = h('p', { class: 'error', role: 'alert', id: 'releases-error' });
  const done = h('p', { role: 'status', id: 'release-created' });
  const rows = h('tbody', { id: 'releases-rows' });
  const empty = h('p', { id: 'releases-empty', hidden: true }, t('releases.none'));
  const more = h('button', { type: 'button', id: 'releases-more', hidden: true }, t('findings.more'));
  const createArea = h('div', { id: 'release-create-area' });
  let cursor = null;

  const create = h('form', { id: 'release-create', class: 'filters', novalidate: true },
    field('release-version', t('releases.version'), 'text', { required: true, maxlength: 100, autocomplete: 'off' }),
    h('button', { type: 'submit' }, t('releases.create-submit')));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    done.replaceChildren();
    try {
      const { body } = await call('POST', `projects/${encodeURIComponent(project())}/releases`,
        { version: create['release-version'].value.trim() });
      create.reset();
      done.textContent = t('releases.created-now', body.version);
      await load(true);
    } catch (e) {
      showProblem(error, e);
    }
  });

  function showCreate() {
    replace(createArea, can.createReleaseIn(project()) ? [h('h3', {}, t('releases.create')), create] : []);
  }

  function row(r) {
    return h('tr', { dataset: { release: r.id, phase: r.phase } },
      h('td', {}, h('a', { href: `#/releases/${encodeURIComponent(r.id)}`, 'aria-label': t('releases.open-board', r.version) }, r.version)),
      h('td', { class: 'phase' }, t(`phase.${r.phase}`)),
      h('td', {}, t(`status.${r.status}`)),
      h('td', {}, dateTime(r.createdAt)),
      h('td', {}, dateTime(r.closedAt)));
  }

  async function load(reset) {
    if (reset) {
      cursor = null;
      rows.replaceChildren();
    }
    const query = new URLSearchParams({ limit: '50' });
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await get(`projects/${encodeURIComponent(project())}/releases?${query}`);
      append(rows, page.items.map(row));
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
      empty.hidden = rows.children.length > 0;
    } catch (e) {
      showProblem(error, e);
    }
  }

  picker['releases-project'].addEventListener('change', () => {
    rememberProject(project());
    error.replaceChildren();
    done.replaceChildren();
    showCreate();
    load(true);
  });
  more.addEventListener('click', () => load(false));
  showCreate();
  replace(root, h('h2', {}, t('releases.title')), picker, createArea, error, done,
    h('table', { id: 'releases-table', class: 'plain' },
      h('thead', {}, h('tr', {}, [t('releases.version'), t('releases.phase'), t('releases.status'), t('releases.created'),
        t('releases.closed')].map((c) => h('th', { scope: 'col' }, c)))),
      rows),
    empty, more);
  await load(true);
}
