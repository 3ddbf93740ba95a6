// A set of SentinelOne events a target searches as one: what is known about their kind, EventType and endpoint
// OS (null = any). The translation core decides every test on a known attribute, and every test on a field the
// kind does not carry, before a target sees the condition.
package dev.s1ql.translate.core;

/**
 * @param objectType the kind of event (ObjectType value, lower case), or null for any
 * @param eventType  the EventType (official spelling), or null for any of the kind
 * @param os         the EndpointOS value, or null for any
 */
public record EventClass(String objectType, String eventType, String os) {

    /** Every event: nothing is known (SQL, S1QL 2.0 targets). */
    public static final EventClass ANY = new EventClass(null, null, null);

    /** For messages: "Process Creation (windows)", "registry"; "" when nothing is known (a single-leg target). */
    public String label() {
        if (eventType != null) return eventType + (os == null ? "" : " (" + os + ")");
        if (objectType != null) return objectType + (os == null ? "" : " (" + os + ")");
        return os == null ? "" : "any (" + os + ")";
    }
}
