// `s1ql serve`: the playground page and the JSON API on the JDK's own HTTP server (com.sun.net.httpserver).
// No framework: seven fixed routes, and the bounds a framework would set are set here — a fixed pool of worker
// threads, capped bodies, at most two evals at once, each bounded in events and time (ServeLimits).
package dev.s1ql.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

public final class PlaygroundServer {

    private final HttpServer server;
    private final ExecutorService workers;
    private final ServeLimits limits;
    private final Api api;
    private final StaticFiles page = new StaticFiles();
    private final Semaphore evals;
    private final boolean loopback;

    private PlaygroundServer(HttpServer server, ExecutorService workers, ServeLimits limits, boolean loopback) {
        this.server = server;
        this.workers = workers;
        this.limits = limits;
        this.api = new Api(limits);
        this.evals = new Semaphore(limits.concurrentEval(), true);
        this.loopback = loopback;
    }

    /** Binds and starts; port 0 picks a free port ({@link #port()} tells which). */
    public static PlaygroundServer start(String host, int port, ServeLimits limits) throws IOException {
        // The JDK server reads these once, when its first server is made. Without nodelay, a small answer waits
        // for the client's delayed ACK (Nagle), ~40 ms a request; the times drop clients too slow to send or read.
        defaultProperty("sun.net.httpserver.nodelay", "true");
        defaultProperty("sun.net.httpserver.maxReqTime", "60");
        defaultProperty("sun.net.httpserver.maxRspTime", "120");
        InetAddress address = InetAddress.getByName(host);
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "s1ql-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService workers = Executors.newFixedThreadPool(limits.threads(), named);
        PlaygroundServer s = new PlaygroundServer(server, workers, limits, address.isLoopbackAddress());
        server.createContext("/", s::handle);
        server.setExecutor(workers);
        server.start();
        return s;
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) System.setProperty(name, value);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops taking requests, lets running ones finish for up to {@code graceSeconds}, then ends the workers. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(graceSeconds, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (ApiException e) {
            Http.error(ex, api.json(), e.status(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            Http.error(ex, api.json(), 500, "internal error: " + e);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        if (loopback && !localHost(ex.getRequestHeaders().getFirst("Host"))) {
            // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) names that site here.
            throw new ApiException(403, "this server answers only to localhost, 127.0.0.1 and [::1]");
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (path) {
            case "/api/health" -> get(ex, method, api.health());
            case "/api/targets" -> get(ex, method, api.targets());
            case "/api/samples" -> get(ex, method, api.samples());
            case "/api/validate" -> post(ex, method, limits.maxBody(), Api.VALIDATE_FIELDS, api::validate);
            case "/api/translate" -> post(ex, method, limits.maxBody(), Api.TRANSLATE_FIELDS, api::translate);
            case "/api/fmt" -> post(ex, method, limits.maxBody(), Api.FMT_FIELDS, api::fmt);
            case "/api/eval" -> post(ex, method, limits.maxEvalBody(), Api.EVAL_FIELDS, this::eval);
            default -> {
                if (!method.equals("GET") && !method.equals("HEAD")) throw notAllowed(ex, "GET, HEAD");
                if (!page.serve(ex, path)) throw new ApiException(404, "no such page or endpoint: " + path);
            }
        }
    }

    private com.fasterxml.jackson.databind.node.ObjectNode eval(ApiRequest r) {
        boolean got;
        try {
            got = evals.tryAcquire(limits.evalTime().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is stopping");
        }
        if (!got) throw new ApiException(503, "too many evals at once; try again");
        try {
            return api.eval(r);
        } finally {
            evals.release();
        }
    }

    private void get(HttpExchange ex, String method, com.fasterxml.jackson.databind.node.ObjectNode answer)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) throw notAllowed(ex, "GET, HEAD");
        Http.json(ex, api.json(), 200, answer);
    }

    private void post(HttpExchange ex, String method, int maxBody, java.util.Set<String> fields,
                      Function<ApiRequest, com.fasterxml.jackson.databind.node.ObjectNode> endpoint) throws IOException {
        if (!method.equals("POST")) throw notAllowed(ex, "POST");
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            // A form on another site cannot send this type without the browser asking first (and we never say yes).
            throw new ApiException(415, "send the body as Content-Type: application/json");
        }
        byte[] body = Http.body(ex, maxBody);
        Http.json(ex, api.json(), 200, endpoint.apply(ApiRequest.parse(api.json(), body, fields)));
    }

    private static ApiException notAllowed(HttpExchange ex, String allow) {
        ex.getResponseHeaders().set("Allow", allow);
        return new ApiException(405, "method " + ex.getRequestMethod() + " is not allowed here (" + allow + ")");
    }

    /** Host header names this machine: localhost, 127.x or [::1], with any port. */
    static boolean localHost(String host) {
        if (host == null) return false;
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1") && (end == h.length() - 1 || h.charAt(end + 1) == ':');
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
