// Record a safety walk (route and stops drawn on the map), a citizen dialogue or a police
// operation, and link it to the commitments it fulfils.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { MEASURE_TYPES, OWNERS, PLACE_REASONS } from '../vocabulary.js';
import { drawControls, drawTool, focusMapFor, keyboardDrawing } from './draw.js';
import { checkboxes, field, select } from './fields.js';
import { commitmentPicker, featurePicker } from './picker.js';
import { clearErrorMarkers, formButtons, saveFeature } from './saving.js';

const L = window.L;
const GROUPS = ['residents', 'property_owners', 'municipality', 'police', 'others'];
const OPERATIONS = ['patrol', 'dog_search', 'traffic_action', 'anti_supply_campaign', 'other'];
const HEADINGS = { safety_walk: 'form.walkHeading', dialogue: 'form.dialogueHeading', police_operation: 'form.operationHeading' };

export function activityForm(ctx, { kind, feature = null, etag = null }) {
  const p = feature?.properties || { participants: {}, neighbourhoods: [], commitmentIds: [], placeIds: [],
    measureIds: [], stops: [], published: false };
  const districts = ctx.data.neighbourhoods.features.map((f) => f.properties);
  const fields = {
    title: field('title', t('form.activityTitle'), el('input', { value: p.title || '' }), { required: true }),
    startsOn: field('startsOn', t('form.startsOn'), el('input', { type: 'date', value: p.startsOn || '' }), { required: true }),
    description: field('description', t(kind === 'police_operation' ? 'form.publicDescription' : 'form.summary'),
      el('textarea', { rows: 3 }, p.description || '')),
    neighbourhoods: checkboxes('neighbourhoods', t('form.neighbourhoods'), districts.map((d) => d.slug),
      (slug) => districts.find((d) => d.slug === slug).name, p.neighbourhoods.map((n) => n.slug)),
    commitmentIds: commitmentPicker(p.commitmentIds || []),
  };
  const participantInputs = GROUPS.map((group) => field(`participants.${group}`, t(`participants.${group}`),
    el('input', { type: 'number', min: 0, value: p.participants[group] ?? '' })));
  fields.participants = participantInputs[0];
  if (kind === 'safety_walk') {
    fields.timeOfDay = field('timeOfDay', t('form.timeOfDay'),
      select(['', 'day', 'evening'], (v) => (v ? t(`timeOfDay.${v}`) : t('form.none')), p.timeOfDay || ''));
    fields.published = field('published', t('form.published'), el('input', { type: 'checkbox', checked: p.published }));
  }
  if (kind === 'dialogue') {
    fields.format = field('format', t('form.format'), el('input', { value: p.format || '' }));
    fields.placeIds = featurePicker(ctx, { kind: 'places', name: 'placeIds', legend: t('form.outcomePlaces'),
      selected: p.placeIds });
    fields.measureIds = featurePicker(ctx, { kind: 'measures', name: 'measureIds', legend: t('form.outcomeMeasures'),
      selected: p.measureIds });
  }
  if (kind === 'police_operation') {
    fields.endsOn = field('endsOn', t('form.endsOn'), el('input', { type: 'date', value: p.endsOn || '' }));
    fields.operationKind = field('operationKind', t('form.operationKind'),
      select(OPERATIONS, (v) => t(`operation.${v}`), p.operationKind || 'patrol'));
  }
  const geometryError = el('p', { class: 'field-error', hidden: true });
  fields.geometry = { error: geometryError };
  const stopsError = el('p', { class: 'field-error', hidden: true });
  fields.stops = { error: stopsError };
  const summary = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });

  // The route of a walk or the area of an operation.
  let controls = null;
  const tool = kind === 'dialogue' ? null : drawTool(ctx, () => controls?.update());
  if (tool) {
    controls = drawControls(tool, kind === 'safety_walk' ? ['LineString'] : ['Polygon']);
    tool.edit(feature?.geometry);
  }

  // A walk's stops: each one a point on the map with what was said there.
  const stopMarkers = L.layerGroup().addTo(ctx.map);
  const stopList = el('ol', { class: 'stop-list' });
  const stops = [];
  const renumber = () => {
    stopMarkers.clearLayers();
    stops.forEach((stop, i) => {
      stop.heading.textContent = t('form.stopAt', { n: i + 1 });
      L.circleMarker(stop.latlng, { radius: 8, color: '#5b2a86', weight: 3, fillOpacity: 0.5 })
        .bindTooltip(el('span', {}, String(i + 1)), { permanent: true, direction: 'top' })
        .addTo(stopMarkers);
    });
  };
  const addStop = (latlng, existing = {}) => {
    const stop = { id: existing.id, latlng, heading: el('h4', {}) };
    stop.fields = {
      unsafe: field('unsafe', t('activity.unsafe'), el('textarea', { rows: 2 }, existing.unsafe || '')),
      safe: field('safe', t('activity.safe'), el('textarea', { rows: 2 }, existing.safe || '')),
      proposedMeasure: field('proposedMeasure', t('activity.proposed'), el('input', { value: existing.proposedMeasure || '' })),
      responsible: field('responsible', t('activity.responsible'),
        select(['', ...OWNERS], (v) => (v ? t(`owner.${v}`) : t('form.none')), existing.responsible || '')),
      priority: field('priority', t('activity.priority'),
        select(['', 'high', 'medium', 'low'], (v) => (v ? t(`priority.${v}`) : t('form.none')), existing.priority || '')),
      deadline: field('deadline', t('activity.deadline'), el('input', { type: 'date', value: existing.deadline || '' })),
    };
    stop.node = el('li', { class: 'stop', dataset: { stop: stops.length } }, stop.heading,
      Object.values(stop.fields).map((f) => f.node),
      el('button', { type: 'button', class: 'button secondary', onclick: () => {
        stops.splice(stops.indexOf(stop), 1);
        stop.node.remove();
        renumber();
      } }, t('form.removeStop')));
    stops.push(stop);
    stopList.append(stop.node);
    renumber();
    return stop;
  };
  (p.stops || []).forEach((s) => addStop(L.latLng(s.geometry.coordinates[1], s.geometry.coordinates[0]), s));
  const stopHint = el('p', { class: 'draw-status', role: 'status', 'aria-live': 'polite' });
  // A stop goes where the map is clicked, or with the keyboard at the crosshair (Enter; Escape
  // gives up).
  let endStopMode = null;
  const addStopButton = el('button', {
    type: 'button', class: 'button secondary', dataset: { action: 'add-stop' },
    onclick: () => {
      if (tool?.isDrawing()) tool.finish();
      endStopMode?.();
      stopHint.textContent = t('form.addStopHint');
      ctx.map.getContainer().classList.add('drawing');
      ctx.intercept = () => true;
      const place = (latlng) => {
        endStopMode();
        const stop = addStop(latlng);
        ctx.announce(t('form.stopAdded', { n: stops.length }));
        stop.fields.unsafe.input.focus();
      };
      const onClick = (event) => place(event.latlng);
      const stopKeys = keyboardDrawing(ctx, {
        add: place,
        cancel: () => {
          endStopMode();
          addStopButton.focus();
        },
      });
      endStopMode = () => {
        ctx.map.off('click', onClick);
        stopKeys();
        ctx.map.getContainer().classList.remove('drawing');
        ctx.intercept = null;
        stopHint.textContent = '';
        endStopMode = null;
      };
      ctx.map.once('click', onClick);
      focusMapFor(ctx, t('form.addStopKeyboard'));
    },
  }, t('form.addStop'));

  const close = (route) => {
    endStopMode?.();
    tool?.destroy();
    controls?.destroy();
    [fields.commitmentIds, fields.placeIds, fields.measureIds].forEach((picker) => picker?.destroy());
    ctx.map.removeLayer(stopMarkers);
    ctx.intercept = null;
    clearErrorMarkers(ctx);
    if (route) ctx.go(route); else ctx.refresh();
  };
  const value = (f) => (f && f.input.value.trim() !== '' ? f.input.value : null);

  const form = el('form', {
    class: 'edit-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (tool?.isDrawing()) tool.finish();
      const participants = {};
      GROUPS.forEach((group, i) => {
        if (participantInputs[i].input.value !== '') participants[group] = Number(participantInputs[i].input.value);
      });
      const body = {
        type: 'Feature',
        geometry: tool ? tool.geometry() : null,
        properties: {
          kind,
          title: fields.title.input.value,
          startsOn: value(fields.startsOn),
          endsOn: value(fields.endsOn),
          description: fields.description.input.value,
          timeOfDay: value(fields.timeOfDay),
          published: fields.published ? fields.published.input.checked : false,
          format: value(fields.format),
          operationKind: value(fields.operationKind),
          participants,
          neighbourhoods: fields.neighbourhoods.values(),
          commitmentIds: fields.commitmentIds.values().map(Number),
          placeIds: fields.placeIds ? fields.placeIds.values().map(Number) : p.placeIds,
          measureIds: fields.measureIds ? fields.measureIds.values().map(Number) : p.measureIds,
          stops: stops.map((stop) => ({
            id: stop.id,
            geometry: { type: 'Point', coordinates: [round(stop.latlng.lng), round(stop.latlng.lat)] },
            unsafe: stop.fields.unsafe.input.value,
            safe: stop.fields.safe.input.value,
            proposedMeasure: stop.fields.proposedMeasure.input.value,
            responsible: value(stop.fields.responsible),
            priority: value(stop.fields.priority),
            deadline: value(stop.fields.deadline),
          })),
        },
      };
      await saveFeature(ctx, {
        kind: 'activities', route: 'activity', feature, etag, body, summary, fields, close,
        title: (saved) => saved.properties.title,
        fetch: api.activity,
        reopen: (fresh) => activityForm(ctx, { kind, feature: fresh.data, etag: fresh.etag }),
      });
    },
  },
  summary,
  fields.title.node,
  fields.startsOn.node,
  fields.endsOn?.node,
  fields.timeOfDay?.node,
  fields.operationKind?.node,
  fields.format?.node,
  tool ? el('fieldset', { class: 'field geometry', dataset: { field: 'geometry' } },
    el('legend', {}, t(kind === 'safety_walk' ? 'form.route' : 'form.area')), controls.node, geometryError) : null,
  kind === 'safety_walk' ? el('fieldset', { class: 'field stops', dataset: { field: 'stops' } },
    el('legend', {}, t('form.stops')), stopList, addStopButton, stopHint, stopsError) : null,
  kind === 'police_operation' ? null : el('fieldset', { class: 'field participants' },
    el('legend', {}, t('form.participants')), participantInputs.map((f) => f.node)),
  fields.neighbourhoods.node,
  fields.commitmentIds.node,
  fields.placeIds?.node,
  fields.measureIds?.node,
  fields.description.node,
  fields.published?.node,
  formButtons(close));

  return [el('h2', { id: 'panel-title', tabindex: '-1' },
    feature ? `${t('planner.edit')}: ${p.title}` : t(HEADINGS[kind])), form];
}

