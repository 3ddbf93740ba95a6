// 1.0 → 2.0 migration checked against SentinelOne's own translations (corpus/s1_official_pairs.jsonl): both
// 2.0 texts are read by the 2.0 front end and their normalised ASTs compared. Known, documented differences:
// SentinelOne's translation adds an event-type preamble (i.scheme / meta.event.name) and writes a
// case-sensitive 1.0 RegExp as plain `matches`, which 2.0 evaluates without case; s1ql keeps :matchcase.
package dev.s1ql.s1ql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s1ql.SharedData;
import dev.s1ql.ast.And;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.Operator;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.S1ql2Parser;
import dev.s1ql.parse.S1qlParser;
import dev.s1ql.render.S1ql2Writer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficialMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void migrationMatchesSentinelOnesOwnTranslations() throws IOException {
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("corpus/s1_official_pairs.jsonl"))) {
            JsonNode j = JSON.readTree(line);
            if (j.get("s1ql_2_0_official_translation").isNull()) continue;
            ParseResult v1 = new S1qlParser().parse(j.get("s1ql_1_0").asText());
            assertTrue(v1.ok(), v1.diagnostics()::toString);
            S1ql2Writer.Result ours = S1ql2Writer.write(v1.query());
            assertTrue(ours.diagnostics().isEmpty(), ours.diagnostics()::toString);
            Expr mine = new S1ql2Parser().parse(ours.text()).query().root().normalized();
            Expr theirs = withoutPreamble(new S1ql2Parser().parse(j.get("s1ql_2_0_official_translation").asText())
                    .query().root()).normalized();
            if (!mine.equals(theirs)) differences.add(j.get("title").asText() + "\n  ours:   " + ours.text());
            compared++;
        }
        assertEquals(13, compared);
        // every one, the two with a RegExp ("CMD Unnecessary Escaping", "Powershell Unnecessary Escaping") included:
        // a 1.0 RegExp is written as plain, case-insensitive matches, as SentinelOne's converter writes it
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    /** Drops SentinelOne's `i.scheme = 'edr' and meta.event.name in (...)` conjuncts. */
    static Expr withoutPreamble(Expr e) {
        if (!(e instanceof And and)) return e;
        List<Expr> kept = new ArrayList<>();
        for (Expr x : and.operands()) {
            if (x instanceof Predicate p && (p.field().written().equals("i.scheme")
                    || p.field().written().equals("meta.event.name"))) continue;
            kept.add(x);
        }
        return kept.size() == 1 ? kept.get(0) : new And(kept, Span.NONE);
    }

}
