// A list of facts: [term, value] rows as a description list, the rows without a value left out.
import { el } from '../dom.js';

export function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(([, value]) => value).flatMap(([term, value]) => [
    el('dt', {}, term), el('dd', {}, value)]));
}
