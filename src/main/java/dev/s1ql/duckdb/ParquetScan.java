// Reads Parquet events for the DuckDB engine: the schema is exact (DESCRIBE of read_parquet), each value is cast to
// VARCHAR, a struct or list value becomes its JSON text.
package dev.s1ql.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed columns print as DuckDB prints them (an integer as its digits, a DOUBLE as DuckDB writes it, a TIMESTAMP
 * as {@code 2021-04-27 08:07:36.125}), which is the text the interpreter saw only when the Parquet was written
 * from strings or integers; docs/sql.md says so. Keys are matched in any case, the first spelling wins.
 */
final class ParquetScan extends EventScan {

    private final List<String> files;
    private final EventSchema schema;

    ParquetScan(List<String> files, EventSchema schema) {
        this.files = files;
        this.schema = schema;
    }

    /** DESCRIBE gives the schema (from the files' metadata). */
    static String describe(List<String> files) {
        return "DESCRIBE SELECT * FROM read_parquet(" + fileList(files) + ", union_by_name = true)";
    }

    @Override
    List<String> read(List<String> keyPath) {
        List<String> keys = new ArrayList<>();
        EventSchema node = schema;
        for (String k : keyPath) {
            if (!node.isStruct()) return List.of();
            node = node.field(k);
            if (node == null) return List.of();
            keys.add(node.name());
        }
        String expr = ROW + "." + D.column(keys);
        return List.of(node.isStruct() || node.isNested() ? "to_json(" + expr + ")::VARCHAR" : "CAST(" + expr + " AS VARCHAR)");
    }

    @Override
    String event() {
        return "json_merge_patch(to_json(" + ROW + "), '{\"filename\":null}')::VARCHAR";
    }

    @Override
    String reader(boolean withEvent) {
        return "read_parquet(" + fileList(files) + ", union_by_name = true, filename = true)";
    }
}
