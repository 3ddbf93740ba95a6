// All substring-family patterns (contains, starts, ends) on one field in one case mode, shared by every rule.
package dev.s1ql.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first rule that asks about the field in an event triggers one automaton pass over the value (none when
 * the value equals the last one scanned: its hits still stand; none when it is one of the recent values whose
 * hits are remembered, see {@link RecentScans}); every other
 * rule's contains/starts/ends test on that field is then an array lookup. This is what keeps a rule pack of
 * thousands of {@code In Contains AnyCase} lists close to the cost of one.
 */
final class SubstringIndex implements AhoCorasick.Hits {

    final int slot;
    final boolean ignoreCase;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> patterns = new ArrayList<>();
    private AhoCorasick automaton;
    private int[] lengths;
    /**
     * Per pattern: the pass that found it, shifted left by 2, with bit 1 set when found at the start of the
     * value and bit 2 when found at its end. One int array, so a hit touches one small array (the command-line
     * index has 11,000 patterns).
     */
    private int[] marks;
    private long scannedStamp;
    private int[] hitList = new int[16];
    private int hitCount;
    /** Numbers each automaton pass; the stamp arrays hold the pass that found the hit. */
    private int scans;
    /** The pass whose results hold for the current event (0: the value is missing, nothing found). */
    private int current;
    private int textLength;
    /** The value of the last pass: events come in runs that repeat values (the same image path, key, host). */
    private String lastText;
    /** Hits of recent values (allocated on the first pass: most indexes never see an event). */
    private RecentScans recent;

    /** Pass numbers stay below this, so that a pass shifted left by 2 is a positive int; then marks restart. */
    private static final int MAX_PASS = 1 << 29;

    SubstringIndex(int slot, boolean ignoreCase) {
        this.slot = slot;
        this.ignoreCase = ignoreCase;
    }

    /** The id of a (non-empty) pattern, as written; folded here when the index ignores case. */
    int register(String pattern) {
        String p = ignoreCase ? CaseFold.fold(pattern) : pattern;
        return ids.computeIfAbsent(p, k -> {
            patterns.add(k);
            return patterns.size() - 1;
        });
    }

    int size() {
        return patterns.size();
    }

    int length(int pattern) {
        return patterns.get(pattern).length();
    }

    void build() {
        automaton = new AhoCorasick(patterns);
        int n = patterns.size();
        lengths = new int[n];
        for (int i = 0; i < n; i++) lengths[i] = patterns.get(i).length();
        marks = new int[n];
    }

    /** Runs the automaton over the current event's value unless it already ran for this event. */
    private void ensureScanned(EventView event) {
        long now = event.stamp();
        if (scannedStamp == now) return;
        scannedStamp = now;
        String text = event.value(slot);
        if (text == null) {
            current = 0;
            return;
        }
        // The same value as the last pass: its hits still stand (a length check rejects most others at once).
        if (current != 0 && text.equals(lastText)) return;
        if (++scans == MAX_PASS) {
            java.util.Arrays.fill(marks, 0);
            scans = 1;
        }
        current = scans;
        lastText = text;
        hitCount = 0;
        textLength = text.length();
        if (recent == null) recent = new RecentScans();
        int hash = RecentScans.hash(text);
        int[] known = recent.find(text, hash);
        if (known != null) {
            for (int code : known) replay(code);
            return;
        }
        // Folding char by char inside the scan avoids building a folded copy of long values.
        automaton.scan(text, ignoreCase, this);
        recent.remember(text, hash, hitList, hitCount, codeOf);
    }

    private final java.util.function.IntUnaryOperator codeOf = this::code;

    /** A hit of the current pass as RecentScans keeps it: the pattern, and whether it was at the start / end. */
    private int code(int pattern) {
        return pattern << 2 | (marks[pattern] & 3);
    }

    private void replay(int code) {
        int pattern = code >>> 2;
        if (hitCount == hitList.length) hitList = java.util.Arrays.copyOf(hitList, hitCount * 2);
        hitList[hitCount++] = pattern;
        marks[pattern] = current << 2 | (code & 3);
    }

    /** The distinct patterns found in the current event's value; valid until the next event. */
    int hits(EventView event) {
        ensureScanned(event);
        return current == 0 ? 0 : hitCount;
    }

    int[] hitList() {
        return hitList;
    }

    @Override
    public void hit(int pattern, int endIndex) {
        int pass = current << 2;
        int m = marks[pattern];
        if ((m & ~3) == pass) {
            // A repeat: an occurrence at the start is always the first one reported, so only the end can be new.
            if (endIndex + 1 == textLength) marks[pattern] = m | 2;
            return;
        }
        if (hitCount == hitList.length) hitList = java.util.Arrays.copyOf(hitList, hitCount * 2);
        hitList[hitCount++] = pattern;
        m = pass;
        if (endIndex + 1 == lengths[pattern]) m |= 1;
        if (endIndex + 1 == textLength) m |= 2;
        marks[pattern] = m;
    }

    boolean contains(EventView event, int pattern) {
        ensureScanned(event);
        return current != 0 && (marks[pattern] & ~3) == current << 2;
    }

    boolean startsWith(EventView event, int pattern) {
        ensureScanned(event);
        int m = marks[pattern];
        return current != 0 && (m & ~3) == current << 2 && (m & 1) != 0;
    }

    boolean endsWith(EventView event, int pattern) {
        ensureScanned(event);
        int m = marks[pattern];
        return current != 0 && (m & ~3) == current << 2 && (m & 2) != 0;
    }
}
