// The event-kind table (event-kinds.tsv) through its lookup API, and the integrity of the data: a source on every
// row, every EventType and ObjectType a value the enum catalog knows, one primary code per EventType at most.
package dev.s1ql.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventKindsTest {

    private final EventKinds kinds = EventKinds.defaults();

    @Test
    void lookupsBothWays() {
        assertEquals(List.of("DNS Resolved", "DNS Unresolved"), kinds.eventTypes("dns"));
        assertEquals(List.of("TCPV4", "TCPV6"), kinds.metaEventNames("IP Connect"));
        assertEquals("TCPV4", kinds.primaryMetaEventName("ip connect"));
        assertEquals("PROCESSCREATION", kinds.primaryMetaEventName("ProcessCreation"), "Cloud Funnel 2.0 spelling");
        assertEquals("scheduled_task", kinds.objectType("Task Delete"));
        assertEquals("file", kinds.objectTypeOfCode("MALICIOUSFILE"));
        assertEquals(List.of(), kinds.eventTypes("MALICIOUSFILE"), "a code whose EventType no source names");
        assertNull(kinds.primaryMetaEventName("Open Remote Process Handle"));
        assertEquals("REGVALUEMODIFIED", kinds.canonicalMetaEventName("RegValueModified"));
        assertNull(kinds.canonicalMetaEventName("PROCESSCREATON"));
        assertEquals("edr", kinds.scheme(null, "file"));
        assertEquals("edr", kinds.scheme("Login", null));
        assertNull(kinds.scheme("Something Else", null));
        assertEquals(List.of("edr"), kinds.schemes());
        assertTrue(kinds.eventTypesOfObjectType("registry").contains("Registry Value Modified"));
    }

    @Test
    void everyRowHasASourceAndKnownValues() {
        EnumCatalog enums = EnumCatalog.defaults();
        Map<String, Integer> primaries = new HashMap<>();
        for (EventKinds.Kind k : kinds.all()) {
            assertFalse(k.source().isBlank(), k::toString);
            assertFalse(k.metaEventName().isEmpty() && k.eventType().isEmpty(), k::toString);
            if (!k.eventType().isEmpty()) assertEquals(k.eventType(), enums.canonical("EventType", k.eventType()), k::toString);
            if (!k.objectType().isEmpty() && !k.objectType().equals("driver")) {
                assertEquals(k.objectType(), enums.canonical("ObjectType", k.objectType()), k::toString);
            }
            if (k.primary()) primaries.merge(k.eventType(), 1, Integer::sum);
        }
        primaries.forEach((type, n) -> assertEquals(1, n, "primary codes of " + type));
        assertEquals(kinds.metaEventNames(), enums.values(EventKinds.META_EVENT_NAME));
    }

    @Test
    void theTwoPointZeroFieldsAreCatalogued() {
        FieldCatalog fields = FieldCatalog.defaults();
        for (String f : List.of("i.scheme", "meta.event.name", "dataSource.name", "message", "timestamp")) {
            assertTrue(fields.lookupS1ql2(f) != null, f);
        }
        assertTrue(fields.lookupS1ql2("meta.event.name").isEnum());
        assertEquals("event.category", fields.lookup("ObjectType").s1ql2());
    }
}
