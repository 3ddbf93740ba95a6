// format(pattern, values...): PowerQuery's printf subset (functions-reference.md §3): %d (rounded), %f (six
// digits unless a precision is given), %s, %%; flags - + space 0 , ( ; a width.
package dev.s1ql.eval.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Printf {
    private Printf() {
    }

    private static final Pattern SPEC = Pattern.compile("%([-+ 0,(]*)(\\d+)?(?:\\.(\\d+))?([dfs%])");

    /** {@code a[0]} is the pattern; a specifier without a value, or of the wrong type, prints as "NaN". */
    static PqValue format(PqValue[] a) {
        String pattern = a[0].asText();
        Matcher m = SPEC.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int next = 1;
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            last = m.end();
            char conv = m.group(4).charAt(0);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            PqValue v = next < a.length ? a[next++] : PqValue.NULL;
            String flags = m.group(1);
            String width = m.group(2) == null ? "" : m.group(2);
            if (conv == 's') {
                String text = v.isNull() ? "null" : v.asText();
                out.append(String.format(Locale.ROOT, "%" + (flags.contains("-") ? "-" : "") + width + "s", text));
                continue;
            }
            Double d = v.asNumber();
            if (d == null) {
                out.append("NaN");
            } else if (conv == 'd') {
                out.append(String.format(Locale.ROOT, "%" + flags + width + "d", Math.round(d)));
            } else {
                String precision = m.group(3) == null ? "" : "." + m.group(3);
                out.append(String.format(Locale.ROOT, "%" + flags + width + precision + "f", d));
            }
        }
        out.append(pattern.substring(last));
        return new PqValue.Text(out.toString());
    }
}
