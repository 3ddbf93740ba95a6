// The page's files, served from inside the jar: a fixed list of names, so no request path ever reaches the
// file system or an unlisted resource. index.html gets a fresh style nonce with each response (see Http.csp).
package dev.s1ql.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

final class StaticFiles {

    static final String ROOT = "/dev/s1ql/serve/web/";

    /** Request path → resource name and content type. */
    private static final Map<String, String[]> FILES = new LinkedHashMap<>();

    static {
        FILES.put("/", new String[]{"index.html", "text/html; charset=utf-8"});
        FILES.put("/index.html", new String[]{"index.html", "text/html; charset=utf-8"});
        FILES.put("/app.js", new String[]{"app.js", "text/javascript; charset=utf-8"});
        FILES.put("/app.css", new String[]{"app.css", "text/css; charset=utf-8"});
        FILES.put("/favicon.svg", new String[]{"favicon.svg", "image/svg+xml"});
    }

    private final Map<String, byte[]> bytes = new LinkedHashMap<>();

    StaticFiles() {
        for (Map.Entry<String, String[]> e : FILES.entrySet()) {
            try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + e.getValue()[0])) {
                if (in != null) bytes.put(e.getKey(), in.readAllBytes());
            } catch (IOException ex) {
                throw new IllegalStateException("page file " + e.getValue()[0] + " cannot be read", ex);
            }
        }
    }

    /** Where index.html takes the style nonce of its response. */
    static final String NONCE_SLOT = "{{style-nonce}}";

    private final java.security.SecureRandom random = new java.security.SecureRandom();

    /** True when the path named a page file and it was sent. */
    boolean serve(HttpExchange ex, String path) throws IOException {
        byte[] b = bytes.get(path);
        if (b == null) return false;
        var h = ex.getResponseHeaders();
        String nonce = null;
        if (FILES.get(path)[0].equals("index.html")) {
            byte[] n = new byte[18];
            random.nextBytes(n);
            nonce = java.util.Base64.getEncoder().encodeToString(n);
            b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replace(NONCE_SLOT, nonce)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        Http.securityHeaders(h, nonce);
        h.set("Content-Type", FILES.get(path)[1]);
        h.set("Cache-Control", "no-cache");
        Http.send(ex, 200, b);
        return true;
    }
}
