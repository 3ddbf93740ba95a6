// Locates ../shared (the reference corpus beside the checkout) and skips a test clearly when it is absent.
package dev.s1ql;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: -Ds1ql.shared=DIR, else ../shared relative to the project directory. */
    public static Path root() {
        String prop = System.getProperty("s1ql.shared");
        return prop != null ? Path.of(prop) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** A file under ../shared, or a skipped test (with the reason) when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: " + p + " not found (../shared is present in CI "
                + "and in the developers' checkouts, not in users' clones)");
        return p;
    }
}
