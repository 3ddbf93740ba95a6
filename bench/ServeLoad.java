// Load on a running `s1ql serve` (bench/serve-bench.sh starts it): translate requests from N concurrent clients
// (requests/s, p50/p99 latency), and the server's heap over sequential eval requests (read with jcmd).
//   java bench/ServeLoad.java translate URL QUERY_FILE CLIENTS WARMUP_S MEASURE_S
//   java bench/ServeLoad.java eval-memory URL PID REQUESTS
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public class ServeLoad {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("translate")) translate(args[1], Files.readString(Path.of(args[2])).strip(),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        else memory(args[1], args[2], Integer.parseInt(args[3]));
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static void translate(String url, String query, int clients, int warmup, int measure) throws Exception {
        String body = "{\"query\": " + json(query) + ", \"to\": \"kql\"}";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + "api/translate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> first = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200 || !first.body().contains("\"output\":\"")) {
            throw new IllegalStateException("unexpected answer " + first.statusCode() + ": " + first.body());
        }
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + measure * 1_000_000_000L;
        List<long[]> perClient = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000];
            long[] n = new long[1];
            perClient.add(lat);
            Thread t = new Thread(() -> {
                int i = 0;
                while (true) {
                    long s = System.nanoTime();
                    if (s >= end) break;
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) failures.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    long e = System.nanoTime();
                    if (s >= warmEnd && e <= end && i < lat.length - 1) lat[++i] = e - s;
                }
                lat[0] = i;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        long total = 0;
        for (long[] l : perClient) total += l[0];
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : perClient) for (int i = 1; i <= l[0]; i++) all[k++] = l[i];
        Arrays.sort(all);
        System.out.printf("translate --to kql, seed query, %d clients, %d s measured after %d s warm-up:%n", clients, measure, warmup);
        System.out.printf("  %,d requests, %.0f requests/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, failures %d%n",
                total, total / (double) measure, pct(all, 50), pct(all, 90), pct(all, 99), all[all.length - 1] / 1e6,
                failures.get());
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    static void memory(String url, String pid, int requests) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            events.append("{\"id\": \"e").append(i).append("\", \"tgtProcCmdLine\": \"powershell -enc ").append(i)
                    .append("\", \"srcProcName\": \"cmd.exe\"}\n");
        }
        String[] bodies = {
            "{\"query\": \"DnsRequest ContainsCIS \\\"ipify\\\"\", \"sample\": \"dns_events.ndjson\", \"explain\": true}",
            "{\"query\": \"TgtProcCmdLine ContainsCIS \\\"-enc\\\"\", \"events\": " + json(events.toString()) + ", \"explain\": true}",
            "{\"query\": \"event.type = 'DNS Resolved' | group n = count() by src.process.name\", \"sample\": \"dns_events.ndjson\"}",
        };
        System.out.printf("eval, %d sequential requests (a sample with --explain, 2,000 pasted events with 2,000 matches, a PowerQuery group), "
                + "server heap after a full GC (jcmd GC.run):%n", requests);
        System.out.printf("  %6s %12s %12s%n", "after", "heap used", "RSS");
        report(pid, 0);
        long started = System.nanoTime();
        for (int i = 1; i <= requests; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + "api/eval")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[i % bodies.length])).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("eval answered " + r.statusCode() + ": " + r.body());
            if (i % 100 == 0) report(pid, i);
        }
        System.out.printf("  %d requests in %.1f s%n", requests, (System.nanoTime() - started) / 1e9);
    }

    static void report(String pid, int after) throws Exception {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        long usedK = m.find() ? Long.parseLong(m.group(1)) : -1;
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) if (line.startsWith("VmRSS:")) rss = line.substring(6).strip();
        System.out.printf("  %6d %9.1f MB %12s%n", after, usedK / 1024.0, rss);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
