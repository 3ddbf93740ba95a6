// Turns command-line inputs (-q queries, files, directories, glob patterns, "-" for stdin) into QueryInputs, in
// order. A directory or pattern that yields no query is an error: a CI gate must not pass on nothing.
package dev.s1ql.cli.input;

import dev.s1ql.ast.Span;
import dev.s1ql.diag.Code;
import dev.s1ql.diag.Diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public final class InputCollector {
    private InputCollector() {
    }

    /** File extensions read from directories: 1.0 queries, and what `translate --to s1ql2|pq` writes. */
    static final List<String> QUERY_EXTENSIONS = List.of(".s1ql", ".s1ql2", ".pq", ".txt");
    static final String RULE_DOCUMENT_EXTENSION = ".md";

    /**
     * @param inlineQueries queries given with {@code -q}, in order
     * @param paths         files, directories (searched recursively, sorted) and {@code -} for stdin
     */
    public static List<QueryInput> collect(List<String> inlineQueries, List<String> paths) throws InputException {
        List<QueryInput> out = new ArrayList<>();
        int n = 0;
        for (String q : inlineQueries) {
            n++;
            out.add(new QueryInput(inlineQueries.size() == 1 ? "-q" : "-q#" + n, q, 0, null, null));
        }
        for (String p : paths) {
            if (p.equals("-")) {
                out.add(new QueryInput("<stdin>", readStdin(), 0, null, null));
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                out.addAll(directory(path));
            } else if (Files.isRegularFile(path)) {
                out.add(file(path, true));
            } else if (isPattern(p)) {
                out.addAll(pattern(p));
            } else {
                throw new InputException(p + ": no such file or directory");
            }
        }
        return out;
    }

    private static List<QueryInput> directory(Path dir) throws InputException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(InputCollector::isQueryFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new InputException(dir + ": cannot read directory: " + e.getMessage());
        }
        List<QueryInput> out = new ArrayList<>();
        for (Path f : files) {
            QueryInput in = file(f, false);
            if (in != null) out.add(in);
        }
        if (out.isEmpty()) throw new InputException(dir + ": no queries in this folder " + LOOKED_FOR);
        return out;
    }

    static final String LOOKED_FOR = "(looked for .s1ql, .s1ql2, .pq and .txt files and .md rule documents with a "
            + "'## SentinelOne Query' section)";

    /** A path that does not exist and holds glob characters, e.g. {@code 'rules/**}{@code /*.md'} quoted for s1ql. */
    private static boolean isPattern(String p) {
        return p.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The query files a glob pattern matches, sorted; walked from the pattern's longest literal folder prefix. */
    private static List<QueryInput> pattern(String glob) throws InputException {
        String normalized = java.io.File.separatorChar == '\\' ? glob.replace('\\', '/') : glob;
        int cut = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') break;
            if (c == '/') cut = i + 1;
        }
        Path base = cut == 0 ? Path.of(".") : Path.of(normalized.substring(0, cut));
        java.nio.file.PathMatcher matcher;
        try {
            matcher = base.getFileSystem().getPathMatcher("glob:" + normalized);
        } catch (IllegalArgumentException e) {
            throw new InputException(glob + ": not a valid pattern: " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path f : walk.filter(Files::isRegularFile).filter(InputCollector::isQueryFile).sorted().toList()) {
                    Path shown = cut == 0 ? base.relativize(f) : f;
                    if (matcher.matches(shown)) files.add(shown);
                }
            } catch (IOException | RuntimeException e) {
                throw new InputException(glob + ": cannot read " + base + ": " + e.getMessage());
            }
        }
        List<QueryInput> out = new ArrayList<>();
        for (Path f : files) {
            QueryInput in = file(f, false);
            if (in != null) out.add(in);
        }
        if (out.isEmpty()) throw new InputException(glob + ": no queries match this pattern " + LOOKED_FOR);
        return out;
    }

    private static boolean isQueryFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(RULE_DOCUMENT_EXTENSION) || QUERY_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Reads one file; in a directory scan, Markdown files without a query section are skipped (null). */
    private static QueryInput file(Path f, boolean explicit) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new InputException(f + ": cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = decode(bytes, f.toString());
        } catch (InputException e) {
            // One file that is not UTF-8 is reported like a query with an error; the others are still read.
            return new QueryInput(f.toString(), new String(bytes, StandardCharsets.UTF_8), 0, null, null,
                    notUtf8(bytes));
        }
        if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(RULE_DOCUMENT_EXTENSION)) {
            if (!explicit && !RuleDocument.hasQuerySection(text)) return null;
            return RuleDocument.read(f.toString(), text);
        }
        return new QueryInput(f.toString(), stripBom(text), 0, null, null);
    }

    private static String readStdin() throws InputException {
        try (InputStream in = System.in) {
            return stripBom(decode(in.readAllBytes(), "<stdin>"));
        } catch (IOException e) {
            throw new InputException("<stdin>: cannot read: " + e.getMessage());
        }
    }

    /** Strict UTF-8: invalid input is an error with its byte offset, never silently replaced. */
    static String decode(byte[] bytes, String source) throws InputException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return dec.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new InputException(source + ": not valid UTF-8 text (bad byte at offset " + firstBadByte(bytes) + ")");
        } catch (CharacterCodingException e) {
            throw new InputException(source + ": not valid UTF-8 text");
        }
    }

    /** S1005 at the first bad byte: its line and column are those of the text before it (valid UTF-8). */
    private static Diagnostic notUtf8(byte[] bytes) {
        int at = firstBadByte(bytes);
        String before = new String(bytes, 0, Math.min(at, bytes.length), StandardCharsets.UTF_8);
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return Diagnostic.of(Code.BAD_ENCODING, "not valid UTF-8 text (bad byte at offset " + at + ")",
                new Span(before.length(), before.length() + 1, line, column, line, column),
                "save it as UTF-8 (s1ql reads no other encoding)");
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return in.position();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
