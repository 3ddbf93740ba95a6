// The reading choices the translation core makes for every target: the spec's open questions on case (each a
// documented default with a command-line option) and whether known generator misspellings of EventType values are
// read as the official value (targets that map event types; the exact targets keep the query as written).
package dev.s1ql.translate.core;

/**
 * @param regexCaseInsensitive a 1.0 RegExp ignores case (default true: SentinelOne's own converter writes it as
 *                             plain 2.0 {@code matches}); {@code --regex-case sensitive} sets false
 * @param enumCaseInsensitive  1.0 enum fields compare without case (spec §6.3; default true)
 * @param correctEventTypes    read {@code ModuleLoad} as {@code Module Load} (with a warning) instead of as a
 *                             value no SentinelOne event has
 * @param stampsAsData         leave tests on {@code i.scheme} and {@code meta.event.name} as tests on those fields
 *                             (a target that runs on SentinelOne's own events and derives them, as SQL does)
 *                             instead of reading them as event-kind tests (EventStamps)
 */
public record LoweringOptions(boolean regexCaseInsensitive, boolean enumCaseInsensitive, boolean correctEventTypes,
                              boolean stampsAsData) {

    public static final LoweringOptions DEFAULTS = new LoweringOptions(true, true, false, false);

    /** The readings a translation asks for, for a target that does or does not correct EventType spellings. */
    public static LoweringOptions of(dev.s1ql.translate.TranslationOptions o, boolean correctEventTypes) {
        return new LoweringOptions(o.regexCaseInsensitive(), true, correctEventTypes, false);
    }

    public LoweringOptions withRegexCaseInsensitive(boolean v) {
        return new LoweringOptions(v, enumCaseInsensitive, correctEventTypes, stampsAsData);
    }

    public LoweringOptions withCorrectEventTypes(boolean v) {
        return new LoweringOptions(regexCaseInsensitive, enumCaseInsensitive, v, stampsAsData);
    }

    public LoweringOptions withStampsAsData(boolean v) {
        return new LoweringOptions(regexCaseInsensitive, enumCaseInsensitive, correctEventTypes, v);
    }
}
