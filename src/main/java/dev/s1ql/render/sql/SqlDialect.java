// Everything that differs between the SQL engines s1ql writes for: identifier quoting, string literals,
// case folding, LIKE escaping, the regex function and the numeric cast. The predicate writer asks the
// dialect and never spells an engine's syntax itself (the shape of Calcite's SqlDialect).
package dev.s1ql.render.sql;

import dev.s1ql.regex.RegexEngine;

import java.util.List;
import java.util.Locale;

public final class SqlDialect {

    /** DuckDB: standard string literals, {@code regexp_matches} (RE2, unanchored), {@code TRY_CAST}. */
    public static final SqlDialect DUCKDB = new SqlDialect("duckdb", '"', false, "regexp_matches(%s, %s)",
            "TRY_CAST(%s AS DOUBLE)", RegexEngine.RE2);
    /**
     * Spark SQL: backquoted identifiers; string literals process backslash escapes (the default
     * {@code spark.sql.parser.escapedStringLiterals=false}), so backslashes and quotes are escaped with one;
     * {@code rlike} is {@code java.util.regex} find, like the interpreter.
     */
    public static final SqlDialect SPARK = new SqlDialect("spark", '`', true, "%s RLIKE %s",
            "try_cast(%s AS DOUBLE)", RegexEngine.JAVA);
    /**
     * Trino: standard literals, {@code regexp_like} (unanchored find; Trino's default regex library, Joni, has
     * look-around and backreferences; a server set to {@code regex-library=RE2J} has not), {@code TRY_CAST}.
     */
    public static final SqlDialect TRINO = new SqlDialect("trino", '"', false, "regexp_like(%s, %s)",
            "TRY_CAST(%s AS DOUBLE)", RegexEngine.TRINO);

    public static final List<SqlDialect> ALL = List.of(DUCKDB, SPARK, TRINO);

    private final String name;
    private final char identifierQuote;
    private final boolean backslashEscapes;
    private final String regexTemplate;
    private final String doubleTemplate;
    private final RegexEngine regexEngine;

    private SqlDialect(String name, char identifierQuote, boolean backslashEscapes, String regexTemplate,
                       String doubleTemplate, RegexEngine regexEngine) {
        this.name = name;
        this.identifierQuote = identifierQuote;
        this.backslashEscapes = backslashEscapes;
        this.regexTemplate = regexTemplate;
        this.doubleTemplate = doubleTemplate;
        this.regexEngine = regexEngine;
    }

    /** The engine of the regex function: the core rewrites or refuses each pattern for it. */
    public RegexEngine regexEngine() {
        return regexEngine;
    }

    public String name() {
        return name;
    }

    public static SqlDialect named(String name) {
        for (SqlDialect d : ALL) if (d.name.equals(name.toLowerCase(Locale.ROOT))) return d;
        return null;
    }

    /** A quoted identifier; the quote character inside it is doubled. */
    public String identifier(String name) {
        String q = String.valueOf(identifierQuote);
        return q + name.replace(q, q + q) + q;
    }

    /** A column, or a field of a struct column: each name of the path quoted, joined with dots. */
    public String column(List<String> path) {
        return String.join(".", path.stream().map(this::identifier).toList());
    }

    /**
     * A table name as the user gives it: one name or a dotted qualified one ({@code db.schema.events}), each part
     * quoted. A part cannot itself contain a dot.
     */
    public String tableName(String name) {
        List<String> parts = List.of(name.split("\\.", -1));
        if (name.isBlank() || parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("not a table name: '" + name + "'");
        }
        return String.join(".", parts.stream().map(this::identifier).toList());
    }

    /**
     * A string literal holding exactly {@code text}. A NUL character cannot stand inside a literal (DuckDB's
     * parser ends the string there: "unterminated quoted string"), so it is spliced in as {@code chr(0)}, which
     * DuckDB, Spark and Trino all have, and the whole is parenthesised: {@code ('a' || chr(0) || 'b')}.
     */
    public String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            StringBuilder out = new StringBuilder("(");
            String[] parts = text.split("\0", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) out.append(" || chr(0) || ");
                out.append(literal(parts[i]));
            }
            return out.append(')').toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (backslashEscapes && (c == '\\' || c == '\'')) {
                out.append('\\').append(c);
            } else if (c == '\'') {
                out.append("''");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** The expression folded for a case-insensitive comparison. */
    public String fold(String expr) {
        return "lower(" + expr + ")";
    }

    /**
     * {@code expr LIKE pattern}: {@code prefix} and {@code suffix} are the wildcards ({@code "%"} or ""), and
     * {@code text} is matched literally ({@code %}, {@code _} and the escape character are escaped). With
     * {@code ignoreCase} the pattern is folded and {@code expr} is expected folded already.
     */
    public String like(String expr, String prefix, String text, String suffix, boolean ignoreCase) {
        StringBuilder p = new StringBuilder(prefix);
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                p.append('\\');
                escaped = true;
            }
            p.append(c);
        }
        p.append(suffix);
        String pattern = literal(p.toString());
        String out = expr + " LIKE " + (ignoreCase ? fold(pattern) : pattern);
        return escaped ? out + " ESCAPE " + literal("\\") : out;
    }

    /** An unanchored regular-expression find of {@code pattern} (raw) in {@code expr}. */
    public String regex(String expr, String pattern) {
        return String.format(Locale.ROOT, regexTemplate, expr, literal(pattern));
    }

    /**
     * Whether {@code expr} reads as a number the way the interpreter reads one ({@code -?digits(.digits)?}):
     * a cast alone would also accept {@code 1e3}, {@code " 12"} or {@code inf}.
     */
    public String isNumber(String expr) {
        return regex(expr, "^-?[0-9]+([.][0-9]+)?$");
    }

    /** {@code expr} as a DOUBLE (NULL when it is not a number). */
    public String asDouble(String expr) {
        return String.format(Locale.ROOT, doubleTemplate, expr);
    }
}
