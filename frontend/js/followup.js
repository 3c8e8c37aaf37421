// The public follow-up of the citizen promises: per period (and optionally one district), each
// promise and commitment with its progress, the linked measures on a map and in lists, a timeline
// of activities and the safety survey. Prints as the annual follow-up report. It asks only for what
// the period names: its commitments' measures and activities by id, and the activities of its years.
import { api, session } from './api.js';
import { el, replace } from './dom.js';
import { formatDate, onLanguageChange, t, toggleLanguage, translatePage } from './i18n.js';
import { boundsOf, createMap, removeMap, showMunicipality } from './map.js';
import { measureLayer } from './layers/measures.js';
import { activityLink, renderPromise } from './followup/promises.js';
import { progressBar, sizeBars } from './followup/progress.js';
import { renderSurvey } from './followup/survey.js';
import { plannerExtras, promiseForm, surveyImport } from './followup/editing.js';
import { loadFailure } from './ui/unavailable.js';
import { label, loadVocabularies } from './vocabulary.js';
import { allPages, featureStore } from './features.js';
import { local, scoped } from './municipality.js';

const NO_EXTRAS = { promise: () => [], commitment: () => [] };
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);

const page = {
  planner: false,
  store: featureStore(),
  async load() {
    // A period named in the address is asked for at once; else the one running now, once the list says which.
    const named = params.get('period');
    const asked = named ? api.period(named) : null;
    asked?.catch(() => {});
    [this.config, this.periods, this.neighbourhoods, this.survey] = await Promise.all([
      api.config(), api.periods(), api.neighbourhoods(), api.surveyResults(), loadVocabularies()]);
    showMunicipality(this.config);
    this.district = this.neighbourhoods.features.map((f) => f.properties).find((d) => d.slug === params.get('omrade'));
    this.code = named || this.defaultPeriod();
    this.period = this.code ? await (asked || api.period(this.code)) : null;
    await this.loadLinked();
  },
  /**
   * What the period's figures and lists name, and nothing more: the measures and activities its
   * commitments link (by id), and the activities of its years (for the timeline and the figures).
   */
  async loadLinked() {
    const linked = (key) => [...new Set((this.period?.promises || []).flatMap((p) => p.commitments.flatMap((c) => c[key])))];
    const [measures, activities, ofPeriod] = await Promise.all([
      this.store.many('measures', linked('measureIds')),
      this.store.many('activities', linked('activityIds')),
      this.period ? allPages('activities', { from: `${this.period.periodStart}-01-01`, to: `${this.period.periodEnd}-12-31` })
        : { features: [] }]);
    this.measures = new Map(measures.map((f) => [f.id, f]));
    this.activities = new Map([...activities, ...ofPeriod.features].map((f) => [f.id, f]));
  },
  // The period running now (or the latest begun); for a district, preferably one that focuses on it.
  defaultPeriod() {
    const year = new Date().getFullYear();
    const begun = this.periods.filter((p) => p.periodStart <= year);
    const focused = this.district ? begun.filter((p) => p.focusNeighbourhoods.includes(this.district.slug)) : [];
    for (const candidates of [focused, begun, this.periods]) {
      const current = candidates.find((p) => p.periodEnd >= year) || candidates[0];
      if (current) return current.period;
    }
    return null;
  },
  async reload() {
    this.period = await api.period(this.code);
    this.store.clear();
    await this.loadLinked();
    this.render();
  },
  async reloadSurvey() {
    this.survey = await api.surveyResults();
    const { section, draw } = renderSurvey(this.survey, this.district);
    document.querySelector('[aria-labelledby="survey-heading"]').replaceWith(section);
    draw();
  },
  render() {
    const holders = new Map();
    const holderFor = (id) => holders.get(id);
    const inDistrict = (f) => !this.district || f.properties.neighbourhoods.some((n) => n.slug === this.district.slug);
    const period = periodOf(this.period);
    // One set of activities for every figure and list of the page: held in the period (and the district).
    const held = [...this.activities.values()]
      .filter((a) => inDistrict(a) && period.when(a.properties.startsOn) === 'held')
      .sort((a, b) => a.properties.startsOn.localeCompare(b.properties.startsOn));
    const linkedIds = new Set((this.period?.promises || []).flatMap((p) => p.commitments.flatMap((c) => c.measureIds)));
    const linked = [...linkedIds].map((id) => this.measures.get(id)).filter(Boolean).filter(inDistrict);
    // Drafts count in no figure, as they count in no progress.
    const counted = linked.filter((m) => m.properties.published !== false);
    const countBy = (list, test) => list.filter(test).length;
    const scope = this.district ? this.district.name : t('followup.wholeMunicipality');
    const extras = this.planner ? plannerExtras(this, holderFor) : NO_EXTRAS;

    const promises = (this.period?.promises || []).map((promise) => {
      const holder = el('div', { class: 'form-holder' });
      holders.set(promise.id, holder);
      return [renderPromise(promise, {
        measures: this.measures, activities: this.activities, district: this.district, extras, period,
      }), holder];
    });
    const mapNode = el('div', { class: 'minimap', id: 'followup-map', role: 'region', 'aria-label': t('followup.measuresMap') });
    const { section: survey, draw } = renderSurvey(this.survey, this.district);
    const title = `${t('followup.title')} ${this.period ? this.period.period.replace('-', '–') : ''}`
      + (this.district ? ` · ${this.district.name}` : '');
    document.title = `${title} – ${t('app.title')}`;

    replace(content,
      el('h1', { id: 'followup-title' }, title),
      el('p', {}, t('followup.goal')),
      el('div', { class: 'choosers' },
        chooser('period-chooser', t('followup.period'), this.periods.map((p) => ({
          href: pageHref(p.period, this.district?.slug), text: p.period.replace('-', '–'), current: p.period === this.code,
        }))),
        chooser('district-chooser', t('followup.district'), [
          { href: pageHref(this.code, null), text: t('followup.allDistricts'), current: !this.district },
          ...this.neighbourhoods.features.map((f) => ({
            href: pageHref(this.code, f.properties.slug), text: f.properties.name,
            current: f.properties.slug === this.district?.slug,
          }))])),
      this.period ? progressBar(this.period.progress, t('followup.overall'), null,
        { scope: this.district ? t('followup.wholeMunicipality') : null }) : el('p', {}, t('followup.noPromises')),
      el('h2', { id: 'key-figures' }, t('followup.keyFiguresOf', { scope })),
      el('p', { class: 'meta' }, t('followup.keyFiguresNote')),
      el('ul', { class: 'figures', 'aria-labelledby': 'key-figures' },
        figure(t('followup.walksHeld'), countBy(held, (a) => a.properties.kind === 'safety_walk'), 'walks'),
        figure(t('followup.dialoguesHeld'), countBy(held, (a) => a.properties.kind === 'dialogue'), 'dialogues'),
        figure(t('followup.operationsHeld'), countBy(held, (a) => a.properties.kind === 'police_operation'), 'operations'),
        figure(t('followup.measuresDone'), countBy(counted, (m) => m.properties.status === 'done'), 'done'),
        figure(t('followup.measuresOngoing'), countBy(counted, (m) => m.properties.status === 'in_progress'), 'in-progress'),
        figure(t('followup.measuresPlanned'), countBy(counted, (m) => m.properties.status === 'planned'), 'planned')),
      el('div', { class: 'actions' },
        this.period ? el('a', { class: 'button secondary', href: scoped(`/api/periods/${this.period.period}/commitments.csv`),
          download: '' }, t('followup.export')) : null,
        el('button', { type: 'button', class: 'button secondary', onclick: () => window.print() }, t('followup.print'))),
      el('h2', {}, t('followup.commitments')),
      !this.planner ? null : el('div', { class: 'buttons no-print' }, el('button', {
        type: 'button', class: 'button', onclick: () => {
          const holder = el('div');
          replace(newPromiseHolder, promiseForm(this, holder));
          newPromiseHolder.querySelector('h3').focus();
        },
      }, t('planner.newPromise'))),
      newPromiseHolder,
      promises,
      el('h2', {}, t('followup.measuresMapOf', { scope })),
      mapNode,
      el('h2', {}, t('followup.timelineOf', { scope })),
      el('ol', { class: 'timeline' }, held.map((a) => el('li', {},
        el('time', { datetime: a.properties.startsOn }, formatDate(a.properties.startsOn)),
        `${label('activityKinds', a.properties.kind)}: `, activityLink(a),
        a.properties.neighbourhoods.length ? ` (${a.properties.neighbourhoods.map((n) => n.name).join(', ')})` : ''))),
      survey,
      this.planner ? surveyImport(this) : null);
    sizeBars(content);
    draw();
    removeMap(this.map);
    this.map = showMeasuresMap(mapNode, this.config, linked, this.district && this.neighbourhoods.features
      .find((f) => f.properties.slug === this.district.slug));
  },
};
const newPromiseHolder = el('div');

