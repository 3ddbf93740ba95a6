// The s1ql playground page: wires the editor, the translations, the events pane and the results to the API, and
// keeps the state in the URL fragment. All markup is in index.html; everything shown is set as text.
import { get, post } from "./api.js";
import { el, clear } from "./dom.js";
import * as urlState from "./state.js";
import { createEditor, setText, showDiagnostics } from "./editor.js";
import { renderTabs, renderPanel } from "./targets.js";
import { renderResults } from "./results.js";

const MAX_FILE = 50 * 1024 * 1024;
const SHOWN_IN_TEXTAREA = 1024 * 1024;
const $ = (id) => document.getElementById(id);

const page = {
  targets: [],
  approximations: new Set(),
  selected: null,
  answers: new Map(),
  seq: 0,
  loaded: null, // a file too large to show in the textarea: {name, text}
};

function say(message) {
  $("status").textContent = message;
}

function events() {
  return page.loaded ? page.loaded.text : $("events").value;
}

function saveState() {
  const pasted = events();
  urlState.write({
    q: page.view.state.doc.toString(),
    d: $("dialect").value === "auto" ? "" : $("dialect").value,
    t: page.selected,
    s: $("sample").value || "-",
    e: !$("sample").value && !page.loaded && pasted.length <= urlState.MAX_EVENTS_IN_URL ? pasted : "",
    x: $("explain").checked ? "" : "0",
  });
}

let timer = null;
function changed() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 300);
}

async function refresh() {
  const seq = ++page.seq;
  const query = page.view.state.doc.toString();
  const dialect = $("dialect").value;
  saveState();
  try {
    const v = await post("/api/validate", { query, dialect });
    if (seq !== page.seq) return;
    showDiagnostics(page.view, v.diagnostics);
    listDiagnostics(v.diagnostics);
    $("detected").textContent = v.dialect ? "dialect: " + v.dialect : "dialect: —";
    say("");
  } catch (e) {
    if (seq === page.seq) say("validate: " + e.message);
  }
  const jobs = [];
  for (const t of page.targets) {
    for (const p of t.profiles) {
      jobs.push(post("/api/translate", { query, to: t.target, profile: p, dialect })
        .catch((e) => ({ error: e.message, output: null, diagnostics: [] }))
        .then((a) => {
          if (seq !== page.seq) return;
          page.answers.set(t.target + "/" + p, a);
        }));
    }
  }
  await Promise.all(jobs);
  if (seq !== page.seq) return;
  renderTranslations();
}

function listDiagnostics(diagnostics) {
  const ul = clear($("diagnostics"));
  if (!diagnostics.length) {
    ul.append(el("li", { class: "ok", text: "No problems." }));
    return;
  }
  for (const d of diagnostics) {
    ul.append(el("li", { class: d.severity },
      el("button", {
        type: "button", class: "goto", title: "Go to " + d.line + ":" + d.column,
        onclick: () => goTo(d.line, d.column),
      }, d.line + ":" + d.column),
      " ", el("span", { class: "sev", text: d.severity }),
      " ", el("span", { class: "code", text: d.code }),
      " ", el("span", { class: "message", text: d.message }),
      d.hint ? el("span", { class: "hint", text: " hint: " + d.hint }) : null));
  }
}

function goTo(line, column) {
  const doc = page.view.state.doc;
  if (line < 1 || line > doc.lines) return;
  const l = doc.line(line);
  page.view.dispatch({ selection: { anchor: Math.min(l.from + column - 1, l.to) }, scrollIntoView: true });
  page.view.focus();
}

function renderTranslations() {
  renderTabs($("targets"), page.targets, page.selected, page.answers, page.approximations, select);
  renderPanel($("target-panel"), page.targets.find((t) => t.target === page.selected), page.answers,
    page.approximations);
}

function select(target) {
  page.selected = target;
  renderTranslations();
  saveState();
}

async function format() {
  try {
    const f = await post("/api/fmt", { query: page.view.state.doc.toString(), dialect: $("dialect").value });
    if (f.output !== null) {
      setText(page.view, f.output);
      say("Formatted.");
    } else {
      say(f.error || "Cannot format: the query has errors.");
    }
  } catch (e) {
    say("fmt: " + e.message);
  }
}

async function run() {
  const body = { query: page.view.state.doc.toString(), dialect: $("dialect").value, explain: $("explain").checked };
  if ($("sample").value) body.sample = $("sample").value;
  else body.events = events();
  $("run").disabled = true;
  say("Running…");
  try {
    const a = await post("/api/eval", body);
    renderResults($("results-box"), a);
    say("");
  } catch (e) {
    clear($("results-box")).append(el("p", { class: "error", text: "eval: " + e.message }));
    say("");
  } finally {
    $("run").disabled = false;
  }
  saveState();
}

function loadFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE) {
    say(file.name + " is larger than 50 MB; use `s1ql eval` for it.");
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const text = String(reader.result);
    $("sample").value = "";
    if (text.length > SHOWN_IN_TEXTAREA) {
      page.loaded = { name: file.name, text };
      $("events").value = "";
      $("events").placeholder = file.name + ": " + text.length.toLocaleString("en")
        + " characters loaded (too long to show; type here to replace it)";
    } else {
      page.loaded = null;
      $("events").value = text;
    }
    $("events-info").textContent = "Loaded " + file.name;
    saveState();
  };
  reader.onerror = () => say("cannot read " + file.name);
  reader.readAsText(file);
}

function applyTheme(theme) {
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  $("theme").textContent = "Theme: " + (theme || "auto");
  try {
    localStorage.setItem("s1ql-theme", theme || "auto");
  } catch (e) {
    // storage may be off; the theme still applies
  }
}

async function start() {
  const state = urlState.read();
  let targets, samples;
  try {
    [targets, samples] = await Promise.all([get("/api/targets"), get("/api/samples")]);
  } catch (e) {
    say("The server did not answer: " + e.message);
    return;
  }
  page.targets = targets.targets;
  page.approximations = new Set(targets.approximations);
  page.selected = page.targets.some((t) => t.target === state.t) ? state.t : page.targets[0].target;

  const dialect = $("dialect");
  for (const d of targets.dialects) dialect.append(el("option", { value: d, text: d === "auto" ? "auto-detect" : d }));
  dialect.value = targets.dialects.includes(state.d) ? state.d : "auto";

  const sampleQuery = $("sample-query");
  sampleQuery.append(el("option", { value: "", text: "Example queries…" }));
  samples.queries.forEach((q, i) => sampleQuery.append(el("option", { value: String(i), text: q.title ? q.title : q.name })));
  const sample = $("sample");
  sample.append(el("option", { value: "", text: "Pasted or dropped events" }));
  for (const s of samples.events) sample.append(el("option", { value: s.name, text: s.name }));
  const seed = samples.queries.find((q) => q.name.endsWith(".md")) || samples.queries[0];

  sample.value = state.s === "-" ? "" : samples.events.some((s) => s.name === state.s) ? state.s
    : samples.events.length ? samples.events[0].name : "";
  $("events").value = state.e || "";
  $("explain").checked = state.x !== "0";

  page.view = createEditor($("editor"), state.q !== undefined ? state.q : seed ? seed.query : "", {
    onChange: changed, onFormat: format, onRun: run,
  });

  sampleQuery.addEventListener("change", () => {
    const q = samples.queries[Number(sampleQuery.value)];
    if (q) setText(page.view, q.query);
    sampleQuery.value = "";
  });
  dialect.addEventListener("change", changed);
  sample.addEventListener("change", saveState);
  $("explain").addEventListener("change", saveState);
  $("events").addEventListener("input", () => {
    page.loaded = null;
    $("sample").value = "";
    $("events-info").textContent = "";
    saveState();
  });
  $("events").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  $("file").addEventListener("change", (e) => loadFile(e.target.files[0]));
  const drop = $("events");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    if (e.dataTransfer && e.dataTransfer.files.length) loadFile(e.dataTransfer.files[0]);
  });
  $("run").addEventListener("click", run);
  $("format").addEventListener("click", format);
  $("share").addEventListener("click", () => {
    saveState();
    const done = () => say("Link copied.");
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, () => say(location.href));
    else say(location.href);
  });
  let theme = null;
  try {
    theme = localStorage.getItem("s1ql-theme");
  } catch (e) {
    theme = null;
  }
  applyTheme(theme === "auto" ? null : theme);
  $("theme").addEventListener("click", () => {
    const now = document.documentElement.dataset.theme || "auto";
    applyTheme(now === "auto" ? "light" : now === "light" ? "dark" : null);
  });
  window.addEventListener("hashchange", () => {
    const s = urlState.read();
    if (s.q !== undefined && s.q !== page.view.state.doc.toString()) setText(page.view, s.q);
    if (s.t && s.t !== page.selected && page.targets.some((t) => t.target === s.t)) select(s.t);
  });
  document.body.dataset.ready = "true";
  await refresh();
}

start();
