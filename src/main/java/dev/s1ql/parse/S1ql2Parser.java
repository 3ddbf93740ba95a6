// The front door for S1QL 2.0 filters and PowerQuery pipelines: text in, the shared AST plus diagnostics out.
package dev.s1ql.parse;

import dev.s1ql.ast.Decimals;
import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.Stage;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.Suggestions;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.gen2.S1QL2Lexer;
import dev.s1ql.parse.gen2.S1QL2Parser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

public final class S1ql2Parser {

    /**
     * PowerQuery commands s1ql recognises by name without modelling them (spec §7.3, AISIEM commands-reference):
     * a translation refuses them by name; eval reports them as not applied.
     */
    public static final List<String> OTHER_COMMANDS = List.of("parse", "lookup", "join", "union", "dataset",
            "savelookup", "datasource", "transpose", "compare", "inner", "left", "outer", "sql");
    static final List<String> ALL_COMMANDS = List.of("filter", "columns", "limit", "nolimit", "group", "sort", "let",
            "top", "parse", "lookup", "join", "union", "dataset", "savelookup", "datasource", "transpose", "compare");

    private final FieldCatalog catalog;

    public S1ql2Parser() {
        this(FieldCatalog.defaults());
    }

    public S1ql2Parser(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Parses a 2.0 filter or a PowerQuery. The dialect of the result is {@link Dialect#POWERQUERY} when the text
     * has pipeline stages, otherwise {@link Dialect#S1QL_2}.
     */
    public ParseResult parse(String text) {
        S1QL2Lexer lexer = new S1QL2Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        List<Query.Comment> comments = new ArrayList<>();
        List<Token> visible = new ArrayList<>();
        int depth = 0;
        for (Token t : stream.getTokens()) {
            if (t.getChannel() == 2) comments.add(new Query.Comment(t.getText(), Spans.of(t)));
            else if (t.getChannel() == Token.DEFAULT_CHANNEL) visible.add(t);
            if (t.getType() == S1QL2Lexer.LPAREN || t.getType() == S1QL2Lexer.NOT || t.getType() == S1QL2Lexer.BANG) depth++;
            if (t.getType() == S1QL2Lexer.RPAREN) depth--;
            if (t.getType() == S1QL2Lexer.NUMBER && t.getText().length() > Decimals.MAX_LENGTH) {
                return failed(S1qlParser.numberTooLong(t));
            }
            if (depth > S1qlParser.MAX_DEPTH) {
                return failed(Diagnostic.of(Code.TOO_DEEP, "the query nests parentheses and NOTs more than "
                        + S1qlParser.MAX_DEPTH + " levels deep", Spans.of(t)));
            }
        }
        if (visible.size() == 1) {
            return failed(Diagnostic.of(Code.EMPTY_QUERY, "the query is empty", eofSpan(visible.get(0))));
        }
        S1QL2Parser parser = new S1QL2Parser(stream);
        parser.removeErrorListeners();
        FirstErrorStrategy errors = new FirstErrorStrategy();
        parser.setErrorHandler(errors);
        S1QL2Parser.PowerQueryContext tree;
        try {
            tree = parser.powerQuery();
        } catch (ParseCancellationException e) {
            SyntaxFailure f = errors.failure();
            if (f == null) f = new SyntaxFailure(parser.getCurrentToken(), parser.getExpectedTokens());
            return failed(explain(f, visible));
        } catch (StackOverflowError e) {
            return failed(Diagnostic.of(Code.TOO_DEEP, "the query is nested too deeply to parse", Spans.of(visible.get(0))));
        }
        S1ql2AstBuilder builder = new S1ql2AstBuilder(catalog);
        Expr root = builder.filter(tree);
        List<Stage> stages = builder.stages(tree);
        List<Diagnostic> diags = new ArrayList<>(builder.diagnostics());
        for (Stage s : stages) {
            if (s instanceof Stage.Other o && !OTHER_COMMANDS.contains(o.command().toLowerCase())) {
                List<String> close = Suggestions.closest(o.command(), ALL_COMMANDS, 1);
                diags.add(Diagnostic.of(Code.UNKNOWN_COMMAND, "unknown PowerQuery command '" + o.command() + "'",
                        o.span(), close.isEmpty() ? null : "did you mean '" + close.get(0) + "'?"));
            }
        }
        Dialect dialect = stages.isEmpty() ? Dialect.S1QL_2 : Dialect.POWERQUERY;
        if (root == null && stages.isEmpty()) {
            return failed(Diagnostic.of(Code.EMPTY_QUERY, "the query is empty", eofSpan(visible.get(visible.size() - 1))));
        }
        return new ParseResult(new Query(root, text, comments, dialect, stages), diags);
    }

    private static ParseResult failed(Diagnostic d) {
        return new ParseResult(null, List.of(d));
    }

    private static Span eofSpan(Token t) {
        return new Span(t.getStartIndex(), t.getStartIndex(), t.getLine(), t.getCharPositionInLine() + 1,
                t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** A plain-words message from the expected-token set; specific wording for the common 2.0 slips. */
    private static Diagnostic explain(SyntaxFailure f, List<Token> visible) {
        Token t = f.offending();
        Span at = t.getType() == Token.EOF ? eofSpan(t) : Spans.of(t);
        String found = t.getType() == Token.EOF ? "the end of the query" : "'" + abbreviate(t.getText()) + "'";
        if (t.getType() == S1QL2Lexer.UNTERMINATED_STRING) {
            return Diagnostic.of(Code.UNTERMINATED_STRING, "unterminated string: the quote here is never closed on "
                    + "this line", at, "close it with the same quote; escape quotes inside with a backslash");
        }
        if (t.getType() == S1QL2Lexer.ERROR_CHAR) {
            return Diagnostic.of(Code.BAD_CHARACTER, "unexpected character '" + t.getText() + "'", at, null);
        }
        IntervalSet exp = f.expected();
        List<String> names = new ArrayList<>();
        for (int type : exp.toList()) if (!names.contains(describe(type))) names.add(describe(type));
        String expected = names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        String hint = null;
        if (t.getType() == S1QL2Lexer.IDENT && (t.getText().equalsIgnoreCase("desc") || t.getText().equalsIgnoreCase("asc"))) {
            hint = "PowerQuery sorts with a sign, not a word: sort -field (descending), sort +field or sort field "
                    + "(ascending)";
        }
        if (exp.contains(S1QL2Lexer.MATCHCASE) && t.getType() == S1QL2Lexer.IDENT) {
            List<String> s = Suggestions.closest(t.getText(), List.of("anycase", "matchcase"), 1);
            if (!s.isEmpty()) hint = "did you mean '" + s.get(0) + "'?";
        }
        return Diagnostic.of(Code.SYNTAX, "expected " + expected + ", found " + found, at, hint);
    }

    private static String describe(int type) {
        return switch (type) {
            case Token.EOF -> "the end of the query";
            case S1QL2Lexer.IDENT, S1QL2Lexer.TOP -> "a field name";
            case S1QL2Lexer.SHORTCUT -> "a #shortcut field";
            case S1QL2Lexer.STRING -> "a string";
            case S1QL2Lexer.DOLLAR_STRING -> "a $\"regex\"";
            case S1QL2Lexer.NUMBER -> "a number";
            default -> S1QL2Lexer.VOCABULARY.getDisplayName(type).toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
