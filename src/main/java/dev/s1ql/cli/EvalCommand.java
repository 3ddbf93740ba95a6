// `s1ql eval`: runs queries or a whole rule pack over event files offline and prints what matches.
package dev.s1ql.cli;

import dev.s1ql.cli.eval.DuckDbEval;
import dev.s1ql.cli.eval.EvalQueries;
import dev.s1ql.cli.eval.EvalRun;
import dev.s1ql.cli.eval.MatchOutput;
import dev.s1ql.cli.eval.ProgressBar;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.eval.pipeline.PipelineRun;
import dev.s1ql.events.EventFiles;
import dev.s1ql.events.EventFormat;
import dev.s1ql.events.PipelinedEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate queries (S1QL 1.0, 2.0, PowerQuery) offline against event files (NDJSON, JSON array, CSV; "
                + ".gz) and print the matching events, or with --count how many match. A directory of rule documents is a "
                + "rule pack, evaluated in one pass.",
        footer = {"", "Examples:",
                "  s1ql eval --events examples/dns_events.ndjson examples/dns_query_win_susp_external_ip_lookup.md",
                "  s1ql eval --events telemetry.ndjson.gz --count --format json rules/",
                "  s1ql eval --events export.csv --explain -q 'ObjectType = \"DNS\" AND DnsRequest ContainsCIS \"ipify\"'",
                "", "Queries in S1QL 1.0, 2.0 and PowerQuery are evaluated (--dialect, default auto). Of a PowerQuery, "
                + "filter, let, columns, group, sort, limit and top are applied (docs/powerquery.md); its output is "
                + "one row per line: {source, title, id, row}. Other stages are reported as not applied.",
                "", "Exit codes: 0 success, 1 a query has errors (the others still run), 2 usage or I/O error, "
                + "3 malformed events were skipped (or stopped the run with --on-error fail)."})
public final class EvalCommand implements Callable<Integer> {

    /** Exit code when malformed events were skipped or stopped the run. */
    public static final int EXIT_BAD_EVENTS = 3;

    enum Format { text, json }

    enum OnError { skip, fail }

    enum EnumCase { insensitive, sensitive }

    enum RegexCase { sensitive, insensitive }

    enum EventsFormat { auto, ndjson, json, csv }

    enum Engine { builtin, duckdb }

    @Mixin
    InputOptions inputs;

    @Option(names = {"-e", "--events"}, required = true, paramLabel = "FILE", split = ",",
            description = "Event file (repeatable, or comma-separated): NDJSON, a JSON array or object, or CSV "
                    + "with a header; .gz is decompressed; '-' reads standard input.")
    List<String> events = new ArrayList<>();

    @Option(names = "--events-format", defaultValue = "auto", paramLabel = "FMT",
            description = "Event format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: .csv by name, "
                    + "otherwise recognised from the first bytes).")
    EventsFormat eventsFormat;

