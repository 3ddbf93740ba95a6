// One engine the spec files run on: the built-in evaluator, DuckDB over the SQL translation, or a translation run
// on an executable oracle (KQL, SPL) over the events converted to the target's shape.
package dev.s1ql.oracle;

import dev.s1ql.eval.EvalSpecFile;

public interface SpecTarget {

    /** The name skip tags use: eval, sql, kql.mde, spl.cim, ... */
    String name();

    /**
     * Runs the spec's query over its events. A query the target cannot translate is an exception (an
     * AssertionError naming the diagnostics), as is anything the target or its oracle refuses.
     */
    TargetRun run(EvalSpecFile spec) throws Exception;
}
