// One query to work on, with where it came from: a file, a rule document, stdin or a -q argument.
package dev.s1ql.cli.input;

/**
 * @param source     what to call it in messages: a file path, {@code <stdin>} or {@code -q#N}
 * @param text       the query text
 * @param lineOffset lines of the file before the query's first line (non-zero for rule documents), so that
 *                   positions in messages are positions in the file
 * @param title      the rule's title when the input is a rule document, else null
 * @param id         the rule's ID when the input is a rule document, else null
 */
public record QueryInput(String source, String text, int lineOffset, String title, String id) {

    public boolean isRuleDocument() {
        return title != null || id != null;
    }
}
