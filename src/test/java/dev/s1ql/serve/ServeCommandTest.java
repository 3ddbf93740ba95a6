// `s1ql serve` started as a command: it says where it listens, answers, warns about a non-local address, and
// stops cleanly on SIGTERM (what Ctrl-C sends through the JVM's shutdown hook).
package dev.s1ql.serve;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {

    @Test
    void startsOnLoopbackAnswersAndStopsOnSigterm() throws Exception {
        try (ServeProcess s = ServeProcess.start()) {
            assertTrue(s.url.startsWith("http://127.0.0.1:"), s.url);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url + "api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"ok\""), r.body());
            int code = s.stop();
            assertEquals(143, code, "SIGTERM after the shutdown hook ran");
            assertFalse(s.errors().contains("warning"), s.errors());
            assertFalse(s.errors().contains("Exception"), s.errors());
        }
    }

    @Test
    void aNonLocalAddressIsWarnedAbout() throws Exception {
        try (ServeProcess s = ServeProcess.start("--host", "0.0.0.0")) {
            s.stop();
            assertTrue(s.errors().contains("warning: listening on 0.0.0.0"), s.errors());
        }
    }

    @Test
    void aBadPortIsAUsageError() {
        assertEquals(2, dev.s1ql.cli.Main.commandLine().setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("serve", "--port", "70000"));
    }
}
