// Start a white-box scan of a build artifact and follow it live (Server-Sent Events, issue 5/8).

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t } from '../lib/i18n.js';

export async function scanView(root, projects) {
  const project = h('select', { id: 'scan-project' }, projects.map((p) => h('option', { value: p.key }, `${p.key} — ${p.name}`)));
  const releases = h('select', { id: 'scan-release', required: true });
  const bar = h('progress', { id: 'scan-progress', max: 1, value: 0, hidden: true });
  const state = h('p', { id: 'scan-state', role: 'status' });
  async function fillReleases() {
    const page = await get(`projects/${encodeURIComponent(project.value)}/releases?limit=50`);
    replace(releases, page.items.map((r) => h('option', { value: r.id }, r.version)));
  }
  project.addEventListener('change', fillReleases);
  const form = h('form', { id: 'scan-form' },
    h('p', {}, h('label', { for: 'scan-project' }, t('findings.project')), project),
    h('p', {}, h('label', { for: 'scan-release' }, t('import.release')), releases),
    h('p', {}, h('label', { for: 'scan-commit' }, t('import.commit')), h('input', { id: 'scan-commit', maxlength: 64 })),
    h('p', {}, h('label', { for: 'artifact' }, t('scan.artifact')),
      h('input', { id: 'artifact', type: 'file', accept: '.jar,.war,.ear,.zip', required: true })),
    h('button', { type: 'submit' }, t('scan.start')), bar, state);

  function show(scan) {
    const progress = scan.progress;
    if (progress && progress.total > 0) {
      bar.hidden = false;
      bar.max = progress.total;
      bar.value = progress.done;
    }
    const text = t(`scan.state.${scan.state}`);
    state.textContent = scan.state === 'SUCCEEDED' ? `${text} ${t('scan.result', scan.classesAnalysed, scan.bugCount)}`
      : scan.error ? `${text} ${scan.error}` : text;
    state.dataset.state = scan.state;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData();
    if (form['scan-commit'].value) data.append('commit', form['scan-commit'].value);
    data.append('file', form.artifact.files[0]);
    try {
      const { body } = await call('POST', `releases/${releases.value}/scans`, data);
      show(body);
      const events = new EventSource(`api/v1/scans/${body.id}/events`);
      events.addEventListener('scan', (e) => show(JSON.parse(e.data)));
      events.addEventListener('end', (e) => {
        show(JSON.parse(e.data));
        bar.value = bar.max;
        events.close();
      });
      events.onerror = () => events.close();
    } catch (e) {
      state.textContent = e.message;
    }
  });
  replace(root, form);
  if (projects.length) await fillReleases();
}
