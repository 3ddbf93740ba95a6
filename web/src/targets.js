// The translations: one tab per target from GET /api/targets (never a fixed list), each showing its profiles
// side by side with the output, a copy button and its diagnostics; a tab's mark says at a glance whether any
// profile is approximate or failed.
import { el, clear } from "./dom.js";

// Display names for targets the page knows; a new target shows under its own name.
const LABELS = { kql: "KQL", spl: "SPL", s1ql2: "S1QL 2.0", pq: "PowerQuery", sql: "SQL" };

export function label(target) {
  return LABELS[target] || target;
}

/** exact | notes | approximate | failed, from one translate answer. */
export function status(answer, approximations) {
  if (!answer) return "pending";
  if (answer.error || answer.output === null) return "failed";
  if (answer.diagnostics.some((d) => approximations.has(d.code))) return "approximate";
  if (answer.diagnostics.length > 0) return "notes";
  return "exact";
}

const STATUS_TEXT = {
  pending: "…", exact: "exact", notes: "exact, with notes", approximate: "approximate", failed: "not translated",
};
const MARK = { pending: "…", exact: "✓", notes: "✓", approximate: "≈", failed: "✗" };
const RANK = { pending: 0, exact: 1, notes: 2, approximate: 3, failed: 4 };

/**
 * The tabs are made once and then updated in place, so that a tab keeps the keyboard focus while answers arrive.
 */
export function renderTabs(tablist, targets, selected, answers, approximations, onSelect) {
  if (tablist.childElementCount !== targets.length) {
    clear(tablist);
    for (const t of targets) {
      tablist.append(el("button", {
        type: "button", role: "tab", id: "tab-" + t.target, "aria-controls": "target-panel", "data-target": t.target,
        onclick: () => onSelect(t.target),
        onkeydown: (e) => {
          const i = targets.indexOf(t);
          const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
          if (next === null) return;
          e.preventDefault();
          const n = targets[(next + targets.length) % targets.length];
          onSelect(n.target);
          document.getElementById("tab-" + n.target)?.focus();
        },
      }, label(t.target), el("span", { class: "mark", "aria-hidden": "true" })));
    }
  }
  for (const t of targets) {
    let worst = "exact";
    for (const p of t.profiles) {
      const s = status(answers.get(t.target + "/" + p), approximations);
      if (RANK[s] > RANK[worst] || s === "pending") worst = s;
    }
    const chosen = t.target === selected;
    const tab = document.getElementById("tab-" + t.target);
    tab.className = "tab " + worst;
    tab.setAttribute("aria-selected", chosen ? "true" : "false");
    tab.setAttribute("tabindex", chosen ? "0" : "-1");
    tab.title = label(t.target) + ": " + STATUS_TEXT[worst];
    tab.querySelector(".mark").textContent = " " + MARK[worst];
  }
}

export function renderPanel(panel, target, answers, approximations) {
  clear(panel);
  if (!target) return;
  panel.setAttribute("aria-labelledby", "tab-" + target.target);
  for (const p of target.profiles) {
    const a = answers.get(target.target + "/" + p);
    const s = status(a, approximations);
    const output = a && a.output !== null && a.output !== undefined ? a.output : "";
    const pre = el("pre", { class: "output", tabindex: "0", "aria-label": label(target.target) + " " + p + " output" },
      el("code", { text: a ? (a.error ? a.error : output || "(no output)") : "…" }));
    const copy = el("button", { type: "button", class: "copy", disabled: !output, text: "Copy" });
    copy.addEventListener("click", () => copyText(output, pre, copy));
    const diags = el("ul", { class: "diags" });
    for (const d of a && a.diagnostics ? a.diagnostics : []) {
      diags.append(el("li", { class: d.severity + (approximations.has(d.code) ? " approximate" : "") },
        el("span", { class: "code", text: d.code }), " ", d.message,
        d.hint ? el("span", { class: "hint", text: " hint: " + d.hint }) : null));
    }
    panel.append(el("section", { class: "translation " + s, "data-target": target.target, "data-profile": p },
      el("header", {},
        el("h3", { text: label(target.target) + " · " + p }),
        el("span", { class: "status " + s, text: STATUS_TEXT[s] }),
        copy),
      pre, diags));
  }
}

function copyText(text, pre, button) {
  const done = () => {
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 1500);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, () => selectText(pre));
  } else {
    selectText(pre);
  }
}

function selectText(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}
