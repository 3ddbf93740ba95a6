// A playground server on a free port for a test class, and the requests tests send to it (JDK HttpClient; raw
// sockets where a test needs a header the client will not send).
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

final class ServeClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final PlaygroundServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServeClient(ServeLimits limits) throws IOException {
        this.server = PlaygroundServer.start("127.0.0.1", 0, limits);
    }

    ServeClient() throws IOException {
        this(ServeLimits.defaults());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json");
    }

    Answer post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers());
    }

    /** POSTs a JSON object and expects 200; returns the answer's JSON. */
    JsonNode call(String path, Object body) throws IOException, InterruptedException {
        Answer a = post(path, JSON.writeValueAsString(body));
        if (a.status() != 200) throw new AssertionError(path + " answered " + a.status() + ": " + a.body());
        return a.json();
    }

    /** Sends raw request bytes and returns the status line. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') got.write(b);
            return got.toString(StandardCharsets.ISO_8859_1).trim();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
