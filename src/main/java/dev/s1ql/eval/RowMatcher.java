// A filter-language condition tested on a pipeline row: compiled like a query, so that a `| filter` after `let`
// or `group` means exactly what the same condition means on an event (case rules, numbers, regexes).
package dev.s1ql.eval;

import dev.s1ql.ast.Dialect;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.Query;
import dev.s1ql.events.EventValues;
import dev.s1ql.events.FieldExtractor;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;

import java.util.List;
import java.util.function.Function;

/**
 * A row is the values the stages computed (by name) and, until a {@code columns} or {@code group} made a new
 * record set, the event it came from. A computed value wins over the event's field of the same name, as
 * {@code let} overwrites event fields.
 */
public final class RowMatcher {

    private final CompiledQuery compiled;
    private final QueryCompiler compiler;
    private final EventValues values;
    private final EventView view;
    private final FieldExtractor extractor;

    private RowMatcher(Expr condition, Dialect dialect, EvalOptions options) {
        compiler = new QueryCompiler(options);
        compiled = compiler.compile(new Query(condition, "", List.of(), dialect, List.of()));
        compiler.finish();
        values = new EventValues(compiler.selection().size());
        view = new EventView(values);
        extractor = new FieldExtractor(compiler.selection());
    }

    public static RowMatcher of(Expr condition, Dialect dialect, EvalOptions options) {
        return new RowMatcher(condition, dialect, options);
    }

    /** Problems found compiling the condition (an invalid regex never matches). */
    public List<dev.s1ql.diag.Diagnostic> diagnostics() {
        return compiled.diagnostics();
    }

    /**
     * @param computed the text of a computed value by the name the condition reads (the field's catalog name or
     *                 its name as written), or null when the row has no such value
     * @param event    the event the row comes from, or null after columns / group
     */
    public boolean test(Function<String, String> computed, RawEvent event) {
        values.next();
        for (int slot = 0; slot < compiler.selection().size(); slot++) {
            String v = computed.apply(compiler.selection().name(slot));
            if (v != null) values.set(slot, v);
        }
        if (event != null) {
            try {
                extractor.extract(event, values);
            } catch (MalformedEventException e) {
                // the evaluator already read this event once
            }
        }
        compiler.derived().fill(values);
        return compiled.test(view);
    }
}
