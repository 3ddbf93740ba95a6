// One event file format: reads a stream to the end, delivering events and problems to a sink.
package dev.s1ql.events;

import java.io.IOException;
import java.io.InputStream;

public interface EventReader {

    /**
     * @return false when the sink asked to stop
     * @throws IOException on an I/O failure of the stream itself (not on a malformed event)
     */
    boolean read(InputStream in, String file, EventSink sink) throws IOException;
}
