// The eval/where expressions of the SPL subset the oracle reads, as an immutable tree built by SplExprParser.
package dev.s1ql.oracle.spl;

import java.util.List;

sealed interface SplExpr {

    record Literal(Object value) implements SplExpr {
    }

    record Field(String name) implements SplExpr {
    }

    record Call(String function, List<SplExpr> args) implements SplExpr {
    }

    /** A binary operator: AND OR XOR, = == != < <= > >=, LIKE, + - * / %, and `.` (concatenation). */
    record Binary(String op, SplExpr left, SplExpr right) implements SplExpr {
    }

    record Not(SplExpr operand) implements SplExpr {
    }

    record Negate(SplExpr operand) implements SplExpr {
    }
}
