// Where `translate -o DIR` writes each input: the input folders are mirrored (rules/win/x.md given as rules/ ->
// DIR/win/x.kql), a file given by name lands at its relative path, -q and stdin as query-N. Two inputs that would
// land on one file (x.md and x.s1ql in one folder) get -2, -3 ... and a line saying so.
package dev.s1ql.cli;

import dev.s1ql.cli.input.QueryInput;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class OutputFiles {

    /** Input extensions replaced by the target's. */
    private static final String INPUT_EXTENSIONS = "(?i)\\.(md|s1ql|s1ql2|pq|txt)$";

    private final Path dir;
    private final List<Path> roots = new ArrayList<>();
    private final String extension;
    private final Set<Path> used = new HashSet<>();
    private final List<String> renamed = new ArrayList<>();
    private int unnamed;

    /**
     * @param dir       the output folder
     * @param arguments the PATH arguments as given (folders among them are the roots that are mirrored)
     * @param extension the output extension with its dot, e.g. {@code .kql}
     */
    OutputFiles(Path dir, List<String> arguments, String extension) {
        this.dir = dir;
        this.extension = extension;
        for (String a : arguments) {
            try {
                Path p = Path.of(a);
                if (Files.isDirectory(p)) roots.add(p.normalize());
                else if (!Files.exists(p)) roots.add(literalPrefix(a));   // a glob pattern: its folder part
            } catch (InvalidPathException ignored) {
                // not a path: nothing to mirror
            }
        }
    }

    /** The file for this input (unique within the run). */
    Path pathFor(QueryInput in) {
        Path rel = relative(in);
        String name = rel.getFileName().toString().replaceFirst(INPUT_EXTENSIONS, "");
        if (name.isEmpty()) name = "query";
        Path parent = rel.getParent();
        Path target = dir.resolve(parent == null ? Path.of(name + extension) : parent.resolve(name + extension));
        Path first = target;
        for (int i = 2; !used.add(target.normalize()); i++) {
            target = first.resolveSibling(name + "-" + i + extension);
        }
        if (!target.equals(first)) renamed.add(in.source() + " would overwrite " + first + "; written to " + target);
        return target;
    }

    /** One line per input that was given another name than its mirror path. */
    List<String> renamed() {
        return renamed;
    }

    private Path relative(QueryInput in) {
        String source = in.source();
        if (source.startsWith("-q") || source.equals("<stdin>")) {
            unnamed++;
            return Path.of("query-" + unnamed);
        }
        Path p = Path.of(source).normalize();
        Path best = null;
        for (Path root : roots) {
            if (p.startsWith(root) && !p.equals(root) && (best == null || root.getNameCount() > best.getNameCount())) {
                best = root;
            }
        }
        if (best != null) return best.relativize(p);
        if (!p.isAbsolute() && !p.startsWith("..")) return p;
        return p.getFileName();
    }

    private static Path literalPrefix(String pattern) {
        int cut = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') break;
            if (c == '/' || c == java.io.File.separatorChar) cut = i + 1;
        }
        return cut == 0 ? Path.of("") : Path.of(pattern.substring(0, cut)).normalize();
    }
}
