// `validate --format sarif`: one SARIF 2.1.0 log with one run: the tool with a rule per diagnostic code (its summary
// and help from CodeHelp), and a result per diagnostic with file, line and column range relative to the working
// directory (the repository root in CI). SarifSchemaTest checks the output against the official schema.
package dev.s1ql.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s1ql.ast.Span;
import dev.s1ql.cli.input.QueryInput;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.CodeHelp;
import dev.s1ql.diag.Diagnostic;
import dev.s1ql.diag.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

public final class SarifLog {

    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The uriBaseId of file locations: the working directory the tool ran in. */
    public static final String SRCROOT = "%SRCROOT%";

    private final ObjectMapper mapper;
    private final Path base;
    private final String version;
    private final ArrayNode results;

    /**
     * @param base    the folder file paths are made relative to (the working directory)
     * @param version s1ql's version, for tool.driver.version
     */
    public SarifLog(ObjectMapper mapper, Path base, String version) {
        this.mapper = mapper;
        this.base = base.toAbsolutePath().normalize();
        this.version = version;
        this.results = mapper.createArrayNode();
    }

    /** One result per diagnostic of this input. */
    public void add(QueryInput in, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) results.add(result(in, d));
    }

    /** The whole log; {@code exitCode} is what the command returns. */
    public ObjectNode build(int exitCode) {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "s1ql");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        for (Code c : Code.values()) rules.add(rule(c));
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", exitCode == 0 || exitCode == 1);
        invocation.put("exitCode", exitCode);
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", base.toUri().toString());
        run.put("columnKind", "unicodeCodePoints");
        run.set("results", results);
        return log;
    }

    private ObjectNode rule(Code c) {
        CodeHelp.Entry help = CodeHelp.of(c);
        ObjectNode r = mapper.createObjectNode();
        r.put("id", c.id());
        r.put("name", pascalCase(c.name()));
        r.putObject("shortDescription").put("text", help.summary());
        r.putObject("fullDescription").put("text", help.help());
        r.putObject("help").put("text", help.help());
        r.putObject("defaultConfiguration").put("level", level(c.severity()));
        return r;
    }

    private ObjectNode result(QueryInput in, Diagnostic d) {
        ObjectNode r = mapper.createObjectNode();
        r.put("ruleId", d.code().id());
        r.put("ruleIndex", d.code().ordinal());
        r.put("level", level(d.severity()));
        r.putObject("message").put("text", d.hint() == null ? d.message() : d.message() + " (hint: " + d.hint() + ")");
        ObjectNode artifact = artifactLocation(in.source());
        if (artifact != null) {
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.set("artifactLocation", artifact);
            Span s = d.span();
            if (s.line() >= 1) {
                ObjectNode region = physical.putObject("region");
                int line = s.line() + in.lineOffset();
                int column = Math.max(1, s.column());
                region.put("startLine", line);
                region.put("startColumn", column);
                int endLine = s.endLine() >= s.line() ? s.endLine() + in.lineOffset() : line;
                region.put("endLine", endLine);
                // SARIF's endColumn is the column after the region; a span's endColumn is its last character
                int endColumn = s.endColumn() >= 1 ? s.endColumn() + 1 : column + 1;
                if (endLine == line && endColumn <= column) endColumn = column + 1;
                region.put("endColumn", endColumn);
            }
        }
        ObjectNode props = mapper.createObjectNode();
        if (artifact == null) props.put("input", in.source());
        if (in.title() != null && !in.title().isEmpty()) props.put("ruleTitle", in.title());
        if (in.id() != null) props.put("ruleDocumentId", in.id());
        if (!d.details().isEmpty()) props.set("details", mapper.valueToTree(d.details()));
        if (!props.isEmpty()) r.set("properties", props);
        return r;
    }

    /** A file input's location: relative to the base when it is below it, else an absolute file URI; null for -q. */
    private ObjectNode artifactLocation(String source) {
        if (source.startsWith("-q") || source.equals("<stdin>")) return null;
        Path p;
        try {
            p = Path.of(source).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        ObjectNode a = mapper.createObjectNode();
        if (p.startsWith(base)) {
            String rel = base.relativize(p).toString().replace(java.io.File.separatorChar, '/');
            try {
                a.put("uri", new URI(null, null, rel, null).toASCIIString());
            } catch (URISyntaxException e) {
                return null;
            }
            a.put("uriBaseId", SRCROOT);
        } else {
            a.put("uri", p.toUri().toASCIIString());
        }
        return a;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    static String pascalCase(String enumName) {
        StringBuilder sb = new StringBuilder();
        for (String part : enumName.toLowerCase(Locale.ROOT).split("_")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
