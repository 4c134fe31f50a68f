// Charts with Chart.js (the WebJar org.webjars.npm:chart.js 4.4.1 in the WAR; no CDN), loaded when a
// chart is first drawn. Chart.js draws on a canvas and sets only CSSOM style properties (allowed by
// the strict CSP, which blocks style attributes and <style> elements); animations are off. Every chart
// comes with a data table of the same numbers (accessibility: the canvas is an image with a label).

import { h } from './dom.js';
import { t } from './i18n.js';

const SCRIPT = 'webjars/chart.js/4.4.1/dist/chart.umd.js';
let loading = null;

/** Chart.js's UMD build as a classic script from our own origin (script-src 'self'). */
function chartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SCRIPT;
      script.addEventListener('load', () => resolve(window.Chart));
      script.addEventListener('error', () => reject(new Error(t('charts.unavailable'))));
      document.head.append(script);
    });
  }
  return loading;
}

export const SEVERITY_COLOURS = { CRITICAL: '#7a0000', HIGH: '#b3261e', MEDIUM: '#c77700', LOW: '#2f5f8a', INFO: '#6b6b6b' };

/**
 * A figure with a chart and its data table: labels along x, one series per dataset ({label, data,
 * colour}). kind: 'line' or 'bar'. The table has one row per label and one column per series.
 */
export function chartFigure(id, title, kind, labels, datasets, options = {}) {
  const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': title });
  const table = h('table', { id: `${id}-table`, class: 'plain data-table' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, options.labelHeading || t('charts.day')),
      datasets.map((d) => h('th', { scope: 'col', class: 'count' }, d.label)))),
    h('tbody', {}, labels.map((label, i) => h('tr', {}, h('th', { scope: 'row' }, label),
      datasets.map((d) => h('td', { class: 'count' }, d.data[i] === null || d.data[i] === undefined ? '–' : String(d.data[i])))))));
  const figure = h('figure', { id, class: 'chart' },
    h('figcaption', {}, title),
    h('div', { class: 'chart-box' }, canvas),
    h('details', { class: 'chart-data' }, h('summary', {}, t('charts.table')), table));
  chartJs().then((Chart) => {
    if (!canvas.isConnected) return;
    const chart = new Chart(canvas, {
      type: kind,
      data: {
        labels,
        datasets: datasets.map((d) => ({
          label: d.label, data: d.data, borderColor: d.colour, backgroundColor: d.colour, pointRadius: 0, borderWidth: 2,
          stack: options.stacked ? 'all' : undefined, fill: false, spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        // counts of findings are whole numbers: no 0.5 steps on their axis
        scales: {
          y: { beginAtZero: true, stacked: Boolean(options.stacked), ticks: options.counts ? { precision: 0 } : {} },
          x: { stacked: Boolean(options.stacked) },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    figure.dataset.drawn = 'true';
    figure.chart = chart;
  }).catch((e) => {
    figure.dataset.drawn = 'false';
    figure.querySelector('.chart-box').replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    figure.querySelector('details').open = true;
  });
  return figure;
}
