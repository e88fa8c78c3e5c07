package de.erpconnect.infrastructure.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses an outbound request to a URL a partner app chose may reach in production: public
 * unicast addresses only — never loopback, unspecified, link-local, private (RFC 1918, RFC 4193),
 * carrier-grade NAT (RFC 6598), multicast or reserved ranges, also not as an IPv4-mapped IPv6
 * address — so that such a URL cannot make the server call into its own network (SSRF).
 */
public final class OutboundAddresses {

    private OutboundAddresses() {}

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= b[i] == 0;
            }
            if (mappedV4 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // fc00::/7 unique local; ::/8 (IPv4-compatible, NAT64 64:ff9b::/96 and the like: they carry
            // an IPv4 address that is not checked here); 2002::/16 6to4 and 2001:0::/32 Teredo (the
            // same); 2001:db8::/32 documentation
            if ((first & 0xfe) == 0xfc || first == 0 || (first == 0x20 && second == 0x02)) {
                return false;
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return false;
            }
            return !(first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // this network
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, documentation
                || (a0 == 192 && a1 == 168)
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
