// A loaded SPL profile: the base search per endpoint OS, the Splunk events each SentinelOne event type becomes,
// and the field names per field set. Built by SplProfileLoader from mapping/spl/<name>.tsv plus an overlay.
package dev.s1ql.render.spl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class SplProfile {

    /** A Splunk event family a SentinelOne event type maps to on one OS. */
    public record EventMapping(String eventType, String os, List<String> fieldSets, EventSelector selector,
                               boolean exact, String source) {
    }

    /**
     * A target field for a SentinelOne field in one field set; target "" means the target has no such field.
     * With {@code lastSegment} the SentinelOne value is the target's text after its last {@code \} or {@code /}
     * (a process name from an image path).
     */
    public record FieldMapping(String s1Field, String fieldSet, String target, SplDerivation derivation, boolean exact,
                               String source) {
        public boolean mapped() {
            return !target.isEmpty();
        }

        public boolean lastSegment() {
            return derivation instanceof SplDerivation.LastSegment;
        }
    }

    /** The detail of a field row whose SentinelOne value is the last path segment of the target field. */
    public static final String LAST_SEGMENT = "last-segment";

    private final String name;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, EventSelector> osBase = new LinkedHashMap<>();
    private final Map<String, EventMapping> events = new LinkedHashMap<>();
    private final Map<String, FieldMapping> fields = new LinkedHashMap<>();
    private final Map<String, List<dev.s1ql.translate.core.PrefixRewrite.Root>> prefixes = new LinkedHashMap<>();

    SplProfile(String name, Collection<ProfileRow> rows) {
        this.name = name;
        for (ProfileRow r : rows) {
            switch (r.kind()) {
                case "setting" -> settings.put(key(r.s1()), r.target());
                case "os" -> osBase.put(key(r.s1()), EventSelector.parse(r.target()));
                case "event" -> {
                    for (String os : r.scope().split(",")) {
                        if (os.isBlank()) continue;
                        events.put(key(r.s1()) + "@" + key(os.trim()), new EventMapping(r.s1(), key(os.trim()),
                                List.of(r.detail().split("\\+")), EventSelector.parse(r.target()), r.exact(),
                                r.source()));
                    }
                }
                case "field" -> fields.put(key(r.s1()) + "@" + key(r.scope()),
                        new FieldMapping(r.s1(), r.scope(), r.target(), SplDerivation.parse(r.detail()),
                                r.exact(), r.source()));
                case "prefix" -> prefixes.computeIfAbsent(key(r.s1()) + "@" + key(r.scope()), k -> new ArrayList<>())
                        .add(new dev.s1ql.translate.core.PrefixRewrite.Root(r.detail(), r.target(), r.exact(), ""));
                default -> throw new IllegalArgumentException("unknown row kind '" + r.kind() + "'");
            }
        }
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    /** Fields keep their S1QL 1.0 names and EventType/ObjectType/EndpointOS are ordinary fields (profile s1). */
    public boolean identity() {
        return "yes".equalsIgnoreCase(settings.getOrDefault("identity", ""));
    }

    /** A setting such as {@code index} or {@code sourcetype}; "" when unset. */
    public String setting(String name) {
        return settings.getOrDefault(key(name), "");
    }

    /** The base-search terms for an endpoint OS, or null when the profile has no data from that OS. */
    public EventSelector base(String os) {
        return osBase.get(key(os));
    }

    /** The Splunk events for a SentinelOne event type on an OS, or null when the target has none. */
    public EventMapping event(String eventType, String os) {
        return events.get(key(eventType) + "@" + key(os));
    }

    /** The mapping of a field in the first field set that has a row for it, or null when none has. */
    public FieldMapping field(String s1Field, List<String> fieldSets) {
        for (String set : fieldSets) {
            FieldMapping m = fields.get(key(s1Field) + "@" + key(set));
            if (m != null) return m;
        }
        return null;
    }

    /** The value-prefix rewrites of a field in the field set where it was found. */
    public List<dev.s1ql.translate.core.PrefixRewrite.Root> prefixes(String s1Field, String fieldSet) {
        return prefixes.getOrDefault(key(s1Field) + "@" + key(fieldSet), List.of());
    }
}
