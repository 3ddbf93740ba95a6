// A structural check of emitted SPL, standing in for Splunk's parser (which cannot run here): balanced quotes
// and parentheses, only the escapes SplLiteral writes, known commands after each pipe (those of pipelines too), no dangling boolean
// operators, and the same checks inside searchmatch("...") strings.
package dev.s1ql.render.spl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class SplStructure {

    /** The search commands, and the commands of translated PowerQuery pipelines. */
    private static final Set<String> COMMANDS = Set.of("where", "search", "regex", "eval", "stats", "eventstats",
            "streamstats", "sort", "head", "table", "fields", "rename");
    private static final Pattern DANGLING = Pattern.compile("(^|\\(\\s*)(OR|AND)\\b|\\b(OR|AND|NOT)\\s*(\\)|$)|\\b(OR|AND)\\s+(OR|AND)\\b");
    private static final Pattern EMPTY_PARENS = Pattern.compile("(?<![A-Za-z_])\\(\\s*\\)");
    private static final Pattern SEARCHMATCH = Pattern.compile("searchmatch\\((\"(?:[^\"\\\\]|\\\\.)*\")\\)");

    private SplStructure() {
    }

    /** Problems found; empty when the query is well-formed. */
    static List<String> check(String spl) {
        List<String> problems = new ArrayList<>();
        String text = spl;
        if (text.startsWith("```")) {
            int end = text.indexOf("```", 3);
            if (end < 0) return List.of("unterminated comment");
            text = text.substring(end + 3).strip();
        }
        List<String> segments = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) problems.add("control character at " + i);
            if (inString) {
                cur.append(c);
                if (c == '\\') {
                    if (i + 1 >= text.length() || (text.charAt(i + 1) != '\\' && text.charAt(i + 1) != '"')) {
                        problems.add("escape other than \\\\ or \\\" at " + i);
                    } else {
                        cur.append(text.charAt(++i));
                    }
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
                outside.append("\"\"");
                cur.append(c);
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) problems.add("unbalanced ')' at " + i);
            if (c == '|') {
                segments.add(cur.toString());
                cur.setLength(0);
                outside.append(" | ");
                continue;
            }
            cur.append(c);
            outside.append(c);
        }
        if (inString) problems.add("unterminated string");
        if (depth > 0) problems.add(depth + " unclosed '('");
        segments.add(cur.toString());
        String first = segments.get(0).strip();
        if (first.isEmpty()) problems.add("empty base search");
        for (int i = 1; i < segments.size(); i++) {
            String cmd = segments.get(i).strip().split("\\s+", 2)[0];
            if (!COMMANDS.contains(cmd)) problems.add("unknown command '" + cmd + "'");
        }
        for (String part : outside.toString().split("\\|")) {
            String p = part.strip().replaceFirst("^(where|search|regex|eval|stats|eventstats|streamstats|sort|head|table|fields|rename)\\b", "").strip();
            if (EMPTY_PARENS.matcher(p).find()) problems.add("empty parentheses");
            if (DANGLING.matcher(p).find()) problems.add("dangling boolean operator in: " + p);
        }
        Matcher m = SEARCHMATCH.matcher(text);
        while (m.find()) {
            String inner = m.group(1);
            inner = inner.substring(1, inner.length() - 1).replaceAll("\\\\(.)", "$1");
            for (String p : check(inner)) problems.add("in searchmatch: " + p);
        }
        return problems;
    }
}
