// The tabular part of the KQL subset the oracle reads: a source and the operators piped after it.
package dev.s1ql.oracle.kql;

import java.util.List;

sealed interface KqlQuery {

    /** A table of the database by name. */
    record Table(String name) implements KqlQuery {
    }

    /** datatable(col:type, ...)[v1, v2, ...]: rows written in the query (for the oracle's own tests). */
    record Datatable(List<KqlColumn> columns, List<KqlExpr> values) implements KqlQuery {
    }

    /** union [kind=inner|outer] [withsource=Col] leg, leg, ... */
    record Union(boolean inner, String withSource, List<KqlQuery> legs) implements KqlQuery {
    }

    /** input | operator. */
    record Pipe(KqlQuery input, Operator operator) implements KqlQuery {
    }

    sealed interface Operator {
    }

    record Where(KqlExpr predicate) implements Operator {
    }

    /** A named expression: extend/project/summarize-by items ({@code name} null when the query gives none). */
    record Named(String name, KqlExpr expr) {
    }

    record Extend(List<Named> items) implements Operator {
    }

    record Project(List<Named> items) implements Operator {
    }

    record ProjectAway(List<String> columns) implements Operator {
    }

    /** project-rename new = old, ... */
    record ProjectRename(List<Named> renames) implements Operator {
    }

    /** One aggregation of summarize: the function name and its arguments ({@code *} is a Column named "*"). */
    record Aggregate(String name, String function, List<KqlExpr> args) {
    }

    record Summarize(List<Aggregate> aggregates, List<Named> by) implements Operator {
    }

    /** One sort key; {@code nullsFirst} null means the direction's default. */
    record SortKey(KqlExpr expr, boolean ascending, Boolean nullsFirst) {
    }

    record Sort(List<SortKey> keys) implements Operator {
    }

    record Take(long count) implements Operator {
    }

    record Top(long count, SortKey key) implements Operator {
    }

    record Distinct(List<Named> columns) implements Operator {
    }

    record Count() implements Operator {
    }
}
