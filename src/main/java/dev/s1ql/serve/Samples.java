// The example queries and event files bundled into the jar from the repository's examples/ folder, by name.
// The API takes a sample's name, never a path: only the files listed in examples.txt can be read.
package dev.s1ql.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Samples {

    /** Where the pom copies examples/ inside the jar. */
    static final String ROOT = "/dev/s1ql/serve/examples/";
    /** The bundled files, one name per line (kept equal to examples/ by a test). */
    static final String INDEX = "/dev/s1ql/serve/examples.txt";

    private static final Samples DEFAULT = load();

    private final Map<String, byte[]> files;

    private Samples(Map<String, byte[]> files) {
        this.files = files;
    }

    public static Samples bundled() {
        return DEFAULT;
    }

    private static Samples load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String name : new String(read(INDEX), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank() || name.startsWith("#")) continue;
                files.put(name.strip(), read(ROOT + name.strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("bundled examples cannot be read: " + e.getMessage(), e);
        }
        return new Samples(files);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException(resource + " is not in the jar");
            return in.readAllBytes();
        }
    }

    /** The names of the bundled event files (.ndjson, .json, .csv). */
    public List<String> eventFiles() {
        List<String> out = new ArrayList<>();
        for (String n : files.keySet()) if (n.matches(".*\\.(ndjson|json|csv)")) out.add(n);
        return out;
    }

    /** The names of the bundled queries and rule documents (.s1ql, .md). */
    public List<String> queryFiles() {
        List<String> out = new ArrayList<>();
        for (String n : files.keySet()) if (n.matches(".*\\.(s1ql|md)")) out.add(n);
        return out;
    }

    /** The bytes of a bundled file, or null when there is no such name. */
    public byte[] bytes(String name) {
        return name == null ? null : files.get(name);
    }
}
