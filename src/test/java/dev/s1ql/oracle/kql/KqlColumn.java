// One column of a KQL table: its name (case-sensitive, as in Kusto) and its scalar type.
package dev.s1ql.oracle.kql;

public record KqlColumn(String name, KqlType type) {
}
