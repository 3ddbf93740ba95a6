// PowerQuery's net_* address tests (functions-reference.md §5) as SQL: the texts are matched against the same
// patterns the evaluator uses (eval/pipeline/IpText), and IPv4 subnets are compared as 32-bit numbers. An IPv6
// subnet other than net_rfc4193's fc00::/7 has no SQL form here (the text would have to be expanded first).
package dev.s1ql.render.sql;

import dev.s1ql.eval.pipeline.IpText;

/** Each method takes SQL text expressions and returns a boolean SQL expression that is NULL for a NULL address. */
final class NetFunctionsSql {

    private final SqlDialect d;

    NetFunctionsSql(SqlDialect d) {
        this.d = d;
    }

    /** A one-argument net_* test by its PowerQuery name. */
    String test(String function, String x) {
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

    String ipv4(String x) {
        return whole(x, IpText.IPV4);
    }

    String ipv6(String x) {
        return whole(x, IpText.IPV6);
    }

    String ip(String x) {
        return "(" + ipv4(x) + " OR " + ipv6(x) + ")";
    }

    String rfc1918(String x) {
        StringBuilder any = new StringBuilder();
        for (String cidr : IpText.RFC1918) {
            if (any.length() > 0) any.append(" OR ");
            any.append(inRange(x, IpText.v4Range(cidr)));
        }
        return "CASE WHEN " + ipv4(x) + " THEN (" + any + ") WHEN " + x + " IS NOT NULL THEN false END";
    }

    /** fc00::/7: the first group is written with four digits and starts with fc or fd. */
    String rfc4193(String x) {
        return "(" + ipv6(x) + " AND " + d.regex(x, "\\A[fF][cCdD][0-9A-Fa-f]{2}:") + ")";
    }

    String isPrivate(String x) {
        return "(" + rfc1918(x) + " OR " + rfc4193(x) + ")";
    }

    /**
     * net_ipsubnet with a constant subnet; null when the subnet is IPv6 (no SQL form). A subnet that is no CIDR
     * matches nothing, as in the evaluator.
     */
    String inSubnet(String x, String cidr) {
        long[] c = IpText.v4Range(cidr);
        if (c == null) {
            if (cidr.indexOf(':') >= 0) return null;
            return "CASE WHEN " + x + " IS NOT NULL THEN false END";
        }
        return "CASE WHEN " + ipv4(x) + " THEN " + inRange(x, c) + " WHEN " + x + " IS NOT NULL THEN false END";
    }

    private String whole(String x, String pattern) {
        return d.regex(x, "\\A(" + pattern + ")\\z");
    }

    /** The address (known to be dotted-quad IPv4) as a number, compared with the subnet's range. */
    private String inRange(String x, long[] c) {
        String[] part = new String[4];
        for (int i = 0; i < 4; i++) part[i] = "CAST(split_part(" + x + ", '.', " + (i + 1) + ") AS BIGINT)";
        String number = "((" + part[0] + " * 256 + " + part[1] + ") * 256 + " + part[2] + ") * 256 + " + part[3];
        return "(" + number + " BETWEEN " + c[0] + " AND " + c[1] + ")";
    }
}
