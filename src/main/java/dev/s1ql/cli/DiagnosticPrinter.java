// Prints diagnostics for people (file:line:col: severity: message, the source line, a caret) and as JSON.
package dev.s1ql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Span;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;

import java.io.PrintWriter;
import java.util.List;

public final class DiagnosticPrinter {

    /** Source lines longer than this are shown as a window around the column. */
    static final int MAX_SHOWN = 120;

    private DiagnosticPrinter() {
    }

    /** Text form, e.g. {@code rules/a.md:23:41: error: unknown operator 'Containz' [S1007]} plus source and caret. */
    public static void print(PrintWriter out, QueryInput in, Diagnostic d) {
        Span s = d.span();
        int line = s.line() + in.lineOffset();
        out.printf("%s:%d:%d: %s: %s [%s]%n", in.source(), line, s.column(), d.severity().label(), d.message(),
                d.code().id());
        if (s.line() >= 1) {
            String[] lines = in.text().split("\n", -1);
            if (s.line() <= lines.length) {
                String src = lines[s.line() - 1].replace("\r", "");
                int width = s.endLine() == s.line() ? Math.max(1, s.endColumn() - s.column() + 1) : 1;
                caret(out, src, s.column(), width);
            }
        }
        if (d.hint() != null) out.printf("    hint: %s%n", d.hint());
    }

    private static void caret(PrintWriter out, String src, int column, int width) {
        int[] cps = src.codePoints().toArray();
        int col = Math.min(Math.max(column - 1, 0), cps.length);
        int from = 0;
        int to = cps.length;
        String prefix = "";
        String suffix = "";
        if (cps.length > MAX_SHOWN) {
            from = Math.max(0, col - MAX_SHOWN / 2);
            to = Math.min(cps.length, from + MAX_SHOWN);
            if (from > 0) prefix = "...";
            if (to < cps.length) suffix = "...";
        }
        StringBuilder shown = new StringBuilder(prefix);
        StringBuilder marker = new StringBuilder(" ".repeat(prefix.length()));
        for (int i = from; i < to; i++) {
            int c = cps[i];
            boolean control = c < 0x20 && c != '\t';
            shown.appendCodePoint(control ? '?' : c);
            if (i < col) marker.append(c == '\t' ? '\t' : ' ');
        }
        shown.append(suffix);
        int w = Math.max(1, Math.min(width, to - col));
        marker.append('^').append("~".repeat(Math.max(0, w - 1)));
        out.println("    " + shown);
        out.println("    " + marker);
    }

    /** JSON form of one diagnostic: severity, code, message, 1-based line and column in the file, hint. */
    public static ObjectNode json(ObjectMapper m, QueryInput in, Diagnostic d) {
        ObjectNode n = m.createObjectNode();
        n.put("severity", d.severity().label());
        n.put("code", d.code().id());
        n.put("name", d.code().name().toLowerCase().replace('_', '-'));
        n.put("message", d.message());
        n.put("line", d.span().line() + in.lineOffset());
        n.put("column", d.span().column());
        n.put("endLine", d.span().endLine() + in.lineOffset());
        n.put("endColumn", d.span().endColumn());
        if (d.hint() != null) n.put("hint", d.hint());
        if (!d.details().isEmpty()) n.set("details", m.valueToTree(d.details()));
        return n;
    }

    public static ArrayNode json(ObjectMapper m, QueryInput in, List<Diagnostic> ds) {
        ArrayNode a = m.createArrayNode();
        for (Diagnostic d : ds) a.add(json(m, in, d));
        return a;
    }
}
