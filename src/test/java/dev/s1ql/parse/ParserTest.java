// Parser behaviour: every operator spelling, precedence, NOT scoping, whitespace, comments, values, spans.
package dev.s1ql.parse;

import dev.s1ql.ast.And;
import dev.s1ql.ast.BoolValue;
import dev.s1ql.ast.Expr;
import dev.s1ql.ast.MatchKind;
import dev.s1ql.ast.Not;
import dev.s1ql.ast.NumberValue;
import dev.s1ql.ast.Or;
import dev.s1ql.ast.Predicate;
import dev.s1ql.ast.Span;
import dev.s1ql.ast.StringValue;
import dev.s1ql.catalog.FieldKind;
import dev.s1ql.diag.Code;
import dev.s1ql.render.S1qlFormatter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserTest {

    private static Expr parse(String q) {
        ParseResult r = new S1qlParser().parse(q);
        assertTrue(r.ok(), () -> q + " -> " + r.diagnostics());
        return r.query().root();
    }

    @TestFactory
    Stream<DynamicTest> everyOperatorSpelling() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/parse/operators.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    String q = "TgtProcCmdLine " + c[0] + " " + c[1];
                    Predicate p = assertInstanceOf(Predicate.class, parse(q));
                    assertEquals(MatchKind.valueOf(c[2]), p.operator().kind(), q);
                    assertEquals(Boolean.parseBoolean(c[3]), p.operator().caseInsensitive(), q);
                    assertEquals(Boolean.parseBoolean(c[4]), p.operator().negated(), q);
                    // and the canonical spelling reads back as the same operator
                    Predicate again = assertInstanceOf(Predicate.class, parse(S1qlFormatter.format(p)));
                    assertEquals(p.normalized(), again.normalized(), q);
                }));
    }

    @Test
    void andBindsTighterThanOr() {
        Or or = assertInstanceOf(Or.class, parse("a = \"1\" OR b = \"2\" AND c = \"3\""));
        assertEquals(2, or.operands().size());
        assertInstanceOf(Predicate.class, or.operands().get(0));
        assertInstanceOf(And.class, or.operands().get(1));
    }

    @Test
    void notScopesOverOnePredicate() {
        And and = assertInstanceOf(And.class, parse("NOT a = \"1\" AND b = \"2\""));
        assertInstanceOf(Not.class, and.operands().get(0));
        assertInstanceOf(Predicate.class, and.operands().get(1));
    }

    @Test
    void notFieldExistsIsNegatedExists() {
        Not not = assertInstanceOf(Not.class, parse("NOT TgtProcImagePath EXISTS"));
        assertEquals(MatchKind.EXISTS, ((Predicate) not.operand()).operator().kind());
    }

    @Test
    void notBindsTighterThanAndInsideParentheses() {
        Not not = assertInstanceOf(Not.class, parse("NOT (a = \"1\" OR b = \"2\")"));
        assertInstanceOf(Or.class, not.operand());
    }

    @Test
    void nestedSameOperatorsAreFlattened() {
        And and = assertInstanceOf(And.class, parse("(a = \"1\" AND (b = \"2\" AND c = \"3\")) AND d = \"4\""));
        assertEquals(4, and.operands().size());
    }

    @Test
    void anyWhitespaceBetweenWordsIncludingNewlinesAndTabs() {
        Expr e = parse("TgtProcCmdLine\n\tIn\n  Contains \t AnyCase\r\n(\"a\" ,\n\"b\")");
        Predicate p = assertInstanceOf(Predicate.class, e);
        assertEquals(MatchKind.IN_CONTAINS, p.operator().kind());
        assertEquals("In Contains AnyCase", p.operator().spelling());
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertEquals(parse("a = \"1\" AND NOT b EXISTS OR c IS NOT EMPTY").normalized(),
                parse("a = \"1\" and not b exists or c is not empty").normalized());
    }

    @Test
    void fieldResolvesCaseInsensitivelyAndKeepsSpelling() {
        Predicate p = (Predicate) parse("tgtproccmdline = \"x\"");
        assertEquals("tgtproccmdline", p.field().written());
        assertEquals("TgtProcCmdLine", p.field().canonicalName());
        Predicate unknown = (Predicate) parse("NoSuchField = \"x\"");
        assertNull(unknown.field().resolved());
        Predicate shortcut = (Predicate) parse("CmdLine ContainsCIS \"x\"");
        assertEquals(FieldKind.SHORTCUT, shortcut.field().resolved().kind());
        assertTrue(shortcut.field().resolved().concreteFields().contains("TgtProcCmdLine"));
    }

    @Test
    void valuesAreTyped() {
        Predicate quoted = (Predicate) parse("DstPort > \"1024\"");
        assertEquals("1024", assertInstanceOf(StringValue.class, quoted.value()).value());
        Predicate bare = (Predicate) parse("DstPort > -10.5");
        assertEquals(new BigDecimal("-10.5"), assertInstanceOf(NumberValue.class, bare.value()).number());
        Predicate bool = (Predicate) parse("TgtFileIsExecutable = true");
        assertTrue(assertInstanceOf(BoolValue.class, bool.value()).value());
        Predicate isFalse = (Predicate) parse("LoginIsAdministratorEquivalent is false");
        assertFalse(((BoolValue) isFalse.value()).value());
    }

    @Test
    void commentsAreKeptBesideTheQuery() {
        ParseResult r = new S1qlParser().parse("--Serv-U\nEndpointOS = \"windows\" -- trailing\n");
        assertTrue(r.ok());
        assertEquals(2, r.query().comments().size());
        assertEquals("--Serv-U", r.query().comments().get(0).text());
    }

    @Test
    void spansPointAtTheSource() {
        Predicate p = (Predicate) ((And) parse("a = \"1\" AND\n  TgtProcName ContainsCIS \"x\"")).operands().get(1);
        Span s = p.span();
        assertEquals(2, s.line());
        assertEquals(3, s.column());
        assertEquals(2, p.field().span().line());
        assertEquals(27, p.value().span().column());
    }

    @Test
    void deepNestingIsReportedNotCrashed() {
        String q = "(".repeat(10_000) + "a = \"1\"" + ")".repeat(10_000);
        ParseResult r = new S1qlParser().parse(q);
        assertFalse(r.ok());
        assertEquals(Code.TOO_DEEP, r.diagnostics().get(0).code());
        ParseResult nots = new S1qlParser().parse("NOT ".repeat(10_000) + "a = \"1\"");
        assertEquals(Code.TOO_DEEP, nots.diagnostics().get(0).code());
        ParseResult ok = new S1qlParser().parse("(".repeat(200) + "a = \"1\"" + ")".repeat(200));
        assertTrue(ok.ok());
    }

    @Test
    void megabyteQueryParses() {
        StringBuilder sb = new StringBuilder("TgtProcCmdLine In Contains AnyCase (");
        for (int i = 0; sb.length() < 1_000_000; i++) sb.append(i == 0 ? "" : ",").append("\"value-").append(i).append('"');
        sb.append(")");
        ParseResult r = new S1qlParser().parse(sb.toString());
        assertTrue(r.ok());
    }

    @Test
    void binaryGarbageIsASyntaxErrorNotACrash() {
        java.util.Random rnd = new java.util.Random(42);
        for (int n = 0; n < 500; n++) {
            char[] cs = new char[rnd.nextInt(200)];
            for (int i = 0; i < cs.length; i++) cs[i] = (char) rnd.nextInt(0x3000);
            ParseResult r = new S1qlParser().parse(new String(cs));
            if (!r.ok()) assertFalse(r.diagnostics().isEmpty());
        }
    }
}
