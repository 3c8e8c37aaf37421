// Talks to the backend. Changes carry the session's CSRF token and the item's ETag (If-Match); every
// request asks for the page's language, so that what the server says (why a save failed, a report of
// an import) comes in it and is shown as it comes.
import { language } from './i18n.js';
import { scoped } from './municipality.js';

const JSON_TYPES = 'application/geo+json, application/json';
let csrf = null;

export class ApiError extends Error {
  /** status 0: no answer at all (the server or the network is down). */
  constructor(status, problem, { url, retryAfter } = {}) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.url = url;
    this.retryAfter = retryAfter;
  }

  /** The problem's per-field errors: [{ field, code, args, reason, position }]. */
  get errors() {
    return this.problem.errors || [];
  }

  /** What the server said is wrong, in the page's language: each error's reason, else the problem's detail. */
  get reasons() {
    return this.errors.length ? this.errors.map((error) => error.reason) : [this.message];
  }

  /**
   * The data is only temporarily unavailable: the database is down or slow (503), a proxy in front
   * found no app (502, 504), or no answer came at all.
   */
  get unavailable() {
    return [0, 502, 503, 504].includes(this.status);
  }
}

// Every call asks for the page's municipality (municipality.js).
// `fresh` asks past the browser's cache (public answers are kept a while): after a change of one's own.
async function send(method, address, { body, raw, type, etag, signal, fresh } = {}) {
  const url = scoped(address);
  const headers = { Accept: JSON_TYPES, 'Accept-Language': language(), 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') {
    if (!csrf) await session();
    headers[csrf.headerName] = csrf.token;
  }
  if (body !== undefined || raw !== undefined) headers['Content-Type'] = type || 'application/geo+json';
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      signal,
      cache: fresh ? 'no-cache' : 'default',
      body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    // A request the page gave up on (a newer view superseded it) is no failure: the caller drops it.
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, { url });
  }
  const received = response.headers.get('Content-Type') || '';
  const data = response.status === 204 || !received.includes('json') ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, data, { url, retryAfter: Number(response.headers.get('Retry-After')) || null });
  }
  return { data, etag: response.headers.get('ETag') };
}

export async function session() {
  const { data } = await send('GET', '/api/session');
  csrf = data.csrf;
  return data;
}

/** A filter as query parameters, without those left empty; lists go comma-separated. */
function query(filter) {
  return new URLSearchParams(Object.entries(filter)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]));
}

// A CSV file's charset goes in its Content-Type; without one the server reads UTF-8 (or what a BOM says).
const csvType = (charset) => (charset ? `text/csv; charset=${charset}` : 'text/csv');
// A file of places or measures by its name: GeoPackage, CSV, else GeoJSON.
const fileType = (file) => (/\.gpkg$/i.test(file.name) ? 'application/geopackage+sqlite3'
  : /\.(csv|txt)$/i.test(file.name) ? 'text/csv' : 'application/geo+json');

