// A resident's report of a place where they feel unsafe, in the map page's panel (a bottom sheet on
// phones), loaded only when "Tipsa om en otrygg plats" is pressed. Where: a pin (a tap on the map, the
// pin dragged, the device's position, or with a keyboard the map's centre after panning with the arrow
// keys), or without the map a district and words. Before sending, published places within 50 m are
// offered: choosing one adds the resident's voice to it instead. What was typed stays while the report
// cannot be sent (429, 5xx, no network).
import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { checkboxes, field } from '../forms/fields.js';
import { options } from '../vocabulary.js';

const L = window.L;
const MAX_TEXT = 2000;
const MAX_PLACE = 500;

// Every view of the form has this heading: while one shows, the map's clicks belong to the form.
function heading(text) {
  return el('h2', { id: 'panel-title', tabindex: '-1', dataset: { report: '' } }, text);
}

const formShown = () => document.querySelector('#panel-title[data-report]') !== null;

/** What a 429 says: how many minutes (at least one) the resident is asked to wait. */
function waitMessage(error) {
  const seconds = error.retryAfter || error.problem?.retryAfter || 3600;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return t(minutes === 1 ? 'report.tooMany.one' : 'report.tooMany', { minutes });
}

/** Opens the report form in the panel; the map's clicks set the pin until it is closed. */
export function openReportForm(ctx) {
  const { map } = ctx;
  const listOnly = () => document.body.classList.contains('list-only');
  let words = listOnly();
  let pin = null;
  let marker = null;
  let nearbyDeclinedAt = null;

  const pinStatus = el('p', { class: 'pin-status', role: 'status' }, t('report.noPin'));
  const positionMessage = el('p', { class: 'position-message', role: 'status' });
  const locationError = el('p', { class: 'field-error', id: 'report-location-error', hidden: true });

  const placePin = (latlng, { pan = false } = {}) => {
    pin = L.latLng(latlng);
    if (!marker) {
      marker = L.marker(pin, {
        draggable: true,
        keyboard: true,
        title: t('report.pinMarker'),
        alt: t('report.pinMarker'),
        icon: L.divIcon({ className: 'report-pin', iconSize: [30, 30], iconAnchor: [15, 30] }),
      }).addTo(map);
      marker.on('dragend', () => placePin(marker.getLatLng()));
    } else {
      marker.setLatLng(pin);
    }
    if (pan) map.setView(pin, Math.max(map.getZoom(), 17));
    replace(pinStatus, t('report.pinSet', { lat: pin.lat.toFixed(5), lon: pin.lng.toFixed(5) }));
    locationError.hidden = true;
  };
  // The panel may have gone on to another view (back in history, another language): the pin goes too.
  const onMapClick = (event) => {
    if (!formShown()) cleanUp();
    else if (!words) placePin(event.latlng);
  };

  const usePosition = () => {
    if (!navigator.geolocation) {
      replace(positionMessage, t('report.positionUnsupported'));
      return;
    }
    replace(positionMessage, t('report.locating'));
    navigator.geolocation.getCurrentPosition((position) => {
      replace(positionMessage, '');
      placePin([position.coords.latitude, position.coords.longitude], { pan: true });
    }, (failure) => {
      replace(positionMessage, t(failure.code === 1 ? 'report.positionDenied' : 'report.positionFailed'));
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  };

  // Each field declared once: its node, its input, its error, how it is read.
  const district = field('neighbourhood', t('report.district'), el('select', {},
    el('option', { value: '' }, t('report.chooseDistrict')),
    ctx.data.neighbourhoods.features.map((f) => el('option', { value: f.properties.slug }, f.properties.name))),
  { required: true });
  const place = field('place', t('report.place'), el('textarea', { rows: 2, maxlength: MAX_PLACE }), { required: true });
  const reasons = checkboxes('reasons', t('report.reasons'), options('placeReasons').map((o) => o.value),
    (code) => options('placeReasons').find((o) => o.value === code).label, []);
  const when = checkboxes('when', t('report.when'), options('reportTimes').map((o) => o.value),
    (code) => options('reportTimes').find((o) => o.value === code).label, []);
  const text = field('text', t('report.text'), el('textarea', { rows: 4, maxlength: MAX_TEXT }));
  const counter = el('p', { class: 'meta counter', id: `${text.input.id}-counter` });
  const count = () => replace(counter, t('report.counter', { count: text.input.value.length, max: MAX_TEXT }));
  text.input.addEventListener('input', count);
  text.input.setAttribute('aria-describedby', `${counter.id} ${text.error.id}`);
  text.node.insertBefore(counter, text.error);
  count();
  const email = field('email', t('report.email'), el('input', { type: 'email', autocomplete: 'email', maxlength: 254 }));
  const emailHint = el('p', { class: 'meta', id: `${email.input.id}-hint` }, t('report.emailHint'));
  email.input.setAttribute('aria-describedby', `${emailHint.id} ${email.error.id}`);
  email.node.insertBefore(emailHint, email.error);
  // The honeypot: off screen, out of the tab order, hidden from screen readers; a person leaves it empty.
  const website = el('input', { type: 'text', name: 'website', id: 'report-website', tabindex: '-1', autocomplete: 'off' });
  const honeypot = el('div', { class: 'honeypot', 'aria-hidden': 'true' },
    el('label', { for: website.id }, t('report.honeypot')), website);

  const centreButton = el('button', { type: 'button', class: 'button secondary', id: 'report-centre',
    onclick: () => placePin(map.getCenter()) }, t('report.centrePin'));
  const pinSection = el('fieldset', { class: 'field report-where', dataset: { field: 'location' },
    'aria-describedby': locationError.id },
  el('legend', {}, t('report.where')),
  el('p', {}, t('report.pinHint')),
  el('p', { class: 'meta' }, t('report.pinKeyboardHint')),
  pinStatus,
  el('div', { class: 'buttons' },
    centreButton,
    el('button', { type: 'button', class: 'button secondary', id: 'report-position', onclick: usePosition },
      t('report.myPosition'))),
  positionMessage,
  locationError,
  el('button', { type: 'button', class: 'link', id: 'report-use-words', onclick: () => setWords(true) },
    t('report.useWords')));
  const wordsSection = el('fieldset', { class: 'field report-words' },
    el('legend', {}, t('report.where')),
    district.node,
    place.node,
    el('button', { type: 'button', class: 'link', id: 'report-use-pin', onclick: () => setWords(false) },
      t('report.usePin')));

  const setWords = (on) => {
    words = on;
    pinSection.hidden = on;
    wordsSection.hidden = !on;
    map.getContainer().classList.toggle('pinning', !on);
    (on ? district.input : centreButton).focus();
  };

  const alert = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const sendButton = el('button', { type: 'submit', class: 'button', id: 'report-send' }, t('report.send'));
  const fields = { location: { error: locationError, input: centreButton }, neighbourhood: district, place,
    reasons: { ...reasons, input: reasons.node.querySelector('input') }, when: { ...when, input: when.node.querySelector('input') },
    text, email };

  const clearErrors = () => {
    alert.hidden = true;
    Object.values(fields).forEach((f) => {
      f.error.hidden = true;
      f.input?.removeAttribute('aria-invalid');
    });
  };

  const say = (message) => {
    replace(alert, el('p', {}, message));
    alert.hidden = false;
    alert.focus();
  };

  // The server's reasons at their fields, and the focus on the first of them.
  const showFieldErrors = (errors) => {
    const wrong = new Set();
    errors.forEach((error) => {
      const name = (error.field || '').replace(/^properties\./, '').replace(/[.[].*$/, '');
      const target = fields[name] || (name === 'geometry' ? fields.location : null);
      if (!target) return;
      target.error.hidden = false;
      replace(target.error, error.reason);
      target.input?.setAttribute('aria-invalid', 'true');
      wrong.add(target);
    });
    // The first wrong field as the form shows them.
    const first = Object.values(fields).find((f) => wrong.has(f));
    if (!first) {
      say(errors.map((e) => e.reason).join(' '));
      return;
    }
    replace(alert, el('p', {}, t('report.errors')));
    alert.hidden = false;
    first.input?.focus();
  };

  const body = () => ({
    ...(words ? { neighbourhood: district.input.value || null, place: place.input.value.trim() || null }
      : { location: { type: 'Point', coordinates: [Number(pin.lng.toFixed(7)), Number(pin.lat.toFixed(7))] } }),
    reasons: reasons.values(),
    // Left out when none is chosen: an empty list is a choice of none, which the server refuses.
    ...(when.values().length ? { when: when.values() } : {}),
    text: text.input.value.trim() || null,
    email: email.input.value.trim() || null,
    website: website.value,
  });

  function cleanUp() {
    map.off('click', onMapClick);
    map.getContainer().classList.remove('pinning');
    marker?.remove();
    ctx.intercept = null;
  }

  const close = (route = ctx.route()) => {
    cleanUp();
    ctx.go(route, { push: false, moveMap: false });
  };

  const form = el('form', { class: 'edit-form report-form', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    submit();
  } },
  alert,
  pinSection,
  wordsSection,
  reasons.node,
  when.node,
  text.node,
  email.node,
  honeypot,
  el('div', { class: 'buttons' }, sendButton,
    el('button', { type: 'button', class: 'button secondary', onclick: () => close() }, t('report.cancel'))));
  const formView = [heading(t('report.heading')), el('p', {}, t('report.intro')), form];

  const showForm = () => ctx.show(formView);

  const receipt = (answer) => {
    const link = new URL(answer.followUrl, location.href).href;
    ctx.show([
      heading(t('report.receiptHeading')),
      el('p', {}, t('report.receiptNumber'), ' ', el('strong', { class: 'report-number' }, answer.number)),
      el('p', {}, t('report.receiptFollow')),
      el('p', {}, el('a', { href: link, class: 'follow-link', rel: 'noreferrer' }, t('report.receiptFollowLink'))),
      el('p', { class: 'meta follow-address' }, link),
      el('p', {}, t('report.receiptNotPublic')),
      el('button', { type: 'button', class: 'button', onclick: () => close() }, t('report.toMap')),
    ]);
  };

  const voiceAdded = (feature) => ctx.show([
    heading(t('report.voiceHeading')),
    el('p', {}, t('report.voiceThanks', { name: feature.properties.name })),
    // The place as it is now, with the resident's voice counted.
    el('button', { type: 'button', class: 'button', onclick: () => {
      ctx.store.clear();
      close({ place: feature.id });
    } }, t('report.toMap')),
  ]);

  const failed = (error) => {
    if (error.status === 422) showFieldErrors(error.errors.length ? error.errors : [{ reason: error.message }]);
    else say(error.status === 429 ? waitMessage(error) : t('report.failed'));
  };

  const sendReport = async () => {
    sendButton.disabled = true;
    replace(sendButton, t('report.sending'));
    try {
      receipt(await api.sendReport(body()));
    } catch (error) {
      if (!form.isConnected) showForm();
      failed(error);
    } finally {
      sendButton.disabled = false;
      replace(sendButton, t('report.send'));
    }
  };

  // The places already on the map near the pin: the resident's voice to one of them, or the report after all.
  // A voice carries nothing typed: the resident who wrote a text or an address is told so beside the choices.
  const offerNearby = (features) => {
    const message = el('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
    const typed = Boolean(text.input.value.trim() || email.input.value.trim());
    const dropped = typed ? el('p', { class: 'notice nearby-dropped', id: 'report-nearby-dropped' },
      t('report.nearbyDropped')) : null;
    ctx.show([
      heading(t('report.nearbyHeading')),
      el('p', {}, t('report.nearbyIntro')),
      dropped,
      message,
      el('ul', { class: 'items nearby-places' }, features.map((feature) => el('li', { class: 'item' },
        el('button', { type: 'button', class: 'button secondary', dataset: { nearby: feature.id },
          'aria-describedby': dropped ? dropped.id : undefined,
          onclick: async () => {
            try {
              await api.addVoice(feature.id);
              voiceAdded(feature);
            } catch (error) {
              replace(message, el('p', {}, error.status === 429 ? waitMessage(error) : t('report.failed')));
              message.hidden = false;
              message.focus();
            }
          } }, t('report.nearbyChoose', { name: feature.properties.name }))))),
      el('div', { class: 'buttons' },
        el('button', { type: 'button', class: 'button', id: 'report-not-these', onclick: () => {
          nearbyDeclinedAt = pin;
          showForm();
          sendReport();
        } }, t('report.nearbyNo')),
        el('button', { type: 'button', class: 'button secondary', onclick: () => {
          showForm();
          sendButton.focus();
        } }, t('report.back'))),
    ]);
  };

  async function submit() {
    clearErrors();
    if (!words && !pin) {
      fields.location.error.hidden = false;
      replace(fields.location.error, t('report.pinMissing'));
      replace(alert, el('p', {}, t('report.errors')));
      alert.hidden = false;
      centreButton.focus();
      return;
    }
    if (!words && !(nearbyDeclinedAt && nearbyDeclinedAt.equals(pin))) {
      let nearby;
      try {
        nearby = await api.nearbyPlaces(pin.lng, pin.lat);
      } catch (error) {
        failed(error);
        return;
      }
      if (nearby.features.length) {
        offerNearby(nearby.features);
        return;
      }
    }
    await sendReport();
  }

  // While the form is open the map's clicks put the pin; a district or place clicked opens nothing.
  ctx.intercept = () => {
    if (formShown()) return true;
    cleanUp();
    return false;
  };
  map.on('click', onMapClick);
  wordsSection.hidden = !words;
  pinSection.hidden = words;
  map.getContainer().classList.toggle('pinning', !words);
  showForm();
}
