// The portfolio, the start screen of people with projects (issue 8): each project with its protection
// level, its releases in flight with their phase and gate state, open findings by severity and SLA
// breaches. One call (GET portfolio); each release's gate state then comes from GET releases/{id}/gate,
// a few at a time, so the table shows before the gates are evaluated (ADR 0017).

import { h, replace } from '../lib/dom.js';
import { get } from '../lib/api.js';
import { t, lang } from '../lib/i18n.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const GATES_AT_ONCE = 4;

function gateChip(release) {
  return h('span', { class: 'chip pending gate-state', id: `gate-${release.id}`, dataset: { state: 'pending' } },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, '… '), h('span', { class: 'outcome' }, t('portfolio.gate.pending')));
}

function showGate(chip, answer) {
  const state = answer ? (answer.passes ? 'passed' : 'blocked') : 'unknown';
  chip.className = `chip gate-state ${state === 'unknown' ? 'pending' : state}`;
  chip.dataset.state = state;
  const reasons = answer && !answer.passes ? answer.reasons.map((r) => r.message) : [];
  if (reasons.length) chip.title = reasons.join('\n');
  replace(chip,
    h('span', { class: 'icon', 'aria-hidden': 'true' }, state === 'passed' ? '✓ ' : state === 'blocked' ? '✗ ' : '? '),
    h('span', { class: 'outcome' }, t(`portfolio.gate.${state}`)),
    reasons.length ? h('span', { class: 'reason-count' }, ` (${t('portfolio.gate.reasons', reasons.length)})`) : null);
}

async function loadGates(releases) {
  const queue = [...releases];
  const worker = async () => {
    while (queue.length) {
      const release = queue.shift();
      const chip = document.getElementById(`gate-${release.id}`);
      let answer = null;
      try {
        answer = await get(`releases/${encodeURIComponent(release.id)}/gate`);
      } catch (e) {
        answer = null;
      }
      if (chip) showGate(chip, answer);
    }
  };
  await Promise.all(Array.from({ length: GATES_AT_ONCE }, worker));
}

function findingsCells(project) {
  if (!project.findings) {
    return [h('td', { colspan: SEVERITIES.length + 1, class: 'muted' }, t('portfolio.findings.hidden'))];
  }
  const f = project.findings;
  return [
    ...SEVERITIES.map((s) => h('td', { class: 'count', dataset: { severity: s } },
      f.openBySeverity[s] ? h('span', { class: `severity ${s.toLowerCase()}` }, String(f.openBySeverity[s])) : '0')),
    h('td', { class: f.breached ? 'count breached' : 'count', dataset: { breached: f.breached } },
      f.breached ? h('strong', {}, `⚠ ${f.breached}`) : '0'),
  ];
}

function releasesCell(project) {
  if (project.releases.length === 0) return h('td', { class: 'muted' }, t('portfolio.releases.none'));
  return h('td', {}, h('ul', { class: 'in-flight' }, project.releases.map((r) => h('li', { dataset: { release: r.id } },
    h('a', { href: `#/releases/${encodeURIComponent(r.id)}`, 'aria-label': t('releases.open-board', r.version) }, r.version),
    ' ', h('span', { class: 'phase' }, t(`phase.${r.phase}`)), ' ', gateChip(r)))));
}

/** isCurrent: whether this rendering is still the one asked for (a quick click elsewhere wins). */
export async function portfolioView(root, isCurrent = () => true, can = null) {
  const portfolio = await get('portfolio');
  if (!isCurrent()) return;
  const heading = h('h2', {}, t('portfolio.title'));
  if (portfolio.projects.length === 0) {
    replace(root, heading, h('p', { id: 'portfolio-empty' }, t('portfolio.none')));
    return;
  }
  const rows = portfolio.projects.map((p) => h('tr', { dataset: { project: p.key } },
    h('th', { scope: 'row' }, h('span', { class: 'project-key' }, p.key), h('br'), h('span', { class: 'muted' }, p.name),
      can && can.complianceIn(p.key) ? [h('br'), h('a', { href: `#/projects/${encodeURIComponent(p.key)}/compliance`,
        class: 'compliance-link', 'aria-label': t('compliance.link-of', p.key) }, t('compliance.link'))] : null,
      can && (can.webhooksIn(p.key) || can.trackerIn(p.key)) ? [h('br'), h('a', {
        href: `#/projects/${encodeURIComponent(p.key)}/integrations`, class: 'integrations-link',
        'aria-label': t('integrations.link-of', p.key) }, t('integrations.link'))] : null),
    h('td', { class: 'level', dataset: { level: p.protectionLevel } }, t('portfolio.level', p.protectionLevel)),
    releasesCell(p),
    ...findingsCells(p)));
  replace(root, heading,
    h('p', { class: 'hint' }, t('portfolio.hint')),
    h('table', { id: 'portfolio-table', class: 'plain' },
      h('caption', {}, t('portfolio.caption')),
      h('thead', {}, h('tr', {},
        [t('findings.project'), t('portfolio.level.head'), t('portfolio.releases')].map((c) => h('th', { scope: 'col' }, c)),
        SEVERITIES.map((s) => {
          const name = lang() === 'zh' ? t(`severity.${s}`) : s; // the scanners' own word in English
          return h('th', { scope: 'col', class: 'count' }, h('abbr', { title: t('portfolio.open', name) }, name));
        }),
        h('th', { scope: 'col', class: 'count' }, t('portfolio.breached')))),
      h('tbody', { id: 'portfolio-rows' }, rows)),
    portfolio.truncated ? h('p', { class: 'notice', id: 'portfolio-truncated' }, t('portfolio.truncated')) : null);
  loadGates(portfolio.projects.flatMap((p) => p.releases));
}
