// The text forms of IP addresses the net_* functions accept, as regular expressions both the evaluator and the
// SQL translation use, so that the two read the same texts as addresses: dotted-quad IPv4 (1 to 3 digits per
// part, each at most 255) and RFC 4291 IPv6 (eight groups, `::` for one or more zero groups, an IPv4 tail).
package dev.s1ql.eval.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The patterns use only what RE2, Java and POSIX-ish engines share (groups, classes, counted repeats) and match
 * a whole text when anchored by the caller. No zone index ({@code %eth0}), no brackets, no surrounding spaces.
 */
public final class IpText {
    private IpText() {
    }

    /** One IPv4 part: 0 to 255 in 1 to 3 digits (leading zeros allowed, as in {@code 010}). */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0[0-9][0-9]|[0-9]?[0-9])";

    /** A dotted-quad IPv4 address. */
    public static final String IPV4 = OCTET + "([.]" + OCTET + "){3}";

    private static final String HEX = "[0-9A-Fa-f]{1,4}";

    /** net_rfc1918's subnets, as SentinelOne's reference lists them (127/8 included). */
    public static final List<String> RFC1918 = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8");

    /**
     * The first and last address of an IPv4 subnet ({@code 10.0.0.0/8}; no suffix: one address) as 32-bit
     * numbers, or null when the text is no IPv4 subnet (what the evaluator's net_ipsubnet matches nothing with).
     */
    public static long[] v4Range(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!address.matches(IPV4)) return null;
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
        return new long[] {first, first + size - 1};
    }

    /** An IPv6 address in any RFC 4291 text form (hex groups of either case). */
    public static final String IPV6 = ipv6();

    private static String ipv6() {
        List<String> forms = new ArrayList<>();
        addForms(forms, 8, "");
        addForms(forms, 6, IPV4);
        return "(" + String.join("|", forms) + ")";
    }

    /** The forms with {@code groups} hex groups (the last one followed by {@code tail} when there is one). */
    private static void addForms(List<String> forms, int groups, String tail) {
        boolean v4 = !tail.isEmpty();
        // No "::": every group written.
        forms.add(v4 ? "(" + HEX + ":){" + groups + "}" + tail : "(" + HEX + ":){" + (groups - 1) + "}" + HEX);
        // "::" standing for at least one group, with `left` groups before it and at most groups-1-left after it.
        for (int left = 0; left < groups; left++) {
            int most = groups - 1 - left;
            String before = left == 0 ? ":" : "(" + HEX + ":){" + left + "}";
            String after;
            if (v4) {
                after = most == 0 ? ":" + tail : ":(" + HEX + ":){0," + most + "}" + tail;
            } else {
                after = most == 0 ? ":" : ":(" + HEX + "(:" + HEX + "){0," + (most - 1) + "})?";
            }
            forms.add(before + after);
        }
    }
}
