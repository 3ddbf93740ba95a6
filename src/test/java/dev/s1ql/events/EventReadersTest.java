// Event readers: line splitting, format recognition, display-name headers, field extraction.
package dev.s1ql.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventReadersTest {

    private static List<String> lines(String text) throws Exception {
        List<String> out = new ArrayList<>();
        new NdjsonReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", new EventSink() {
            @Override
            public boolean accept(RawEvent e) {
                out.add(e.line() + ":" + e.jsonText());
                return true;
            }

            @Override
            public boolean malformed(String file, long line, String message) {
                out.add(line + ":BAD " + message);
                return true;
            }
        });
        return out;
    }

    @Test
    void ndjsonSkipsBlankLinesDropsCrAndBomAndKeepsLineNumbers() throws Exception {
        assertEquals(List.of("1:{\"a\":1}", "3:{\"b\":2}", "4:{\"c\":3}"),
                lines("\uFEFF{\"a\":1}\r\n\r\n{\"b\":2}\n{\"c\":3}"));
    }

    @Test
    void newlineSearchAgreesWithAByteLoop() {
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[rnd.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (rnd.nextInt(8) == 0 ? '\n' : rnd.nextInt(256));
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
            int expected = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, LineSplitter.indexOfNewline(b, from, b.length));
        }
    }

    @Test
    void longLinesAcrossBufferBoundariesAreKeptWhole() throws Exception {
        String big = "{\"v\":\"" + "x".repeat(200_000) + "\"}";
        List<String> got = lines(big + "\n{\"w\":1}\n");
        assertEquals(2, got.size());
        assertEquals("1:" + big, got.get(0));
    }

    @Test
    void formatIsRecognisedFromTheFirstBytes() throws Exception {
        assertEquals(EventFormat.JSON, sniff("  [ {\"a\":1} ]"));
        assertEquals(EventFormat.NDJSON, sniff("{\"a\":\"}\\\"{\"}\n{\"a\":2}"));
        assertEquals(EventFormat.JSON, sniff("{\n  \"a\": 1\n}"));
        assertEquals(EventFormat.CSV, sniff("Endpoint Name,Src Proc Name\nh,cmd.exe\n"));
        assertEquals(EventFormat.CSV, EventFormat.fromName("export.CSV.gz"));
    }

    private static EventFormat sniff(String s) throws Exception {
        return EventFormat.sniff(new BufferedInputStream(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void displayNamesMapToFieldIds() {
        DisplayNames names = DisplayNames.defaults();
        assertEquals("endpointName", names.fieldFor("Endpoint Name"));
        assertEquals("endpointOs", names.fieldFor("Endpoint OS"));
        assertEquals("SrcProcName", names.fieldFor("Src Proc Name"));
        assertEquals("srcProcName", names.fieldFor("srcProcName"));
        assertEquals("NoSuchThing", names.fieldFor("No Such Thing"));
    }

    @Test
    void extractorKeepsOnlySelectedFieldsNestedOrFlatAndTreatsNullAsMissing() throws Exception {
        FieldSelection sel = new FieldSelection();
        int name = sel.slot("SrcProcName", List.of("SrcProcName", "src.process.name"));
        int pid = sel.slot("SrcProcPID", List.of("SrcProcPID"));
        int os = sel.slot("EndpointOS", List.of("EndpointOS"));
        FieldExtractor x = new FieldExtractor(sel);
        EventValues v = new EventValues(sel.size());
        v.next();
        byte[] e = "{\"src\":{\"process\":{\"name\":\"a.exe\",\"x\":[1,{\"y\":2}]}},\"srcprocpid\":42,\"endpointOs\":null,\"z\":{\"q\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        x.extract(e, 0, e.length, v);
        assertEquals("a.exe", v.get(name));
        assertEquals("42", v.get(pid));
        assertNull(v.get(os));
        v.next();
        assertNull(v.get(name), "values do not leak into the next event");
        byte[] bad = "{\"a\":1".getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedEventException.class, () -> x.extract(bad, 0, bad.length, v));
        byte[] notObject = "[1]".getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedEventException.class, () -> x.extract(notObject, 0, notObject.length, v));
    }

    @Test
    void keyPredictionFollowsKeyOrdersThatChangeFromEventToEvent() throws Exception {
        // The extractor predicts each key from the one before it; runs of one order, changed orders, missing,
        // extra and differently cased keys must all read like a plain tree read of the same event.
        FieldSelection sel = new FieldSelection();
        String[] fields = {"alpha", "beta", "gammaKey"};
        int[] slots = new int[fields.length];
        for (int i = 0; i < fields.length; i++) slots[i] = sel.slot(fields[i], List.of(fields[i]));
        String[] keys = {"alpha", "ALPHA", "beta", "gammaKey", "gammakey", "u1", "unselected", "alphabet"};
        FieldExtractor x = new FieldExtractor(sel);
        EventValues v = new EventValues(sel.size());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Random rnd = new Random(5);
        List<String> order = new ArrayList<>();
        for (int event = 0; event < 4000; event++) {
            if (order.isEmpty() || rnd.nextInt(6) == 0) {
                order = new ArrayList<>();
                for (String k : keys) if (rnd.nextInt(3) > 0 && order.stream().noneMatch(k::equalsIgnoreCase)) order.add(k);
                java.util.Collections.shuffle(order, rnd);
            }
            StringBuilder line = new StringBuilder("{");
            for (String k : order) {
                if (line.length() > 1) line.append(rnd.nextInt(4) == 0 ? " , " : ",");
                line.append('"').append(k).append("\":");
                switch (rnd.nextInt(5)) {
                    case 0 -> line.append(rnd.nextInt(1000));
                    case 1 -> line.append("null");
                    case 2 -> line.append("{\"n\":[1,\"x\"]}");
                    default -> line.append("\"v").append(event).append("\"");
                }
            }
            line.append('}');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            v.next();
            x.extract(bytes, 0, bytes.length, v);
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(bytes);
            for (int i = 0; i < fields.length; i++) {
                String expected = null;
                for (var it = tree.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getKey().equalsIgnoreCase(fields[i]) || e.getValue().isNull()) continue;
                    expected = e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText();
                }
                assertEquals(expected, v.get(slots[i]), "field " + fields[i] + " of " + line);
            }
        }
    }

    @Test
    void sharedParserOverLinesGivesWhatReadingEachLineAloneGives() throws Exception {
        FieldSelection sel = new FieldSelection();
        int a = sel.slot("a", List.of("a"));
        int b = sel.slot("b", List.of("b", "x.b"));
        String[] kinds = {
            "{\"a\":\"%d\",\"b\":{\"q\":[1,2]},\"z\":\"\\u00e9\"}",
            "{\"x\":{\"b\":\"%d\"},\"a\":null}   ",
            "{\"a\":\"%d\"",                         // not closed: the next line must not complete it
            ",\"b\":\"%d\"}",
            "{\"a\":\"%d\"} {\"b\":1}",              // two objects on one line
            "[%d]",
            "",
            "   \t",
            "{\"a\":\"%d\"}\r",
            "{\"a\":%d,\"b\":true}",
            "{\"a\":\"%d\",}",
            "\"%d\"",
            "{\"a\":\"%d\"}}",
        };
        String text = trickyLines(kinds, 11, 6000, 50, 3000, false);
        FieldExtractor shared = new FieldExtractor(sel);
        FieldExtractor alone = new FieldExtractor(sel);
        EventValues v1 = new EventValues(sel.size());
        EventValues v2 = new EventValues(sel.size());
        List<String> got = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        new NdjsonReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t",
                new EventSink() {
                    @Override
                    public boolean accept(RawEvent e) {
                        v1.next();
                        v2.next();
                        got.add(e.line() + ":" + outcome(() -> shared.extract(e, v1), v1, a, b));
                        RawEvent copy = RawEvent.of("t", e.line(), e.copyJson());
                        expected.add(e.line() + ":" + outcome(() -> alone.extract(copy, v2), v2, a, b));
                        return true;
                    }

                    @Override
                    public boolean malformed(String file, long line, String message) {
                        return true;
                    }
                });
        assertEquals(expected, got);
        long good = got.stream().filter(s -> s.contains("=")).count();
        assertEquals(true, shared.chunk.shared > good / 2, "the shared parser read " + shared.chunk.shared + " of " + good);
        assertEquals(true, got.stream().anyMatch(s -> s.contains("bad")) && got.stream().anyMatch(s -> s.contains("=")));
    }

    @Test
    void deferredLineEndsGiveWhatWholeLinesGive() throws Exception {
        // A sink that reads each event before looking at its bytes gets lines whose end the parser finds; it
        // must see the same events, bytes, line numbers, values and errors as a sink given whole lines, across
        // buffer refills, objects spread over lines, two objects on a line, and text after an object.
        FieldSelection sel = new FieldSelection();
        int a = sel.slot("a", List.of("a"));
        int b = sel.slot("b", List.of("b", "x.b"));
        String[] kinds = {
            "{\"a\":\"%d\",\"b\":{\"q\":[1,2]},\"z\":\"\\u00e9\"}",
            "{\"x\":{\"b\":\"%d\"},\"a\":null}   ",
            "{\"a\":\"%d\"",
            ",\"b\":\"%d\"}",
            "{\"a\":\"%d\"} {\"b\":1}",
            "{\"a\":\"%d\"}\r",
            "{\"a\":%d,\"b\":true}  \t ",
            "{\"a\":\"%d\",}",
            "{\"a\":\"%d\"}}",
            "{\n\"a\":\"%d\"}",
            "{ \"a\" :\n \"%d\" }",
            "{\"a\":\"%d\"} x",
            "  {\"a\":\"%d\"}",
            "",
            "[%d]",
        };
        String text = trickyLines(kinds, 23, 8000, 40, 5000, true) + "{\"a\":\"last, without a newline\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> whole = readAll(bytes, sel, a, b, false);
        List<String> deferred = readAll(bytes, sel, a, b, true);
        assertEquals(whole.size(), deferred.size());
        for (int i = 0; i < whole.size(); i++) assertEquals(whole.get(i), deferred.get(i), "entry " + i);
        assertEquals(true, deferred.stream().anyMatch(s -> s.contains("bad")) && deferred.stream().anyMatch(s -> s.contains("a=")));
    }

    /** Each event as "line: json | values" (the values read before the bytes when deferring), or its error. */
    private static List<String> readAll(byte[] bytes, FieldSelection sel, int a, int b, boolean defer) throws Exception {
        FieldExtractor x = new FieldExtractor(sel);
        EventValues v = new EventValues(sel.size());
        List<String> out = new ArrayList<>();
        new NdjsonReader().read(new ByteArrayInputStream(bytes), "t", new EventSink() {
            @Override
            public boolean accept(RawEvent e) {
                v.next();
                String values = outcome(() -> x.extract(e, v), v, a, b);
                String json = e.jsonText();
                out.add(e.line() + ": " + (json.length() > 200 ? json.length() + " bytes" : json) + " | " + values);
                return true;
            }

            @Override
            public boolean malformed(String file, long line, String message) {
                out.add(line + ": malformed " + message);
                return true;
            }

            @Override
            public boolean defersLineEnds() {
                return defer;
            }
        });
        return out;
    }

    /**
     * {@code count} lines, each a random one of {@code kinds} formatted with its index; one in {@code spacesOdds}
     * followed by up to {@code maxSpaces} spaces (to cross the reader's buffer ends). With {@code huge}, one in
     * 300 also gets an object longer than the buffer, and one in 20 ends in CR LF.
     */
    private static String trickyLines(String[] kinds, long seed, int count, int spacesOdds, int maxSpaces, boolean huge) {
        Random rnd = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(String.format(kinds[rnd.nextInt(kinds.length)], i));
            if (rnd.nextInt(spacesOdds) == 0) text.append(" ".repeat(rnd.nextInt(maxSpaces)));
            if (!huge) {
                text.append('\n');
                continue;
            }
            if (rnd.nextInt(300) == 0) text.append("{\"a\":\"").append("y".repeat(70_000 + rnd.nextInt(70_000))).append("\"}");
            text.append(rnd.nextInt(20) == 0 ? "\r\n" : "\n");
        }
        return text.toString();
    }

    private interface Extraction {
        void run() throws MalformedEventException;
    }

    private static String outcome(Extraction x, EventValues v, int a, int b) {
        try {
            x.run();
            return "a=" + v.get(a) + " b=" + v.get(b);
        } catch (MalformedEventException e) {
            return "bad " + e.getMessage();
        }
    }
}
