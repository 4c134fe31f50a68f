// Trends (issue 8): a project's open findings over time by severity, mean time to fix per week, and a
// release's SLA burn-down, each a chart with a data table of the same numbers. The numbers come from
// GET projects/{key}/trends/… and releases/{id}/trends/sla-burn-down, computed in SQL over at most 366
// days in the browser's time zone.

import { h, replace } from '../lib/dom.js';
import { get } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { choice, showProblem } from '../lib/forms.js';
import { chartFigure, SEVERITY_COLOURS } from '../lib/charts.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const PERIODS = ['30', '90', '180', '366'];

/** The browser's region time zone when it has one (the API takes regions only), else UTC. */
function zone() {
  const named = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(named) && !/^(UTC|GMT)?[+-]/.test(named) ? named : 'UTC';
}

function openFindings(data) {
  return chartFigure('chart-open', t('charts.open.title'), 'line', data.days,
    SEVERITIES.map((s) => ({ label: s, data: data.open[s], colour: SEVERITY_COLOURS[s] })), { stacked: true, counts: true });
}

function timeToFix(data) {
  const weeks = [...new Set(data.weeks.map((w) => w.week))];
  const cell = (week, s) => data.weeks.find((w) => w.week === week && w.severity === s);
  const present = SEVERITIES.filter((s) => data.weeks.some((w) => w.severity === s));
  return chartFigure('chart-fix', t('charts.fix.title'), 'bar', weeks,
    present.map((s) => ({
      label: `${s} (${t('charts.fix.days')})`,
      data: weeks.map((w) => (cell(w, s) ? cell(w, s).meanDays : null)),
      colour: SEVERITY_COLOURS[s],
    })).concat([{ label: t('charts.fix.count'), data: weeks.map((w) => present.reduce((n, s) => n + (cell(w, s)?.fixed || 0), 0)), colour: '#1f6f5c' }]),
    { labelHeading: t('charts.week') });
}

function burnDown(data) {
  return chartFigure('chart-burn', t('charts.burn.title'), 'line', data.days, [
    { label: t('charts.burn.open'), data: data.open, colour: '#2f5f8a' },
    { label: t('charts.burn.breached'), data: data.breached, colour: '#b3261e' },
  ], { counts: true });
}

export async function trendsView(root, projects) {
  const heading = h('h2', {}, t('charts.title'));
  if (projects.length === 0) {
    replace(root, heading, h('p', { id: 'trends-none' }, t('releases.none')));
    return;
  }
  const form = h('form', { id: 'trends-filter', class: 'filters' },
    choice('trends-project', t('findings.project'), projects.map((p) => [p.key, `${p.key} — ${p.name}`]), projects[0].key),
    choice('trends-days', t('charts.period'), PERIODS.map((d) => [d, t('charts.days', d)]), '90'),
    choice('trends-release', t('charts.release'), [], ''),
    h('button', { type: 'submit' }, t('findings.filter')));
  const error = h('p', { class: 'error', role: 'alert', id: 'trends-error' });
  const charts = h('div', { id: 'trends-charts', class: 'charts', 'aria-live': 'polite' });
  const note = h('p', { class: 'hint', id: 'trends-zone' }, t('charts.zone', zone()));
  const project = () => form['trends-project'].value;

  async function releases() {
    const page = await get(`projects/${encodeURIComponent(project())}/releases?limit=50`);
    replace(form['trends-release'], page.items.map((r) => h('option', { value: r.id }, `${r.version} (${t(`phase.${r.phase}`)})`)));
  }

  async function draw() {
    error.replaceChildren();
    const key = encodeURIComponent(project());
    const query = `days=${form['trends-days'].value}&zone=${encodeURIComponent(zone())}`;
    try {
      const [open, fixes] = await Promise.all([
        get(`projects/${key}/trends/open-findings?${query}`), get(`projects/${key}/trends/time-to-fix?${query}`)]);
      const release = form['trends-release'].value;
      const burn = release ? await get(`releases/${encodeURIComponent(release)}/trends/sla-burn-down?zone=${encodeURIComponent(zone())}`) : null;
      replace(charts, openFindings(open), timeToFix(fixes),
        burn ? burnDown(burn) : h('p', { id: 'chart-burn-none' }, t('charts.burn.none')));
    } catch (e) {
      showProblem(error, e);
    }
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); draw(); });
  form['trends-project'].addEventListener('change', async () => { await releases(); draw(); });
  replace(root, heading, form, note, error, charts);
  await releases();
  await draw();
}
