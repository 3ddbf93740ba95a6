// A one-line progress bar on stderr for long evaluation runs, drawn only when stderr is a terminal.
package dev.s1ql.cli.eval;

import dev.s1ql.events.EventFiles;
import java.io.PrintWriter;

/**
 * Redrawn at most a few times a second from the reading loop (no thread), so it costs nothing measurable.
 * Progress is bytes read from disk (compressed bytes for .gz) against the sizes of the event files.
 * Not a library (me.tongfei:progressbar): that one draws from its own thread and brings JLine (about 1 MB) to
 * size the terminal; one carriage-return line at a fixed width needs neither.
 */
public final class ProgressBar {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final EventFiles.Progress progress;
    private long lastDraw = System.nanoTime();
    private boolean drawn;

    public ProgressBar(PrintWriter err, EventFiles.Progress progress) {
        this.err = err;
        this.progress = progress;
    }

    /** Called often; draws when enough time has passed. */
    public void tick(long events, long matches) {
        if ((events & 1023) != 0) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        long total = progress.bytesTotal();
        double frac = total > 0 ? Math.min(1.0, (double) progress.bytesRead() / total) : 0;
        int filled = (int) (frac * WIDTH);
        String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
        String pct = total > 0 ? String.format("%3d%%", (int) (frac * 100)) : " ...";
        err.printf("\r[%s] %s  %,d events  %,d matches", bar, pct, events, matches);
        err.flush();
        drawn = true;
    }

    /** Erases the bar so that the summary starts on a clean line. */
    public void clear() {
        if (!drawn) return;
        err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        err.flush();
    }
}
