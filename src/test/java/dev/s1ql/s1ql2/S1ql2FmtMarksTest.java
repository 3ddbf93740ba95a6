// fmt of a 2.0 / PowerQuery query prints text that the dialect detector reads as 2.0 again and that parses to the
// same AST: without a 2.0 mark in the canonical text it uses &&, ||, == (cases: src/test/resources/fmt/s1ql2-marks.tsv).
package dev.s1ql.s1ql2;

import dev.s1ql.ast.Dialect;
import dev.s1ql.cli.FmtCommand;
import dev.s1ql.parse.DialectChoice;
import dev.s1ql.parse.ParseResult;
import dev.s1ql.parse.QueryReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S1ql2FmtMarksTest {

    private static final Path CASES = Path.of("src/test/resources/fmt/s1ql2-marks.tsv");
    private static final QueryReader READER = new QueryReader();

    @TestFactory
    Stream<DynamicTest> fmtOutputIsReadAsTheSameQuery() throws Exception {
        List<String> lines = Files.readAllLines(CASES).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(lines.size() >= 8, "cases in " + CASES);
        return lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> {
            String[] cols = line.split("\t");
            assertEquals(2, cols.length, "input TAB expected output: " + line);
            ParseResult in = READER.read(cols[0], DialectChoice.AUTO);
            assertTrue(in.ok(), () -> "does not parse: " + in.diagnostics());
            assertNotEquals(Dialect.S1QL_1, in.query().dialect(), "a case must be a 2.0 / PowerQuery query");
            String out = FmtCommand.format(in.query());
            assertEquals(cols[1], out);
            ParseResult back = READER.read(out, DialectChoice.AUTO);
            assertTrue(back.ok(), () -> "fmt output does not parse: " + back.diagnostics());
            assertEquals(in.query().dialect(), back.query().dialect(), "fmt output read as another dialect");
            assertEquals(PowerQueryFormatTest.normalized(in.query()), PowerQueryFormatTest.normalized(back.query()));
            assertEquals(out, FmtCommand.format(back.query()), "fmt is not a fixed point");
        }));
    }
}
