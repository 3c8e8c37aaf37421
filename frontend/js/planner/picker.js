// Searchable pickers for the planners' forms: places, measures and commitments are found by
// searching the server (by name, district, period), not by scrolling a checkbox for every row, and
// the chosen ones stay visible as removable chips whatever the search shows.
//
// The pattern is a search field with a list of results as checkboxes (rather than an ARIA 1.2
// combobox): every part is a native control, so it works with every screen reader and keyboard
// without a focus model of its own; a status line says how many results there are.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { fieldId } from '../forms/fields.js';
import { label } from '../vocabulary.js';

const SEARCH_DELAY_MS = 250;
const RESULTS = 50;

/**
 * A picker. {@code search(text, filterValues)} resolves to { items: [{ id, label, meta, data }], total };
 * {@code selected} are the items chosen at first (their labels may come later from {@code resolve}).
 * With {@code onPick} it picks one item at a time (a button per result) and keeps nothing itself.
 * The first search waits for {@code ready}.
 * Returns { node, error, values(), read(), items(), toggle(item), add(item), onChange(listener), refresh(), destroy() }.
 */
export function picker({ name, legend, searchLabel, filters = [], search, selected = [], resolve = null,
  onPick = null, context = () => '', ready = Promise.resolve() }) {
  const id = fieldId(name);
  const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const chosen = new Map(selected.map((item) => [String(item.id), item]));
  const listeners = [];
  const query = el('input', { type: 'search', id: `${id}-q`, autocomplete: 'off' });
  const count = el('p', { class: 'picker-count', role: 'status', 'aria-live': 'polite', id: `${id}-count` });
  const results = el('ul', { class: 'picker-results', 'aria-labelledby': `${id}-legend` });
  const chips = el('ul', { class: 'chips', 'aria-labelledby': `${id}-chosen` });
  const chosenLabel = el('p', { class: 'chips-label', id: `${id}-chosen` });
  const scope = el('p', { class: 'meta picker-scope' });
  query.setAttribute('aria-describedby', `${id}-count`);
  let shown = [];
  let sequence = 0;
  let timer = null;

  const changed = () => listeners.forEach((listener) => listener());

  function renderChips() {
    chosenLabel.textContent = t('picker.chosen', { count: chosen.size });
    chosenLabel.hidden = onPick !== null;
    replace(chips, [...chosen.values()].map((item) => el('li', { class: 'chip', dataset: { id: item.id } },
      el('span', {}, item.label ?? `#${item.id}`),
      el('button', {
        type: 'button', class: 'chip-remove', 'aria-label': t('picker.remove', { label: item.label ?? `#${item.id}` }),
        onclick: () => {
          // Focus goes to the chip now in its place (or the one before), else to the search field,
          // so it is never lost.
          const index = [...chosen.keys()].indexOf(String(item.id));
          remove(item);
          const buttons = chips.querySelectorAll('.chip-remove');
          (buttons[Math.min(index, buttons.length - 1)] || query).focus();
          count.textContent = t('picker.removed', { label: item.label ?? `#${item.id}` });
        },
      }, '×'))));
  }

  function renderResults() {
    replace(results, shown.map((item) => {
      if (onPick) {
        return el('li', {}, el('button', {
          type: 'button', class: 'link', dataset: { pick: item.id },
          onclick: () => onPick(item),
        }, item.label), item.meta ? el('span', { class: 'meta' }, ` ${item.meta}`) : null);
      }
      const box = el('input', {
        type: 'checkbox', id: `${id}-${item.id}`, value: String(item.id), checked: chosen.has(String(item.id)),
        onchange: (event) => (event.target.checked ? add(item) : remove(item)),
      });
      return el('li', { class: 'check' }, box, el('label', { for: box.id }, item.label,
        item.meta ? el('span', { class: 'meta' }, ` ${item.meta}`) : null));
    }));
  }

  function add(item) {
    chosen.set(String(item.id), item);
    renderChips();
    const box = results.querySelector(`input[value="${item.id}"]`);
    if (box) box.checked = true;
    changed();
  }

  function remove(item) {
    chosen.delete(String(item.id));
    renderChips();
    const box = results.querySelector(`input[value="${item.id}"]`);
    if (box) box.checked = false;
    changed();
  }

  async function refresh() {
    sequence += 1;
    const mine = sequence;
    count.textContent = t('picker.searching');
    try {
      const found = await search(query.value.trim(), filters.map((f) => f.control.value));
      if (mine !== sequence) return;
      shown = found.items;
      scope.textContent = context(query.value.trim(), filters.map((f) => f.control.value));
      renderResults();
      count.textContent = found.items.length === 0 ? t('picker.none')
        : found.total > found.items.length ? t('picker.some', { shown: found.items.length, total: found.total })
          : t(found.items.length === 1 ? 'picker.one' : 'picker.all', { count: found.items.length });
    } catch (failure) {
      if (mine === sequence) count.textContent = t('picker.failed');
    }
  }

  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, SEARCH_DELAY_MS);
  });
  // Enter searches at once; it must not send the form the picker sits in.
  query.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      refresh();
    }
  });
  filters.forEach((f) => f.control.addEventListener('change', refresh));

  renderChips();
  if (resolve) {
    const unknown = [...chosen.values()].filter((item) => item.label === undefined);
    if (unknown.length) {
      resolve(unknown.map((item) => item.id)).then((items) => {
        items.forEach((item) => { if (chosen.has(String(item.id))) chosen.set(String(item.id), item); });
        renderChips();
        changed();
      });
    }
  }
  // The first search waits for what the filters need (e.g. the periods to choose from).
  ready.then(refresh, () => { count.textContent = t('picker.failed'); });

  const node = el('fieldset', { class: 'field picker', dataset: { field: name }, 'aria-describedby': error.id },
    el('legend', { id: `${id}-legend` }, legend),
    chosenLabel, chips,
    el('div', { class: 'picker-search' },
      el('div', { class: 'picker-control' }, el('label', { for: query.id }, searchLabel), query),
      filters.map((f) => el('div', { class: 'picker-control' }, el('label', { for: f.control.id }, f.label), f.control))),
    scope, count, results, error);
  return {
    node,
    error,
    values: () => [...chosen.keys()],
    /** The chosen ids, as a form sends them. */
    read: () => [...chosen.keys()].map(Number),
    items: () => [...chosen.values()],
    add,
    toggle: (item) => (chosen.has(String(item.id)) ? remove(item) : add(item)),
    onChange: (listener) => listeners.push(listener),
    refresh,
    destroy: () => { sequence += 1; clearTimeout(timer); },
  };
}

