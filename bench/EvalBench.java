// Throughput benchmark for s1ql eval: bare Jackson tokenizing vs one query vs a whole rule pack, same input.
//
// Usage: java -cp target/s1ql.jar:target/bench EvalBench MODE EVENTS.ndjson[.gz] [QUERIES] [ITERATIONS]
//   MODE tokenize  Jackson's streaming parser over the file, nextToken() to the end (the baseline)
//        eval      s1ql's reading path plus evaluation of QUERIES: a .jsonl corpus (key "s1ql") or a file
//                  holding one query
//        compare   QUERIES is ONE_QUERY_FILE,CORPUS.jsonl: per iteration gunzip only, tokenize, one query, all
//                  corpus, all corpus pipelined (2 threads: a reader thread does gunzip, lines and field
//                  extraction, the calling thread evaluates; the CLI default on 3 CPUs or more), interleaved
//                  in one JVM so that machine load hits all modes alike; then medians, best, and the ratios
//                  tokenize/eval (CPU and wall) over iterations 2..N. For the 2-thread mode wall time is what
//                  counts; its "cpu" is the whole process's CPU time over the run (both threads, GC, JIT)
// Prints one line per iteration (events/s, MB/s of uncompressed JSON, by wall and by thread CPU time) and the
// peak memory at the end.
// Kept out of the shipped jar; bench/eval-bench.sh compiles and runs it.

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.eval.EvalOptions;
import dev.s1ql.eval.RulePack;
import dev.s1ql.events.EventBatch;
import dev.s1ql.events.EventFiles;
import dev.s1ql.events.EventFormat;
import dev.s1ql.events.EventSink;
import dev.s1ql.events.ExtractedEventSink;
import dev.s1ql.events.PipelinedEvents;
import dev.s1ql.events.MalformedEventException;
import dev.s1ql.events.RawEvent;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

public final class EvalBench {

