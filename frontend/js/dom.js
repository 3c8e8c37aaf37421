// Builds DOM nodes. Text always goes in as text (textContent / text nodes), never as HTML.

/**
 * el('button', { class: 'link', onclick: fn, 'aria-pressed': 'true' }, 'text', childNode)
 * Attributes starting with "on" become event listeners; null/false attributes are left out.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with the given children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}
