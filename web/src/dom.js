// Building page elements from data. Text always goes in as text (textContent / text nodes), never as HTML, so
// whatever a query, an event or a server message holds stays inert.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
  return e;
}

/** A long text cut for display, with its full length said. */
export function cut(s, max) {
  return s.length <= max ? s : s.slice(0, max) + " … (" + s.length.toLocaleString("en") + " characters)";
}
