// One PowerQuery pipeline stage after '|' (spec §7.3). Stages s1ql understands are typed; others keep their text.
package dev.s1ql.ast;

import java.util.List;

public sealed interface Stage {

    Span span();

    /** {@code | filter <expr>} */
    record Filter(Expr expr, Span span) implements Stage {
    }

    /** {@code | columns [name =] field, ...} */
    record Columns(List<Column> columns, Span span) implements Stage {
        public Columns {
            columns = List.copyOf(columns);
        }
    }

    /** {@code | limit [N]} (no N: PowerQuery's default of 10), {@code | nolimit} (N = -1). */
    record Limit(int count, Span span) implements Stage {
    }

    /** {@code | group [name =] fn([field]), ... [by field, ...]} */
    record Group(List<Aggregate> aggregates, List<FieldRef> by, Span span) implements Stage {
        public Group {
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }
    }

    /** {@code | sort [+|-]field, ...} */
    record Sort(List<SortKey> keys, Span span) implements Stage {
        public Sort {
            keys = List.copyOf(keys);
        }
    }

    /** Any other command ({@code let}, {@code parse}, {@code lookup}, ...): validated by name, kept as text. */
    record Other(String command, String text, Span span) implements Stage {
    }

    record Column(String name, FieldRef field) {
    }

    record Aggregate(String name, String function, FieldRef field) {
    }

    record SortKey(FieldRef field, boolean descending) {
    }
}
