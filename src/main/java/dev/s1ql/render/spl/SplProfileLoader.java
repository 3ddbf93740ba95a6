// Loads an SPL profile from mapping/spl/<name>.tsv and lays a user's mapping file (--mapping, same columns)
// over it: an overlay row replaces the built-in row with the same kind, SentinelOne name and scope, and a
// row whose target is '-' removes it. A field row's detail says how the SentinelOne value derives from the
// target field: empty (it is the target's value) or last-segment (the text after the last \ or /, e.g. a
// process name from an image path).
package dev.s1ql.render.spl;

import dev.s1ql.catalog.TsvTable;
import dev.s1ql.translate.TranslationSetupException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class SplProfileLoader {

    public static final List<String> PROFILES = List.of("sysmon", "cim", "s1");
    private static final Set<String> KINDS = Set.of("setting", "os", "event", "field", "prefix");

    private SplProfileLoader() {
    }

    public static SplProfile load(String profile, Path overlay) {
        return load(profile, overlay, Map.of());
    }

    /**
     * @param settings setting rows given on the command line ({@code index}, {@code sourcetype}); they win over
     *                 the built-in profile and the overlay file
     */
    public static SplProfile load(String profile, Path overlay, Map<String, String> settings) {
        if (!PROFILES.contains(profile)) {
            throw new TranslationSetupException("unknown SPL profile '" + profile + "' (known: "
                    + String.join(", ", PROFILES) + ")");
        }
        Map<String, ProfileRow> rows = new LinkedHashMap<>();
        String resource = "/dev/s1ql/mapping/spl/" + profile + ".tsv";
        for (ProfileRow r : rows(TsvTable.resource(resource), resource)) rows.put(r.key(), r);
        if (overlay != null) {
            List<Map<String, String>> user;
            try (InputStream in = Files.newInputStream(overlay)) {
                user = TsvTable.read(in, overlay.toString(), List.of("kind", "s1", "target"));
            } catch (IOException | RuntimeException e) {
                throw new TranslationSetupException("cannot read mapping file " + overlay + ": " + e.getMessage(), e);
            }
            for (ProfileRow r : rows(user, overlay.toString())) {
                if (r.target().equals("-")) rows.remove(r.key());
                else rows.put(r.key(), r);
            }
        }
        settings.forEach((name, value) -> {
            ProfileRow r = new ProfileRow("setting", name, "", "", value, true, "command line (--" + name + ")");
            rows.put(r.key(), r);
        });
        try {
            return new SplProfile(profile, rows.values());
        } catch (IllegalArgumentException e) {
            throw new TranslationSetupException("bad SPL mapping for profile " + profile + ": " + e.getMessage(), e);
        }
    }

    private static List<ProfileRow> rows(List<Map<String, String>> table, String what) {
        return table.stream().map(m -> {
            String kind = m.getOrDefault("kind", "");
            if (!KINDS.contains(kind)) {
                throw new TranslationSetupException(what + ": unknown row kind '" + kind + "' (expected one of "
                        + KINDS + "; columns: kind, s1, scope, detail, target, exact, source)");
            }
            String detail = m.getOrDefault("detail", "");
            if (kind.equals("field")) {
                try {
                    SplDerivation.parse(detail);
                } catch (IllegalArgumentException e) {
                    throw new TranslationSetupException(what + ": field " + m.getOrDefault("s1", "") + ": " + e.getMessage());
                }
            }
            return new ProfileRow(kind, m.getOrDefault("s1", ""), m.getOrDefault("scope", ""),
                    detail, m.getOrDefault("target", ""),
                    !"no".equalsIgnoreCase(m.getOrDefault("exact", "")), m.getOrDefault("source", ""));
        }).toList();
    }
}
