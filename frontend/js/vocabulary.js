// The closed vocabularies as the server serves them (GET /api/vocabularies, from the Java enums):
// each a list of codes in order, with labels in Swedish and English. A page loads them once before it
// renders (the browser keeps them and revalidates them by ETag); no page keeps a list of its own, so
// a code added on the server shows in every list, filter and form without a change here.
import { api } from './api.js';
import { el } from './dom.js';
import { language } from './i18n.js';

let served = {};

/** Fetches the vocabularies; labels can be read once it has resolved. */
export async function loadVocabularies() {
  served = await api.vocabularies();
}

/** A vocabulary's codes, in the order the server lists them. */
export function codes(vocabulary) {
  return (served[vocabulary] || []).map((term) => term.code);
}

function term(vocabulary, code) {
  return (served[vocabulary] || []).find((candidate) => candidate.code === code);
}

/** A code's label in the page's language; the code itself when the vocabulary does not know it. */
export function label(vocabulary, code) {
  return term(vocabulary, code)?.label[language()] ?? code;
}

/** A code's plural as in running text ("genomförda", "trygghetsvandringar"), where the vocabulary has one. */
export function plural(vocabulary, code) {
  return term(vocabulary, code)?.plural?.[language()] ?? label(vocabulary, code);
}

/** A vocabulary as the options of a choice: [{ value, label }], in its order. */
export function options(vocabulary) {
  return codes(vocabulary).map((code) => ({ value: code, label: label(vocabulary, code) }));
}

/** Colours of places by status on the map: each has at least 3:1 contrast to a light map. */
export const PLACE_COLOURS = { open: '#b3261e', being_addressed: '#8a5300', resolved: '#1e6b34' };

// The page's import map names each icon's hashed URL (cached for a year); without one, the plain URL.
const GENERIC_ICON = import.meta.resolve('/icons/generic.svg');

/** A measure type's icon: the file named by its code, or a generic one for a type without a file. */
export function typeIcon(type, attributes = {}) {
  return el('img', {
    alt: '', ...attributes, src: import.meta.resolve(`/icons/${type}.svg`),
    onerror: (event) => {
      if (event.currentTarget.src !== GENERIC_ICON) event.currentTarget.src = GENERIC_ICON;
    },
  });
}
