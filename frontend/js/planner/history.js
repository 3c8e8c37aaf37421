// An item's change history: who changed what, and when, in words. Nested values read as what they
// are: a walk's stops one by one ("Stopp 2 tillagt: Mörk passage → Belysning"), a geometry as
// changed, linked ids by the names of what they link, codes by their labels; never raw JSON.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { formatDate, formatDateTime, t } from '../i18n.js';
import { failureText } from '../ui/unavailable.js';
import { label } from '../vocabulary.js';

// The vocabulary of each coded field; places' and measures' statuses differ.
const CODES = {
  places: { status: 'placeStatuses', source: 'placeSources', reasons: 'placeReasons' },
  measures: { status: 'measureStatuses', type: 'measureTypes', owner: 'measureOwners' },
  activities: { kind: 'activityKinds', timeOfDay: 'timesOfDay', operationKind: 'operationKinds',
    responsible: 'responsibleParties', priority: 'priorities' },
  promises: { party: 'parties' },
  commitments: { party: 'parties' },
  reports: { status: 'reportStatuses', rejection: 'reportRejections', reasons: 'placeReasons', when: 'reportTimes' },
};

// Fields that hold ids of other items, and how to name them.
const LINKS = {
  placeIds: { fetch: api.place, name: (data) => data.properties.name },
  measureIds: { fetch: api.measure, name: (data) => data.properties.title },
  commitmentIds: { fetch: api.commitment, name: (data) => data.text },
  placeId: { fetch: api.place, name: (data) => data.properties.name },
  measureId: { fetch: api.measure, name: (data) => data.properties.title },
  promiseId: { fetch: api.promise, name: (data) => data.title },
};

const GEOMETRIES = new Set(['geometry', 'ownGeometry', 'area']);
const STOP_FIELDS = ['unsafe', 'safe', 'proposedMeasure', 'responsible', 'priority', 'deadline', 'placeId', 'measureId'];

