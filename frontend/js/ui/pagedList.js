// A list that shows one page of items and, while more match, a button that adds the next page; it
// says how many it shows of how many there are. Nothing is left out and nothing is loaded unasked.
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { failureText } from './unavailable.js';

/** How many items a list shows at first, and adds each time. */
export const LIST_PAGE = 50;

/**
 * load(offset, limit) answers a FeatureCollection (with numberMatched); item(feature) makes its
 * list item. Returns the list's node and first, a promise of the first page's numberMatched.
 */
export function pagedList({ load, item, name }) {
  const list = el('ul', { class: 'items' });
  const count = el('p', { class: 'meta list-count', role: 'status' });
  const more = el('button', { type: 'button', class: 'button secondary show-more', hidden: true, dataset: { more: name } });
  let shown = 0;
  let pages = 0;
  const next = async () => {
    const asked = document.activeElement === more;
    more.disabled = true;
    try {
      const page = await load(shown, LIST_PAGE);
      const added = page.features.map(item);
      list.append(...added);
      shown += page.features.length;
      pages += 1;
      const left = Math.max(0, page.numberMatched - shown);
      // One page that holds all says nothing; once there is or was more, how many of how many.
      replace(count, left > 0 || pages > 1 ? t('list.shown', { shown, total: page.numberMatched }) : '');
      replace(more, t('list.more', { count: Math.min(left, LIST_PAGE) }));
      more.hidden = left === 0;
      // A keyboard user who asked for more goes on reading at the first new item.
      if (asked && added.length) added[0].querySelector('button, a')?.focus();
      return page.numberMatched;
    } catch (error) {
      replace(count, failureText(error));
      throw error;
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => next().catch(() => {}));
  return { node: el('div', { class: 'paged-list' }, list, count, more), first: next() };
}
