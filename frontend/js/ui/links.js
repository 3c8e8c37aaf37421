// Links to a view of the map page that open it in place. The href is the view's own address, so
// opening it in a new tab, copying it or bookmarking it works as with any link; a plain click shows
// the view without loading the page again.
import { el } from '../dom.js';

/** A click the page should answer itself: the main button, no key held that asks for a new tab or window. */
function plainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
    && !event.defaultPrevented;
}

/** An <a href> that calls open() on a plain click instead of loading href. */
export function viewLink(href, open, attributes, ...children) {
  return el('a', {
    ...attributes,
    href,
    onclick: (event) => {
      if (!plainClick(event)) return;
      event.preventDefault();
      open();
    },
  }, ...children);
}
