// A value in a PowerQuery pipeline as s1ql evaluates it: null, text, a number, a boolean, or an array (from
// array_agg). Event fields are text, as every engine s1ql targets reads them; numbers come from arithmetic,
// aggregates and number literals. docs/powerquery.md, "Values", states the rules.
package dev.s1ql.eval.pipeline;

import java.math.BigDecimal;
import java.util.List;

public sealed interface PqValue {

    PqValue NULL = new Null();
    PqValue TRUE = new Bool(true);
    PqValue FALSE = new Bool(false);

    record Null() implements PqValue {
    }

    record Text(String value) implements PqValue {
    }

    record Num(double value) implements PqValue {
    }

    record Bool(boolean value) implements PqValue {
    }

    record Arr(List<PqValue> values) implements PqValue {
        public Arr {
            values = List.copyOf(values);
        }
    }

    static PqValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static PqValue text(String s) {
        return s == null ? NULL : new Text(s);
    }

    static PqValue number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? NULL : new Num(d);
    }

    default boolean isNull() {
        return this instanceof Null;
    }

    /**
     * The number this value reads as: a number itself, or text in the evaluator's number shape
     * ({@code -?digits(.digits)?}, the 1.0 and SQL rule); null for anything else.
     */
    default Double asNumber() {
        if (this instanceof Num n) return n.value();
        if (this instanceof Text t) return parse(t.value());
        return null;
    }

    /** The value as text (numbers canonically: 5, 2.5; booleans true/false); null for null. */
    default String asText() {
        if (this instanceof Text t) return t.value();
        if (this instanceof Num n) return format(n.value());
        if (this instanceof Bool b) return Boolean.toString(b.value());
        if (this instanceof Arr a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.values().size(); i++) {
                if (i > 0) sb.append(',');
                PqValue v = a.values().get(i);
                sb.append(v instanceof Text t ? '"' + t.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"' : v.asText());
            }
            return sb.append(']').toString();
        }
        return null;
    }

    /**
     * Truthiness (spec §7.2, AISIEM syntax-and-operators §7): null, false, 0, NaN and "" are false, everything else
     * true. Text "false" and "0" are false too: s1ql reads JSON booleans and numbers of events as text.
     */
    default boolean truthy() {
        if (this instanceof Bool b) return b.value();
        if (this instanceof Num n) return n.value() != 0;
        if (this instanceof Text t) return !t.value().isEmpty() && !t.value().equals("false") && !t.value().equals("0");
        if (this instanceof Arr a) return !a.values().isEmpty();
        return false;
    }

    /** Whole numbers without a fraction (8080, not 8080.0); others as Java's shortest round-trip form. */
    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The evaluator's number shape, as NumberText: at most 60 characters, -?digits(.digits)?. */
    static Double parse(String s) {
        int n = s.length();
        if (n == 0 || n > 60) return null;
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c >= '0' && c <= '9') digits++;
            else if (c == '.' && !dot && digits > 0 && j + 1 < n) dot = true;
            else return null;
        }
        return digits == 0 ? null : Double.valueOf(s);
    }
}
