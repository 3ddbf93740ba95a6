// The comment block in front of a translated query, in the target's comment syntax (Translator.lineComment):
// on stdout the rule's title and ID and the source's own comments; in files written with -o also the source path,
// the s1ql version, target and profile, and every diagnostic, so that a migrated file says where it came from.
package dev.s1ql.cli;

import dev.s1ql.ast.Query;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.translate.Translator;

import java.util.List;

final class TranslationHeader {

    private final Translator translator;
    private final String profile;
    private final String version;

    TranslationHeader(Translator translator, String profile, String version) {
        this.translator = translator;
        this.profile = profile;
        this.version = version;
    }

    /** For stdout: title and ID of a rule document, then the source's comments. */
    String brief(QueryInput in, List<Query.Comment> comments) {
        StringBuilder sb = new StringBuilder();
        if (in.title() != null && !in.title().isEmpty()) line(sb, in.title());
        if (in.id() != null) line(sb, "id: " + in.id());
        comments(sb, comments);
        return sb.toString();
    }

    /** For an output file: where it came from, how it was made, every diagnostic, then the source's comments. */
    String full(QueryInput in, List<Query.Comment> comments, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        line(sb, "source: " + in.source());
        if (in.title() != null && !in.title().isEmpty()) line(sb, "title: " + in.title());
        if (in.id() != null) line(sb, "id: " + in.id());
        line(sb, "translated by s1ql " + version + " to " + translator.target() + " (profile " + profile + ")");
        if (diagnostics.isEmpty()) line(sb, "diagnostics: none");
        for (Diagnostic d : diagnostics) {
            int lineNo = d.span().line() >= 1 ? d.span().line() + in.lineOffset() : 0;
            String where = lineNo >= 1 ? in.source() + ":" + lineNo + ":" + d.span().column() + ": " : "";
            line(sb, where + d.severity().label() + ": " + d.message() + " [" + d.code().id() + "]"
                    + (d.hint() == null ? "" : " (hint: " + d.hint() + ")"));
        }
        comments(sb, comments);
        return sb.toString();
    }

    /** The source's comments, without their own markers (--, //, /* *&#47;), one target comment per line. */
    private void comments(StringBuilder sb, List<Query.Comment> comments) {
        for (Query.Comment c : comments) {
            String text = c.text().strip();
            if (text.startsWith("--") || text.startsWith("//")) text = text.substring(2);
            else if (text.startsWith("/*")) text = text.substring(2, text.endsWith("*/") ? text.length() - 2 : text.length());
            for (String l : text.split("\r?\n")) {
                String s = l.strip();
                if (s.startsWith("*") && !s.startsWith("*/")) s = s.substring(1).strip();
                line(sb, s);
            }
        }
    }

    private void line(StringBuilder sb, String text) {
        sb.append(translator.lineComment(text.replace('\r', ' ').replace('\n', ' '))).append('\n');
    }
}
