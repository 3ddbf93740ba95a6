// The API's contract apart from the answers themselves: targets from the registry, health, samples by name,
// and every refusal (413, 400, 405, 415, 404, 403) with a message; security headers on every response.
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeApiTest {

    static ServeClient client;

    @BeforeAll
    static void start() throws Exception {
        client = new ServeClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void targetsAreTheRegistrysTargetsWithTheirProfilesAndOptions() throws Exception {
        ServeClient.Answer a = client.get("/api/targets");
        assertEquals(200, a.status());
        JsonNode targets = a.json().get("targets");
        List<String> names = new ArrayList<>();
        for (JsonNode t : targets) {
            names.add(t.get("target").asText());
            Translator tr = Translators.forTarget(t.get("target").asText());
            List<String> profiles = new ArrayList<>();
            t.get("profiles").forEach(p -> profiles.add(p.asText()));
            assertEquals(tr.profiles(), profiles);
            assertEquals(tr.profiles().get(0), t.get("defaultProfile").asText());
            List<String> options = new ArrayList<>();
            t.get("options").forEach(o -> options.add(o.asText()));
            assertEquals("strict", options.get(0));
            assertEquals(tr.settings(), new java.util.HashSet<>(options.subList(1, options.size())));
        }
        assertEquals(new ArrayList<>(Translators.targets()), names);
        assertTrue(a.json().get("approximations").toString().contains("S3004"));
    }

    @Test
    void healthSaysOk() throws Exception {
        ServeClient.Answer a = client.get("/api/health");
        assertEquals(200, a.status());
        assertEquals("ok", a.json().get("status").asText());
    }

    @Test
    void everyResponseCarriesTheStrictPolicy() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/health", "/nowhere")) {
            ServeClient.Answer a = client.get(path);
            String csp = a.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe"), csp);
            assertEquals("nosniff", a.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void thePageGetsAFreshStyleNonceAndNoInlineScript() throws Exception {
        ServeClient.Answer a = client.get("/");
        ServeClient.Answer b = client.get("/");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'")
                .matcher(a.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(m.find(), a.headers().toString());
        assertTrue(a.body().contains("<meta name=\"s1ql-style-nonce\" content=\"" + m.group(1) + "\">"), a.body());
        assertFalse(b.body().contains(m.group(1)), "a new nonce per response");
        assertTrue(a.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self';"));
        assertFalse(a.body().matches("(?s).*<script>.*|.*<script(?![^>]*\\ssrc=)[^>]*>.*|.*\\son\\w+=.*|.*style=.*"), a.body());
    }

    @Test
    void malformedJsonIs400WithAMessage() throws Exception {
        ServeClient.Answer a = client.post("/api/validate", "{\"query\": ");
        assertEquals(400, a.status());
        assertTrue(a.json().get("error").asText().startsWith("the body is not valid JSON"), a.body());
        assertEquals(400, client.post("/api/validate", "[1, 2]").status());
        assertEquals(400, client.post("/api/validate", "{}").status());
        ServeClient.Answer unknown = client.post("/api/validate", "{\"query\": \"a = 1\", \"qeury\": 1}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().get("error").asText().contains("unknown field 'qeury'"), unknown.body());
        assertEquals(400, client.post("/api/validate", "{\"query\": 5}").status());
    }

    @Test
    void translateRefusesUnknownTargetsProfilesAndOptions() throws Exception {
        assertEquals(400, client.post("/api/translate", "{\"query\": \"a = 1\", \"to\": \"cobol\"}").status());
        assertEquals(400, client.post("/api/translate", "{\"query\": \"a = 1\", \"to\": \"kql\", \"profile\": \"x\"}").status());
        ServeClient.Answer opt = client.post("/api/translate",
                "{\"query\": \"a = 1\", \"to\": \"kql\", \"options\": {\"table\": \"t\"}}");
        assertEquals(400, opt.status());
        assertTrue(opt.json().get("error").asText().contains("does not apply to kql"), opt.body());
        JsonNode sql = client.call("/api/translate", Map.of("query", "TgtProcName = \"a\"", "to", "sql",
                "options", Map.of("table", "ev")));
        assertTrue(sql.get("output").asText().contains("ev"), sql.toString());
    }

    @Test
    void bodiesOverTheCapAre413() throws Exception {
        String big = "{\"query\": \"" + "a".repeat(ServeLimits.defaults().maxBody()) + "\"}";
        ServeClient.Answer a = client.post("/api/validate", big);
        assertEquals(413, a.status());
        assertTrue(a.json().get("error").asText().contains("larger than"), a.body());
        // without a Content-Length (chunked), the cap holds as the body is read
        String status = client.raw("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks(ServeLimits.defaults().maxBody() + 10) + "0\r\n\r\n");
        assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
    }

    private static String chunks(int bytes) {
        StringBuilder sb = new StringBuilder();
        String piece = "a".repeat(8192);
        for (int sent = 0; sent < bytes; sent += piece.length()) {
            sb.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void wrongMethodsTypesAndPathsAreRefused() throws Exception {
        assertEquals(405, client.get("/api/validate").status());
        assertEquals(405, client.post("/api/health", "{}").status());
        assertEquals(415, client.post("/api/validate", "{\"query\": \"a = 1\"}", "text/plain").status());
        assertEquals(404, client.get("/api/nothing").status());
        assertEquals(404, client.get("/../pom.xml").status());
        assertEquals(404, client.get("/dev/s1ql/serve/web/app.js").status());
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        assertEquals("HTTP/1.1 403 Forbidden", client.raw("GET /api/health HTTP/1.1\r\nHost: attacker.example:" + client.server.port()
                + "\r\nConnection: close\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", client.raw("GET /api/health HTTP/1.1\r\nHost: localhost:" + client.server.port()
                + "\r\nConnection: close\r\n\r\n"));
        assertTrue(PlaygroundServer.localHost("[::1]:8765"));
        assertTrue(PlaygroundServer.localHost("127.0.0.1"));
        assertFalse(PlaygroundServer.localHost("127.0.0.1.evil.example"));
        assertFalse(PlaygroundServer.localHost("localhost.evil.example:80"));
        assertFalse(PlaygroundServer.localHost(null));
    }

    @Test
    void samplesAreNamesNeverPaths() throws Exception {
        JsonNode samples = client.get("/api/samples").json();
        assertEquals("dns_events.ndjson", samples.get("events").get(0).get("name").asText());
        boolean seed = false;
        for (JsonNode q : samples.get("queries")) seed |= q.get("name").asText().equals("dns_query_win_susp_external_ip_lookup.md");
        assertTrue(seed, samples.toString());
        for (String name : List.of("../pom.xml", "/etc/passwd", "dns_query_win_susp_external_ip_lookup.md",
                "queries/encoded-powershell.s1ql")) {
            ServeClient.Answer a = client.post("/api/eval", ServeClient.JSON.writeValueAsString(
                    Map.of("query", "EventType = \"DNS\"", "sample", name)));
            assertEquals(400, a.status(), name);
            assertTrue(a.json().get("error").asText().startsWith("unknown sample"), a.body());
        }
    }

    @Test
    void fmtGivesTheCanonicalTextOrTheErrors() throws Exception {
        JsonNode ok = client.call("/api/fmt", Map.of("query", "tgtprocname   containscis \"x\""));
        assertEquals("TgtProcName ContainsCIS \"x\"", ok.get("output").asText());
        JsonNode bad = client.call("/api/fmt", Map.of("query", "TgtProcName Containz \"x\""));
        assertTrue(bad.get("output").isNull());
        assertEquals("S1007", bad.get("diagnostics").get(0).get("code").asText());
    }
}
