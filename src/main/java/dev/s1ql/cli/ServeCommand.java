// `s1ql serve`: the web playground and JSON API on this machine (dev.s1ql.serve), until Ctrl-C.
package dev.s1ql.cli;

import dev.s1ql.serve.PlaygroundServer;
import dev.s1ql.serve.ServeLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the s1ql playground page and the JSON API (docs/api.md) on this machine until Ctrl-C. "
                + "Everything the page needs is inside the jar; nothing is fetched from the internet.",
        footer = {"", "Examples:",
                "  s1ql serve                      # http://127.0.0.1:8765/",
                "  s1ql serve --port 0 --open      # a free port, opened in the browser",
                "", "Exit codes: 0 stopped, 2 usage error or the port cannot be bound."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address "
                    + "lets other machines use the API and is warned about.")
    String host;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "N",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("s1ql serve: --port must be between 0 and 65535");
            return Main.EXIT_USAGE;
        }
        PlaygroundServer server;
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                err.println("s1ql serve: warning: listening on " + host + ", not only on this machine: anyone who can "
                        + "reach it can use the API (it has no authentication)");
            }
            server = PlaygroundServer.start(host, port, ServeLimits.defaults());
        } catch (IOException | RuntimeException e) {
            err.println("s1ql serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        String url = "http://" + shownHost + ":" + server.port() + "/";
        out.println("s1ql serve: listening on " + url + " (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(2);
            stopped.countDown();
        }, "s1ql-serve-stop"));
        if (open) openBrowser(url, err);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void openBrowser(String url, PrintWriter err) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(URI.create(url));
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the message
        }
        err.println("s1ql serve: cannot open a browser here; open " + url);
        err.flush();
    }
}
