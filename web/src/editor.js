// The query editor: CodeMirror 6 with S1QL highlighting (classes tok-*, coloured by app.css), the server's
// diagnostics as underlines with message and hint on hover, and the page's keys (format, run).
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightSpecialChars, drawSelection } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { setDiagnostics, lintKeymap } from "@codemirror/lint";
import { s1ql } from "./language.js";
import { el } from "./dom.js";

/** The nonce the server put in the page for style elements (its CSP allows no other inline style). */
function styleNonce() {
  const m = document.querySelector('meta[name="s1ql-style-nonce"]');
  return m ? m.getAttribute("content") : "";
}

export function createEditor(parent, doc, { onChange, onFormat, onRun }) {
  const keys = [
    { key: "Mod-Shift-f", run: () => { onFormat(); return true; } },
    { key: "Alt-Shift-f", run: () => { onFormat(); return true; } },
    { key: "Mod-Enter", run: () => { onRun(); return true; } },
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        EditorView.cspNonce.of(styleNonce()),
        lineNumbers(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        bracketMatching(),
        s1ql,
        syntaxHighlighting(classHighlighter),
        EditorView.lineWrapping,
        // The lint underlines are text decorations from app.css: CodeMirror's own are data: images, which the
        // page's policy (img-src 'self') refuses.
        EditorView.theme({
          ".cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint": { backgroundImage: "none" },
        }),
        keymap.of([...keys, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ "aria-label": "S1QL query", spellcheck: "false" }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(); }),
      ],
    }),
  });
  return view;
}

/** Replaces the whole text (fmt, a sample, a shared link). */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/**
 * Shows the server's diagnostics in the editor. Lines and columns are 1-based, the end column inclusive
 * (docs/api.md); a span past the text is clamped to it.
 */
export function showDiagnostics(view, diagnostics) {
  const doc = view.state.doc;
  const pos = (line, column) => {
    if (line < 1) return 0;
    if (line > doc.lines) return doc.length;
    const l = doc.line(line);
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
  };
  const list = diagnostics.map((d) => {
    const from = pos(d.line, d.column);
    let to = d.endLine > 0 ? pos(d.endLine, d.endColumn) + 1 : from + 1;
    to = Math.min(Math.max(to, from), doc.length);
    return {
      from,
      to,
      severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
      source: d.code,
      message: d.message,
      renderMessage: () => el("div", { class: "lint-message" },
        el("div", { text: d.message }),
        d.hint ? el("div", { class: "hint", text: "hint: " + d.hint }) : null),
    };
  });
  view.dispatch(setDiagnostics(view.state, list));
}
