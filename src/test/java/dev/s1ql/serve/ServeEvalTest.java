// /api/eval beyond the spec files: PowerQuery rows as the CLI prints them, samples, CSV, malformed events, and
// the bounds of one request (events read, results returned).
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeEvalTest {

    static final String DNS = "examples/dns_events.ndjson";
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
    void pipelineRowsEqualTheCli() throws Exception {
        String q = "event.type = 'DNS Resolved' | group n = count() by src.process.name | sort -n";
        JsonNode api = client.call("/api/eval", Map.of("query", q, "sample", "dns_events.ndjson", "source", "-q"));
        List<JsonNode> printed = ServeCliEqualityTest.cli("eval", "--format", "json", "--threads", "1", "--events", DNS, "-q", q);
        assertFalse(printed.isEmpty());
        List<JsonNode> rows = new ArrayList<>();
        api.get("rows").forEach(rows::add);
        assertEquals(printed, rows);
        assertTrue(rows.get(0).get("row").has("n"), rows.toString());
    }

    @Test
    void aSampleIsReadByNameAndItsMatchesNameIt() throws Exception {
        JsonNode api = client.call("/api/eval", Map.of("query", "DnsRequest ContainsCIS \"ipify\"", "sample",
                "dns_events.ndjson", "explain", true));
        assertTrue(api.get("matches").size() >= 2, api.toString());
        JsonNode first = api.get("matches").get(0);
        assertEquals("dns_events.ndjson", first.get("eventsFile").asText());
        assertEquals("query", first.get("source").asText());
        assertTrue(first.get("explain").get(0).get("held").asBoolean());
        assertEquals("ps-ipify", first.get("event").get("id").asText());
    }

    @Test
    void csvEventsAreRead() throws Exception {
        String csv = "id,tgtProcName\na,cmd.exe\nb,notepad.exe\n";
        JsonNode api = client.call("/api/eval", Map.of("query", "TgtProcName = \"cmd.exe\"", "events", csv));
        assertEquals(2, api.get("events").asInt());
        assertEquals(1, api.get("matches").size());
        assertEquals(2, api.get("matches").get(0).get("line").asInt());
    }

    @Test
    void malformedEventsAreCountedListedAndSkipped() throws Exception {
        String events = "{\"id\": \"a\", \"tgtProcName\": \"x\"}\n{not json\n{\"id\": \"b\", \"tgtProcName\": \"x\"}\n";
        JsonNode api = client.call("/api/eval", Map.of("query", "TgtProcName = \"x\"", "events", events));
        assertEquals(2, api.get("matches").size());
        assertEquals(1, api.get("malformed").asInt());
        assertEquals(2, api.get("malformedEvents").get(0).get("line").asInt());
    }

    @Test
    void aQueryThatDoesNotParseGivesItsDiagnosticsAndNoMatches() throws Exception {
        JsonNode api = client.call("/api/eval", Map.of("query", "TgtProcName Containz \"x\"", "events", "{}\n"));
        assertEquals(0, api.get("matches").size());
        assertEquals("S1007", api.get("diagnostics").get(0).get("code").asText());
    }

    @Test
    void oneRequestReadsAtMostItsEventsAndReturnsAtMostItsResults() throws Exception {
        ServeLimits small = new ServeLimits(1 << 20, 1 << 20, 2, 1, 50, Duration.ofSeconds(10), 7);
        try (ServeClient c = new ServeClient(small)) {
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < 200; i++) events.append("{\"id\": \"e").append(i).append("\", \"tgtProcName\": \"x\"}\n");
            JsonNode api = c.call("/api/eval", Map.of("query", "TgtProcName = \"x\"", "events", events.toString()));
            assertEquals(50, api.get("events").asInt());
            assertEquals(7, api.get("matches").size());
            assertEquals(43, api.get("truncated").asInt());
            assertTrue(api.get("stopped").asText().contains("first 50 events"), api.toString());
        }
    }

    @Test
    void aRequestStopsAtItsTimeLimit() throws Exception {
        ServeLimits quick = new ServeLimits(1 << 20, 64 << 20, 2, 1, 10_000_000, Duration.ofMillis(1), 10);
        try (ServeClient c = new ServeClient(quick)) {
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < 50_000; i++) events.append("{\"tgtProcName\": \"x").append(i).append("\"}\n");
            JsonNode api = c.call("/api/eval", Map.of("query", "TgtProcName RegExp \"(a|aa)*b\"", "events", events.toString()));
            assertTrue(api.get("events").asInt() < 50_000, api.get("events").toString());
            assertTrue(api.get("stopped").asText().startsWith("stopped after"), api.toString());
        }
    }
}
