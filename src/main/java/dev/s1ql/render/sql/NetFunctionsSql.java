// PowerQuery's net_* address tests (functions-reference.md §5) as SQL: the texts are matched against the same
// patterns the evaluator uses (eval/pipeline/IpText), and IPv4 subnets are compared as 32-bit numbers. An IPv6
// subnet other than net_rfc4193's fc00::/7 has no SQL form here (the text would have to be expanded first).
package dev.s1ql.render.sql;

import dev.s1ql.eval.pipeline.IpText;

import java.util.List;

/** Each method takes SQL text expressions and returns a boolean SQL expression that is NULL for a NULL address. */
final class NetFunctionsSql {

    private final SqlDialect d;

    NetFunctionsSql(SqlDialect d) {
        this.d = d;
    }

    /** The private IPv4 ranges of net_rfc1918, as SentinelOne lists them. */
    static final List<String> RFC1918 = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8");

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
        for (String cidr : RFC1918) {
            if (any.length() > 0) any.append(" OR ");
            any.append(inRange(x, V4Cidr.parse(cidr)));
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
        V4Cidr c = V4Cidr.parse(cidr);
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
    private String inRange(String x, V4Cidr c) {
        String[] part = new String[4];
        for (int i = 0; i < 4; i++) part[i] = "CAST(split_part(" + x + ", '.', " + (i + 1) + ") AS BIGINT)";
        String number = "((" + part[0] + " * 256 + " + part[1] + ") * 256 + " + part[2] + ") * 256 + " + part[3];
        return "(" + number + " BETWEEN " + c.first() + " AND " + c.last() + ")";
    }

    /** An IPv4 subnet as its first and last address numbers. */
    record V4Cidr(long first, long last) {
        static V4Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!address.matches(IpText.IPV4)) return null;
            int bits;
            try {
                bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (bits < 0 || bits > 32) return null;
            long a = 0;
            for (String part : address.split("[.]")) a = a * 256 + Integer.parseInt(part);
            long size = 1L << (32 - bits);
            long first = a / size * size;
            return new V4Cidr(first, first + size - 1);
        }
    }
}
