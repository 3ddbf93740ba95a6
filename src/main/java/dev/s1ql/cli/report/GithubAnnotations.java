// `validate --format github`: one GitHub Actions workflow command per diagnostic, e.g.
// `::error file=rules/a.md,line=31,endLine=31,col=40,endColumn=52,title=S2001 unknown-field::unknown field ...`,
// which the Actions runner shows as an annotation on the file. Inputs that are not files get no file property.
package dev.s1ql.cli.report;

import dev.s1ql.ast.Span;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;

import java.util.Locale;

public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static String line(QueryInput in, Diagnostic d) {
        String command = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        StringBuilder props = new StringBuilder();
        boolean file = !in.source().startsWith("-q") && !in.source().equals("<stdin>");
        Span s = d.span();
        if (file) {
            props.append("file=").append(property(in.source().replace('\\', '/')));
            if (s.line() >= 1) {
                props.append(",line=").append(s.line() + in.lineOffset());
                if (s.endLine() >= s.line()) props.append(",endLine=").append(s.endLine() + in.lineOffset());
                props.append(",col=").append(Math.max(1, s.column()));
                if (s.endLine() == s.line() && s.endColumn() >= s.column()) props.append(",endColumn=").append(s.endColumn());
            }
            props.append(',');
        }
        props.append("title=").append(property(d.code().id() + " " + d.code().name().toLowerCase(Locale.ROOT)
                .replace('_', '-')));
        String message = (file ? "" : in.source() + ": ") + d.message() + (d.hint() == null ? "" : " (hint: " + d.hint() + ")");
        return "::" + command + " " + props + "::" + data(message);
    }

    /** Escaping of a workflow command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
