// Reads a rule document in the seed's Markdown layout: `## Title`, `## ID`, and the query as the fenced
// block under `## SentinelOne Query`.
package dev.s1ql.cli.input;

import java.util.List;
import java.util.Locale;

public final class RuleDocument {
    private RuleDocument() {
    }

    /** The query section heading, compared without case. */
    static final String QUERY_HEADING = "## sentinelone query";

    /** Whether the Markdown text has a query section at all (directories skip documents without one). */
    public static boolean hasQuerySection(String markdown) {
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().toLowerCase(Locale.ROOT).equals(QUERY_HEADING)) return true;
        }
        return false;
    }

    /** Extracts the query and metadata; throws with a message naming what is missing. */
    public static QueryInput read(String source, String markdown) throws InputException {
        List<String> lines = List.of(markdown.split("\r?\n", -1));
        String title = firstLineOfSection(lines, "## title");
        String id = firstLineOfSection(lines, "## id");
        int heading = indexOfHeading(lines, QUERY_HEADING);
        if (heading < 0) throw new InputException(source + ": no '## SentinelOne Query' section in this rule document");
        int open = -1;
        for (int i = heading + 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.startsWith("```") || s.startsWith("~~~")) {
                open = i;
                break;
            }
            if (s.startsWith("## ")) break;
        }
        if (open < 0) {
            throw new InputException(source + ":" + (heading + 1)
                    + ": the '## SentinelOne Query' section has no fenced code block (```)");
        }
        String fence = lines.get(open).strip().substring(0, 3);
        int close = -1;
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(fence)) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new InputException(source + ":" + (open + 1) + ": the query's code block is never closed");
        String query = String.join("\n", lines.subList(open + 1, close));
        return new QueryInput(source, query.strip().isEmpty() ? query : stripTrailingNewlines(query), open + 1,
                title == null ? "" : title, id);
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    private static int indexOfHeading(List<String> lines, String heading) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().toLowerCase(Locale.ROOT).equals(heading)) return i;
        }
        return -1;
    }

    private static String firstLineOfSection(List<String> lines, String heading) {
        int h = indexOfHeading(lines, heading);
        if (h < 0) return null;
        for (int i = h + 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.startsWith("#")) return null;
            if (!s.isEmpty()) return s;
        }
        return null;
    }
}
