package org.p1iota.app.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.p1iota.app.web.ConsentLinkException.Reason;

/**
 * Which web origins My Home's consent-link check may fetch from. A consent link names any URL it
 * likes; fetching it blindly would let a link probe the household's own network (the router, a NAS,
 * the IOTA node) from My Home. A provider's origin is a public web site: http or https on an allowed
 * port (80 and 443 unless configured), whose host resolves only to public addresses.
 * <p>
 * Loopback, private (10/8, 172.16/12, 192.168/16), shared (100.64/10) and unique-local (fc00::/7)
 * addresses are allowed only with {@code allowPrivateNetworks} (the demo and tests, where the
 * provider runs next to My Home). Link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * unspecified, multicast, broadcast and reserved addresses are never allowed: no provider lives there.
 *
 * @param allowPrivateNetworks whether loopback and private addresses may be fetched
 * @param ports                the ports an origin may use; empty means any (tests only)
 */
public record ProviderOriginRules(boolean allowPrivateNetworks, Set<Integer> ports) {

    /** A public site on 80 or 443: My Home's default. */
    public static final ProviderOriginRules PUBLIC = new ProviderOriginRules(false, Set.of(80, 443));

    public ProviderOriginRules {
        ports = Set.copyOf(ports);
    }

    /**
     * From the settings {@code myhome.provider-check.allow-private-networks} ({@code true}/{@code false})
     * and {@code myhome.provider-check.ports} (a comma-separated list such as {@code 80,443,8081}, or
     * {@code *} for any port).
     */
    public static ProviderOriginRules of(boolean allowPrivateNetworks, String ports) {
        String list = ports == null ? "" : ports.strip();
        if (list.equals("*")) {
            return new ProviderOriginRules(allowPrivateNetworks, Set.of());
        }
        Set<Integer> allowed = new TreeSet<>();
        for (String port : list.split("\\s*,\\s*")) {
            if (port.isEmpty()) {
                continue;
            }
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535) {
                    throw new NumberFormatException();
                }
                allowed.add(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("myhome.provider-check.ports must list ports 1 to 65535 "
                        + "separated by commas, or be *; '" + port + "' is not one");
            }
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("myhome.provider-check.ports is empty: name at least one port, e.g. 443");
        }
        return new ProviderOriginRules(allowPrivateNetworks, allowed);
    }

    /** The origin's port (the scheme's default when the URL names none) must be an allowed one. */
    public void checkPort(URI origin) throws ConsentLinkException {
        if (ports.isEmpty()) {
            return;
        }
        int port = effectivePort(origin);
        if (!ports.contains(port)) {
            throw new ConsentLinkException(Reason.ORIGIN_NOT_ALLOWED, "Refused: the link's provider site uses port "
                    + port + "; My Home only checks providers on port" + (ports.size() == 1 ? " " : "s ")
                    + String.join(", ", ports.stream().sorted().map(String::valueOf).toList())
                    + " (setting myhome.provider-check.ports).");
        }
    }

    static int effectivePort(URI origin) {
        if (origin.getPort() != -1) {
            return origin.getPort();
        }
        return origin.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    /** Every address the provider's host resolves to must be one a provider can have. */
    public void checkAddress(String host, InetAddress address) throws ConsentLinkException {
        if (neverAllowed(address)) {
            throw new ConsentLinkException(Reason.ORIGIN_NOT_ALLOWED, "Refused: the link's provider site " + host
                    + " is at " + address.getHostAddress() + ", an address no provider's site can have.");
        }
        if (isPrivate(address) && !allowPrivateNetworks) {
            throw new ConsentLinkException(Reason.ORIGIN_NOT_ALLOWED, "Refused: the link's provider site " + host
                    + " is at " + address.getHostAddress() + ", inside a private network (this machine or the local"
                    + " network). A provider's site is public; for a demo on one machine set"
                    + " myhome.provider-check.allow-private-networks=true.");
        }
    }

    /** Loopback, RFC 1918, shared address space (100.64/10), unique-local IPv6 (fc00::/7). */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return (b[0] & 0xfe) == 0xfc;
    }

    /** Unspecified, link-local (metadata services), multicast, 0/8, 240/4 and broadcast, IPv4-compatible forms. */
    static boolean neverAllowed(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            return first == 0 || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // ::/96 (IPv4-compatible) and 64:ff9b::/96 (NAT64) carry an IPv4 address we would not see checked
            boolean compatible = Arrays.equals(Arrays.copyOf(b, 12), new byte[12]);
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return (compatible && !address.isLoopbackAddress()) || nat64;
        }
        return true;
    }
}
