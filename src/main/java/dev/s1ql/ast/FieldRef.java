// A field as written in the query and as resolved against the field catalog.
package dev.s1ql.ast;

import dev.s1ql.catalog.FieldInfo;

/**
 * @param written  the name exactly as the user wrote it
 * @param resolved the catalog entry it resolves to (case-insensitively), or null when the field is unknown
 */
public record FieldRef(String written, FieldInfo resolved, Span span) {

    public boolean isKnown() {
        return resolved != null;
    }

    /** The catalog's spelling when known, otherwise the written name. */
    public String canonicalName() {
        return resolved != null ? resolved.name() : written;
    }

    public FieldRef normalized() {
        return new FieldRef(canonicalName(), resolved, Span.NONE);
    }
}
