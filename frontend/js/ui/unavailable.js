// What a page says when its data cannot be loaded. When it is only temporarily unavailable (the
// database is down: 503, or no answer at all) the page says so and loads itself again once the
// data is back; any other failure is a plain "could not load".
import { ApiError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

const DEFAULT_WAIT = 10; // seconds, when the answer names none
const LONGEST_WAIT = 60;

/** The message key for a failed load: temporarily unavailable, or the given one. */
export function failureKey(error, otherwise = 'app.loadFailed') {
  return error?.unavailable ? 'app.unavailable' : otherwise;
}

/** A failed load's message as a list item or paragraph for part of a page (no reload). */
export function failureText(error, otherwise = 'app.loadFailed') {
  return t(failureKey(error, otherwise));
}

/**
 * A page's message for a failed first load, as an alert (kept in the reader's language). When the
 * data is temporarily unavailable the page asks again after the answer's Retry-After, quietly, and
 * reloads itself once the answer is no longer "unavailable": every page rebuilds itself from its
 * URL, and nothing had been loaded, so nothing is lost.
 */
export function loadFailure(error, otherwise = 'app.loadFailed') {
  const key = failureKey(error, otherwise);
  const message = el('p', { role: 'alert', class: 'error', dataset: { i18n: key } }, t(key));
  if (error?.unavailable && error.url) retry(error.url, error.retryAfter);
  return message;
}

function retry(url, seconds) {
  const wait = Math.min(Math.max(seconds || DEFAULT_WAIT, 1), LONGEST_WAIT);
  setTimeout(async () => {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    } catch {
      retry(url, DEFAULT_WAIT);
      return;
    }
    if (new ApiError(response.status).unavailable) retry(url, Number(response.headers.get('Retry-After')));
    else location.reload();
  }, wait * 1000);
}