    @Option(names = "--count", description = "Print one line per query with its number of matches instead of "
            + "the matching events.")
    boolean count;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output: ${COMPLETION-CANDIDATES}. Default: "
            + "json (one NDJSON line per match) for events, text for --count.")
    Format format;

    @Option(names = "--explain", description = "For each match, show which predicates held and the values seen.")
    boolean explain;

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "ACTION",
            description = "On a malformed event: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: report it, "
                    + "go on, exit 3 at the end).")
    OnError onError;

    @Option(names = "--enum-case", defaultValue = "insensitive", paramLabel = "CASE",
            description = "How enum fields (ObjectType, EventType, EndpointOS, ...) compare with = and In: "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; spec §11 Q2/Q15).")
    EnumCase enumCase;

    @Option(names = "--regex-case", defaultValue = "insensitive", paramLabel = "REGEX_CASE",
            description = "How a 1.0 RegExp treats case: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as "
                    + "SentinelOne's own 1.0 to 2.0 converter reads it; spec §11 Q3). 2.0 matches follows its "
                    + ":anycase/:matchcase modifier.")
    RegexCase regexCase;

    @Option(names = "--regex-budget", defaultValue = "1000000", paramLabel = "N",
            description = "Character reads one regex test may make before it is abandoned as no match and "
                    + "reported (default: ${DEFAULT-VALUE}).")
    long regexBudget;

    @Option(names = "--engine", defaultValue = "builtin", paramLabel = "ENGINE",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). duckdb runs the queries as SQL in "
                    + "embedded DuckDB over NDJSON(.gz) or Parquet files, in parallel (needs the DuckDB driver; "
                    + "docs/sql.md says when it is faster).")
    Engine engine;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the built-in engine: 1 reads and evaluates on one thread; 2 or more reads "
                    + "(gunzip, lines, fields) on a second thread while the first evaluates (at most 2 are used). "
                    + "Default: 2 when at least 3 CPUs are available, else 1. Output is the same either way.")
    Integer threads;

    @Option(names = "--no-progress", description = "Never draw the progress bar (it is drawn only on a terminal).")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String p : inputs.paths) {
            if (EventFormat.isEventFileName(p)) {
                // --events takes one file (or a comma-separated list): `--events a.ndjson b.ndjson` would
                // otherwise read b.ndjson as a query file
                err.println("s1ql eval: " + p + " is an event file, not a query: give each event file with --events "
                        + "(--events a.ndjson --events b.ndjson, or --events a.ndjson,b.ndjson)");
                return Main.EXIT_USAGE;
            }
        }
        if (regexBudget < 1) {
            err.println("s1ql eval: --regex-budget must be at least 1 (it is the number of character reads one regex "
                    + "test may make)");
            return Main.EXIT_USAGE;
        }
        List<QueryInput> all = inputs.collectOrReport(err, "eval");
        if (all == null) return Main.EXIT_USAGE;
        if (events.contains("-") && all.stream().anyMatch(q -> "<stdin>".equals(q.source()))) {
            err.println("s1ql eval: standard input cannot hold both the queries and the events");
            return Main.EXIT_USAGE;
        }
        if (threads != null && threads < 1) {
            err.println("s1ql eval: --threads must be at least 1");
            return Main.EXIT_USAGE;
        }
        if (engine == Engine.duckdb) return duckdb(all, out, err);
        EvalOptions options = new EvalOptions(enumCase == EnumCase.insensitive, regexCase == RegexCase.insensitive,
                regexBudget);
        RulePack pack = new RulePack(options);
        List<QueryInput> rules = new ArrayList<>();
        List<PipelineRun> pipelines = new ArrayList<>();
        int badQueries = EvalQueries.compile(all, inputs.dialect(), pack, options, rules, pipelines,
                (in, d) -> DiagnosticPrinter.print(err, in, d));
        err.flush();
        if (rules.isEmpty()) {
            err.println("s1ql eval: no query to evaluate");
            return badQueries > 0 ? 1 : Main.EXIT_USAGE;
        }
        pack.finish();

        boolean json = format != null ? format == Format.json : !count;
        MatchOutput output = new MatchOutput(out, json);
        EventFiles.Progress progress = new EventFiles.Progress();
        ProgressBar bar = !noProgress && System.console() != null ? new ProgressBar(err, progress) : null;
        EvalRun run = new EvalRun(pack, rules, output, count, explain, onError == OnError.fail, err, bar);
        for (int r = 0; r < rules.size(); r++) {
            if (pipelines.get(r) != null) run.pipeline(r, pipelines.get(r));
        }
        EventFormat forced = switch (eventsFormat) {
            case auto -> null;
            case ndjson -> EventFormat.NDJSON;
            case json -> EventFormat.JSON;
            case csv -> EventFormat.CSV;
        };
        long started = System.nanoTime();
        try {
            if (pipelined()) {
                PipelinedEvents.read(events, forced, pack.selection(), run.failFast(), progress, run);
            } else {
                for (String file : events) {
                    if (!EventFiles.read(file, forced, run, progress)) break;
                }
            }
        } catch (IOException e) {
            if (bar != null) bar.clear();
            out.flush();
            err.println("s1ql eval: " + e.getMessage());
            return Main.EXIT_USAGE;
        } finally {
            out.flush();
        }
        if (bar != null) bar.clear();
        run.finish();
        if (count) {
            for (int r = 0; r < rules.size(); r++) output.count(rules.get(r), run.matches(r), run.events());
            out.flush();
        }
        EvalQueries.reportAbandonedRegexes(pack, rules, (in, d) -> DiagnosticPrinter.print(err, in, d));
        err.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("s1ql eval: %,d events, %d %s, %,d matches, %,d malformed events %s (%.1f s)%n", run.events(),
                rules.size(), rules.size() == 1 ? "query" : "queries", run.matches(), run.malformed(),
                onError == OnError.fail && run.malformed() > 0 ? "(stopped at the first)" : "skipped", seconds);
        err.flush();
        if (badQueries > 0) return 1;
        return run.malformed() > 0 ? EXIT_BAD_EVENTS : 0;
    }

    /**
     * Whether to read on a second thread: --threads, or by default with at least 3 CPUs. On 2 CPUs the reader
     * thread only wins when nothing else runs: with events piped in from `gzip -dc` it was 20% slower
     * (docs/eval.md, "Reading on a second thread").
     */
    private boolean pipelined() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors() >= 3 ? 2 : 1;
        return n > 1;
    }

    /** --engine duckdb: refuses what it does not do, then runs {@link DuckDbEval}. */
    private int duckdb(List<QueryInput> all, PrintWriter out, PrintWriter err) {
        String refused = null;
        if (explain) refused = "--explain";
        if (enumCase != EnumCase.insensitive) refused = "--enum-case sensitive";
        if (refused == null && (eventsFormat == EventsFormat.csv || eventsFormat == EventsFormat.json)) {
            refused = "--events-format " + eventsFormat;
        }
        if (refused == null && events.contains("-")) refused = "events from standard input";
        if (refused != null) {
            err.println("s1ql eval: --engine duckdb does not support " + refused + " (use the built-in engine)");
            return Main.EXIT_USAGE;
        }
        for (String f : events) {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(f))) {
                err.println("s1ql eval: cannot read " + f);
                return Main.EXIT_USAGE;
            }
        }
        boolean json = format != null ? format == Format.json : !count;
        return new DuckDbEval(out, err).run(all, inputs.dialect(), events, count, json,
                regexCase == RegexCase.insensitive);
    }
}
