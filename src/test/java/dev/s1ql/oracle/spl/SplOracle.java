// The SPL oracle's entry point: runs an SPL query over events (field name to value: a string, or a list for a
// multivalue field) and returns the result rows. It reads the subset s1ql emits and pipelines will need, written
// from Splunk's documentation (Search Manual, Search Reference), not from s1ql's renderer: the search expression
// (SplSearch), and the commands search, where, eval (SplEvaluator; a boolean result cannot be assigned to a
// field), stats and eventstats (SplStats), streamstats count, sort, head, table, fields, rename. ``` comments ``` are removed first ("Add comments to searches"). What it does not know it refuses.
//   sort: `sort [N] [+|-]field, ...` ascending by default; values that read as numbers sort numerically and
//   before text, text sorts lexicographically (uppercase before lowercase); results missing the field come last
//   in either direction; at most N results, 10000 by default ("sort command", "Lexicographical order").
//   head [N]: the first N results, 10 by default. table f1, f2: only those fields, in that order (wildcards
//   allowed). fields [+|-] f1, f2: keep or drop. rename a AS b, ...
package dev.s1ql.oracle.spl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SplOracle {

    private SplOracle() {
    }

    /** The results of {@code spl} over {@code events}, in order. */
    public static List<Map<String, Object>> run(String spl, List<Map<String, Object>> events) {
        List<String> segments = segments(stripComments(spl));
        List<Map<String, Object>> rows = new ArrayList<>(events);
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i).strip();
            if (i == 0) {
                if (seg.startsWith("search ")) seg = seg.substring(7);
                rows = search(seg, rows);
                continue;
            }
            int space = seg.indexOf(' ');
            String command = space < 0 ? seg : seg.substring(0, space);
            String args = space < 0 ? "" : seg.substring(space + 1).strip();
            rows = switch (command) {
                case "search" -> search(args, rows);
                case "where" -> where(args, rows);
                case "eval" -> eval(args, rows);
                case "stats" -> SplStats.run(args, rows);
                case "eventstats" -> SplStats.eventstats(args, rows);
                case "streamstats" -> streamstats(args, rows);
                case "sort" -> sort(args, rows);
                case "head" -> head(args, rows);
                case "table" -> table(args, rows);
                case "fields" -> fields(args, rows);
                case "rename" -> rename(args, rows);
                default -> throw new IllegalArgumentException("command '" + command + "' is not in the oracle's SPL subset");
            };
        }
        return rows;
    }

    static String stripComments(String spl) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        while (true) {
            int open = spl.indexOf("```", from);
            if (open < 0) break;
            int close = spl.indexOf("```", open + 3);
            if (close < 0) throw new IllegalArgumentException("unterminated ``` comment");
            b.append(spl, from, open);
            from = close + 3;
        }
        return b.append(spl.substring(from)).toString();
    }

    /** The query split at pipes outside double-quoted strings. */
    static List<String> segments(String spl) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < spl.length(); i++) {
            char c = spl.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '|') {
                out.add(spl.substring(start, i));
                start = i + 1;
            }
        }
        out.add(spl.substring(start));
        return out;
    }

    private static List<Map<String, Object>> search(String expr, List<Map<String, Object>> rows) {
        SplSearch.Node n = SplSearch.parse(expr);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) if (SplSearch.matches(n, r)) out.add(r);
        return out;
    }

    private static List<Map<String, Object>> where(String expr, List<Map<String, Object>> rows) {
        SplExpr e = SplExprParser.parse(expr);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) if (SplEvaluator.keeps(e, r)) out.add(r);
        return out;
    }

    private static List<Map<String, Object>> eval(String args, List<Map<String, Object>> rows) {
        List<Map.Entry<String, SplExpr>> assignments = new ArrayList<>();
        int pos = 0;
        while (pos < args.length()) {
            int eq = args.indexOf('=', pos);
            if (eq < 0) throw new IllegalArgumentException("eval needs field=expression: " + args);
            String field = args.substring(pos, eq).strip();
            if (field.startsWith("\"") && field.endsWith("\"") && field.length() > 1) {
                field = field.substring(1, field.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            } else {
                field = field.replaceAll("^'|'$", "");
            }
            Object[] parsed = SplExprParser.parsePrefix(args, eq + 1);
            assignments.add(Map.entry(field, (SplExpr) parsed[0]));
            pos = (int) parsed[1];
            if (pos < args.length()) {
                if (args.charAt(pos) != ',') throw new IllegalArgumentException("expected ',' in eval at " + pos + ": " + args);
                pos++;
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            for (Map.Entry<String, SplExpr> a : assignments) {
                Object v = SplEvaluator.eval(a.getValue(), row);
                if (v instanceof Boolean) {
                    // "eval command": fields cannot be assigned a boolean result; use if([bool expr], [expr], [expr])
                    throw new IllegalArgumentException("eval cannot assign a boolean to " + a.getKey());
                }
                if (v == null) row.remove(a.getKey());
                else row.put(a.getKey(), v);
            }
            out.add(row);
        }
        return out;
    }

    private static final Pattern SORT_KEY = Pattern.compile("\\s*([+-]?)\\s*(?:(num|str|auto)\\(([^)]+)\\)|\"([^\"]*)\"|([^\\s,]+))");

    private static List<Map<String, Object>> sort(String args, List<Map<String, Object>> rows) {
        String rest = args.strip();
        int limit = 10000;
        Matcher count = Pattern.compile("^(?:limit=)?(\\d+)\\s+").matcher(rest);
        if (count.find()) {
            limit = Integer.parseInt(count.group(1));
            rest = rest.substring(count.end());
        }
        boolean reverse = false;
        Matcher desc = Pattern.compile("\\s+(d|desc)$").matcher(rest);
        if (desc.find()) {
            reverse = true;
            rest = rest.substring(0, desc.start());
        }
        Comparator<Map<String, Object>> cmp = null;
        Matcher m = SORT_KEY.matcher(rest);
        while (m.find()) {
            boolean descending = m.group(1).equals("-") != reverse;
            String field = m.group(3) != null ? m.group(3).strip() : m.group(4) != null ? m.group(4) : m.group(5);
            String type = m.group(2) == null ? "auto" : m.group(2);
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object x = a.get(field);
                Object y = b.get(field);
                if (x == null || y == null) return x == y ? 0 : x == null ? 1 : -1;
                int c = compareForSort(x, y, type);
                return descending ? -c : c;
            };
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        List<Map<String, Object>> out = new ArrayList<>(rows);
        if (cmp != null) out.sort(cmp);
        return limit == 0 || out.size() <= limit ? out : out.subList(0, limit);
    }

    private static int compareForSort(Object x, Object y, String type) {
        if (type.equals("str")) return SplValues.text(x).compareTo(SplValues.text(y));
        var a = SplValues.number(x);
        var b = SplValues.number(y);
        if (a != null && b != null) return a.compareTo(b);
        if (a != null) return -1;
        if (b != null) return 1;
        return SplValues.text(x).compareTo(SplValues.text(y));
    }

    /**
     * streamstats, only {@code count AS name}: each result gets the number of results up to and including it
     * ("streamstats command": count is cumulative over the results seen so far).
     */
    private static List<Map<String, Object>> streamstats(String args, List<Map<String, Object>> rows) {
        Matcher m = Pattern.compile("count(?:\\s+(?:AS|as)\\s+(\\w+))?").matcher(args.strip());
        if (!m.matches()) throw new IllegalArgumentException("streamstats " + args + " is not in the oracle's SPL subset");
        String name = m.group(1) == null ? "count" : m.group(1);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put(name, java.math.BigDecimal.valueOf(out.size() + 1));
            out.add(row);
        }
        return out;
    }

    private static List<Map<String, Object>> head(String args, List<Map<String, Object>> rows) {
        String n = args.replaceFirst("^limit=", "").strip();
        int limit = n.isEmpty() ? 10 : Integer.parseInt(n);
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    private static List<String> names(String args) {
        return SplStats.fieldList(args);
    }

    private static List<Map<String, Object>> table(String args, List<Map<String, Object>> rows) {
        List<String> fields = names(args);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String f : fields) {
                for (Map.Entry<String, Object> e : r.entrySet()) {
                    if (SplValues.glob(e.getKey(), f, true) && !row.containsKey(e.getKey())) row.put(e.getKey(), e.getValue());
                }
            }
            out.add(row);
        }
        return out;
    }

    private static List<Map<String, Object>> fields(String args, List<Map<String, Object>> rows) {
        String rest = args.strip();
        boolean remove = rest.startsWith("-");
        if (rest.startsWith("-") || rest.startsWith("+")) rest = rest.substring(1);
        if (!remove) return table(rest, rows);
        List<String> fields = names(rest);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.keySet().removeIf(k -> fields.stream().anyMatch(f -> SplValues.glob(k, f, true)));
            out.add(row);
        }
        return out;
    }

    private static List<Map<String, Object>> rename(String args, List<Map<String, Object>> rows) {
        Matcher m = Pattern.compile("(\"[^\"]*\"|[^\\s,]+)\\s+(?:AS|as)\\s+(\"[^\"]*\"|[^\\s,]+)").matcher(args);
        Map<String, String> renames = new LinkedHashMap<>();
        while (m.find()) renames.put(m.group(1).replaceAll("^\"|\"$", ""), m.group(2).replaceAll("^\"|\"$", ""));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : r.entrySet()) row.put(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue());
            out.add(row);
        }
        return out;
    }
}