function round(value) {
  return Math.round(value * 1e7) / 1e7;
}

/**
 * For each stop not yet turned into a place: a small form that does it in one step, prefilled from
 * the stop's words (its name, reasons and the measure's type, as the server suggests them) for the
 * planner to confirm or change.
 */
export function stopActions(ctx, walk) {
  const stops = walk.properties.stops || [];
  if (walk.properties.kind !== 'safety_walk' || stops.length === 0) return [];
  return [el('section', { class: 'stops-section' },
    el('h3', {}, t('activity.stops')),
    el('ol', { class: 'stops' }, stops.map((stop, i) => {
      const item = el('li', { dataset: { stop: stop.id } },
        el('h4', {}, t('activity.stop', { n: i + 1 })),
        el('p', {}, el('strong', {}, `${t('activity.unsafe')}: `), stop.unsafe || '–'),
        el('p', {}, el('strong', {}, `${t('activity.proposed')}: `), stop.proposedMeasure || '–'));
      if (stop.placeId) {
        const link = el('button', { type: 'button', class: 'link', onclick: () => ctx.go({ place: stop.placeId }) },
          ctx.data.places.features.find((f) => f.id === stop.placeId)?.properties.name || `#${stop.placeId}`);
        if (link.textContent.startsWith('#')) {
          api.place(stop.placeId).then(({ data }) => { link.textContent = data.properties.name; }).catch(() => {});
        }
        item.append(el('p', {}, `${t('activity.becamePlace')} `, link));
      } else if (stop.proposedMeasure) {
        item.append(stopToPlace(ctx, walk, stop));
      }
      return item;
    })))];
}

