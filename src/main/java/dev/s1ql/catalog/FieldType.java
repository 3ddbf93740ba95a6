// The value type of an S1QL field (spec §6.1): decides numeric comparison and case-insensitive enum matching.
package dev.s1ql.catalog;

public enum FieldType {
    STRING, NUMBER, ENUM, BOOL, TIME;

    static FieldType parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "number" -> NUMBER;
            case "enum" -> ENUM;
            case "bool" -> BOOL;
            case "time" -> TIME;
            default -> STRING;
        };
    }
}
