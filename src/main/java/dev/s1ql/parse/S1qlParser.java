// The front door of the S1QL 1.0 front end: text in, AST plus diagnostics out. Never throws on bad input.
package dev.s1ql.parse;

import dev.s1ql.ast.Decimals;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Query;
import dev.s1ql.ast.Span;
import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.gen.S1QLLexer;
import dev.s1ql.parse.gen.S1QLParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

public final class S1qlParser {

    /** Deepest nesting of parentheses and NOTs accepted; deeper input is reported, not parsed. */
    public static final int MAX_DEPTH = 256;

    private final FieldCatalog catalog;

    public S1qlParser() {
        this(FieldCatalog.defaults());
    }

    public S1qlParser(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Parses one S1QL 1.0 query. Syntax problems come back as error diagnostics, never as exceptions.
     *
     * <p>When the strict reading of spec §2.5 fails, the query is read once more with the lenient quote rule
     * (an unescaped {@code "} inside a value is kept when no valid end follows it), because generators such as
     * pySigma write regexes with bare quotes. If that reading parses, the query is accepted with an
     * {@link Code#UNESCAPED_QUOTE} warning on each repaired value; otherwise the strict error is reported.
     */
    public ParseResult parse(String text) {
        ParseResult strict = attempt(text, false);
        if (strict.ok() || strict.diagnostics().stream().noneMatch(d -> d.code() == Code.SYNTAX
                || d.code() == Code.UNTERMINATED_STRING || d.code() == Code.BAD_CHARACTER)) {
            return strict;
        }
        ParseResult lenient = attempt(text, true);
        return lenient.ok() ? lenient : strict;
    }

    private ParseResult attempt(String text, boolean lenientQuotes) {
        S1QLLexer lexer = new S1QLLexer(CharStreams.fromString(text));
        lexer.lenientQuotes = lenientQuotes;
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();

        List<Query.Comment> comments = new ArrayList<>();
        List<Token> visible = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Token t : stream.getTokens()) {
            if (t.getChannel() == S1QLLexer.COMMENTS) comments.add(new Query.Comment(t.getText(), Spans.of(t)));
            else if (t.getChannel() == Token.DEFAULT_CHANNEL) visible.add(t);
            if (lenientQuotes && t.getType() == S1QLParser.STRING
                    && StringLiteralScanner.decode(t.getText(), true).unescapedQuote()) {
                warnings.add(Diagnostic.of(Code.UNESCAPED_QUOTE, "unescaped '\"' inside this value was read as part"
                        + " of it, because no valid end of a value follows it", Spans.of(t),
                        "escape quotes inside values as \\\"; SentinelOne may reject this query"));
            }
        }
        if (visible.size() == 1) {
            Token eof = visible.get(0);
            String what = comments.isEmpty() ? "the query is empty" : "the query holds only comments";
            return failed(Diagnostic.of(Code.EMPTY_QUERY, what,
                    new Span(eof.getStartIndex(), eof.getStartIndex(), eof.getLine(), eof.getCharPositionInLine() + 1,
                            eof.getLine(), eof.getCharPositionInLine() + 1)));
        }
        Diagnostic tooDeep = checkDepth(visible);
        if (tooDeep != null) return failed(tooDeep);
        for (Token t : visible) {
            if (t.getType() == S1QLParser.NUMBER && t.getText().length() > Decimals.MAX_LENGTH) return failed(numberTooLong(t));
        }

        S1QLParser parser = new S1QLParser(stream);
        parser.removeErrorListeners();
        FirstErrorStrategy errors = new FirstErrorStrategy();
        parser.setErrorHandler(errors);
        // Every decision of the grammar is LL(1) after the field, so SLL is exact here and faster.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        S1QLParser.QueryContext tree;
        try {
            tree = parser.query();
        } catch (ParseCancellationException e) {
            SyntaxFailure f = errors.failure();
            if (f == null) f = new SyntaxFailure(parser.getCurrentToken(), parser.getExpectedTokens());
            return failed(new SyntaxErrorExplainer(visible).explain(f));
        } catch (StackOverflowError e) {
            return failed(Diagnostic.of(Code.TOO_DEEP, "the query is nested too deeply to parse", Spans.of(visible.get(0))));
        }
        Expr root = new AstBuilder(catalog).build(tree);
        return new ParseResult(new Query(root, text, comments), warnings);
    }

    /** A number literal longer than s1ql reads (see {@link Decimals}), for both parsers. */
    static Diagnostic numberTooLong(Token t) {
        return Diagnostic.of(Code.NUMBER_TOO_LONG, "this number has " + t.getText().length() + " characters; s1ql "
                + "reads numbers of at most " + Decimals.MAX_LENGTH, Spans.of(t),
                "no field holds such a number; quote it to compare it as text");
    }

    private static ParseResult failed(Diagnostic d) {
        return new ParseResult(null, List.of(d));
    }

    /** Parentheses plus runs of NOT, the two things that make the parser (and every AST walker) recurse. */
    private static Diagnostic checkDepth(List<Token> tokens) {
        int depth = 0;
        int nots = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case S1QLParser.LPAREN -> depth++;
                case S1QLParser.RPAREN -> depth--;
                case S1QLParser.NOT -> nots++;
                default -> nots = 0;
            }
            if (depth + nots > MAX_DEPTH) {
                return Diagnostic.of(Code.TOO_DEEP, "the query nests parentheses and NOTs more than " + MAX_DEPTH
                        + " levels deep", Spans.of(t), "flatten the expression; no real query needs this depth");
            }
        }
        return null;
    }
}
