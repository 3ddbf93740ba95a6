// One entry of the field catalog.
package dev.s1ql.catalog;

import java.util.List;

/**
 * @param name        the S1QL 1.0 name in its canonical spelling
 * @param s1ql2       the S1QL 2.0 name ({@code src.process.name}, {@code #cmdline}), or "" when none is known
 * @param type        the value type
 * @param typeGuessed true when the type was inferred from the name, not documented
 * @param kind        field, legacy alias, or shortcut
 * @param members     for aliases and shortcuts: the current fields it stands for (OR-ed); empty otherwise
 * @param approximate true when the member list is s1ql's reading, not SentinelOne documentation
 * @param sources     where the entry comes from (spec §0 keys)
 */
public record FieldInfo(String name, String s1ql2, FieldType type, boolean typeGuessed, FieldKind kind,
                        List<String> members, boolean approximate, String sources) {

    public FieldInfo {
        members = List.copyOf(members);
    }

    public boolean isEnum() {
        return type == FieldType.ENUM;
    }

    /**
     * Whether this is another spelling of one field: a legacy name or shortcut with exactly one member
     * ({@code AgentName} for {@code EndpointName}). It reads one slot: the member's value, or, when the event
     * lacks the member, the value of a key spelled like this name (docs/eval.md "Legacy names and shortcuts").
     */
    public boolean isSingleMemberAlias() {
        return kind != FieldKind.FIELD && members.size() == 1;
    }

    /** The concrete fields to read: the members for aliases/shortcuts that have them, else the field itself. */
    public List<String> concreteFields() {
        return members.isEmpty() ? List.of(name) : members;
    }
}
