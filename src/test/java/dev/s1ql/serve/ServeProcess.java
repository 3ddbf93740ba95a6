// `s1ql serve` as users start it: a separate JVM running the command line, stopped the way Ctrl-C stops it
// (SIGTERM runs the same shutdown hook).
package dev.s1ql.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

    final Process process;
    final String url;
    final Path stderr;

    private ServeProcess(Process process, String url, Path stderr) {
        this.process = process;
        this.url = url;
        this.stderr = stderr;
    }

    /** Starts {@code s1ql serve --port 0 ARGS...} and waits for the line that names its address. */
    static ServeProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.s1ql.cli.Main", "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("s1ql-serve", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new IOException("s1ql serve did not start: " + line + " / " + Files.readString(err));
        }
        return new ServeProcess(p, m.group(1), err);
    }

    /** Sends SIGTERM and returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("s1ql serve did not stop within 20 s");
        }
        return process.exitValue();
    }

    String errors() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
