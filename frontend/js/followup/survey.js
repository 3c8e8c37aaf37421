// The safety survey per district over the years: a chart per indicator, and the same figures as a
// table (the accessible form of the chart). Values from too few respondents are marked uncertain.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { label } from '../vocabulary.js';

const COLOURS = ['#00558c', '#a3361b', '#1e6b34', '#6b2f7a', '#7a4d00'];

export function renderSurvey(survey, district) {
  const results = survey.results.filter((r) => !district || r.neighbourhood.slug === district.slug);
  const charts = [];
  const section = el('section', { 'aria-labelledby': 'survey-heading' },
    el('h2', { id: 'survey-heading' }, t('followup.survey')),
    el('p', {}, t('followup.surveyIntro', { min: survey.minRespondents })),
    el('div', { class: 'charts' }, survey.indicators.map((indicator) => {
      const rows = results.filter((r) => r.indicator === indicator.code);
      if (rows.length === 0) return null;
      const years = [...new Set(rows.map((r) => r.year))].sort();
      const districts = [...new Map(rows.map((r) => [r.neighbourhood.slug, r.neighbourhood])).values()];
      const value = (slug, year) => rows.find((r) => r.neighbourhood.slug === slug && r.year === year);
      const name = label('surveyIndicators', indicator.code);
      const canvas = el('canvas', { role: 'img', 'aria-label': name });
      charts.push({ canvas, years, districts, value });
      return el('figure', { class: 'chart', dataset: { indicator: indicator.code } },
        el('h3', {}, name),
        canvas,
        // A table wider than a phone scrolls on its own; focusable, so a keyboard can scroll it too.
        el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': name },
          el('table', { class: 'data' },
            el('caption', { class: 'announcer' }, name),
            el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('followup.district')),
              years.map((year) => el('th', { scope: 'col' }, String(year))))),
            el('tbody', {}, districts.map((d) => el('tr', {},
              el('th', { scope: 'row' }, d.name),
              years.map((year) => {
                const cell = value(d.slug, year);
                if (!cell) return el('td', {}, '–');
                return el('td', { title: `${cell.respondents ?? '?'} ${t('followup.respondents')}` },
                  `${String(cell.value).replace('.', ',')}${cell.uncertain ? ' *' : ''}`,
                  cell.uncertain ? el('span', { class: 'announcer' }, ` (${t('followup.uncertain')})`) : null);
              })))))));
    })));
  return { section, draw: () => charts.forEach(draw) };
}

// Chart.js (200 KB) is fetched when the first chart is drawn: as a script in the page's head it held
// up every module of the page, which run only after it. Its UMD build sets globalThis.Chart. Without
// it (it failed to load) the tables beside the charts show the same figures.
let chartJs;

function draw(chart) {
  chartJs ??= import('/webjars/chart.js/dist/chart.umd.js').then(() => globalThis.Chart, () => null);
  chartJs.then((Chart) => Chart && drawWith(Chart, chart));
}

function drawWith(Chart, { canvas, years, districts, value }) {
  // eslint-disable-next-line no-new
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: years,
      datasets: districts.map((d, i) => ({
        label: d.name,
        data: years.map((year) => value(d.slug, year)?.value ?? null),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        pointStyle: years.map((year) => (value(d.slug, year)?.uncertain ? 'crossRot' : 'circle')),
        pointRadius: years.map((year) => (value(d.slug, year)?.uncertain ? 7 : 3)),
        spanGaps: true,
      })),
    },
    options: { animation: false, responsive: true, plugins: { legend: { position: 'bottom' } } },
  });
}