/**
 * When an activity falls for a period: 'held' (in the period, and done by today), 'coming' (not
 * yet), or 'outside' (held before or after the period).
 */
function periodOf(period) {
  const today = new Date().toISOString().slice(0, 10);
  const [start, end] = period ? [period.periodStart, period.periodEnd] : [0, 0];
  return {
    today,
    when(date) {
      if (date > today) return 'coming';
      const year = Number(date.slice(0, 4));
      return year >= start && year <= end ? 'held' : 'outside';
    },
  };
}

/** A promise or commitment named in the address (#commitment-7, from a measure's page), in view and focused. */
function showAnchor() {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  target.closest('details')?.setAttribute('open', '');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** The follow-up of a period, of one district or (no slug) the whole municipality. */
function pageHref(period, slug) {
  const params = new URLSearchParams();
  if (period) params.set('period', period);
  if (slug) params.set('omrade', slug);
  const query = params.toString();
  return local(`/uppfoljning${query ? `?${query}` : ''}`);
}

/**
 * A choice among pages as plain links (open in a new tab, copy, bookmark), the chosen one marked as
 * the page one is on; a navigation landmark named by its label.
 */
function chooser(id, label, options) {
  return el('nav', { class: 'chooser', 'aria-labelledby': id },
    el('span', { id, class: 'chooser-label' }, label),
    el('ul', {}, options.map((option) => el('li', {},
      el('a', { href: option.href, 'aria-current': option.current ? 'page' : null }, option.text)))));
}

function figure(label, value, key) {
  return el('li', { dataset: { figure: key } }, el('span', { class: 'figure-value' }, String(value)), label);
}

function showMeasuresMap(node, config, measures, district) {
  const map = createMap(node, config, t('followup.measuresMap'));
  const layer = measureLayer(map, (id) => { location.assign(local(`/?atgard=${id}`)); });
  layer.layer.addTo(map);
  layer.show(measures);
  const target = district?.geometry
    || (measures.length ? { type: 'FeatureCollection', features: measures.filter((m) => m.geometry) } : null);
  if (target) map.fitBounds(boundsOf(target), { padding: [20, 20], maxZoom: 16 });
  return map;
}

async function start() {
  translatePage();
  document.getElementById('language').addEventListener('click', toggleLanguage);
  // Who is reading is asked beside the data, not after it.
  const [me] = await Promise.all([session().catch(() => null), page.load()]);
  page.planner = Boolean(me?.rolesHere?.includes('planner'));
  page.render();
  showAnchor();
  onLanguageChange(() => page.render());
}

start().catch((error) => replace(content, loadFailure(error)));
