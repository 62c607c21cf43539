// HTML from templates in which every interpolated value is escaped, so text from a theorem, a server message or
// an id can never become markup. Only fragments made by `html` itself pass through unescaped.

class SafeHtml {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

const replacements = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => replacements[c]);
}

function piece(value) {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(value);
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => { out += piece(value) + strings[i + 1]; });
  return new SafeHtml(out);
}

/** Replaces the element's children with the fragment. */
export function render(element, fragment) {
  if (!(fragment instanceof SafeHtml)) throw new TypeError('render takes an html`` fragment');
  element.innerHTML = fragment.text;
}
