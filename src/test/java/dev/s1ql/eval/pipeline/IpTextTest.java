// The address patterns the evaluator, SQL and KQL share: IPv6 agrees with the JDK's own parser on random texts
// (except groups of more than four digits, which the JDK takes and RFC 4291 does not), and subnets become the
// right number ranges.
package dev.s1ql.eval.pipeline;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IpTextTest {

    @Test
    void ipv6AgreesWithTheJdkOnRandomTexts() throws Exception {
        Pattern v6 = Pattern.compile(IpText.IPV6);
        Pattern longGroup = Pattern.compile("[0-9A-Fa-f]{5,}");
        Random r = new Random(20261205);
        String alphabet = "0f1a:.:9:2";
        int compared = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 2 + r.nextInt(22); n > 0; n--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = b.toString();
            if (longGroup.matcher(s).find()) continue;
            boolean jdk;
            try {
                jdk = s.indexOf(':') >= 0 && InetAddress.getByName(s) != null;
            } catch (java.net.UnknownHostException e) {
                jdk = false;
            }
            assertEquals(jdk, v6.matcher(s).matches(), s);
            compared++;
        }
        assertEquals(true, compared > 60_000, "texts compared: " + compared);
    }

    @Test
    void subnetsAreNumberRanges() {
        assertArrayEquals(new long[] {0x0A000000L, 0x0AFFFFFFL}, IpText.v4Range("10.0.0.0/8"));
        assertArrayEquals(new long[] {0xAC100000L, 0xAC1FFFFFL}, IpText.v4Range("172.16.0.0/12"));
        assertArrayEquals(new long[] {0xC0A80101L, 0xC0A80101L}, IpText.v4Range("192.168.1.1"));
        assertArrayEquals(new long[] {0L, 0xFFFFFFFFL}, IpText.v4Range("1.2.3.4/0"));
        assertArrayEquals(new long[] {0x0A000000L, 0x0AFFFFFFL}, IpText.v4Range("10.9.8.7/8"), "host bits dropped");
        assertNull(IpText.v4Range("10.0.0.0/33"));
        assertNull(IpText.v4Range("10.0.0/8"));
        assertNull(IpText.v4Range("fc00::/7"));
        assertNull(IpText.v4Range("10.0.0.0/x"));
    }
}
