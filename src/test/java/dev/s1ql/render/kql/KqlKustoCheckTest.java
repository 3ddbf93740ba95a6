// Every KQL s1ql emits — the seed rule, the golden files, the pipeline spec queries, the whole corpus for both
// profiles, and a sample of fuzzed literals — checked by Microsoft's Kusto.Language (tools/kql-check, one Node process for the batch):
// no syntax error and no unknown table or column. Also measures how much of the corpus translates, and
// compares with what pySigma's KQL backend renders. Skips with a message when Node, the npm package or
// ../shared is missing.
package dev.s1ql.render.kql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.SharedData;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.translate.Translation;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlKustoCheckTest {

    static final Path TOOL = Path.of("tools/kql-check");
    static final List<String> PROFILES = List.of("mde", "sentinel-asim");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The corpus key of pySigma's rendering for the same target. */
    static final Map<String, String> PYSIGMA_KEY = Map.of("mde", "kql_m365d", "sentinel-asim", "kql_sentinel_asim");

    record Item(String id, String schema, String kql) {
    }

    @Test
    void everyEmittedQueryPassesKustoLanguage() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TOOL.resolve("node_modules/@kusto/language-service-next")),
                "skipped: run 'npm ci --prefix tools/kql-check' to install Microsoft's Kusto.Language");
        Assumptions.assumeTrue(nodeWorks(), "skipped: 'node' is not on the PATH");
        Path defender = SharedData.require("tools/kql-check/schemas/defender.json");
        Path sentinel = SharedData.require("tools/kql-check/schemas/sentinel.json");
        Path corpus = SharedData.require("corpus/sigma_s1.jsonl");
        Path seed = SharedData.require("seeds/dns_query_win_susp_external_ip_lookup.md");

        List<Item> batch = new ArrayList<>();
        for (String profile : PROFILES) {
            Translation t = translate(seedQuery(seed), profile);
            assertTrue(t.ok(), () -> "seed rule does not translate for " + profile + ": " + t.diagnostics());
            batch.add(new Item("seed/" + profile, profile, t.output()));
        }
        for (KqlGoldenCase c : KqlGoldenTest.cases()) {
            for (String profile : PROFILES) {
                String expected = c.expected(profile);
                if (expected != null && !expected.startsWith("!error")) {
                    batch.add(new Item("golden/" + c.file().getFileName() + "/" + profile, profile, expected));
                }
            }
        }
        // the pipeline spec queries (PowerQuery stages), with the events' "id" read from a column every table has
        for (Path spec : pipelineSpecs()) {
            String query = dev.s1ql.eval.EvalSpecFile.read(spec).query();
            for (String profile : PROFILES) {
                Translation t = translatePipeline(query, profile);
                if (t.ok()) batch.add(new Item("spec/" + spec.getFileName() + "/" + profile, profile, t.output()));
            }
        }
        System.out.printf("pipeline spec queries sent to Kusto.Language: %d%n",
                batch.stream().filter(i -> i.id().startsWith("spec/")).count());
        Random random = new Random(7);
        for (String v : KqlLiteralTest.fuzzValues(random, 300)) {
            batch.add(new Item("literal/" + batch.size(), "mde",
                    "DeviceProcessEvents | where FileName == " + KqlLiteral.string(v) + " | take 1"));
        }
        Map<String, int[]> counts = new LinkedHashMap<>();   // profile -> {inputs, translated}
        // profile -> {both render, only pySigma renders, only s1ql renders}
        Map<String, int[]> versusPySigma = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            JsonNode rec = JSON.readTree(line);
            for (String profile : PROFILES) {
                int[] n = counts.computeIfAbsent(profile, k -> new int[2]);
                n[0]++;
                Translation t = translate(rec.get("s1ql").asText(), profile);
                if (t != null && t.ok()) {
                    n[1]++;
                    batch.add(new Item("corpus/" + rec.get("id").asText() + "/" + profile, profile, t.output()));
                }
                JsonNode py = rec.path(PYSIGMA_KEY.get(profile));
                boolean theirs = !py.isNull() && !py.isMissingNode();
                boolean ours = t != null && t.ok();
                int[] v = versusPySigma.computeIfAbsent(profile, k -> new int[3]);
                if (theirs && ours) v[0]++;
                if (theirs && !ours) v[1]++;
                if (ours && !theirs) v[2]++;
            }
        }

        Map<String, JsonNode> results = runChecker(batch, defender, sentinel);
        List<String> failures = new ArrayList<>();
        Map<String, int[]> passed = new LinkedHashMap<>();
        for (Item item : batch) {
            JsonNode r = results.get(item.id());
            boolean ok = r != null && r.get("ok").asBoolean();
            if (item.id().startsWith("corpus/")) passed.computeIfAbsent(item.schema(), k -> new int[2])[ok ? 0 : 1]++;
            if (!ok) failures.add(item.id() + ": " + (r == null ? "no result" : r.get("errors")) + "\n" + item.kql());
        }
        for (String profile : PROFILES) {
            int[] n = counts.get(profile);
            int[] p = passed.getOrDefault(profile, new int[2]);
            System.out.printf("kql %s: %d of %d corpus queries translated without error (%.2f%%); Kusto.Language "
                    + "accepted %d of %d emitted%n", profile, n[1], n[0], 100.0 * n[1] / n[0], p[0], p[0] + p[1]);
        }
        for (String profile : PROFILES) {
            int[] v = versusPySigma.get(profile);
            System.out.printf("kql %s vs pySigma %s: both %d, pySigma only %d, s1ql only %d%n", profile,
                    PYSIGMA_KEY.get(profile), v[0], v[1], v[2]);
        }
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                failures.size() + " emitted queries fail Kusto.Language");
        int[] mde = counts.get("mde");
        assertTrue(mde[1] * 100 >= mde[0] * 97, "fewer than 97% of the corpus translates to mde: " + mde[1]);
    }

    /** The spec files of PowerQuery pipelines. */
    static List<Path> pipelineSpecs() throws IOException {
        try (var s = Files.list(Path.of("src/test/resources/spec/pipeline"))) {
            return s.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
    }

    /** A pipeline spec query, its "id" mapped to a column of every table of the schema (ReportId, Type). */
    static Translation translatePipeline(String query, String profile) throws IOException {
        Path mapping = Files.createTempFile("s1ql-kql-id", ".tsv");
        try {
            String column = profile.equals("mde") ? "tostring(ReportId)" : "Type";
            Files.writeString(mapping, "field\tkinds\tcolumn\ttype\nid\t*\t" + column + "\tstring\n");
            ParseResult r = new dev.s1ql.parse.QueryReader().read(query, dev.s1ql.parse.DialectChoice.AUTO);
            return Translators.forTarget("kql").translate(r.query(), new TranslationOptions(profile, mapping, false));
        } finally {
            Files.deleteIfExists(mapping);
        }
    }

    static Translation translate(String query, String profile) {
        ParseResult r = new S1qlParser().parse(query);
        if (r.query() == null || !r.ok()) return null;
        return Translators.forTarget("kql").translate(r.query(), new TranslationOptions(profile, null, false));
    }

    /** The fenced block under "## SentinelOne Query" of a rule document. */
    static String seedQuery(Path md) throws IOException {
        String text = Files.readString(md);
        int h = text.indexOf("## SentinelOne Query");
        int open = text.indexOf("```", h);
        int start = text.indexOf('\n', open) + 1;
        return text.substring(start, text.indexOf("```", start)).strip();
    }

    static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Map<String, JsonNode> runChecker(List<Item> batch, Path defender, Path sentinel) throws Exception {
        Path in = Files.createTempFile("s1ql-kql-check", ".jsonl");
        Path out = Files.createTempFile("s1ql-kql-check", ".out");
        try {
            StringBuilder sb = new StringBuilder();
            for (Item item : batch) {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", item.id());
                n.put("schema", item.schema());
                n.put("kql", item.kql());
                sb.append(JSON.writeValueAsString(n)).append('\n');
            }
            Files.writeString(in, sb.toString());
            Process p = new ProcessBuilder("node", TOOL.resolve("check.js").toString(),
                    "--schema", "mde=" + defender.toAbsolutePath(), "--schema", "sentinel-asim=" + sentinel.toAbsolutePath())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "kql-check timed out");
            Map<String, JsonNode> results = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out)) {
                if (line.isBlank()) continue;
                JsonNode r = JSON.readTree(line);
                results.put(r.get("id").asText(), r);
            }
            assertEquals(batch.size(), results.size(), "kql-check did not answer every query");
            return results;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
