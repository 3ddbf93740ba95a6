// Reads one JSON event with Jackson's streaming parser, keeping only the selected fields.
package dev.s1ql.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Keys that no query reads are skipped without decoding their values; nested objects are entered only when a
 * selected 2.0 path (src.process.name) runs through them. JSON null counts as a missing field.
 */
public final class FieldExtractor {

    private static final ObjectMapper TREES = new ObjectMapper();

    private final JsonFactory factory;
    private final KeyTrie trie;
    final ChunkParser chunk;

    public FieldExtractor(FieldSelection selection) {
        this(new JsonFactory(), selection);
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
     * The key at each position of the last top-level object and where it led. Events of a run share their key
     * order, and Jackson hands back the same String for the same key, so one reference comparison usually
     * replaces a map lookup per key (a tenth of the reading time). Any other key falls back to the lookup.
     */
    private final String[] keyAt = new String[POSITIONS];
    private final KeyTrie.Node[] nodeAt = new KeyTrie.Node[POSITIONS];
    private static final int POSITIONS = 256;

    private void readObject(JsonParser p, KeyTrie.Node node, EventValues out)
            throws IOException, MalformedEventException {
        JsonToken t;
        boolean top = node == trie.root();
        int position = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            KeyTrie.Node child;
            if (top && position < POSITIONS) {
                if (keyAt[position] == key) {
                    child = nodeAt[position];
                } else {
                    child = node.child(key);
                    keyAt[position] = key;
                    nodeAt[position] = child;
                }
                position++;
            } else {
                child = node.child(key);
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
