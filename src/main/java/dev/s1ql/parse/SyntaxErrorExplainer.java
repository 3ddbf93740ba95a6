// Turns the parser's first failure (offending token + expected token types) into one plain-words diagnostic:
// "expected a value list '(' after 'In Contains AnyCase'", "unknown operator 'Containz'" + did-you-mean, ...
package dev.s1ql.parse;

import dev.s1ql.ast.Span;
import dev.s1ql.catalog.Suggestions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.gen.S1QLParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class SyntaxErrorExplainer {

    /** Canonical spelling of each keyword token, for messages and suggestions. */
    private static final Map<Integer, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(S1QLParser.AND, "AND");
        WORDS.put(S1QLParser.OR, "OR");
        WORDS.put(S1QLParser.NOT, "NOT");
        WORDS.put(S1QLParser.IN, "In");
        WORDS.put(S1QLParser.CONTAINS, "Contains");
        WORDS.put(S1QLParser.CONTAIN, "Contain");
        WORDS.put(S1QLParser.CONTAINSCIS, "ContainsCIS");
        WORDS.put(S1QLParser.CONTAINCIS, "ContainCIS");
        WORDS.put(S1QLParser.ANYCASE, "AnyCase");
        WORDS.put(S1QLParser.DOES, "Does");
        WORDS.put(S1QLParser.STARTSWITH, "StartsWith");
        WORDS.put(S1QLParser.STARTSWITHCIS, "StartsWithCIS");
        WORDS.put(S1QLParser.ENDSWITH, "EndsWith");
        WORDS.put(S1QLParser.ENDSWITHCIS, "EndsWithCIS");
        WORDS.put(S1QLParser.REGEXP, "RegExp");
        WORDS.put(S1QLParser.EXISTS, "EXISTS");
        WORDS.put(S1QLParser.IS, "IS");
        WORDS.put(S1QLParser.EMPTY, "EMPTY");
        WORDS.put(S1QLParser.TRUE, "true");
        WORDS.put(S1QLParser.FALSE, "false");
        WORDS.put(S1QLParser.BETWEEN, "BETWEEN");
    }

    /** Operator spellings offered as corrections for an unknown word after a field. */
    private static final List<String> OPERATOR_WORDS = List.of("Contains", "ContainsCIS", "StartsWith",
            "StartsWithCIS", "EndsWith", "EndsWithCIS", "RegExp", "In", "Not", "Does", "EXISTS", "IS", "BETWEEN",
            "AnyCase");

    /** Operator words that may be followed by AnyCase. */
    private static final java.util.Set<Integer> MODIFIABLE = java.util.Set.of(S1QLParser.CONTAINS,
            S1QLParser.CONTAIN, S1QLParser.STARTSWITH, S1QLParser.ENDSWITH, S1QLParser.IN);

    private final List<Token> tokens;

    /** @param tokens the default-channel tokens of the query, ending with EOF */
    SyntaxErrorExplainer(List<Token> tokens) {
        this.tokens = tokens;
    }

    Diagnostic explain(SyntaxFailure failure) {
        Token t = failure.offending();
        IntervalSet exp = failure.expected();
        Token prev = previous(t);
        Span at = spanOf(t);
        String found = describe(t);

        if (t.getType() == S1QLParser.ERROR_CHAR) return badCharacter(t, at, exp);
        if (t.getType() == S1QLParser.UNTERMINATED_STRING) {
            return Diagnostic.of(Code.UNTERMINATED_STRING,
                    "unterminated string: the '\"' here is never closed", Spans.of(t, t).isKnown() ? startOnly(t) : at,
                    "close the string with '\"'; a '\\\"' followed by more text is an escaped quote");
        }
        if (exp.contains(S1QLParser.EQ) && exp.contains(S1QLParser.EXISTS)) {
            // Right after a field: an operator must follow.
            String field = prev != null ? prev.getText() : "?";
            if (isWord(t)) {
                List<String> s = Suggestions.closest(t.getText(), OPERATOR_WORDS, 1);
                return Diagnostic.of(Code.UNKNOWN_OPERATOR, "unknown operator '" + t.getText() + "' after field '"
                        + field + "'", at, s.isEmpty() ? operatorHelp() : "did you mean '" + s.get(0) + "'?");
            }
            return Diagnostic.of(Code.SYNTAX, "expected an operator after field '" + field + "', found " + found,
                    at, operatorHelp());
        }
        if (exp.contains(S1QLParser.LPAREN) && !exp.contains(S1QLParser.IDENT)) {
            String op = operatorText(t);
            String hint = null;
            if (isWord(t)) hint = suggestAmong(t, exp);
            if (hint == null && (t.getType() == S1QLParser.STRING || t.getType() == S1QLParser.NUMBER)) {
                hint = "a list operator takes a parenthesised list: " + op + " (" + t.getText() + ")";
            }
            return Diagnostic.of(Code.SYNTAX, "expected a value list '(' after '" + op + "', found " + found, at, hint);
        }
        if (exp.contains(S1QLParser.STRING)) {
            String hint = isWord(t) ? suggestAmong(t, exp) : null;
            if (hint == null && isWord(t) && prev != null && MODIFIABLE.contains(prev.getType())) {
                List<String> s = Suggestions.closest(t.getText(), List.of("AnyCase"), 1);
                if (!s.isEmpty()) hint = "did you mean 'AnyCase'?";
            }
            if (hint == null && t.getType() == S1QLParser.IDENT) {
                hint = "string values are double-quoted: \"" + t.getText() + "\"";
            }
            if (hint == null && t.getType() == S1QLParser.EQ && prev != null && prev.getType() == S1QLParser.EQ) {
                hint = "S1QL 1.0 writes equality with a single '='";
            }
            String after = prev == null ? "" : prev.getType() == S1QLParser.LPAREN || prev.getType() == S1QLParser.COMMA
                    ? " in the value list" : " after '" + operatorText(t) + "'";
            return Diagnostic.of(Code.SYNTAX, "expected a value (a double-quoted string, a number, true or false)"
                    + after + ", found " + found, at, hint);
        }
        if (exp.contains(S1QLParser.IDENT) && exp.contains(S1QLParser.NOT)) {
            String after = prev == null ? "at the start of the query" : "after '" + prev.getText() + "'";
            if (t.getType() == Token.EOF) {
                return Diagnostic.of(Code.SYNTAX, "the query ends where a condition was expected " + after, at,
                        "a condition is a field name, an operator and a value, e.g. TgtProcName = \"cmd.exe\"");
            }
            String hint = WORDS.containsKey(t.getType())
                    ? "'" + t.getText() + "' is a keyword; a condition starts with a field name, NOT or '('" : null;
            return Diagnostic.of(Code.SYNTAX, "expected a condition (a field name, NOT or '(') " + after
                    + ", found " + found, at, hint);
        }
        if (exp.contains(S1QLParser.COMMA) || insideValueList(t)) {
            if (t.getType() == Token.EOF) {
                return Diagnostic.of(Code.SYNTAX, "the value list is not closed: expected ',' or ')', found the end"
                        + " of the query", at, null);
            }
            return Diagnostic.of(Code.SYNTAX, "expected ',' or ')' in the value list, found " + found, at, null);
        }
        if (exp.contains(Token.EOF) || exp.contains(S1QLParser.RPAREN)) {
            if (t.getType() == Token.EOF) {
                Token open = unclosedParen();
                String where = open == null ? "" : " opened at line " + open.getLine() + ", column "
                        + (open.getCharPositionInLine() + 1);
                return Diagnostic.of(Code.SYNTAX, "missing ')': the '('" + where + " is never closed", at, null);
            }
            if (t.getType() == S1QLParser.RPAREN && !exp.contains(S1QLParser.RPAREN)) {
                return Diagnostic.of(Code.SYNTAX, "unbalanced ')': there is no '(' for it to close", at, null);
            }
            String options = exp.contains(S1QLParser.RPAREN) ? "AND, OR or ')'" : "AND, OR or the end of the query";
            String hint = null;
            if (t.getType() == S1QLParser.IDENT || t.getType() == S1QLParser.LPAREN || t.getType() == S1QLParser.NOT) {
                hint = "S1QL 1.0 has no implicit AND between conditions: write AND (or OR)";
            } else if (isWord(t)) {
                hint = suggestAmong(t, exp);
            }
            return Diagnostic.of(Code.SYNTAX, "expected " + options + " after the condition, found " + found, at, hint);
        }
        if (exp.size() == 1 && exp.contains(S1QLParser.AND) && followsBetween(t)) {
            return Diagnostic.of(Code.SYNTAX, "expected AND between the two values of BETWEEN, found " + found, at,
                    "write: <field> BETWEEN \"low\" AND \"high\"");
        }
        if (exp.contains(S1QLParser.EMPTY) && exp.contains(S1QLParser.TRUE)) {
            return Diagnostic.of(Code.SYNTAX, "expected EMPTY, NOT EMPTY, true or false after 'IS', found " + found,
                    at, isWord(t) ? suggestAmong(t, exp) : null);
        }
        if (exp.contains(S1QLParser.CONTAIN)) {
            String hint = t.getType() == S1QLParser.CONTAINS || t.getType() == S1QLParser.CONTAINSCIS
                    ? "the negated form is written without 's': 'Does Not Contain' / 'Does Not ContainCIS'"
                    : isWord(t) ? suggestAmong(t, exp) : null;
            return Diagnostic.of(Code.SYNTAX, "expected 'Contain' or 'ContainCIS' after 'Does Not', found " + found,
                    at, hint);
        }
        if (exp.contains(S1QLParser.IN) && prev != null && prev.getType() == S1QLParser.NOT) {
            String hint = t.getType() == S1QLParser.EXISTS
                    ? "to test that a field is absent write NOT <field> EXISTS" : isWord(t) ? suggestAmong(t, exp) : null;
            return Diagnostic.of(Code.SYNTAX, "expected 'In' after 'Not' in an operator, found " + found, at, hint);
        }
        return Diagnostic.of(Code.SYNTAX, "expected " + describeSet(exp) + ", found " + found, at,
                isWord(t) ? suggestAmong(t, exp) : null);
    }

    private Diagnostic badCharacter(Token t, Span at, IntervalSet exp) {
        String c = t.getText();
        int cp = c.codePointAt(0);
        String name = String.format("'%s' (U+%04X)", printable(cp), cp);
        String hint = null;
        if (cp == '\u201C' || cp == '\u201D' || cp == '\u201E' || cp == '\u00AB' || cp == '\u00BB') {
            hint = "typographic (smart) quotes are not string delimiters; use straight double quotes \"...\"";
        } else if (cp == '\'' || cp == '\u2018' || cp == '\u2019') {
            hint = "S1QL 1.0 strings use double quotes; single-quoted strings are S1QL 2.0 / PowerQuery";
        } else if (cp == '|') {
            hint = "'|' pipelines are PowerQuery; an S1QL 1.0 query is a single filter expression";
        } else if (cp == '&') {
            hint = "write AND instead of '&&'";
        } else if (cp == '!') {
            hint = "write NOT (or '!=' for inequality)";
        } else if (cp == '/' ) {
            hint = "'//' comments are PowerQuery; S1QL 1.0 comments start with '--'";
        }
        return Diagnostic.of(Code.BAD_CHARACTER, "unexpected character " + name, at, hint);
    }

    private static String printable(int cp) {
        if (cp < 0x20 || cp == 0x7F) return "\\u" + String.format("%04X", cp);
        return new String(Character.toChars(cp));
    }

    private static String operatorHelp() {
        return "operators: = != < > <= >= Contains ContainsCIS StartsWith EndsWith RegExp In, In AnyCase, "
                + "In Contains AnyCase, Not In, EXISTS, IS [NOT] EMPTY, BETWEEN";
    }

    private static boolean isWord(Token t) {
        return t.getType() == S1QLParser.IDENT || WORDS.containsKey(t.getType());
    }

    /** "did you mean" among the keyword tokens the parser expected here. */
    private static String suggestAmong(Token t, IntervalSet exp) {
        List<String> words = new ArrayList<>();
        for (int type : exp.toList()) if (WORDS.containsKey(type)) words.add(WORDS.get(type));
        List<String> s = Suggestions.closest(t.getText(), words, 1);
        return s.isEmpty() ? null : "did you mean '" + s.get(0) + "'?";
    }

    private Token previous(Token t) {
        int i = indexOf(t);
        return i > 0 ? tokens.get(i - 1) : null;
    }

    private int indexOf(Token t) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).getTokenIndex() == t.getTokenIndex()) return i;
        return tokens.size() - 1;
    }

    /** The operator words written between the field and {@code t}, as written. */
    private String operatorText(Token t) {
        int i = indexOf(t) - 1;
        Deque<String> words = new ArrayDeque<>();
        while (i >= 0 && tokens.get(i).getType() != S1QLParser.IDENT
                && tokens.get(i).getType() != S1QLParser.LPAREN && tokens.get(i).getType() != S1QLParser.COMMA) {
            words.addFirst(tokens.get(i).getText());
            i--;
        }
        return words.isEmpty() && i >= 0 ? tokens.get(i).getText() : String.join(" ", words);
    }

    private boolean followsBetween(Token t) {
        int i = indexOf(t);
        return i >= 2 && tokens.get(i - 2).getType() == S1QLParser.BETWEEN;
    }

    /** Whether {@code t} stands inside an unclosed value list: {@code In ( ... t}. */
    private boolean insideValueList(Token t) {
        Deque<Integer> open = new ArrayDeque<>();
        int end = indexOf(t);
        for (int i = 0; i < end; i++) {
            int type = tokens.get(i).getType();
            if (type == S1QLParser.LPAREN) {
                int before = i > 0 ? tokens.get(i - 1).getType() : -1;
                boolean list = before == S1QLParser.IN || before == S1QLParser.CONTAINS || before == S1QLParser.ANYCASE;
                open.push(list ? 1 : 0);
            } else if (type == S1QLParser.RPAREN && !open.isEmpty()) {
                open.pop();
            }
        }
        return !open.isEmpty() && open.peek() == 1;
    }

    private Token unclosedParen() {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t.getType() == S1QLParser.LPAREN) open.push(t);
            else if (t.getType() == S1QLParser.RPAREN && !open.isEmpty()) open.pop();
        }
        return open.isEmpty() ? null : open.peekLast() == null ? null : open.peek();
    }

    private static String describe(Token t) {
        if (t.getType() == Token.EOF) return "the end of the query";
        String text = t.getText();
        if (text.length() > 40) text = text.substring(0, 37) + "...";
        return "'" + text + "'";
    }

    private static String describeSet(IntervalSet exp) {
        List<String> names = new ArrayList<>();
        for (int type : exp.toList()) names.add(tokenName(type));
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String tokenName(int type) {
        if (WORDS.containsKey(type)) return WORDS.get(type);
        return switch (type) {
            case Token.EOF -> "the end of the query";
            case S1QLParser.IDENT -> "a field name";
            case S1QLParser.STRING -> "a string";
            case S1QLParser.NUMBER -> "a number";
            case S1QLParser.LPAREN -> "'('";
            case S1QLParser.RPAREN -> "')'";
            case S1QLParser.COMMA -> "','";
            case S1QLParser.EQ -> "'='";
            case S1QLParser.NEQ -> "'!='";
            case S1QLParser.LT -> "'<'";
            case S1QLParser.GT -> "'>'";
            case S1QLParser.LE -> "'<='";
            case S1QLParser.GE -> "'>='";
            default -> S1QLParser.VOCABULARY.getDisplayName(type);
        };
    }

    private static Span spanOf(Token t) {
        if (t.getType() == Token.EOF) {
            return new Span(t.getStartIndex(), t.getStartIndex(), t.getLine(), t.getCharPositionInLine() + 1,
                    t.getLine(), t.getCharPositionInLine() + 1);
        }
        return Spans.of(t);
    }

    private static Span startOnly(Token t) {
        return new Span(t.getStartIndex(), t.getStartIndex() + 1, t.getLine(), t.getCharPositionInLine() + 1,
                t.getLine(), t.getCharPositionInLine() + 1);
    }
}
