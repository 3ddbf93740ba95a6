// One PowerQuery pipeline stage after '|' (spec §7.3): the stages s1ql evaluates and translates are typed, with
// their expressions as PqExpr trees; the others (join, lookup, parse, transpose, ...) keep their name and text.
package dev.s1ql.ast;

import java.util.List;
import java.util.Locale;

public sealed interface Stage {

    Span span();

    /** A copy with every span set to {@link Span#NONE}, for structural comparison. */
    Stage normalized();

    /** {@code | filter <condition>}: keeps the rows where the condition is truthy. */
    record Filter(PqExpr condition, Span span) implements Stage {

        /** A filter-language filter. */
        public Filter(Expr expr, Span span) {
            this(new PqExpr.Test(expr), span);
        }

        /**
         * The condition as a filter-language tree over fields and names, or null when it computes values
         * ({@code len(x) > 3}, {@code a = b}); then only {@link #condition()} says it.
         */
        public Expr expr() {
            return condition instanceof PqExpr.Test t ? t.expr() : null;
        }

        @Override
        public Stage normalized() {
            return new Filter(condition.normalized(), Span.NONE);
        }
    }

    /** {@code | columns [name =] expr, ...}: a new row of exactly these columns, in this order. */
    record Columns(List<Named> columns, Span span) implements Stage {
        public Columns {
            columns = List.copyOf(columns);
        }

        @Override
        public Stage normalized() {
            return new Columns(columns.stream().map(Named::normalized).toList(), Span.NONE);
        }
    }

    /** {@code | let name = expr, ...}: the row keeps its fields and gains these. */
    record Let(List<Named> assignments, Span span) implements Stage {
        public Let {
            assignments = List.copyOf(assignments);
        }

        @Override
        public Stage normalized() {
            return new Let(assignments.stream().map(Named::normalized).toList(), Span.NONE);
        }
    }

    /** {@code | limit [N]} (no N: PowerQuery's default of 10), {@code | nolimit} (count -1). */
    record Limit(int count, Span span) implements Stage {
        @Override
        public Stage normalized() {
            return new Limit(count, Span.NONE);
        }
    }

    /**
     * {@code | group [name =] agg, ... [by [name =] key, ...]}: one row per distinct combination of the keys, with
     * the keys and the aggregates. An aggregate is an expression over aggregate calls ({@code sum(x) / 1024},
     * {@code count(ok = false)}); a key is an expression over the row ({@code by host = lower(endpoint.name)}).
     */
    record Group(List<Named> aggregates, List<Named> by, Span span) implements Stage {
        public Group {
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }

        @Override
        public Stage normalized() {
            return new Group(aggregates.stream().map(Named::normalized).toList(),
                    by.stream().map(Named::normalized).toList(), Span.NONE);
        }
    }

    /** {@code | sort [+|-]expr, ...}. */
    record Sort(List<SortKey> keys, Span span) implements Stage {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public Stage normalized() {
            return new Sort(keys.stream().map(k -> new SortKey(k.value().normalized(), k.descending())).toList(),
                    Span.NONE);
        }
    }

    /**
     * {@code | top N [name =] agg(expr) by key, ...}: the N groups with the largest aggregate, largest first, with
     * a {@code rank} column (PowerQuery estimates count and sum here; s1ql computes them exactly).
     */
    record Top(int count, Named aggregate, List<Named> by, Span span) implements Stage {
        public Top {
            by = List.copyOf(by);
        }

        @Override
        public Stage normalized() {
            return new Top(count, aggregate.normalized(), by.stream().map(Named::normalized).toList(), Span.NONE);
        }
    }

    /** Any other command ({@code join}, {@code lookup}, {@code parse}, ...): recognised by name, kept as text. */
    record Other(String command, String text, Span span) implements Stage {
        /** The command name in lower case. */
        public String name() {
            return command.toLowerCase(Locale.ROOT);
        }

        @Override
        public Stage normalized() {
            return new Other(name(), text, Span.NONE);
        }
    }

    /**
     * A column, assignment, aggregate or key: {@code name = value}, or the value alone, which then names itself
     * (a field by its name, anything else by its canonical text, PqText).
     *
     * @param explicit whether the name was written
     */
    record Named(String name, PqExpr value, boolean explicit) {

        /** The field when the value is a plain field or name reference, else null. */
        public FieldRef field() {
            return value instanceof PqExpr.Name n ? n.field() : null;
        }

        public Named normalized() {
            return new Named(name, value.normalized(), explicit);
        }
    }

    /** A sort key; {@code descending} for {@code -expr}. */
    record SortKey(PqExpr value, boolean descending) {
        /** The field when the key is a plain field or name reference, else null. */
        public FieldRef field() {
            return value instanceof PqExpr.Name n ? n.field() : null;
        }
    }
}
