// An SPL profile as a spec target: the query translated to SPL with that profile, the events converted to the
// profile's field names (SplEvents), and the SPL run on the SPL oracle; the matching events keep their "id".
package dev.s1ql.oracle;

import dev.s1ql.eval.EvalSpecFile;
import dev.s1ql.oracle.events.Conversion;
import dev.s1ql.oracle.events.S1Event;
import dev.s1ql.oracle.events.SplEvents;
import dev.s1ql.oracle.spl.SplOracle;
import dev.s1ql.translate.Translation;
import java.util.List;
import java.util.Map;

public final class SplTarget implements SpecTarget {

    private final String profile;

    public SplTarget(String profile) {
        this.profile = profile;
    }

    @Override
    public String name() {
        return "spl." + profile;
    }

    @Override
    public TargetRun run(EvalSpecFile spec) {
        Translation t = KqlTarget.translate(spec.query(), "spl", profile, spec.options().regexCaseInsensitive());
        Conversion<List<Map<String, Object>>> events = SplEvents.convert(profile, S1Event.read(spec.events()));
        return new TargetRun(SplOracle.run(t.output(), events.data()), t.output(), events.describe());
    }
}
