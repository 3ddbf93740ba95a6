// The scalar functions s1ql evaluates (catalog pq-functions.tsv, "evaluated"), as SentinelOne documents them
// (functions-reference.md §1, §2, §3, §5); what the documentation leaves open is decided in docs/powerquery.md.
package dev.s1ql.eval.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A null argument gives null, except where the function is about null ({@code isempty}, {@code isblank},
 * {@code bool}, {@code number}). An argument that must be a number and is not gives null (PowerQuery's NaN).
 */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    /** The characters {@code trim} and friends remove without a second argument. */
    static final String WHITESPACE = " \t\r\n";

    static PqValue call(String name, PqValue[] a) {
        switch (name) {
            case "isempty":
                return PqValue.of(a[0].isNull() || a[0].asText().isEmpty());
            case "isblank":
                return PqValue.of(a[0].isNull() || strip(a[0].asText(), WHITESPACE, true, true).isEmpty());
            case "bool":
                return PqValue.of(a[0].truthy());
            case "number": {
                if (a[0].isNull()) return PqValue.number(0);
                Double d = a[0].asNumber();
                return d == null ? PqValue.NULL : PqValue.number(d);
            }
            case "string":
                return PqValue.text(a[0].asText());
            default:
                break;
        }
        for (PqValue v : a) if (v.isNull()) return PqValue.NULL;
        switch (name) {
            case "len":
                return PqValue.number(a[0].asText().codePointCount(0, a[0].asText().length()));
            case "lower":
                return new PqValue.Text(a[0].asText().toLowerCase(Locale.ROOT));
            case "upper":
                return new PqValue.Text(a[0].asText().toUpperCase(Locale.ROOT));
            case "trim":
            case "ltrim":
            case "rtrim": {
                String chars = a.length > 1 ? a[1].asText() : WHITESPACE;
                return new PqValue.Text(strip(a[0].asText(), chars, !name.equals("rtrim"), !name.equals("ltrim")));
            }
            case "substr":
                return substr(a);
            case "replace":
                return replace(a[0].asText(), a[1].asText(), a[2].asText());
            case "format":
                return Printf.format(a);
            case "min":
            case "max":
            case "pow":
                return two(name, a[0].asNumber(), a[1].asNumber());
            case "net_ip":
                return PqValue.of(IpAddresses.parse(a[0].asText()) != null);
            case "net_ipv4":
                return PqValue.of(IpAddresses.isV4(a[0].asText()));
            case "net_ipv6":
                return PqValue.of(IpAddresses.isV6(a[0].asText()));
            case "net_rfc1918":
                return PqValue.of(IpAddresses.rfc1918(a[0].asText()));
            case "net_rfc4193":
                return PqValue.of(IpAddresses.rfc4193(a[0].asText()));
            case "net_private":
                return PqValue.of(IpAddresses.rfc1918(a[0].asText()) || IpAddresses.rfc4193(a[0].asText()));
            case "net_ipsubnet":
                return PqValue.of(IpAddresses.inSubnet(a[0].asText(), a[1].asText()));
            default:
                return one(name, a[0].asNumber());
        }
    }

    private static PqValue one(String name, Double x) {
        if (x == null) return PqValue.NULL;
        return PqValue.number(switch (name) {
            case "abs" -> Math.abs(x);
            case "ceiling" -> Math.ceil(x);
            case "floor" -> Math.floor(x);
            case "sqrt" -> Math.sqrt(x);
            case "exp" -> Math.exp(x);
            case "ln" -> Math.log(x);
            default -> throw new IllegalArgumentException("not a scalar function s1ql evaluates: " + name);
        });
    }

    private static PqValue two(String name, Double x, Double y) {
        if (x == null || y == null) return PqValue.NULL;
        return PqValue.number(switch (name) {
            case "min" -> Math.min(x, y);
            case "max" -> Math.max(x, y);
            default -> Math.pow(x, y);
        });
    }

    /**
     * {@code substr(x, y)} drops the first y characters; {@code substr(x, y, z)} takes z characters from there
     * (functions-reference.md §2). A negative start counts as 0; past the end, or a negative length, gives "".
     */
    private static PqValue substr(PqValue[] a) {
        String s = a[0].asText();
        Double start = a[1].asNumber();
        Double length = a.length > 2 ? a[2].asNumber() : null;
        if (start == null || (a.length > 2 && length == null)) return PqValue.NULL;
        int n = s.codePointCount(0, s.length());
        int from = (int) Math.max(0, Math.min(n, Math.floor(start)));
        int to = length == null ? n : (int) Math.max(from, Math.min(n, from + Math.floor(length)));
        return new PqValue.Text(s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to)));
    }

    /**
     * {@code replace(x, regex, replacement)}: every match, case-insensitive; {@code $1} refers to a group and
     * {@code \$} is a dollar sign (functions-reference.md §2). An invalid pattern gives null.
     */
    static PqValue replace(String s, String regex, String replacement) {
        try {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            Matcher m = p.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, replacement);
            m.appendTail(out);
            return new PqValue.Text(out.toString());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return PqValue.NULL;
        }
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int from = 0;
        int to = s.length();
        while (left && from < to && chars.indexOf(s.charAt(from)) >= 0) from++;
        while (right && to > from && chars.indexOf(s.charAt(to - 1)) >= 0) to--;
        return s.substring(from, to);
    }
}
