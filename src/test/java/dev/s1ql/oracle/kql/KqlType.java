// The scalar types of a KQL column, and what a stored value of each type is in the oracle. Source: "Scalar data
// types" and "null values" (learn.microsoft.com/kusto/query/scalar-data-types/, .../null-values): every type but
// string has a null value; a string is never null, a missing string is the empty string.
package dev.s1ql.oracle.kql;

import java.util.Locale;

public enum KqlType {
    STRING, LONG, INT, REAL, BOOL, DATETIME, TIMESPAN, DYNAMIC, GUID;

    /** The type named as Kusto schemas and datatable() write it: string, long, int, real/double, bool/boolean... */
    public static KqlType parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "long" -> LONG;
            case "int" -> INT;
            case "real", "double", "decimal" -> REAL;
            case "bool", "boolean" -> BOOL;
            case "datetime", "date" -> DATETIME;
            case "timespan", "time" -> TIMESPAN;
            case "dynamic" -> DYNAMIC;
            case "guid" -> GUID;
            default -> throw new KqlException("unknown scalar type '" + name + "'");
        };
    }

    /** What a row holds when it has no value of this type: "" for string (never null), null otherwise. */
    public Object missing() {
        return this == STRING ? "" : null;
    }

    public boolean numeric() {
        return this == LONG || this == INT || this == REAL;
    }
}
