// The eval answer as a table: one row per match with its line, the event (cut) and the reasons (--explain's
// predicates, held or not, with the value seen); for a PowerQuery pipeline, its result rows as columns.
import { el, clear, cut } from "./dom.js";

export function renderResults(box, answer) {
  clear(box);
  const parts = [answer.events.toLocaleString("en") + " events"];
  if (answer.rows) parts.push(answer.rows.length + " rows");
  else parts.push(answer.matches.length + (answer.truncated ? "+" + answer.truncated : "") + " matches");
  if (answer.malformed) parts.push(answer.malformed + " malformed");
  box.append(el("p", { id: "summary", role: "status", text: parts.join(", ") }));
  if (answer.stopped) box.append(el("p", { class: "warning", text: "Stopped: " + answer.stopped }));
  if (answer.truncated) box.append(el("p", { class: "warning", text: answer.truncated + " more results not shown" }));
  if (answer.diagnostics.length || answer.malformedEvents.length) {
    const ul = el("ul", { class: "diags", id: "eval-diagnostics" });
    for (const d of answer.diagnostics) {
      ul.append(el("li", { class: d.severity }, el("span", { class: "code", text: d.code }), " " + d.line + ":" + d.column + " " + d.message));
    }
    for (const m of answer.malformedEvents) ul.append(el("li", { class: "warning", text: "line " + m.line + ": malformed event: " + m.message }));
    box.append(ul);
  }
  if (answer.rows) box.append(rowsTable(answer.rows));
  else if (answer.matches.length) box.append(matchesTable(answer.matches));
}

function matchesTable(matches) {
  const body = el("tbody");
  matches.forEach((m, i) => {
    const why = el("ul", { class: "why" });
    for (const s of m.explain || []) {
      why.append(el("li", { class: s.held ? "held" : "not-held" },
        el("span", { class: "verdict", text: s.held ? "held" : "not held" }), " ",
        el("code", { text: cut(s.predicate, 200) }), " ",
        el("span", { class: "seen", text: "[" + s.field + " = " + (s.value === null ? "missing" : JSON.stringify(cut(s.value, 200))) + "]" })));
    }
    body.append(el("tr", {},
      el("td", { text: String(i + 1) }),
      el("td", { text: String(m.line) }),
      el("td", {}, el("code", { class: "event", text: cut(JSON.stringify(m.event), 400) })),
      el("td", {}, why)));
  });
  return el("table", { id: "results", class: "results" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "#" }), el("th", { scope: "col", text: "line" }),
      el("th", { scope: "col", text: "event" }), el("th", { scope: "col", text: "why it matched" }))),
    body);
}

function rowsTable(rows) {
  const columns = [];
  for (const r of rows) for (const k of Object.keys(r.row)) if (!columns.includes(k)) columns.push(k);
  const body = el("tbody");
  for (const r of rows) {
    body.append(el("tr", {}, columns.map((c) => {
      const v = r.row[c];
      return el("td", { text: v === undefined || v === null ? "" : cut(typeof v === "string" ? v : JSON.stringify(v), 400) });
    })));
  }
  return el("table", { id: "results", class: "results rows" },
    el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col", text: c })))), body);
}
