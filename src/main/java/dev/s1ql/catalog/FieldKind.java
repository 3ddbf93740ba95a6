// Whether a catalog name is a concrete field, a legacy alias, or a multi-field shortcut (spec §6.2).
package dev.s1ql.catalog;

public enum FieldKind {
    /** A current S1QL 1.0 field. */
    FIELD,
    /** A legacy cheat-sheet name standing for one or more current fields. */
    LEGACY,
    /** A multi-field shortcut ({@code CmdLine}, {@code IP}, ...): matches when any member matches. */
    SHORTCUT
}
