// Reads a KqlProfile from its data files, and lays a user's --mapping file over the field table: a user row
// replaces the built-in rows for the same field and kinds, or adds a field the profile lacks.
package dev.s1ql.render.kql;

import dev.s1ql.catalog.TsvTable;
import dev.s1ql.translate.TranslationSetupException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

public final class KqlProfileLoader {

    static final String BASE = "/dev/s1ql/mapping/kql/";
    public static final List<String> PROFILES = List.of("mde", "sentinel-asim");

    private KqlProfileLoader() {
    }

    public static KqlProfile load(String name, Path overlay) {
        if (!PROFILES.contains(name)) {
            throw new TranslationSetupException("unknown KQL profile '" + name + "' (known: "
                    + String.join(", ", PROFILES) + ")");
        }
        String dir = BASE + name + "/";
        List<KqlProfile.Column> columns = new ArrayList<>();
        for (Map<String, String> row : TsvTable.resource(dir + "fields.tsv")) columns.add(column(row, dir));
        if (overlay != null) columns = overlay(columns, readOverlay(overlay));
        Map<String, List<KqlProfile.Column>> byField = new LinkedHashMap<>();
        for (KqlProfile.Column c : columns) {
            byField.computeIfAbsent(c.field().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
        }
        return new KqlProfile(name, sources(dir), byField, eventTypes(dir), operatingSystems(dir), registryRoots(dir));
    }

    private static List<KqlProfile.Source> sources(String dir) {
        return TsvTable.resource(dir + "sources.tsv").stream().map(r -> new KqlProfile.Source(r.get("kind"),
                r.get("table"), r.get("filter"), r.get("action_column"), yes(r.get("approximate")), r.get("note")))
                .toList();
    }

    private static List<KqlProfile.EventType> eventTypes(String dir) {
        return TsvTable.resource(dir + "event-types.tsv").stream().map(r -> new KqlProfile.EventType(
                r.get("event_type"), r.get("kind"), list(r.get("actions")), yes(r.get("approximate")), r.get("note")))
                .toList();
    }

    private static List<KqlProfile.Os> operatingSystems(String dir) {
        return TsvTable.resource(dir + "endpoint-os.tsv").stream().map(r -> new KqlProfile.Os(r.get("value"),
                r.get("condition"), yes(r.get("approximate")), r.get("note"))).toList();
    }

    private static List<dev.s1ql.translate.core.PrefixRewrite.Root> registryRoots(String dir) {
        return TsvTable.resource(dir + "registry-roots.tsv").stream().map(r -> new dev.s1ql.translate.core.PrefixRewrite.Root(
                r.get("s1_prefix"), r.get("target_prefix"), !yes(r.get("approximate")), r.get("note"))).toList();
    }

    private static KqlProfile.Column column(Map<String, String> row, String where) {
        String field = row.getOrDefault("field", "");
        String column = row.getOrDefault("column", "");
        if (field.isEmpty() || column.isEmpty()) {
            throw new TranslationSetupException(where + ": a mapping row needs 'field' and 'column': " + row);
        }
        KqlProfile.ColumnType type;
        try {
            String t = row.getOrDefault("type", "");
            type = KqlProfile.ColumnType.valueOf((t.isEmpty() ? "string" : t).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TranslationSetupException(where + ": unknown column type in " + row);
        }
        String kinds = row.getOrDefault("kinds", "");
        return new KqlProfile.Column(field, Set.copyOf(list(kinds.isEmpty() ? "*" : kinds)), column, type,
                row.getOrDefault("alias", ""), row.getOrDefault("transform", ""),
                yes(row.getOrDefault("approximate", "")), row.getOrDefault("note", ""));
    }

    private static List<KqlProfile.Column> readOverlay(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return TsvTable.read(in, file.toString(), List.of("field", "column")).stream()
                    .map(r -> column(r, file.toString())).toList();
        } catch (IOException | IllegalArgumentException e) {
            throw new TranslationSetupException("cannot read mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    /** User rows first, so that they win the lookup; built-in rows the user re-mapped are dropped. */
    private static List<KqlProfile.Column> overlay(List<KqlProfile.Column> builtIn, List<KqlProfile.Column> user) {
        List<KqlProfile.Column> out = new ArrayList<>(user);
        for (KqlProfile.Column b : builtIn) {
            boolean replaced = user.stream().anyMatch(u -> u.field().equalsIgnoreCase(b.field())
                    && (u.kinds().contains("*") || u.kinds().containsAll(b.kinds())));
            if (!replaced) out.add(b);
        }
        return out;
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        return Arrays.stream(cell.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private static boolean yes(String cell) {
        return "yes".equalsIgnoreCase(cell);
    }
}
