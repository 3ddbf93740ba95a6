// One row of an SPL profile table (see the header of mapping/spl/sysmon.tsv for the columns).
package dev.s1ql.render.spl;

import java.util.Locale;

/**
 * @param kind   setting, os, event, field or prefix
 * @param s1     the SentinelOne side: setting name, EndpointOS value, EventType or S1QL 1.0 field
 * @param scope  event rows: the OSes; field and prefix rows: the field set
 * @param detail event rows: the field sets, '+'-separated; prefix rows: the SentinelOne prefix; field rows:
 *               how the SentinelOne value derives from the target ('' = it is the target's value,
 *               {@code last-segment} = the target's text after its last backslash or slash)
 * @param target the SPL side ('' = no counterpart)
 * @param exact  false when the target only approximates the SentinelOne meaning
 * @param source where the entry comes from
 */
public record ProfileRow(String kind, String s1, String scope, String detail, String target, boolean exact,
                         String source) {

    /** Rows with the same key describe the same thing; an overlay row replaces the built-in row with its key. */
    public String key() {
        String k = kind + "\t" + s1.toLowerCase(Locale.ROOT) + "\t" + scope.toLowerCase(Locale.ROOT);
        return kind.equals("prefix") ? k + "\t" + detail.toLowerCase(Locale.ROOT) : k;
    }
}
