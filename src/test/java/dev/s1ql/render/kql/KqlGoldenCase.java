// One golden case file: a query and, per profile, the expected KQL (or "!error CODE...") and optionally the
// expected diagnostic codes. Sections start with "--- query", "--- <profile>", "--- <profile> codes";
// lines before the first section are comments saying what the case pins.
package dev.s1ql.render.kql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

record KqlGoldenCase(Path file, String comment, Map<String, String> sections) {

    static KqlGoldenCase read(Path file) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        StringBuilder comment = new StringBuilder();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("--- ")) {
                if (current != null) sections.put(current, body.toString().strip());
                current = line.substring(4).strip();
                body.setLength(0);
            } else if (current == null) {
                comment.append(line).append('\n');
            } else {
                body.append(line).append('\n');
            }
        }
        if (current != null) sections.put(current, body.toString().strip());
        return new KqlGoldenCase(file, comment.toString(), sections);
    }

    String query() {
        return sections.get("query");
    }

    /** The expected KQL for a profile, or null when the case does not cover it. */
    String expected(String profile) {
        return sections.get(profile);
    }

    String expectedCodes(String profile) {
        return sections.get(profile + " codes");
    }

    void write(Map<String, String> newSections) throws IOException {
        StringBuilder sb = new StringBuilder(comment);
        newSections.forEach((k, v) -> sb.append("--- ").append(k).append('\n').append(v).append('\n'));
        Files.writeString(file, sb.toString());
    }
}
