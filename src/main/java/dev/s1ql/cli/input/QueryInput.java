// One query to work on, with where it came from: a file, a rule document, stdin or a -q argument.
package dev.s1ql.cli.input;

import dev.s1ql.diag.Diagnostic;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;

import java.util.List;

/**
 * @param source     what to call it in messages: a file path, {@code <stdin>} or {@code -q#N}
 * @param text       the query text
 * @param lineOffset lines of the file before the query's first line (non-zero for rule documents), so that
 *                   positions in messages are positions in the file
 * @param title      the rule's title when the input is a rule document, else null
 * @param id         the rule's ID when the input is a rule document, else null
 * @param problem    why the input could not be read as a query (a file that is not UTF-8: S1005), else null;
 *                   {@code text} is then the file decoded with replacement characters, to show where
 */
public record QueryInput(String source, String text, int lineOffset, String title, String id, Diagnostic problem) {

    public QueryInput(String source, String text, int lineOffset, String title, String id) {
        this(source, text, lineOffset, title, id, null);
    }

    public boolean isRuleDocument() {
        return title != null || id != null;
    }

    /**
     * The query read by {@code reader}; for an input that could not be read, a failed result with its problem,
     * so that every command reports it like a query with an error and goes on with the others.
     */
    public ParseResult parse(QueryReader reader, DialectChoice dialect) {
        return problem != null ? new ParseResult(null, List.of(problem)) : reader.read(text, dialect);
    }
}