function isEmpty(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

// A kind may name a field its own way (a report's "text" is no commitment's).
function fieldName(name, kind = null) {
  const own = `field.${kind}.${name}`;
  if (kind && t(own) !== own) return t(own);
  const key = `field.${name}`;
  return t(key) === key ? name : t(key);
}

/** One value as words: a code by its label, an id by its item's name, a date as a date. */
function words(kind, name, value, names) {
  if (isEmpty(value)) return '–';
  if (Array.isArray(value)) return value.map((v) => words(kind, name, v, names)).join(', ');
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (LINKS[name]) return names.get(`${name}:${value}`) || `#${value}`;
  if (typeof value === 'object') {
    if (value.name) return value.name; // a district {slug, name}
    if (value.type && value.coordinates) return t(`geometry.${value.type}`);
    if (name === 'participants') {
      return Object.entries(value).map(([group, n]) => `${label('participantGroups', group)}: ${n}`).join(', ');
    }
    if (name === 'target') {
      return `${value.count} × ${label('activityKinds', value.activity)}${value.operationKind
        ? ` (${label('operationKinds', value.operationKind)})` : ''}`;
    }
    return Object.entries(value).filter(([, v]) => !isEmpty(v))
      .map(([key, v]) => `${fieldName(key)}: ${words(kind, key, v, names)}`).join(', ');
  }
  const vocabulary = CODES[kind]?.[name];
  if (vocabulary) return label(vocabulary, value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

// A stop in one line: where it was, what felt unsafe and what was proposed.
function stopLine(stop, names) {
  return `${stop.unsafe || '–'} → ${stop.proposedMeasure || '–'}${stop.placeId
    ? ` (${t('history.becamePlace', { name: words('activities', 'placeId', stop.placeId, names) })})` : ''}`;
}

// The stops of a walk before and after, stop by stop (matched by id): added, removed, changed.
function stopChanges(from, to, names) {
  const before = new Map((from || []).map((s, i) => [s.id, { ...s, n: i + 1 }]));
  const after = new Map((to || []).map((s, i) => [s.id, { ...s, n: i + 1 }]));
  const lines = [];
  after.forEach((stop, id) => {
    const old = before.get(id);
    if (!old) {
      lines.push(t('history.stopAdded', { n: stop.n, text: stopLine(stop, names) }));
      return;
    }
    const changed = STOP_FIELDS.filter((f) => JSON.stringify(old[f] ?? null) !== JSON.stringify(stop[f] ?? null))
      .map((f) => t('planner.change', {
        field: t(`history.stop.${f}`),
        from: words('activities', f, old[f], names),
        to: words('activities', f, stop[f], names),
      }));
    if (JSON.stringify(old.geometry) !== JSON.stringify(stop.geometry)) changed.push(t('history.stopMoved'));
    if (old.n !== stop.n) changed.push(t('history.stopRenumbered', { from: old.n }));
    if (changed.length) lines.push(t('history.stopChanged', { n: stop.n, changes: changed.join('; ') }));
  });
  before.forEach((stop, id) => {
    if (!after.has(id)) lines.push(t('history.stopRemoved', { n: stop.n, text: stopLine(stop, names) }));
  });
  return lines;
}

function changeLines(kind, name, change, names) {
  if (name === 'geometry') return [t('planner.geometryChanged')];
  if (GEOMETRIES.has(name)) {
    const key = isEmpty(change.from) ? 'history.geometryAdded' : isEmpty(change.to) ? 'history.geometryRemoved'
      : 'history.changed';
    return [`${fieldName(name)}: ${t(key)}`];
  }
  if (name === 'stops') return stopChanges(change.from, change.to, names);
  return [t('planner.change', {
    field: fieldName(name, kind), from: words(kind, name, change.from, names), to: words(kind, name, change.to, names),
  })];
}

// Every linked id the entries name, fetched once each: "Platser: Mörk gång → Mörk gång, Parken".
async function linkedNames(entries) {
  const wanted = new Map();
  const collect = (name, value) => {
    const link = LINKS[name];
    if (!link || isEmpty(value)) return;
    (Array.isArray(value) ? value : [value]).forEach((id) => wanted.set(`${name}:${id}`, () => link.fetch(id)
      .then((r) => link.name(r.data)).catch(() => t('history.gone', { id }))));
  };
  entries.forEach((entry) => Object.entries(entry.changes || {}).forEach(([name, change]) => {
    [change.from, change.to].forEach((value) => {
      if (name === 'stops') (value || []).forEach((stop) => { collect('placeId', stop.placeId); collect('measureId', stop.measureId); });
      else collect(name, value);
    });
  }));
  const names = new Map();
  await Promise.all([...wanted].map(async ([key, fetch]) => names.set(key.replace(/Ids:/, ':').replace(/Id:/, ':'), await fetch())));
  // Looked up by field name and id, whichever field named it.
  return {
    get: (key) => names.get(key.replace(/Ids:/, ':').replace(/Id:/, ':')),
  };
}

export function historySection(kind, id) {
  const list = el('ol', { class: 'history' }, el('li', {}, t('app.loading')));
  api.history(kind, id).then(async (entries) => {
    const names = await linkedNames(entries);
    replace(list, entries.slice().reverse().map((entry) => el('li', {},
      el('span', { class: 'history-head' }, t('planner.historyEntry', {
        when: formatDateTime(entry.changedAt),
        who: entry.changedBy,
        action: t(`planner.action.${entry.action}`),
      })),
      entry.action === 'updated' ? el('ul', {}, Object.entries(entry.changes)
        .flatMap(([name, change]) => changeLines(kind, name, change, names))
        .map((line) => el('li', {}, line))) : null)));
    if (entries.length === 0) replace(list, el('li', {}, t('planner.historyEmpty')));
  }).catch((error) => replace(list, el('li', { class: 'error' }, failureText(error))));
  return el('section', { class: 'history-section' }, el('h3', {}, t('planner.history')), list);
}
