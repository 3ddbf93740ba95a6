// translate's batch runner: results come back in input order and equal a one-by-one run; a translator's setup
// error reaches the command as itself, whichever thread met it.
package dev.s1ql.cli;

import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.QueryReader;
import dev.s1ql.translate.TranslationOptions;
import dev.s1ql.translate.TranslationSetupException;
import dev.s1ql.translate.Translator;
import dev.s1ql.translate.Translators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelTranslationsTest {

    private static List<QueryInput> batch(int n) {
        List<QueryInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String q = switch (i % 3) {
                case 0 -> "EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc " + i + "\"";
                case 1 -> "TgtFilePath EndsWith \"\\\\x" + i + ".dll\" OR DstPort = " + i;
                default -> "event.type = 'DNS Resolved' | group n = count() by endpoint.name | limit " + (i + 1);
            };
            out.add(new QueryInput("q" + i, q, 0, null, null));
        }
        return out;
    }

    @Test
    void aBatchOnSeveralThreadsGivesTheOneByOneResultsInInputOrder() {
        Translator kql = Translators.forTarget("kql");
        TranslationOptions options = new TranslationOptions("mde", null, false);
        List<QueryInput> inputs = batch(300);   // more than MAX_AHEAD: results are asked for while others run
        ThreadLocal<QueryReader> readers = ThreadLocal.withInitial(QueryReader::new);
        ParallelTranslations.Work work = in -> CommandResults.translateKeepingComments(readers.get(), kql, in,
                DialectChoice.AUTO, options);
        List<String> alone = new ArrayList<>();
        for (QueryInput in : inputs) alone.add(render(work.apply(in)));
        List<String> together = new ArrayList<>();
        try (ParallelTranslations p = new ParallelTranslations(inputs, work, 4)) {
            for (int i = 0; i < inputs.size(); i++) together.add(render(p.get(i)));
        }
        assertEquals(alone, together);
    }

    @Test
    void aSetupErrorOnAWorkerThreadReachesTheCommandUnwrapped() {
        List<QueryInput> inputs = batch(40);
        ParallelTranslations.Work work = in -> {
            if (in.source().equals("q7")) throw new TranslationSetupException("no such mapping file");
            return null;
        };
        try (ParallelTranslations p = new ParallelTranslations(inputs, work, 2)) {
            for (int i = 0; i < 7; i++) p.get(i);
            TranslationSetupException e = assertThrows(TranslationSetupException.class, () -> p.get(7));
            assertEquals("no such mapping file", e.getMessage());
        }
    }

    private static String render(CommandResults.Translated t) {
        return t.translation().output() + " " + t.translation().diagnostics();
    }
}
