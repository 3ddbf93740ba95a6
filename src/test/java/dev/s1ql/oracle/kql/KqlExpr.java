// The scalar expressions of the KQL subset the oracle reads, as an immutable tree built once by KqlParser.
package dev.s1ql.oracle.kql;

import java.util.List;

sealed interface KqlExpr {

    /** A literal value (string, long, real, bool, datetime, timespan, dynamic) or a typed null. */
    record Literal(Object value) implements KqlExpr {
    }

    /** A column of the input row, by its case-sensitive name. */
    record Column(String name) implements KqlExpr {
    }

    /** A function call: tolower(x), strcat(a, b), iff(p, a, b)... */
    record Call(String function, List<KqlExpr> args) implements KqlExpr {
    }

    /** A binary operator: and, or, arithmetic, comparison, or a string operator (contains, startswith_cs...). */
    record Binary(String op, KqlExpr left, KqlExpr right) implements KqlExpr {
    }

    /** Unary minus. */
    record Negate(KqlExpr operand) implements KqlExpr {
    }

    /** in, !in, in~, !in~, has_any, has_all: the left side against a list of expressions or a tabular subquery. */
    record InList(String op, KqlExpr left, List<KqlExpr> items, KqlQuery subquery) implements KqlExpr {
    }

    /** x between (low .. high), and its negation !between. */
    record Between(boolean negated, KqlExpr value, KqlExpr low, KqlExpr high) implements KqlExpr {
    }

    /** Property access on a dynamic value: x.name or x["name"]. */
    record Member(KqlExpr target, String name) implements KqlExpr {
    }

    /** Index into a dynamic array: x[0] (negative counts from the end). */
    record Index(KqlExpr target, KqlExpr index) implements KqlExpr {
    }
}
