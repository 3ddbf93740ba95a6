// The net_* functions' address tests (functions-reference.md §5), on literal addresses only (the forms of
// IpText): nothing is looked up. net_rfc1918 is 10/8, 172.16/12, 192.168/16 and 127/8, as SentinelOne's
// reference lists it; an IPv4 address and an IPv6 one are never in each other's subnets.
package dev.s1ql.eval.pipeline;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

final class IpAddresses {
    private IpAddresses() {
    }

    private static final Pattern V4 = Pattern.compile(IpText.IPV4);
    private static final Pattern V6 = Pattern.compile(IpText.IPV6);

    /**
     * The address bytes (4 or 16), or null when the text is not a literal address in the forms of {@link IpText}.
     * An IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) stays an IPv6 address of 16 bytes.
     */
    static byte[] parse(String s) {
        if (isV4(s)) return v4(s);
        return V6.matcher(s).matches() ? v6(s) : null;
    }

    static boolean isV4(String s) {
        return V4.matcher(s).matches();
    }

    static boolean isV6(String s) {
        return V6.matcher(s).matches();
    }

    private static byte[] v4(String s) {
        String[] parts = s.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) out[i] = (byte) Integer.parseInt(parts[i]);
        return out;
    }

    /** The 16 bytes of a text that matches {@link IpText#IPV6}. */
    private static byte[] v6(String s) {
        byte[] out = new byte[16];
        byte[] tail = null;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            int colon = s.lastIndexOf(':');
            tail = v4(s.substring(colon + 1));
            s = s.substring(0, colon + 1) + "0:0";
        }
        int gap = s.indexOf("::");
        List<String> head = groups(gap < 0 ? s : s.substring(0, gap));
        List<String> rest = gap < 0 ? List.of() : groups(s.substring(gap + 2));
        int i = 0;
        for (String g : head) i = put(out, i, g);
        i = 16 - 2 * rest.size();
        for (String g : rest) i = put(out, i, g);
        if (tail != null) System.arraycopy(tail, 0, out, 12, 4);
        return out;
    }

    private static List<String> groups(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(":"));
    }

    private static int put(byte[] out, int at, String group) {
        int v = Integer.parseInt(group, 16);
        out[at] = (byte) (v >> 8);
        out[at + 1] = (byte) v;
        return at + 2;
    }

    static boolean rfc1918(String s) {
        if (!isV4(s)) return false;
        for (String cidr : IpText.RFC1918) if (inSubnet(s, cidr)) return true;
        return false;
    }

    static boolean rfc4193(String s) {
        return isV6(s) && inSubnet(s, "fc00::/7");
    }

    static boolean inSubnet(String address, String cidr) {
        int slash = cidr.indexOf('/');
        byte[] a = parse(address);
        byte[] net = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        if (a == null || net == null || a.length != net.length) return false;
        int bits;
        try {
            bits = slash < 0 ? a.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > a.length * 8) return false;
        BigInteger x = new BigInteger(1, a);
        BigInteger y = new BigInteger(1, net);
        int shift = a.length * 8 - bits;
        return x.shiftRight(shift).equals(y.shiftRight(shift));
    }
}
