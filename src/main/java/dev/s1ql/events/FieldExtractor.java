// Reads one JSON event with Jackson's streaming parser, keeping only the selected fields.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys that no query reads are skipped without decoding their values; nested objects are entered only when a
 * selected 2.0 path (src.process.name) runs through them. JSON null counts as a missing field.
 */
public final class FieldExtractor {

    private static final ObjectMapper TREES = EventJson.mapper();

    private final JsonFactory factory;
    private final KeyTrie trie;
    final ChunkParser chunk;

    public FieldExtractor(FieldSelection selection) {
        this(EventJson.factory(), selection);
    }

    public FieldExtractor(JsonFactory factory, FieldSelection selection) {
        this.factory = factory;
        this.trie = selection.trie();
        this.chunk = new ChunkParser(factory);
    }

    /**
     * Fills {@code out} (already advanced to a new event) from {@code event}. Consecutive lines of one NDJSON
     * buffer share a parser ({@link ChunkParser}); when that does not give exactly the event's line, the line is
     * read again on its own, so results and error messages are those of {@link #extract(byte[], int, int,
     * EventValues)}.
     */
    public void extract(RawEvent event, EventValues out) throws MalformedEventException {
        JsonParser p = chunk.begin(event);
        if (p != null) {
            try {
                readObject(p, trie.root(), out);
                if (chunk.endsAtLineEnd(event)) return;
            } catch (IOException | MalformedEventException e) {
                // read alone below
            }
            chunk.drop();
            out.next();
        }
        event.settle(); // a deferred line end is found the usual way (the buffer may move)
        extract(event.buf, event.off, event.len, out);
    }

    /** Fills {@code out} (already advanced to a new event) from the JSON object in {@code buf[off, off+len)}. */
    public void extract(byte[] buf, int off, int len, EventValues out) throws MalformedEventException {
        try (JsonParser p = factory.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new MalformedEventException("an event must be a JSON object");
            readObject(p, trie.root(), out);
            if (p.nextToken() != null) throw new MalformedEventException("unexpected text after the end of the event");
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("bad JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEventException("cannot read the event: " + e.getMessage());
        }
    }

    /**
     * A top-level key as met in events: its spelling ready for a raw-byte comparison, where it leads, and the key
     * that followed it last time. Events of one kind repeat their key order, so the parser is asked first whether
     * the next key is the predicted one ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}
     * compares the bytes), which skips hashing the key into Jackson's symbol table and our own lookup: together
     * a quarter of the reading time. A different key is read and looked up as usual and becomes the prediction.
     */
    private static final class Key {
        final SerializedString name;
        final KeyTrie.Node node;
        Key next;

        Key(String name, KeyTrie.Node node) {
            this.name = new SerializedString(name);
            this.name.asQuotedUTF8(); // encoded once, here
            this.node = node;
        }
    }

    /** Beyond this many distinct top-level keys, new ones are looked up without being remembered. */
    private static final int KEY_LIMIT = 10_000;
    private final Map<String, Key> keys = new HashMap<>();
    private final Key objectStart = new Key("", KeyTrie.NONE);

    /** The remembered top-level key for a spelling, or null once {@link #KEY_LIMIT} keys are remembered. */
    private Key key(String name) {
        Key k = keys.get(name);
        if (k == null && keys.size() < KEY_LIMIT) {
            k = new Key(name, trie.root().child(name));
            keys.put(name, k);
        }
        return k;
    }

    private void readObject(JsonParser p, KeyTrie.Node node, EventValues out)
            throws IOException, MalformedEventException {
        JsonToken t;
        boolean top = node == trie.root();
        Key previous = objectStart;
        while (true) {
            KeyTrie.Node child;
            if (top) {
                Key predicted = previous == null ? null : previous.next;
                Key key;
                if (predicted != null && p.nextFieldName(predicted.name)) {
                    key = predicted;
                } else {
                    t = predicted != null ? p.currentToken() : p.nextToken();
                    if (t != JsonToken.FIELD_NAME) break;
                    key = key(p.currentName());
                    if (previous != null) previous.next = key;
                }
                child = key == null ? node.child(p.currentName()) : key.node;
                previous = key;
            } else {
                t = p.nextToken();
                if (t != JsonToken.FIELD_NAME) break;
                child = node.child(p.currentName());
            }
            JsonToken v = p.nextToken();
            if (child == KeyTrie.NONE) {
                if (v.isStructStart()) p.skipChildren();
            } else if (v == JsonToken.START_OBJECT && child.hasChildren()) {
                readObject(p, child, out);
            } else if (v.isStructStart()) {
                if (child.slot >= 0) out.set(child.slot, TREES.readTree(p).toString());
                else p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL && child.slot >= 0) {
                out.set(child.slot, p.getText());
            }
        }
        if (t != JsonToken.END_OBJECT) throw new MalformedEventException("the event object is not closed");
    }
}
