// How a SentinelOne value derives from a Splunk field (the detail column of a profile's field row): the field's
// value itself; its last path segment (a process name from an image path); the extension of that segment; one
// algorithm's part of a Sysmon Hashes list (lower-cased, as SentinelOne writes hashes); or a value map (Sysmon's
// Initiated=true is SentinelOne's OUTGOING). Each says its eval expression and whether the field is there.
package dev.s1ql.render.spl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

public sealed interface SplDerivation {

    /** The text after the last backslash or slash: everything up to it is removed. */
    String PATH_HEAD = "(?s)^.*[\\\\/]";

    /** The SentinelOne value as an eval expression over the field expression {@code ef}. */
    String value(String ef);

    /** The SentinelOne field is present, as an eval condition. */
    default String present(String ef) {
        return "isnotnull(" + ef + ")";
    }

    /** The detail-column spelling. */
    String spelling();

    record Value() implements SplDerivation {
        public String value(String ef) {
            return ef;
        }

        public String spelling() {
            return "";
        }
    }

    record LastSegment() implements SplDerivation {
        public String value(String ef) {
            return "replace(" + ef + ", " + SplLiteral.quote(PATH_HEAD) + ", \"\")";
        }

        public String spelling() {
            return "last-segment";
        }
    }

    /** The extension of the last path segment, without the dot; "" when the segment has no dot. */
    record Extension() implements SplDerivation {
        public String value(String ef) {
            return "replace(replace(" + ef + ", " + SplLiteral.quote(PATH_HEAD) + ", \"\"), "
                    + SplLiteral.quote("^(?:[^.]*$|.*\\.)") + ", \"\")";
        }

        public String spelling() {
            return "extension";
        }
    }

    /** {@code ALGO=value} of a comma-separated hash list, lower-cased; absent when the list has no such part. */
    record HashPart(String algorithm) implements SplDerivation {
        public String value(String ef) {
            return "lower(replace(" + ef + ", " + SplLiteral.quote("(?i)^(?:.*,)?" + algorithm + "=([^,]*)(?:,.*)?$")
                    + ", \"\\\\1\"))";
        }

        @Override
        public String present(String ef) {
            return "match(" + ef + ", " + SplLiteral.quote("(?i)(^|,)" + algorithm + "=") + ")";
        }

        public String spelling() {
            return "hash:" + algorithm;
        }
    }

    /** Target values mapped one to one to SentinelOne values; any other target value has no SentinelOne value. */
    record ValueMap(Map<String, String> targetToS1) implements SplDerivation {
        public String value(String ef) {
            StringBuilder b = new StringBuilder("case(");
            targetToS1.forEach((t, v) -> b.append(ef).append("==").append(SplLiteral.quote(t)).append(", ")
                    .append(SplLiteral.quote(v)).append(", "));
            return b.append("true(), null())").toString();
        }

        @Override
        public String present(String ef) {
            return "isnotnull(" + value(ef) + ")";
        }

        public String spelling() {
            StringBuilder b = new StringBuilder("values:");
            targetToS1.forEach((t, v) -> b.append(b.length() > 7 ? ";" : "").append(v).append('=').append(t));
            return b.toString();
        }
    }

    /**
     * Reads a detail cell: "", {@code last-segment}, {@code extension}, {@code hash:SHA1},
     * {@code values:OUTGOING=true;INCOMING=false} (SentinelOne value = target value, ';'-separated).
     */
    static SplDerivation parse(String detail) {
        String d = detail.trim();
        if (d.isEmpty()) return new Value();
        if (d.equals("last-segment")) return new LastSegment();
        if (d.equals("extension")) return new Extension();
        if (d.startsWith("hash:") && d.substring(5).matches("[A-Za-z0-9]+")) return new HashPart(d.substring(5).toUpperCase(Locale.ROOT));
        if (d.startsWith("values:")) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : d.substring(7).split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("a value map is S1VALUE=TARGET;...: '" + d + "'");
                m.put(pair.substring(eq + 1).trim(), pair.substring(0, eq).trim());
            }
            return new ValueMap(m);
        }
        throw new IllegalArgumentException("unknown derivation '" + d + "' (empty, last-segment, extension, hash:ALGO, "
                + "values:S1=TARGET;...)");
    }
}
