// PowerQuery's net_* address tests (functions-reference.md §5) as KQL: the texts are matched against the
// evaluator's own patterns (eval/pipeline/IpText, which RE2 runs) rather than with parse_ipv4/ipv4_is_private,
// whose accepted forms and ranges differ (ipv4_is_private leaves out 127/8, parse_ipv4 takes a CIDR suffix);
// IPv4 subnets compare the address as a number built from its four parts. KQL text has no null: an empty value
// (the field missing) gives a null result, as a missing field does in the evaluator.
package dev.s1ql.render.kql;

import dev.s1ql.eval.pipeline.IpText;

/** Each method takes a KQL string expression and returns a bool expression. IPv6 subnets have no form here. */
final class NetFunctionsKql {
    private NetFunctionsKql() {
    }

    /** A one-argument net_* test by its PowerQuery name. */
    static String test(String function, String x) {
        return switch (function) {
            case "net_ipv4" -> ipv4(x);
            case "net_ipv6" -> ipv6(x);
            case "net_ip" -> ip(x);
            case "net_rfc1918" -> rfc1918(x);
            case "net_rfc4193" -> rfc4193(x);
            case "net_private" -> isPrivate(x);
            default -> throw new IllegalArgumentException("not a one-argument net_* function: " + function);
        };
    }

    static String ipv4(String x) {
        return orNull(x, whole(x, IpText.IPV4));
    }

    static String ipv6(String x) {
        return orNull(x, whole(x, IpText.IPV6));
    }

    static String ip(String x) {
        return orNull(x, "(" + whole(x, IpText.IPV4) + " or " + whole(x, IpText.IPV6) + ")");
    }

    static String rfc1918(String x) {
        StringBuilder any = new StringBuilder();
        for (String cidr : IpText.RFC1918) {
            any.append(any.length() == 0 ? "" : " or ").append(inRange(x, IpText.v4Range(cidr)));
        }
        return orNull(x, "iff(" + whole(x, IpText.IPV4) + ", " + any + ", false)");
    }

    static String rfc4193(String x) {
        return orNull(x, "(" + whole(x, IpText.IPV6) + " and " + x + " matches regex "
                + KqlLiteral.string("\\A[fF][cCdD][0-9A-Fa-f]{2}:") + ")");
    }

    static String isPrivate(String x) {
        return orNull(x, "(" + rfc1918(x) + " or " + rfc4193(x) + ")");
    }

    /** net_ipsubnet with a constant subnet; null when the subnet is IPv6. A subnet that is no CIDR matches nothing. */
    static String inSubnet(String x, String cidr) {
        long[] r = IpText.v4Range(cidr);
        if (r == null) return cidr.indexOf(':') >= 0 ? null : orNull(x, "false");
        return orNull(x, "iff(" + whole(x, IpText.IPV4) + ", " + inRange(x, r) + ", false)");
    }

    private static String orNull(String x, String test) {
        return "iff(isempty(" + x + "), bool(null), " + test + ")";
    }

    private static String whole(String x, String pattern) {
        return "(" + x + " matches regex " + KqlLiteral.string("\\A(" + pattern + ")\\z") + ")";
    }

    private static String inRange(String x, long[] r) {
        String[] part = new String[4];
        for (int i = 0; i < 4; i++) part[i] = "tolong(split(" + x + ", \".\")[" + i + "])";
        String n = "((" + part[0] + " * 256 + " + part[1] + ") * 256 + " + part[2] + ") * 256 + " + part[3];
        return "(" + n + " between (" + r[0] + " .. " + r[1] + "))";
    }
}
