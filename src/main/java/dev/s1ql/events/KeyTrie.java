// Case-insensitive lookup from JSON keys (and nested key paths) to field slots, cached per exact key spelling.
package dev.s1ql.events;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One node per key-path segment. Lookups by the exact key string are cached, because Jackson hands back the
 * same few hundred key spellings millions of times and lower-casing each of them would dominate the cost.
 */
final class KeyTrie {

    /** Beyond this many distinct spellings per node the cache stops growing, so memory stays flat. */
    private static final int CACHE_LIMIT = 50_000;

    static final class Node {
        int slot = -1;
        final Map<String, Node> children = new HashMap<>();
        private final Map<String, Node> bySpelling = new HashMap<>();

        boolean hasChildren() {
            return !children.isEmpty();
        }

        /** The child for a key as written in the event, or {@link #NONE}. */
        Node child(String key) {
            Node n = bySpelling.get(key);
            if (n != null) return n;
            n = children.getOrDefault(key.toLowerCase(Locale.ROOT), NONE);
            if (bySpelling.size() < CACHE_LIMIT) bySpelling.put(key, n);
            return n;
        }
    }

    /** The result of a lookup that leads nowhere: no slot, no children. */
    static final Node NONE = new Node();

    private final Node root = new Node();

    Node root() {
        return root;
    }

    void add(String dottedPath, int slot) {
        Node n = root;
        for (String segment : dottedPath.split("\\.")) {
            n = n.children.computeIfAbsent(segment.toLowerCase(Locale.ROOT), k -> new Node());
        }
        if (n.slot < 0) n.slot = slot;
    }

    void addFlat(String dottedKey, int slot) {
        Node n = root.children.computeIfAbsent(dottedKey.toLowerCase(Locale.ROOT), k -> new Node());
        if (n.slot < 0) n.slot = slot;
    }
}
