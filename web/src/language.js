// Highlighting for S1QL 1.0, S1QL 2.0 and PowerQuery: one stream tokenizer, since the three share strings,
// numbers and comparison operators and differ in words. It colours; it does not check (the server does).
import { StreamLanguage } from "@codemirror/language";

const LOGIC = new Set(["and", "or", "not"]);
// S1QL 1.0 operator words (In Contains AnyCase, ContainsCIS, Does Not Contain, IS EMPTY, ...).
const OPERATORS = new Set([
  "in", "contains", "containscis", "anycase", "does", "containcis", "startswith", "startswithcis", "endswith",
  "endswithcis", "regexp", "exists", "is", "empty", "between", "true", "false",
  // 2.0 / PowerQuery operators
  "matches", "like",
]);
// PowerQuery commands and the words inside them.
const COMMANDS = new Set([
  "filter", "columns", "group", "sort", "limit", "let", "parse", "dataset", "lookup", "join", "union", "nolimit",
  "transpose", "savelookup", "compare", "by", "as", "from",
]);

function token(stream, state) {
  if (stream.eatSpace()) return null;
  if (stream.match("--") || stream.match("//")) {
    stream.skipToEnd();
    return "comment";
  }
  if (stream.match("/*")) {
    state.block = true;
  }
  if (state.block) {
    while (!stream.eol()) {
      if (stream.match("*/")) {
        state.block = false;
        return "comment";
      }
      stream.next();
    }
    return "comment";
  }
  const ch = stream.peek();
  if (ch === '"' || ch === "'") {
    stream.next();
    while (!stream.eol()) {
      const c = stream.next();
      if (c === "\\" && ch === "'") stream.next();
      else if (c === "\\" && stream.peek() === '"' ) stream.next();
      else if (c === ch) break;
    }
    return "string";
  }
  if (stream.match(/^-?\d+(\.\d+)?\b/)) return "number";
  if (stream.match("|")) {
    state.afterPipe = true;
    return "operator";
  }
  if (stream.match(/^(!=|<=|>=|==|=|<|>|!)/)) return "operator";
  if (stream.match(/^[(),[\]]/)) return "punctuation";
  const word = stream.match(/^[A-Za-z_$@][\w.$@-]*(:[A-Za-z]+)?/);
  if (word) {
    const w = word[0].toLowerCase();
    const afterPipe = state.afterPipe;
    state.afterPipe = false;
    if (LOGIC.has(w)) return "keyword";
    if (afterPipe && COMMANDS.has(w)) return "keyword";
    if (COMMANDS.has(w) && (w === "by" || w === "as")) return "keyword";
    if (OPERATORS.has(w.replace(/:.*$/, ""))) return w === "true" || w === "false" ? "bool" : "operatorKeyword";
    if (stream.peek() === "(") return "variableName.function";
    return "propertyName";
  }
  stream.next();
  return null;
}

export const s1ql = StreamLanguage.define({
  name: "s1ql",
  startState: () => ({ afterPipe: false, block: false }),
  token,
  languageData: { commentTokens: { line: "--" } },
});
