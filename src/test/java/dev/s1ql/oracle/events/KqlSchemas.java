// The column names and types of the Defender XDR and Sentinel tables, from the schema files beside Microsoft's
// Kusto parser in ../shared/tools/kql-check/schemas (defender.json for profile mde, sentinel.json for
// sentinel-asim; SOURCES.md there says which Microsoft page each table comes from). A test that needs them skips
// when ../shared is absent.
package dev.s1ql.oracle.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.oracle.kql.KqlColumn;
import dev.s1ql.oracle.kql.KqlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class KqlSchemas {

    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private KqlSchemas() {
    }

    /** The schema file of a KQL profile (skips the test when ../shared is absent). */
    static Path file(String profile) {
        return switch (profile) {
            case "mde" -> SharedData.require("tools/kql-check/schemas/defender.json");
            case "sentinel-asim" -> SharedData.require("tools/kql-check/schemas/sentinel.json");
            default -> throw new IllegalArgumentException("no schema for KQL profile " + profile);
        };
    }

    /** The columns of a table, or null when the profile's schema has no such table. */
    public static List<KqlColumn> columns(String profile, String table) {
        JsonNode root = FILES.computeIfAbsent(profile, p -> {
            try {
                return new ObjectMapper().readTree(file(p).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        JsonNode spec = root.path("tables").get(table);
        if (spec == null) return null;
        String text = spec.asText().strip();
        if (text.startsWith("(")) text = text.substring(1, text.length() - 1);
        List<KqlColumn> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] nameType = part.strip().split(":");
            out.add(new KqlColumn(nameType[0].strip(), KqlType.parse(nameType[1])));
        }
        return out;
    }
}
