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
            description = "Query language: auto (default: detected per query), 1.0 (Deep Visibility), 2.0 "
                    + "(S1QL 2.0 filter), pq (PowerQuery). translate also takes the output dialect here "
                    + "(--to sql: duckdb, spark, trino), the same as --profile.")
    DialectArg dialect = new DialectArg(DialectChoice.AUTO, null);

    /**
     * What --dialect said: a query language, or (translate only) a word that is none, taken as the output
     * dialect. The two sets of words do not overlap (auto, 1.0, 2.0, pq vs duckdb, spark, trino).
     */
    record DialectArg(DialectChoice query, String output) {
    }

    /** Set by commands that read an output dialect from --dialect (translate). */
    private boolean outputDialectAllowed;

    /** The query language asked for with --dialect. */
    public DialectChoice dialect() {
        return dialect.query();
    }

    /** Lets --dialect name an output dialect too; {@link #outputDialect()} then returns it. */
    void allowOutputDialect() {
        outputDialectAllowed = true;
    }

    /** The output dialect named with --dialect, or null. */
    String outputDialect() {
        return dialect.output();
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<DialectArg> {
        @Override
        public DialectArg convert(String value) {
            try {
                return new DialectArg(DialectChoice.parse(value), null);
            } catch (IllegalArgumentException e) {
                if (value.matches("[A-Za-z][A-Za-z0-9_-]*")) return new DialectArg(DialectChoice.AUTO, value);
                throw new CommandLine.TypeConversionException(e.getMessage());
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
        if (dialect.output() != null && !outputDialectAllowed) {
            throw new InputException("unknown dialect '" + dialect.output() + "': use auto, 1.0, 2.0 or pq");
        }
        List<String> p = paths;
        if (queries.isEmpty() && paths.isEmpty()) {
            if (System.console() != null) throw new InputException("no query given: pass -q QUERY, a PATH, or '-'");
            p = List.of("-");
        }
        return InputCollector.collect(queries, p);
    }
}