    /** Counts uncompressed bytes, so MB/s means JSON bytes processed whatever the compression. */
    static final class Counting extends FilterInputStream {
        long bytes;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) bytes += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) bytes++;
            return c;
        }
    }

    /** Wall time, and the benchmark thread's CPU time (robust when other processes share the machine). */
    record Result(long events, long bytes, long matches, double seconds, double cpuSeconds) {
    }

    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static double cpuSeconds() {
        return THREADS.getCurrentThreadCpuTime() / 1e9;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path events = Path.of(args[1]);
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (mode.equals("compare")) {
            String[] q = args[2].split(",");
            compare(events, loadPack(Path.of(q[0])), loadPack(Path.of(q[1])), iterations);
            return;
        }
        RulePack pack = null;
        if (mode.equals("eval")) {
            pack = loadPack(Path.of(args[2]));
        }
        for (int i = 1; i <= iterations; i++) {
            Result r = mode.equals("tokenize") ? tokenize(events) : evaluate(events, pack, -1);
            print(mode, i, r);
        }
        System.out.printf("peak heap used: %.0f MB (max heap %.0f MB), peak RSS: %s%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, peakRss());
    }

    static void print(String mode, int i, Result r) {
        System.out.printf("%s iteration %d: %,d events, %.1f MB, %,d matches; wall %.2f s = %,.0f events/s, %.1f MB/s;"
                + " cpu %.2f s = %,.0f events/s, %.1f MB/s%n", mode, i, r.events(), r.bytes() / 1e6, r.matches(),
                r.seconds(), r.events() / r.seconds(), r.bytes() / 1e6 / r.seconds(),
                r.cpuSeconds(), r.events() / r.cpuSeconds(), r.bytes() / 1e6 / r.cpuSeconds());
    }

    static void compare(Path events, RulePack one, RulePack corpus, int iterations) throws IOException {
        String[] modes = {"gunzip", "tokenize", "one query", "all corpus", "corpus 2 threads"};
        List<List<Result>> results = new ArrayList<>();
        for (String m : modes) results.add(new ArrayList<>());
        for (int i = 1; i <= iterations; i++) {
            Result g = gunzip(events);
            Result[] r = {g, tokenize(events), evaluate(events, one, g.bytes()), evaluate(events, corpus, g.bytes()),
                evaluatePipelined(events, corpus, g.bytes())};
            for (int m = 0; m < modes.length; m++) {
                print(modes[m], i, r[m]);
                if (i > 1 || iterations == 1) results.get(m).add(r[m]);
            }
        }
        System.out.printf("summary over iterations %s (median; best), seconds:%n", iterations > 1 ? "2.." + iterations : "1");
        double[][] cpu = new double[modes.length][];
        double[][] wall = new double[modes.length][];
        for (int m = 0; m < modes.length; m++) {
            cpu[m] = results.get(m).stream().mapToDouble(Result::cpuSeconds).sorted().toArray();
            wall[m] = results.get(m).stream().mapToDouble(Result::seconds).sorted().toArray();
            Result any = results.get(m).get(0);
            System.out.printf("  %-16s cpu %.2f; %.2f   wall %.2f; %.2f   best cpu = %,.0f events/s, %.1f MB/s%n", modes[m],
                    median(cpu[m]), cpu[m][0], median(wall[m]), wall[m][0], any.events() / cpu[m][0],
                    any.bytes() / 1e6 / cpu[m][0]);
        }
        System.out.println("  (corpus 2 threads = all corpus pipelined on 2 threads, reader + evaluator; its cpu is the whole"
                + " process's CPU time, both threads plus GC/JIT; for it wall time is what counts)");
        for (int m = 2; m < modes.length; m++) {
            System.out.printf("  tokenize / %-16s cpu median %.0f%%, best %.0f%%; wall median %.0f%%, best %.0f%%%n", modes[m],
                    100 * median(cpu[1]) / median(cpu[m]), 100 * cpu[1][0] / cpu[m][0],
                    100 * median(wall[1]) / median(wall[m]), 100 * wall[1][0] / wall[m][0]);
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Decompression alone (read to the end), the part every mode shares. */
    static Result gunzip(Path file) throws IOException {
        Counting[] c = new Counting[1];
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = open(file, c)) {
            while (in.read(buf, 0, buf.length) >= 0) {
                // count only
            }
        }
        return new Result(0, c[0].bytes, 0, (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
    }

    static RulePack loadPack(Path queries) throws IOException {
        List<String> texts = new ArrayList<>();
        if (queries.toString().endsWith(".jsonl")) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(queries)) {
                if (!line.isBlank()) texts.add(json.readTree(line).path("s1ql").asText());
            }
        } else {
            texts.add(Files.readString(queries));
        }
        long t0 = System.nanoTime();
        S1qlParser parser = new S1qlParser();
        RulePack pack = new RulePack(EvalOptions.defaults());
        int rejected = 0;
        for (String q : texts) {
            ParseResult r = parser.parse(q);
            if (r.ok()) pack.add(r.query());
            else rejected++;
        }
        pack.finish();
        System.out.printf("loaded %d queries (%d did not parse), %d fields selected, in %.2f s%n", pack.rules().size(),
                rejected, pack.selection().size(), (System.nanoTime() - t0) / 1e9);
        return pack;
    }

    static InputStream open(Path file, Counting[] counter) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        counter[0] = new Counting(in);
        return counter[0];
    }

    static Result tokenize(Path file) throws IOException {
        Counting[] c = new Counting[1];
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        long events = 0;
        try (InputStream in = open(file, c); JsonParser p = new JsonFactory().createParser(in)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT && depth++ == 0) events++;
                else if (t == JsonToken.END_OBJECT) depth--;
            }
        }
        return new Result(events, c[0].bytes, 0, (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
    }

    /**
     * One thread, reading the way the CLI reads ({@link EventFiles#read}: gunzip by extension, NDJSON lines).
     * {@code bytes} is the file's uncompressed size (measured by the gunzip mode; -1 to measure it here).
     */
    static Result evaluate(Path file, RulePack pack, long bytes) throws IOException {
        if (bytes < 0) bytes = gunzip(file).bytes();
        long[] counts = new long[3]; // events, matches, malformed
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        EventFiles.read(file.toString(), EventFormat.NDJSON, new EventSink() {
            @Override
            public boolean accept(RawEvent event) {
                try {
                    pack.evaluate(event, (rule, e) -> counts[1]++);
                    counts[0]++;
                } catch (MalformedEventException e) {
                    counts[2]++;
                }
                return true;
            }

            @Override
            public boolean malformed(String f, long line, String message) {
                counts[2]++;
                return true;
            }

            @Override
            public boolean defersLineEnds() {
                return true; // as the CLI's sink: each event is read before its bytes are used
            }
        }, null);
        if (counts[2] > 0) System.out.printf("%,d malformed events%n", counts[2]);
        return new Result(counts[0], bytes, counts[1], (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
    }

    /** CPU time of the whole process (all threads, GC and JIT included). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * The CLI's default on 3 CPUs or more: PipelinedEvents reads (gunzip, lines, fields) on a second thread
     * while this one evaluates. {@code bytes} is the file's uncompressed size (measured by the gunzip mode).
     */
    static Result evaluatePipelined(Path file, RulePack pack, long bytes) throws IOException {
        long[] counts = new long[3]; // events, matches, malformed
        long t0 = System.nanoTime();
        double cpu0 = processCpuSeconds();
        double evalCpu0 = cpuSeconds();
        long gc0 = gcMillis();
        PipelinedEvents.read(List.of(file.toString()), EventFormat.NDJSON, pack.selection(), false, null,
                new ExtractedEventSink() {
                    @Override
                    public boolean accept(RawEvent event, EventBatch batch, int index) {
                        pack.evaluate(batch, index, event, (rule, e) -> counts[1]++);
                        counts[0]++;
                        return true;
                    }

                    @Override
                    public boolean malformed(String f, long line, String message) {
                        counts[2]++;
                        return true;
                    }

                    @Override
                    public boolean needsEventBytes() {
                        return false; // counting only, as eval --count: the reader does not copy the bytes
                    }
                });
        if (counts[2] > 0) System.out.printf("%,d malformed events%n", counts[2]);
        System.out.printf("  (2 threads: evaluating thread cpu %.2f s, %.2f s of GC over the run)%n", cpuSeconds() - evalCpu0,
                (gcMillis() - gc0) / 1e3);
        return new Result(counts[0], bytes, counts[1], (System.nanoTime() - t0) / 1e9, processCpuSeconds() - cpu0);
    }

    static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return line.substring(6).trim();
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "n/a";
    }
}