function selectControl(name, options, selectedValue) {
  const control = el('select', { id: fieldId(name) },
    options.map(([value, label]) => el('option', { value, selected: value === selectedValue }, label)));
  return control;
}

function districtFilter(ctx) {
  const districts = ctx.data.neighbourhoods.features.map((f) => f.properties);
  return {
    label: t('picker.district'),
    control: selectControl('district', [['', t('picker.allDistricts')], ...districts.map((d) => [d.slug, d.name])], ''),
  };
}

/** What a place or measure is called in a picker, and the line beside it: districts, status, a draft's mark. */
export function featureItem(kind, feature) {
  const p = feature.properties;
  const status = label(kind === 'places' ? 'placeStatuses' : 'measureStatuses', p.status);
  const districts = (p.neighbourhoods || []).map((n) => n.name).join(', ');
  return {
    id: feature.id,
    label: kind === 'places' ? p.name : p.title,
    meta: [districts, status, p.published === false ? t('draft.mark') : null].filter(Boolean).join(' · '),
    data: feature,
  };
}

// A little more than the bounds, and at least a few hundred metres across: a point alone has nothing
// "near" it otherwise.
function around(bounds) {
  const padded = bounds.pad(0.2);
  const centre = padded.getCenter();
  const half = 0.003;
  return padded.extend([[centre.lat - half, centre.lng - half * 2], [centre.lat + half, centre.lng + half * 2]]);
}

