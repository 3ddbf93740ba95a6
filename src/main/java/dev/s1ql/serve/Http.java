// HTTP details every response shares: bounded body reading, JSON and error answers, and the security headers
// (a strict Content-Security-Policy with no inline script or style, no sniffing, no framing, no referrer).
package dev.s1ql.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

final class Http {

    /** Everything from this origin only; no inline script or style, no plugins, no framing, no form targets. */
    static final String CSP = csp(null);

    /**
     * The policy; with a nonce, style elements carrying it are allowed too (the page's editor, CodeMirror, writes
     * its own styles into a style element and takes the nonce from the page). Never any inline script.
     */
    static String csp(String styleNonce) {
        return "default-src 'none'; script-src 'self'; style-src 'self'" + (styleNonce == null ? "" : " 'nonce-" + styleNonce + "'")
                + "; connect-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    private Http() {
    }

    /** The request body, or a 413 when it is longer than {@code max} bytes (by its Content-Length or as read). */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number");
            }
            if (n > max) {
                if (n <= DRAINED) drain(ex.getRequestBody());
                throw tooLarge(max);
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared != null ? Math.min(max, 1 << 16) : 1 << 12);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > max) {
                    drain(in);
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * How much of a refused body is read and thrown away, so that the client, still sending, reads the 413
     * instead of a reset connection; past this the connection is simply closed.
     */
    static final long DRAINED = 64L << 20;

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while (total < DRAINED && (n = in.read(buf)) > 0) total += n;
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "the request body is larger than " + max + " bytes");
    }

    static void securityHeaders(Headers h) {
        securityHeaders(h, null);
    }

    static void securityHeaders(Headers h, String styleNonce) {
        h.set("Content-Security-Policy", csp(styleNonce));
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    static void json(HttpExchange ex, ObjectMapper m, int status, ObjectNode body) throws IOException {
        byte[] bytes = m.writeValueAsBytes(body);
        Headers h = ex.getResponseHeaders();
        securityHeaders(h);
        h.set("Content-Type", "application/json; charset=utf-8");
        h.set("Cache-Control", "no-store");
        send(ex, status, bytes);
    }

    static void error(HttpExchange ex, ObjectMapper m, int status, String message) throws IOException {
        ObjectNode n = m.createObjectNode();
        n.put("error", message);
        json(ex, m, status, n);
    }

    static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
