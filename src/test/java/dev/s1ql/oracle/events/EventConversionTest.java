// The converters of spec events to target shapes, on one event of each construct the mapping tables invert:
// plain columns, the registry key path and hive rewrite, AdditionalFields JSON, EndpointOS through DeviceInfo,
// ASIM string process ids; Sysmon's event terms, last-segment names and hive prefixes; CIM's multivalue tags.
package dev.s1ql.oracle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s1ql.oracle.kql.KqlTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventConversionTest {

    private static Map<String, Object> onlyRow(Map<String, KqlTable> tables, String table) {
        assertEquals(1, tables.get(table).rows().size(), table + ": " + tables.get(table).rows());
        return tables.get(table).rows().get(0);
    }

    @Test
    void mdeRegistryEventRewritesTheHiveAndKeepsTheValueNameEmpty() {
        Conversion<Map<String, KqlTable>> c = KqlEventTables.convert("mde", S1Event.read(List.of(
                "{\"id\": \"r\", \"eventType\": \"Registry Value Modified\", \"registryKeyPath\": \"MACHINE\\\\Software\\\\Run\","
                        + " \"srcProcPid\": \"4242\", \"endpointOs\": \"windows\"}")));
        Map<String, Object> row = onlyRow(c.data(), "DeviceRegistryEvents");
        assertEquals("RegistryValueSet", row.get("ActionType"));
        assertEquals("HKEY_LOCAL_MACHINE\\Software\\Run", row.get("RegistryKey"));
        assertEquals("", row.get("RegistryValueName"));
        assertEquals(4242L, row.get("InitiatingProcessId"));
        assertEquals("r", row.get(KqlEventTables.ID_COLUMN));
        Map<String, Object> device = onlyRow(c.data(), "DeviceInfo");
        assertEquals(row.get("DeviceId"), device.get("DeviceId"));
        assertEquals("Windows10", device.get("OSPlatform"));
    }

    @Test
    void mdeDnsNameGoesIntoAdditionalFieldsAndAnUnmappedFieldIsNoted() {
        Conversion<Map<String, KqlTable>> c = KqlEventTables.convert("mde", S1Event.read(List.of(
                "{\"id\": \"d\", \"dnsRequest\": \"api.ipify.org\", \"dnsResponse\": \"1.2.3.4\"}")));
        Map<String, Object> row = onlyRow(c.data(), "DeviceEvents");
        assertEquals("DnsQueryResponse", row.get("ActionType"));
        assertEquals("{\"DnsQueryString\":\"api.ipify.org\"}", row.get("AdditionalFields"));
        assertTrue(c.notes().get("d").stream().anyMatch(n -> n.startsWith("DnsResponse has no column")), c.describe());
    }

    @Test
    void anEventWhoseFieldsBelongToTwoKindsIsNotConverted() {
        Conversion<Map<String, KqlTable>> c = KqlEventTables.convert("mde", S1Event.read(List.of(
                "{\"id\": \"x\", \"tgtFilePath\": \"a\", \"dnsRequest\": \"b\"}")));
        assertTrue(c.data().values().stream().allMatch(t -> t.rows().isEmpty()));
        assertTrue(c.notes().get("x").get(0).startsWith("not in the target"), c.describe());
    }

    @Test
    void asimKeepsProcessIdsAsText() {
        Conversion<Map<String, KqlTable>> c = KqlEventTables.convert("sentinel-asim", S1Event.read(List.of(
                "{\"id\": \"p\", \"tgtProcPid\": 4242, \"tgtProcName\": \"cmd.exe\", \"endpointOs\": \"linux\"}")));
        Map<String, Object> row = onlyRow(c.data(), "_Im_ProcessCreate");
        assertEquals("4242", row.get("TargetProcessId"));
        assertEquals("cmd.exe", row.get("TargetProcessFilename"));
        assertEquals("Linux", row.get("DvcOs"));
    }

    @Test
    void sysmonProcessCreationPutsNamesWherePathsGo() {
        Conversion<List<Map<String, Object>>> c = SplEvents.convert("sysmon", S1Event.read(List.of(
                "{\"id\": \"p\", \"tgtProcName\": \"cmd.exe\", \"srcProcImagePath\": \"C:\\\\w\\\\explorer.exe\","
                        + " \"srcProcName\": \"explorer.exe\", \"tgtProcCmdLine\": \"cmd /c\"}")));
        Map<String, Object> e = c.data().get(0);
        assertEquals("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", e.get("source"));
        assertEquals("1", e.get("EventCode"));
        assertEquals("cmd.exe", e.get("Image"));
        assertEquals("C:\\w\\explorer.exe", e.get("ParentImage"));
        assertEquals("cmd /c", e.get("CommandLine"));
        assertEquals(Map.of(), c.notes());
    }

    @Test
    void sysmonRegistryRewritesTheHive() {
        Conversion<List<Map<String, Object>>> c = SplEvents.convert("sysmon", S1Event.read(List.of(
                "{\"id\": \"r\", \"eventType\": \"Registry Key Create\", \"registryKeyPath\": \"MACHINE\\\\Software\"}")));
        Map<String, Object> e = c.data().get(0);
        assertEquals("12", e.get("EventCode"));
        assertEquals("CreateKey", e.get("EventType"));
        assertEquals("HKLM\\Software", e.get("TargetObject"));
    }

    @Test
    void cimTagsAreMultivalueAndEmptyValuesAreLeftOut() {
        Conversion<List<Map<String, Object>>> c = SplEvents.convert("cim", S1Event.read(List.of(
                "{\"id\": \"p\", \"tgtProcCmdLine\": \"x\", \"endpointName\": \"\"}")));
        Map<String, Object> e = c.data().get(0);
        assertEquals(List.of("process", "report"), e.get("tag"));
        assertEquals(null, e.get("dest"));
        assertTrue(c.describe().contains("dest is empty"), c.describe());
    }
}