/**
 * Places or measures, searched by name (or title) and district on the server. Without either, the
 * ones near {@code near()} (a Leaflet bounds: the item's own geometry, else the map's view): what a
 * planner most likely means. With {@code publishedOnly} drafts are left out of the results.
 */
export function featurePicker(ctx, { kind, name, legend, selected = [], near = () => ctx.map.getBounds(), onPick = null,
  publishedOnly = false }) {
  const search = async (text, [district]) => {
    const filter = { q: text, neighbourhood: district, limit: RESULTS };
    if (!text && !district) filter.bbox = around(near()).toBBoxString();
    const found = await api.search(kind, filter);
    const features = publishedOnly ? found.features.filter((f) => f.properties.published !== false) : found.features;
    const items = features.map((f) => featureItem(kind, f))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    // The drafts of this page left out of the count too (those of later pages cannot be known here).
    return { items, total: (found.numberMatched ?? found.features.length) - (found.features.length - features.length) };
  };
  const fetch = kind === 'places' ? api.place : api.measure;
  return picker({
    name,
    legend,
    searchLabel: t(kind === 'places' ? 'picker.searchPlaces' : 'picker.searchMeasures'),
    filters: [districtFilter(ctx)],
    search,
    selected: selected.map((id) => ({ id })),
    // A chosen item that is gone (deleted since) still shows, by its id.
    resolve: (ids) => Promise.all(ids.map((id) => fetch(id).then((r) => featureItem(kind, r.data))
      .catch(() => ({ id, label: t('picker.missing', { id }) })))),
    onPick,
    context: (text, [district]) => (text || district ? '' : t('picker.nearby')),
  });
}

// The period a planner most likely works in: the one holding today, else the latest begun.
function currentPeriod(periods) {
  const year = new Date().getFullYear();
  return (periods.find((p) => p.periodStart <= year && year <= p.periodEnd)
    || periods.find((p) => p.periodStart <= year) || periods[0])?.period || '';
}

const periodCache = new Map();

function commitmentsOf(period) {
  if (!periodCache.has(period)) {
    periodCache.set(period, api.period(period).then((data) => data.promises.flatMap((promise) => promise.commitments
      .map((c) => ({ ...c, period: data.period, promiseTitle: promise.title })))).catch((error) => {
      periodCache.delete(period);
      throw error;
    }));
  }
  return periodCache.get(period);
}

function commitmentItem(c) {
  return {
    id: c.id,
    label: c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text,
    meta: [c.period, label('parties', c.party), c.promiseTitle].filter(Boolean).join(' · '),
    data: c,
  };
}

/** Commitments, by default of the current period, filtered by period and words. */
export function commitmentPicker(selected = []) {
  const period = { label: t('picker.period'), control: selectControl('period', [], '') };
  const periods = api.periods().then((list) => {
    replace(period.control, [...list.map((p) => [p.period, p.period]), ['', t('picker.allPeriods')]]
      .map(([value, label]) => el('option', { value }, label)));
    period.control.value = currentPeriod(list);
    return list;
  });
  const search = async (text, [chosenPeriod]) => {
    const codes = chosenPeriod ? [chosenPeriod] : (await periods).map((p) => p.period);
    const all = (await Promise.all(codes.map(commitmentsOf))).flat();
    const words = text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const items = all.filter((c) => words.every((w) => `${c.text} ${c.promiseTitle}`.toLocaleLowerCase('sv').includes(w)))
      .map(commitmentItem);
    return { items, total: items.length };
  };
  return picker({
    name: 'commitmentIds',
    legend: t('form.commitments'),
    searchLabel: t('picker.searchCommitments'),
    filters: [period],
    search,
    ready: periods,
    selected: selected.map((id) => ({ id })),
    resolve: (ids) => Promise.all(ids.map((id) => api.commitment(id)
      .then((r) => commitmentItem({ ...r.data, period: null, promiseTitle: null }))
      .catch(() => ({ id, label: t('picker.missing', { id }) })))),
  });
}