export const api = {
  config: () => send('GET', '/api/config').then((r) => r.data),
  vocabularies: () => send('GET', '/api/vocabularies').then((r) => r.data),
  settings: () => send('GET', '/api/config'),
  saveSettings: (settings, etag) => send('PUT', '/api/config', { body: settings, type: 'application/json', etag }),
  neighbourhood: (slug) => send('GET', `/api/neighbourhoods/${encodeURIComponent(slug)}`),
  removeNeighbourhood: (slug, etag) => send('DELETE', `/api/neighbourhoods/${encodeURIComponent(slug)}`, { etag }),
  // A GeoPackage goes as what it is; anything else is read as GeoJSON.
  importDistricts: (file, options) => send('POST', `/api/neighbourhoods/import?${new URLSearchParams(options)}`, {
    raw: file, type: /\.gpkg$/i.test(file.name) ? 'application/geopackage+sqlite3' : 'application/geo+json',
  }).then((r) => r.data),
  /** A file's columns and CRS, and the mapping proposed for importing it as places or measures. */
  inspectImport: (layer, file) => send('POST', `/api/imports/${layer}/inspect`, { raw: file, type: fileType(file) })
    .then((r) => r.data),
  /** Imports (or with dryRun only judges) a file of places or measures: { dryRun, crs, mapping }. */
  importFile: (layer, file, options) => send('POST', `/api/imports/${layer}?${new URLSearchParams(options)}`,
    { raw: file, type: fileType(file) }).then((r) => r.data),
  neighbourhoods: () => send('GET', '/api/neighbourhoods').then((r) => r.data),
  /** Every municipality with its counts and promise periods (the national page). */
  municipalities: ({ fresh } = {}) => send('GET', '/api/municipalities', { fresh }).then((r) => r.data),
  /** A new municipality (installation admins): { name, slug, code, extent }. */
  createMunicipality: (municipality) => send('POST', '/api/municipalities', { body: municipality, type: 'application/json' }),
  summary: (slug) => send('GET', `/api/neighbourhoods/${encodeURIComponent(slug)}/summary`).then((r) => r.data),
  /**
   * One page of places, measures or activities matching a filter ({ bbox, neighbourhood, status,
   * type, ids, sortby, limit, offset, … }): a FeatureCollection with numberMatched, all there are.
   */
  page: (kind, filter, { signal } = {}) => send('GET', `/api/${kind}?${query(filter)}`, { signal }).then((r) => r.data),
  /** How many places, measures or incidents lie in each cell of the map's grid ({ bbox, zoom, … }). */
  clusters: (kind, filter, { signal } = {}) => send('GET', `/api/${kind}/clusters?${query(filter)}`, { signal })
    .then((r) => r.data),
  /** An e-mail subscription to a district (slug) or, without one, the municipality: 202 whatever the address. */
  subscribe: (subscription) => send('POST', '/api/subscriptions', { body: subscription, type: 'application/json' }),
  /** What an e-mail's link asks for, by its signed token: confirm, unsubscribe, or stop a report's messages. */
  mailAction: (action, token) => send('POST', `${{
    confirm: '/api/subscriptions/confirm', unsubscribe: '/api/subscriptions/unsubscribe',
    reportUpdates: '/api/reports/updates/unsubscribe',
  }[action]}?token=${encodeURIComponent(token)}`),
  activity: (id) => send('GET', `/api/activities/${id}`),
  periods: () => send('GET', '/api/periods').then((r) => r.data),
  period: (code) => send('GET', `/api/periods/${encodeURIComponent(code)}`).then((r) => r.data),
  promise: (id) => send('GET', `/api/promises/${id}`),
  commitment: (id) => send('GET', `/api/commitments/${id}`),
  commitmentsOf: (measureId) => send('GET', `/api/measures/${measureId}/commitments`).then((r) => r.data),
  surveyResults: () => send('GET', '/api/survey-results').then((r) => r.data),
  placeFromStop: (walk, stop, choices) => send('POST', `/api/activities/${walk}/stops/${stop}/place`,
    { body: choices, type: 'application/json' }).then((r) => r.data),
  importSurvey: (file, charset) => send('POST', '/api/survey-results', { raw: file, type: csvType(charset) })
    .then((r) => r.data),
  incidentYears: () => send('GET', '/api/incident-statistics/years').then((r) => r.data),
  incidentStatistics: (year, category) => send('GET',
    `/api/incident-statistics?year=${year}${category ? `&category=${category}` : ''}`).then((r) => r.data),
  hotspots: (from, to) => send('GET', `/api/incident-hotspots?from=${from}&to=${to}&limit=8`).then((r) => r.data),
  importIncidents: (file, source, charset) => send('POST', `/api/incident-imports?source=${encodeURIComponent(source)}`,
    { raw: file, type: csvType(charset) }).then((r) => r.data),
  incidentImport: (id) => send('GET', `/api/incident-imports/${id}`).then((r) => r.data),
  undoIncidentImport: (id) => send('DELETE', `/api/incident-imports/${id}`),
  evaluation: (id, months) => send('GET', `/api/measures/${id}/evaluation?months=${months}`).then((r) => r.data),
  place: (id) => send('GET', `/api/places/${id}`),
  /** Places or measures matching a filter ({ q, neighbourhood, bbox, limit }), as the pickers search them. */
  search: (kind, filter) => send('GET', `/api/${kind}?${query(filter)}`).then((r) => r.data),
  /** Publishes (true) or unpublishes (false) a place or measure, under its ETag. */
  publish: (kind, id, published, etag) => send('PUT', `/api/${kind}/${id}/published`,
    { body: { published }, type: 'application/json', etag }),
  stopSuggestion: (walk, stop) => send('GET', `/api/activities/${walk}/stops/${stop}/suggestion`).then((r) => r.data),
  /** Positions in SWEREF 99 TM ([E, N]) as WGS 84 [lon, lat]. */
  toWgs84: (coordinates) => send('POST', '/api/coordinate-transforms',
    { body: { crs: 'EPSG:3006', coordinates }, type: 'application/json' }).then((r) => r.data.coordinates),
  incidentSources: () => send('GET', '/api/incident-sources').then((r) => r.data),
  addIncidentSource: (name) => send('POST', '/api/incident-sources', { body: { name }, type: 'application/json' })
    .then((r) => r.data),
  incidentImports: () => send('GET', '/api/incident-imports?limit=10').then((r) => r.data),
  measure: (id) => send('GET', `/api/measures/${id}`),
  history: (kind, id) => send('GET', `/api/${kind}/${id}/history`).then((r) => r.data),
  create: (kind, feature, type) => send('POST', `/api/${kind}`, { body: feature, type }),
  update: (kind, id, feature, etag, type) => send('PUT', `/api/${kind}/${id}`, { body: feature, etag, type }),
  remove: (kind, id, etag) => send('DELETE', `/api/${kind}/${id}`, { etag }),
  /** A page of the municipality's residents' reports ({ status, limit, offset }): { count, reports }. */
  reports: (filter) => send('GET', `/api/reports?${query(filter)}`).then((r) => r.data),
  report: (id) => send('GET', `/api/reports/${id}`),
  /** The places (drafts too) within 50 m of a report's pin. */
  reportPlaces: (id) => send('GET', `/api/reports/${id}/places`).then((r) => r.data),
  /** A moderation of a report under its ETag: approve, merge, reject, or text (the edited text). */
  moderate: (id, action, body, etag) => send(action === 'text' ? 'PUT' : 'POST', `/api/reports/${id}/${action}`,
    { body, type: 'application/json', etag }),
  account: () => send('GET', '/api/account').then((r) => r.data),
  changePassword: (currentPassword, newPassword) => send('PUT', '/api/account/password',
    { body: { currentPassword, newPassword }, type: 'application/json' }),
  tokens: () => send('GET', '/api/account/tokens').then((r) => r.data),
  createToken: (name, expiresOn) => send('POST', '/api/account/tokens',
    { body: { name, expiresOn }, type: 'application/json' }).then((r) => r.data),
  revokeToken: (id) => send('DELETE', `/api/account/tokens/${id}`),
  users: () => send('GET', '/api/admin/users').then((r) => r.data),
  createUser: (user) => send('POST', '/api/admin/users', { body: user, type: 'application/json' }).then((r) => r.data),
  updateUser: (username, changes) => send('PUT', `/api/admin/users/${encodeURIComponent(username)}`,
    { body: changes, type: 'application/json' }).then((r) => r.data),
  deleteUser: (username) => send('DELETE', `/api/admin/users/${encodeURIComponent(username)}`),
  /** A resident's report ({ location | neighbourhood + place, reasons, when, text, email, website }): { number, followUrl }. */
  sendReport: (report) => send('POST', '/api/reports', { body: report, type: 'application/json' }).then((r) => r.data),
  /** The published places within 50 m of a point, offered before a report is sent. */
  nearbyPlaces: (lon, lat) => send('GET', `/api/reports/nearby?${query({ lon, lat })}`).then((r) => r.data),
  /** A resident's voice added to a published place instead of a new report. */
  addVoice: (placeId) => send('POST', `/api/places/${placeId}/voices`, { body: {}, type: 'application/json' }),
  /** A report as its private link shows it. */
  followReport: (token) => send('GET', `/api/reports/follow/${encodeURIComponent(token)}`).then((r) => r.data),
  /** This year's reports in a district and how many are handled: { year, received, handled }. */
  reportSummary: (slug) => send('GET', `/api/reports/summary?${query({ neighbourhood: slug })}`).then((r) => r.data),
};
