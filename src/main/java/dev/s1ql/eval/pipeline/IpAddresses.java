// The net_* functions' address tests (functions-reference.md §5), on literal addresses only: nothing is looked
// up. net_rfc1918 is 10/8, 172.16/12, 192.168/16 and 127/8, as SentinelOne's reference lists it.
package dev.s1ql.eval.pipeline;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

final class IpAddresses {
    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or null when the text is not a literal IPv4 or IPv6 address. */
    static byte[] parse(String s) {
        if (isV4(s)) return v4(s);
        if (s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    static boolean isV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isV6(String s) {
        byte[] b = parse(s);
        return b != null && !isV4(s);
    }

    private static byte[] v4(String s) {
        String[] parts = s.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) out[i] = (byte) Integer.parseInt(parts[i]);
        return out;
    }

    static boolean rfc1918(String s) {
        return isV4(s) && (inSubnet(s, "10.0.0.0/8") || inSubnet(s, "172.16.0.0/12") || inSubnet(s, "192.168.0.0/16")
                || inSubnet(s, "127.0.0.0/8"));
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
