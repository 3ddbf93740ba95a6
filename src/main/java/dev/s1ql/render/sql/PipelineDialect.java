// What the pipeline SQL needs from an engine beyond SqlDialect's filter vocabulary: text casts, aggregates that
// differ by name (percentiles, ordered lists, first/last), list functions, trimming. DuckDB, Spark SQL, Trino.
package dev.s1ql.render.sql;

import java.util.Locale;

/**
 * Ordered aggregates take the input order as a column ({@code seq}); where an engine cannot order an aggregate
 * the method returns null and the writer reports the approximation.
 */
final class PipelineDialect {

    private final SqlDialect d;
    private final String name;

    PipelineDialect(SqlDialect d) {
        this.d = d;
        this.name = d.name();
    }

    private boolean duckdb() {
        return name.equals("duckdb");
    }

    private boolean spark() {
        return name.equals("spark");
    }

    /** The SQL name of the text type. */
    String textType() {
        return spark() ? "STRING" : "VARCHAR";
    }

    String castText(String e) {
        return "CAST(" + e + " AS " + textType() + ")";
    }

    String castDouble(String e) {
        return "CAST(" + e + " AS DOUBLE)";
    }

    String castBigint(String e) {
        return "CAST(" + e + " AS BIGINT)";
    }

    /** The number of elements of a list. */
    String listLength(String e) {
        return duckdb() ? "len(" + e + ")" : spark() ? "size(" + e + ")" : "cardinality(" + e + ")";
    }

    /** An empty list of text. */
    String emptyTextList() {
        return duckdb() ? "CAST([] AS VARCHAR[])" : spark() ? "CAST(array() AS ARRAY<STRING>)" : "CAST(ARRAY[] AS ARRAY(VARCHAR))";
    }

    /** The first {@code n} elements of a list. */
    String listHead(String list, long n) {
        return duckdb() ? "list_slice(" + list + ", 1, " + n + ")" : "slice(" + list + ", 1, " + n + ")";
    }

    /** A list sorted ascending. */
    String listSort(String list) {
        return duckdb() ? "list_sort(" + list + ")" : "array_sort(" + list + ")";
    }

    /** The non-null values of {@code x} in the order of {@code seq} (null seq: any order, null returned). */
    String orderedList(String x, String seq) {
        if (duckdb()) return seq == null ? null : "list(" + x + " ORDER BY " + seq + ") FILTER (WHERE " + x + " IS NOT NULL)";
        if (spark()) return null;
        return seq == null ? null : "array_agg(" + x + " ORDER BY " + seq + ") FILTER (WHERE " + x + " IS NOT NULL)";
    }

    /** The non-null values of {@code x} in some order (for engines that cannot order them). */
    String unorderedList(String x) {
        if (duckdb()) return "list(" + x + ") FILTER (WHERE " + x + " IS NOT NULL)";
        if (spark()) return "collect_list(" + x + ")";
        return "array_agg(" + x + ") FILTER (WHERE " + x + " IS NOT NULL)";
    }

    /** The distinct non-null values of {@code x}, sorted. */
    String distinctSortedList(String x) {
        if (duckdb()) return "list_sort(list(DISTINCT " + x + ") FILTER (WHERE " + x + " IS NOT NULL))";
        if (spark()) return "array_sort(collect_set(" + x + "))";
        return "array_sort(array_agg(DISTINCT " + x + ") FILTER (WHERE " + x + " IS NOT NULL))";
    }

    /** x of the row with the smallest (or, {@code last}, largest) seq, null included. */
    String firstBy(String x, String seq, boolean last) {
        if (duckdb()) return (last ? "last(" : "first(") + x + " ORDER BY " + seq + ")";
        return (last ? "max_by(" : "min_by(") + x + ", " + seq + ")";
    }

    /** x of the row with the smallest (largest) {@code by}, rows without {@code by} left out. */
    String argBy(String x, String by, boolean max) {
        if (duckdb()) return (max ? "arg_max(" : "arg_min(") + x + ", " + by + ")";
        return (max ? "max_by(" : "min_by(") + x + ", " + by + ")";
    }

    /** A percentile by linear interpolation; null when the engine only estimates (Trino). */
    String percentile(String x, double q) {
        String fraction = String.format(Locale.ROOT, "%s", q);
        if (duckdb()) return "quantile_cont(" + x + ", " + fraction + ")";
        if (spark()) return "percentile(" + x + ", " + fraction + ")";
        return null;
    }

    /** Trino's estimate of a percentile. */
    String approximatePercentile(String x, double q) {
        return "approx_percentile(" + x + ", " + String.format(Locale.ROOT, "%s", q) + ")";
    }

    /** {@code text} without the leading / trailing characters of {@code chars} (a SQL string). */
    String trim(String text, String chars, boolean left, boolean right) {
        if (spark()) {
            String where = left && right ? "BOTH" : left ? "LEADING" : "TRAILING";
            return "TRIM(" + where + " " + chars + " FROM " + text + ")";
        }
        String fn = left && right ? "trim" : left ? "ltrim" : "rtrim";
        return fn + "(" + text + ", " + chars + ")";
    }

    /**
     * A case-insensitive regex replacement of every match; {@code replacement} as PowerQuery writes it ($1 for a
     * group, \$ for a dollar sign), converted to the engine's spelling.
     */
    String regexReplace(String text, String pattern, String replacement) {
        String p = d.literal("(?i)" + pattern);
        if (duckdb()) {
            StringBuilder r = new StringBuilder();
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '$') {
                    r.append('$');
                    i++;
                } else if (c == '$' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                    r.append('\\');
                } else if (c == '\\') {
                    r.append("\\\\");
                } else {
                    r.append(c);
                }
            }
            return "regexp_replace(" + text + ", " + p + ", " + d.literal(r.toString()) + ", 'g')";
        }
        return "regexp_replace(" + text + ", " + p + ", " + d.literal(replacement) + ")";
    }

    /** Text concatenation of two text expressions. */
    String concat(String a, String b) {
        return "concat(" + a + ", " + b + ")";
    }

    /** The number of characters of a text. */
    String length(String e) {
        return spark() ? "char_length(" + e + ")" : "length(" + e + ")";
    }
}
