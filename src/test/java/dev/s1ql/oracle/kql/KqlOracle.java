// The KQL oracle's entry point: runs a KQL query text over named tables and returns the result table. It reads the
// subset of KQL that s1ql emits and that pipelines will need (see KqlParser, KqlEngine, KqlScalars, KqlFunctions,
// KqlAggregates for what and where each rule comes from), written from Microsoft's KQL documentation, not from
// s1ql's renderer. What it does not know it refuses with a KqlException, as Kusto refuses what it cannot run.
package dev.s1ql.oracle.kql;

import java.util.Map;

public final class KqlOracle {

    private KqlOracle() {
    }

    /** The result of {@code kql} over {@code tables} (table name to table). */
    public static KqlTable run(String kql, Map<String, KqlTable> tables) {
        return new KqlEngine(tables).run(KqlParser.parse(kql));
    }
}
