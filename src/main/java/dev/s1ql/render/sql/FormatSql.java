// format(pattern, values...) as SQL, for a constant pattern read by the evaluator's PrintfPattern. Spark SQL and
// Trino print each conversion with their own java.util.Formatter functions (format_string, format): the
// evaluator's formatter, so the same text. DuckDB's printf has no , or ( flag and rounds %f on the binary value,
// so there each conversion is built: %d from the rounded BIGINT, %f from the value's shortest decimal text cast to
// DECIMAL (half away from zero, as Java rounds that text), grouping with format('{:,}'), sign, zeros and width.
package dev.s1ql.render.sql;

import dev.s1ql.eval.pipeline.PrintfPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Approximations (DuckDB only, documented in docs/powerquery.md): a %f value of 10^(38 - precision) or more has
 * no DECIMAL and prints the whole result as NULL; -0.0 prints without its sign; widths count code points.
 */
final class FormatSql {

    private final SqlDialect d;
    private final String engine;

    FormatSql(SqlDialect d) {
        this.d = d;
        this.engine = d.name();
    }

    /**
     * The SQL text of the formatted value, or null when a precision is too large for DuckDB's DECIMAL.
     * {@code text} and {@code number} give the SQL of value i (0-based, after the pattern) as text or as a
     * DOUBLE, or null when the call has no value i.
     */
    String write(List<PrintfPattern.Piece> pieces, IntFunction<String> text, IntFunction<String> number) {
        List<String> parts = new ArrayList<>();
        int next = 0;
        for (PrintfPattern.Piece p : pieces) {
            if (p.isLiteral()) {
                parts.add(d.literal(p.literal()));
                continue;
            }
            int i = next++;
            if (p.conversion() == 's') {
                String t = text.apply(i);
                parts.add(t == null ? d.literal(String.format(java.util.Locale.ROOT, p.javaFormat(), "null"))
                        : string(p, t));
                continue;
            }
            String x = number.apply(i);
            if (x == null) {
                parts.add(d.literal("NaN"));
                continue;
            }
            String formatted = engine.equals("duckdb") ? duckNumber(p, x) : javaFormatted(p, x);
            if (formatted == null) return null;
            parts.add("CASE WHEN " + x + " IS NULL THEN 'NaN' ELSE " + formatted + " END");
        }
        if (parts.isEmpty()) return d.literal("");
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private String string(PrintfPattern.Piece p, String t) {
        if (!engine.equals("duckdb")) return formatCall(p.javaFormat(), t);
        return p.width() < 0 ? t : pad(t, p.width(), p.has('-'));
    }

    /** Spark's format_string / Trino's format: Java's formatter, as the evaluator prints. */
    private String javaFormatted(PrintfPattern.Piece p, String x) {
        String value = p.conversion() == 'd' ? "CAST(floor(" + x + " + 0.5) AS BIGINT)" : x;
        return formatCall(p.javaFormat(), value);
    }

    private String formatCall(String javaFormat, String value) {
        return (engine.equals("spark") ? "format_string(" : "format(") + d.literal(javaFormat) + ", " + value + ")";
    }

    private String duckNumber(PrintfPattern.Piece p, String x) {
        String negative;
        String digits;
        if (p.conversion() == 'd') {
            String n = "TRY_CAST(floor(" + x + " + 0.5) AS BIGINT)";
            negative = n + " < 0";
            digits = p.has(',') ? "format('{:,}', abs(" + n + "))" : "CAST(abs(" + n + ") AS VARCHAR)";
        } else {
            int precision = p.precision() < 0 ? 6 : p.precision();
            if (precision > 37) return null;
            String t = "CAST(abs(TRY_CAST(CAST(" + x + " AS VARCHAR) AS DECIMAL(38, " + precision + "))) AS VARCHAR)";
            negative = x + " < 0";
            if (p.has(',')) {
                String whole = "format('{:,}', CAST(split_part(" + t + ", '.', 1) AS HUGEINT))";
                digits = precision == 0 ? whole : whole + " || '.' || split_part(" + t + ", '.', 2)";
            } else {
                digits = t;
            }
        }
        String positive = p.has('+') ? "'+'" : p.has(' ') ? "' '" : "''";
        String sign = "CASE WHEN " + negative + " THEN " + (p.has('(') ? "'('" : "'-'") + " ELSE " + positive + " END";
        String close = p.has('(') ? "CASE WHEN " + negative + " THEN ')' ELSE '' END" : "''";
        if (p.has('0') && p.width() > 0) {
            String zeros = "repeat('0', " + p.width() + " - length(" + sign + ") - length(" + digits + ") - length("
                    + close + "))";
            return "(" + sign + " || " + zeros + " || " + digits + " || " + close + ")";
        }
        String full = "(" + sign + " || " + digits + " || " + close + ")";
        return p.width() < 0 ? full : pad(full, p.width(), p.has('-'));
    }

    /** {@code s} padded with spaces to {@code width} (on the right when {@code left}-justified), never cut. */
    private static String pad(String s, int width, boolean left) {
        return "CASE WHEN length(" + s + ") >= " + width + " THEN " + s + " ELSE " + (left ? "rpad(" : "lpad(") + s
                + ", " + width + ", ' ') END";
    }
}