function stopToPlace(ctx, walk, stop) {
  const name = el('input', { value: '' });
  const nameField = field('name', t('form.name'), name);
  const reasonsHolder = el('div', {});
  let reasons = null;
  const setReasons = (checked) => {
    reasons = checkboxes('reasons', t('form.reasons'), PLACE_REASONS, (v) => t(`reason.${v}`), checked);
    replace(reasonsHolder, reasons.node);
  };
  setReasons([]);
  const type = select(MEASURE_TYPES, (v) => t(`type.${v}`), 'other');
  const typeField = field('measureType', t('form.measureTypeFromStop'), type);
  const status = el('p', { class: 'meta', role: 'status' });
  const error = el('p', { class: 'error', role: 'alert' });
  const create = el('button', {
    type: 'button', class: 'button', dataset: { action: 'create-from-stop' }, disabled: true,
    onclick: async () => {
      try {
        await api.placeFromStop(walk.id, stop.id, { name: name.value, reasons: reasons.values(), measureType: type.value });
        await ctx.reload();
        ctx.announce(t('planner.createdFromStop', { name: name.value }));
        ctx.refresh();
      } catch (failure) {
        replace(error, failure.reasons.join(' '));
      }
    },
  }, t('planner.createFromStop'));
  let loaded = false;
  const details = el('details', {
    ontoggle: async () => {
      if (!details.open || loaded) return;
      loaded = true;
      status.textContent = t('planner.suggesting');
      try {
        const suggestion = await api.stopSuggestion(walk.id, stop.id);
        name.value = suggestion.name;
        setReasons(suggestion.reasons);
        type.value = suggestion.measureType;
        status.textContent = t('planner.suggested');
      } catch (failure) {
        setReasons(['other']);
        status.textContent = '';
        replace(error, failure.message);
      }
      create.disabled = false;
    },
  },
  el('summary', { dataset: { action: 'stop-to-place' } }, t('planner.createFromStop')),
  status, nameField.node, reasonsHolder, typeField.node, error, create);
  return details;
}
