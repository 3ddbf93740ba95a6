// Decides an S1QL predicate against a value known at translation time: the ObjectType, EventType or
// EndpointOS that a table stands for. These fields are enums, so the comparison ignores case (spec §6.3).
package dev.s1ql.render.kql;

import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Value;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

final class ConstantMatch {

    private ConstantMatch() {
    }

    static boolean matches(Predicate p, String constant) {
        String c = constant.toLowerCase(Locale.ROOT);
        boolean hit = switch (p.operator().kind()) {
            case EQUALS, IN -> p.values().stream().anyMatch(v -> lower(v).equals(c));
            case CONTAINS, IN_CONTAINS -> p.values().stream().anyMatch(v -> c.contains(lower(v)));
            case STARTS_WITH -> p.values().stream().anyMatch(v -> c.startsWith(lower(v)));
            case ENDS_WITH -> p.values().stream().anyMatch(v -> c.endsWith(lower(v)));
            case REGEX -> p.values().stream().anyMatch(v -> find(v.text(), constant));
            case EXISTS -> true;
            case EMPTY -> constant.isEmpty();
            default -> false;   // ordering and boolean tests never hold for an enum value
        };
        return p.operator().negated() != hit;
    }

    private static String lower(Value v) {
        return v.text().toLowerCase(Locale.ROOT);
    }

    private static boolean find(String regex, String text) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
