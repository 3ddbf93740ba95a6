// The page state in the URL fragment, so that a link shares it: query (q), dialect (d), selected target (t),
// sample (s), pasted events when short (e), explain (x). The fragment never reaches the server.
const KEYS = ["q", "d", "t", "s", "e", "x"];
export const MAX_EVENTS_IN_URL = 4000;

export function read() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ""));
  const s = {};
  for (const k of KEYS) if (p.has(k)) s[k] = p.get(k);
  return s;
}

export function write(state) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = state[k];
    if (v !== undefined && v !== null && v !== "") p.set(k, v);
  }
  const hash = "#" + p.toString();
  if (hash !== location.hash) history.replaceState(null, "", hash);
}
