// The query inputs shared by every command: -q QUERY (repeatable) and positional files, directories or "-".
package dev.s1ql.cli;

import dev.s1ql.cli.input.InputCollector;
import dev.s1ql.cli.input.InputException;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.parse.DialectChoice;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

public final class InputOptions {

    @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
            description = "A query given inline (repeatable).")
    List<String> queries = new ArrayList<>();

    @Option(names = "--dialect", defaultValue = "auto", paramLabel = "DIALECT",
            converter = DialectConverter.class,
            description = "The query language: auto (default: detected per query), 1.0 (Deep Visibility), 2.0 "
                    + "(S1QL 2.0 filter), pq (PowerQuery).")
    DialectChoice dialect = DialectChoice.AUTO;

    /** The query language asked for with --dialect. */
    public DialectChoice dialect() {
        return dialect;
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<DialectChoice> {
        @Override
        public DialectChoice convert(String value) {
            try {
                return DialectChoice.parse(value);
            } catch (IllegalArgumentException e) {
                String hint = java.util.List.of("duckdb", "spark", "trino").contains(value.toLowerCase(java.util.Locale.ROOT))
                        ? " (--dialect is the query language; the SQL product is --profile " + value + ")" : "";
                throw new CommandLine.TypeConversionException(e.getMessage() + hint);
            }
        }
    }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Query files (.s1ql, .s1ql2, .pq, .txt), rule documents (.md: the fenced block under '## "
                    + "SentinelOne Query'), directories (searched recursively), quoted glob patterns ('rules/**/*.md'), "
                    + "or '-' for standard input. A directory or pattern without a query is a usage error.")
    List<String> paths = new ArrayList<>();

    /**
     * The inputs, or null after printing {@code s1ql COMMAND: <why>} on {@code err} when they cannot be read
     * (the caller then exits with {@link Main#EXIT_USAGE}).
     */
    public List<QueryInput> collectOrReport(java.io.PrintWriter err, String command) {
        try {
            return collect();
        } catch (InputException e) {
            err.println("s1ql " + command + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** The inputs in command-line order; without any, standard input when it is not a terminal. */
    public List<QueryInput> collect() throws InputException {
        List<String> p = paths;
        if (queries.isEmpty() && paths.isEmpty()) {
            if (System.console() != null) throw new InputException("no query given: pass -q QUERY, a PATH, or '-'");
            p = List.of("-");
        }
        return InputCollector.collect(queries, p);
    }
}
