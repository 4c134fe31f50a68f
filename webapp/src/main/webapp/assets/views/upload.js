// Upload a scanner report into a release and show what the import did.

import { h, replace } from '../lib/dom.js';
import { call, get } from '../lib/api.js';
import { t } from '../lib/i18n.js';

export async function uploadView(root, projects) {
  const releases = h('select', { id: 'release', name: 'release', required: true });
  const project = h('select', { id: 'upload-project' }, projects.map((p) => h('option', { value: p.key }, `${p.key} — ${p.name}`)));
  const result = h('p', { id: 'upload-result', role: 'status' });
  async function fillReleases() {
    const page = await get(`projects/${encodeURIComponent(project.value)}/releases?limit=50`);
    replace(releases, page.items.map((r) => h('option', { value: r.id }, r.version)));
    result.textContent = page.items.length ? '' : t('import.none');
  }
  project.addEventListener('change', fillReleases);
  const form = h('form', { id: 'upload-form' },
    h('p', {}, h('label', { for: 'upload-project' }, t('findings.project')), project),
    h('p', {}, h('label', { for: 'release' }, t('import.release')), releases),
    h('p', {}, h('label', { for: 'scanner' }, t('import.scanner')),
      h('select', { id: 'scanner', name: 'scanner' }, ['sarif', 'spotbugs', 'zap', 'gitleaks', 'cyclonedx'].map((s) => h('option', { value: s }, s)))),
    h('p', {}, h('label', { for: 'category' }, t('import.category')), h('input', { id: 'category', name: 'category', maxlength: 100 })),
    h('p', {}, h('label', { for: 'commit' }, t('import.commit')), h('input', { id: 'commit', name: 'commit', maxlength: 64 })),
    h('p', {}, h('label', { for: 'report' }, t('import.file')), h('input', { id: 'report', name: 'report', type: 'file', required: true })),
    h('button', { type: 'submit' }, t('import.submit')), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData();
    data.append('scanner', form.scanner.value); // the fields first: the server reads the file as it streams
    if (form.category.value) data.append('category', form.category.value);
    if (form.commit.value) data.append('commit', form.commit.value);
    data.append('file', form.report.files[0]);
    result.textContent = t('import.running');
    try {
      let { body } = await call('POST', `releases/${releases.value}/imports`, data);
      while (body.status === 'QUEUED' || body.status === 'RUNNING') {
        await new Promise((resolve) => setTimeout(resolve, 500));
        body = await get(`imports/${body.id}`);
      }
      const c = body.counts || {};
      result.textContent = body.status === 'COMPLETED'
        ? t('import.result', c.created, c.unchanged, c.closed, c.reopened, c.verified) : failure(body);
    } catch (e) {
      result.textContent = e.message;
    }
  });
  replace(root, form);
  if (projects.length) await fillReleases();
}

const FAILURES = ['report-unreadable', 'internal-error', 'unavailable', 'interrupted'];

/** A failed import in the reader's language; the parser's own detail (where in the report) stays as it is. */
function failure(body) {
  return FAILURES.includes(body.errorType)
    ? t(`import.failed.${body.errorType}`, body.errorDetail || '') : t('import.failed', body.errorDetail || '');
}
