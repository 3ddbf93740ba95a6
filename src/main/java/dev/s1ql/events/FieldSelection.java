// The event fields the loaded queries read, each with a slot number and the key paths that may hold it.
package dev.s1ql.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Built once before reading: every concrete field a query references gets a slot, and each slot lists the
 * key paths it can be read from (the 1.0 name, the 2.0 dotted name as a nested path or as a flat dotted key).
 * Readers then keep only those keys, so the cost of an event is the cost of the fields the rules need.
 */
public final class FieldSelection {

    private final Map<String, Integer> slotByName = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final KeyTrie trie = new KeyTrie();

    /**
     * The slot of a field, registering it on first use.
     *
     * @param name     the field's canonical name (its identity; compared without case)
     * @param keyPaths dotted key paths that hold it, compared without case ("srcProcName", "src.process.name")
     */
    public int slot(String name, List<String> keyPaths) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer existing = slotByName.get(key);
        if (existing != null) return existing;
        int slot = names.size();
        names.add(name);
        slotByName.put(key, slot);
        for (String path : keyPaths) {
            trie.add(path, slot);
            // A dotted name may also arrive flat, as one key with dots in it (some exports flatten).
            if (path.indexOf('.') >= 0) trie.addFlat(path, slot);
        }
        return slot;
    }

    public int size() {
        return names.size();
    }

    public String name(int slot) {
        return names.get(slot);
    }

    KeyTrie trie() {
        return trie;
    }
}
