// Record a safety walk (route and stops drawn on the map), a citizen dialogue or a police
// operation, and link it to the commitments it fulfils.
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import {
  checkInput, choiceInput, choicesInput, countsInput, dateInput, readAll, textInput,
} from '../forms/inputs.js';
import { errorSummary, formButtons } from '../forms/saving.js';
import { drawControls, drawTool, focusMapFor, keyboardDrawing } from './draw.js';
import { commitmentPicker, featurePicker } from './picker.js';
import { clearErrorMarkers, saveFeature } from './saving.js';

const L = window.L;
const HEADINGS = { safety_walk: 'form.walkHeading', dialogue: 'form.dialogueHeading', police_operation: 'form.operationHeading' };

export function activityForm(ctx, { kind, feature = null, etag = null }) {
  const p = feature?.properties || { participants: {}, neighbourhoods: [], commitmentIds: [], placeIds: [],
    measureIds: [], stops: [], published: false };
  const districts = ctx.data.neighbourhoods.features.map((f) => ({ value: f.properties.slug, label: f.properties.name }));
  const fields = {
    title: textInput('title', t('form.activityTitle'), p.title, { required: true }),
    startsOn: dateInput('startsOn', t('form.startsOn'), p.startsOn, { required: true }),
    description: textInput('description', t(kind === 'police_operation' ? 'form.publicDescription' : 'form.summary'),
      p.description, { rows: 3 }),
    neighbourhoods: choicesInput('neighbourhoods', t('form.neighbourhoods'), districts,
      p.neighbourhoods.map((n) => n.slug)),
    commitmentIds: commitmentPicker(p.commitmentIds || []),
  };
  if (kind !== 'police_operation') {
    fields.participants = countsInput('participants', t('form.participants'), 'participantGroups', p.participants);
  }
  if (kind === 'safety_walk') {
    fields.timeOfDay = choiceInput('timeOfDay', t('form.timeOfDay'), 'timesOfDay', p.timeOfDay, { none: true });
    fields.published = checkInput('published', t('form.published'), p.published);
  }
  if (kind === 'dialogue') {
    fields.format = textInput('format', t('form.format'), p.format, { optional: true });
    fields.placeIds = featurePicker(ctx, { kind: 'places', name: 'placeIds', legend: t('form.outcomePlaces'),
      selected: p.placeIds });
    fields.measureIds = featurePicker(ctx, { kind: 'measures', name: 'measureIds', legend: t('form.outcomeMeasures'),
      selected: p.measureIds });
  }
  if (kind === 'police_operation') {
    fields.endsOn = dateInput('endsOn', t('form.endsOn'), p.endsOn);
    fields.operationKind = choiceInput('operationKind', t('form.operationKind'), 'operationKinds', p.operationKind);
  }
  const geometryError = el('p', { class: 'field-error', hidden: true });
  fields.geometry = { error: geometryError };
  const stopsError = el('p', { class: 'field-error', hidden: true });
  fields.stops = { error: stopsError };
  const summary = errorSummary();

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
      unsafe: textInput('unsafe', t('activity.unsafe'), existing.unsafe, { rows: 2 }),
      safe: textInput('safe', t('activity.safe'), existing.safe, { rows: 2 }),
      proposedMeasure: textInput('proposedMeasure', t('activity.proposed'), existing.proposedMeasure),
      responsible: choiceInput('responsible', t('activity.responsible'), 'responsibleParties', existing.responsible,
        { none: true }),
      priority: choiceInput('priority', t('activity.priority'), 'priorities', existing.priority, { none: true }),
      deadline: dateInput('deadline', t('activity.deadline'), existing.deadline),
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

  const form = el('form', {
    class: 'edit-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (tool?.isDrawing()) tool.finish();
      const body = {
        type: 'Feature',
        geometry: tool ? tool.geometry() : null,
        properties: {
          kind,
          // What this kind of activity has no field for.
          endsOn: null, timeOfDay: null, published: false, format: null, operationKind: null,
          participants: p.participants, placeIds: p.placeIds, measureIds: p.measureIds,
          ...readAll(fields),
          stops: stops.map((stop) => ({
            id: stop.id,
            geometry: { type: 'Point', coordinates: [round(stop.latlng.lng), round(stop.latlng.lat)] },
            ...readAll(stop.fields),
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
  fields.participants?.node,
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
          ctx.store.cached('places', stop.placeId)?.properties.name || `#${stop.placeId}`);
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
  const nameField = textInput('name', t('form.name'), '');
  const reasonsHolder = el('div', {});
  let reasons = null;
  const setReasons = (checked) => {
    reasons = choicesInput('reasons', t('form.reasons'), 'placeReasons', checked);
    replace(reasonsHolder, reasons.node);
  };
  setReasons([]);
  const typeField = choiceInput('measureType', t('form.measureTypeFromStop'), 'measureTypes', 'other');
  const status = el('p', { class: 'meta', role: 'status' });
  const error = el('p', { class: 'error', role: 'alert' });
  const create = el('button', {
    type: 'button', class: 'button', dataset: { action: 'create-from-stop' }, disabled: true,
    onclick: async () => {
      try {
        const choices = { name: nameField.read(), reasons: reasons.read(), measureType: typeField.read() };
        await api.placeFromStop(walk.id, stop.id, choices);
        await ctx.reload();
        ctx.announce(t('planner.createdFromStop', { name: choices.name }));
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
        nameField.input.value = suggestion.name;
        setReasons(suggestion.reasons);
        typeField.input.value = suggestion.measureType;
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
