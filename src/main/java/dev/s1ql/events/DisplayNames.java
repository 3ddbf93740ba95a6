// Maps Deep Visibility CSV export headers ("Endpoint Name", "Src Proc Name") to DV field ids.
package dev.s1ql.events;

import dev.s1ql.catalog.FieldCatalog;
import dev.s1ql.catalog.FieldInfo;
import dev.s1ql.catalog.TsvTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Two sources, in this order: the table {@code dv-display-names.tsv} (pairs copied from the DV API's
 * {@code attributes} blocks), then the console's naming habit — the display name is the field id split into
 * words — so removing the spaces and looking the result up in the field catalog finds the field. A header
 * that matches neither is kept as it is, so queries can still name it.
 */
public final class DisplayNames {

    private static final DisplayNames DEFAULT = new DisplayNames(FieldCatalog.defaults());

    private final Map<String, String> table = new HashMap<>();
    private final FieldCatalog catalog;

    private DisplayNames(FieldCatalog catalog) {
        this.catalog = catalog;
        for (Map<String, String> row : TsvTable.resource("/dev/s1ql/events/dv-display-names.tsv")) {
            table.put(row.get("display").toLowerCase(Locale.ROOT), row.get("field_id"));
        }
    }

    public static DisplayNames defaults() {
        return DEFAULT;
    }

    /** The field id for a CSV header. */
    public String fieldFor(String header) {
        String h = header.strip();
        String known = table.get(h.toLowerCase(Locale.ROOT));
        if (known != null) return known;
        if (h.indexOf(' ') < 0) return h;
        String joined = h.replace(" ", "");
        FieldInfo f = catalog.lookup(joined);
        return f != null ? f.name() : joined;
    }
}
