// Comparison, equality, conversion and text form of KQL scalar values as the oracle holds them (String, Long,
// Double, Boolean, Instant, Duration, JsonNode for dynamic; null for a null of any type but string). Sources:
// "null values" (== of a null and a value is false, != is true; < and > with a null are null), "Numerical data
// types" (long and real compare as numbers), "The datetime data type" (literal forms), tostring-function (a null
// becomes ""). Comparing values of different kinds (a string with a long) is a semantic error in Kusto; the oracle
// throws.
package dev.s1ql.oracle.kql;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

final class KqlValues {

    private KqlValues() {
    }

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    /** A datetime literal's text (2022-02-20T12:16:36.638Z, 2015-12-31 23:59:59.9, 2015-12-31) as UTC. */
    static Instant parseDatetime(String raw) {
        String s = raw.strip();
        if (s.endsWith("Z") || s.endsWith("z")) s = s.substring(0, s.length() - 1);
        try {
            var parsed = LOCAL.parseBest(s, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof LocalDate d) return d.atStartOfDay().toInstant(ZoneOffset.UTC);
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new KqlException("not a datetime: '" + raw + "'");
        }
    }

    static String typeName(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "string";
        if (v instanceof Long) return "long";
        if (v instanceof Double) return "real";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Instant) return "datetime";
        if (v instanceof Duration) return "timespan";
        if (v instanceof JsonNode) return "dynamic";
        return v.getClass().getSimpleName();
    }

    /** Order of two non-null values of comparable types; a type mismatch is a KqlException. */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof Long l && b instanceof Long m) return Long.compare(l, m);
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Instant x && b instanceof Instant y) return x.compareTo(y);
        if (a instanceof Duration x && b instanceof Duration y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        throw new KqlException("cannot compare values of types " + typeName(a) + " and " + typeName(b));
    }

    /** == of two values: false when exactly one is null, null when both are (null-values page). */
    static Boolean equal(Object a, Object b) {
        if (a == null && b == null) return null;
        if (a == null || b == null) return false;
        if (a instanceof JsonNode || b instanceof JsonNode) return dynamicText(a).equals(dynamicText(b));
        return compare(a, b) == 0;
    }

    private static String dynamicText(Object v) {
        return v instanceof JsonNode n && n.isTextual() ? n.asText() : text(v);
    }

    /** tostring(): "" for null, the text of a string inside a dynamic, JSON for other dynamic values. */
    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof String s) return s;
        if (v instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return d.toString();
        }
        if (v instanceof Instant t) return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
                .withZone(ZoneOffset.UTC).format(t);
        if (v instanceof Duration d) return d.toString();
        if (v instanceof JsonNode n) return n.isTextual() ? n.asText() : n.isNull() ? "" : n.toString();
        return v.toString();
    }

    /** A dynamic value as a scalar (a JSON string becomes a string, a number a long or real, null null). */
    static Object scalar(Object v) {
        if (!(v instanceof JsonNode n)) return v;
        if (n.isNull() || n.isMissingNode()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isIntegralNumber()) return n.asLong();
        if (n.isNumber()) return n.asDouble();
        if (n.isBoolean()) return n.asBoolean();
        return n;
    }
}
