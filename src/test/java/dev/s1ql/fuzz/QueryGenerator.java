// Random S1QL 1.0 queries for the fuzzer: every operator, hostile string values, deep nesting, from one seed.
package dev.s1ql.fuzz;

import dev.s1ql.parse.StringLiteralScanner;

import java.util.List;
import java.util.Random;

final class QueryGenerator {

    /** Known fields of each type, a legacy name, a shortcut, and an unknown field. */
    private static final List<String> TEXT_FIELDS = List.of("TgtProcName", "SrcProcCmdLine", "TgtFilePath",
            "DnsRequest", "RegistryKeyPath", "EndpointName", "AgentName", "CmdLine", "SomeUnknownField");
    private static final List<String> NUMBER_FIELDS = List.of("TgtProcPid", "DstPort", "SrcProcPid");
    private static final List<String> ENUM_FIELDS = List.of("EventType", "ObjectType", "EndpointOS");
    private static final List<String> BOOL_FIELDS = List.of("TgtFileIsExecutable", "LoginIsAdministratorEquivalent");
    private static final List<String> TEXT_OPERATORS = List.of("=", "!=", "Contains", "ContainsCIS", "Contains AnyCase",
            "Does Not Contain", "Does Not ContainCIS", "StartsWith", "StartsWithCIS", "EndsWith", "EndsWithCIS",
            "RegExp");
    private static final List<String> LIST_OPERATORS = List.of("In", "Not In", "In AnyCase", "Not In AnyCase",
            "In Contains", "In Contains AnyCase");
    private static final List<String> HOSTILE = List.of("\"", "\\", "\\\"", "\" AND ", "\" OR x", "\")", "'", "\u0000",
            "\u2028", "\uFEFF", "é", "\uD83D\uDE00", " AND ", " or ", ")", "(", ",", "*", "?", "%", "_", "\t", "\n",
            "$", "|", "`", "@\"", "--", "//", "/*", "\\\\", "'; DROP", "${x}", "\\u0041", ".*", "[a-z]", "(?i)",
            "a\\", "User", "cmd.exe", "C:\\Windows\\", "\r\n");
    private static final List<String> ENUM_VALUES = List.of("Process Creation", "DNS", "windows", "File Creation",
            "process creation", "Registry Value Modified");

    private final Random r;
    private final int maxDepth;

    QueryGenerator(long seed) {
        this.r = new Random(seed);
        this.maxDepth = 1 + r.nextInt(6);
    }

    Random random() {
        return r;
    }

    String query() {
        return expr(0);
    }

    private String expr(int depth) {
        int k = depth >= maxDepth ? 0 : r.nextInt(10);
        if (k <= 4) return predicate();
        if (k <= 6) return join(depth, " AND ");
        if (k <= 8) return join(depth, " OR ");
        return "NOT (" + expr(depth + 1) + ")";
    }

    private String join(int depth, String op) {
        int n = 2 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(r.nextInt(4) == 0 ? op.toLowerCase() : op);
            String e = expr(depth + 1);
            sb.append(r.nextBoolean() ? "(" + e + ")" : e);
        }
        return sb.toString();
    }

    private String predicate() {
        return switch (r.nextInt(12)) {
            case 0 -> pick(NUMBER_FIELDS) + " " + pick(List.of("=", "!=", "<", ">", "<=", ">=")) + " " + number();
            case 1 -> pick(NUMBER_FIELDS) + " Between " + number() + " AND " + number();
            case 2 -> pick(ENUM_FIELDS) + (r.nextBoolean() ? " " + pick(List.of("=", "!=")) + " " + quoted(pick(ENUM_VALUES))
                    : " " + pick(List.of("In", "Not In")) + " (" + quoted(pick(ENUM_VALUES)) + ")");
            case 3 -> pick(BOOL_FIELDS) + " " + pick(List.of("Is True", "Is False", "= true", "= false"));
            case 4 -> pick(TEXT_FIELDS) + " " + pick(List.of("Exists", "Is Empty", "Is Not Empty"));
            case 5, 6 -> pick(TEXT_FIELDS) + " " + pick(LIST_OPERATORS) + " (" + list() + ")";
            default -> {
                String op = pick(TEXT_OPERATORS);
                yield pick(TEXT_FIELDS) + " " + op + " " + quoted(op.equals("RegExp") ? regex() : text());
            }
        };
    }

    private String list() {
        int n = 1 + r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(quoted(text()));
        return sb.toString();
    }

    /** A value that 1.0 can write back (the spec's one ambiguity, a quote before a valid end, is avoided). */
    private String quoted(String v) {
        if (!StringLiteralScanner.roundTrips(v, true) || !StringLiteralScanner.roundTrips(v, false) || v.endsWith("\\")
                || v.isEmpty()) {
            v = v.replace("\"", "q").replace("\\", "/");
            if (v.isEmpty()) v = "v";
        }
        return StringLiteralScanner.quote(v);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append(pick(HOSTILE));
                case 1 -> sb.append(word());
                case 2 -> sb.append((char) (32 + r.nextInt(95)));
                default -> sb.append(pick(List.of("cmd.exe", "powershell", "-enc", "\\AppData\\", "api.ipify.org",
                        "HKLM\\Software")));
            }
        }
        return sb.toString();
    }

    private String regex() {
        return pick(List.of("a.*b", "^cmd", "exe$", "(?i)power", "[0-9]+", "a|b", "\\d{2,}", "x?y", "(ab)+",
                "\\.exe", "\\\\Temp\\\\", "[^a]", "(?<n>a)", "\\p{Lower}", "a{1,3}", "\\bword\\b"));
    }

    private String word() {
        int n = 1 + r.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append((char) ('a' + r.nextInt(26)));
        return r.nextInt(3) == 0 ? sb.toString().toUpperCase() : sb.toString();
    }

    private String number() {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt(70000));
            case 1 -> "-" + r.nextInt(100);
            case 2 -> r.nextInt(100) + "." + r.nextInt(100);
            default -> "\"" + r.nextInt(1000) + "\"";
        };
    }

    <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }
}
