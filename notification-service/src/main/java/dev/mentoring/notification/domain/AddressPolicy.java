package dev.mentoring.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to. Refused: addresses that reach the platform's own network or the host it
 * runs on rather than the internet: loopback, unspecified, private (RFC 1918, IPv6 unique local), link-local (which
 * holds the cloud metadata address 169.254.169.254), carrier-grade NAT, multicast, broadcast and the reserved,
 * documentation and benchmarking ranges; an IPv6 address that embeds an IPv4 one (NAT64, 6to4, IPv4-compatible) is
 * judged by the embedded one; local-use NAT64 (64:ff9b:1::/48) and Teredo tunnel addresses are refused. An
 * allow-listed network (CIDR) is let through, e.g. a partner's private link, or the loopback receiver of a local run.
 */
public final class AddressPolicy {

    /** A network as a CIDR: the address and the number of leading bits that name it. */
    public record Network(byte[] prefix, int bits) {

        public static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                // a literal only: InetAddress would look a name up
                throw new IllegalArgumentException("not an IP network: " + cidr);
            }
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("not an IP network: " + cidr);
                }
                return new Network(bytes, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP network: " + cidr, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Range(Network network, String reason) {
    }

    private static final List<Range> REFUSED = List.of(
            new Range(Network.parse("0.0.0.0/8"), "an unspecified address"),
            new Range(Network.parse("100.64.0.0/10"), "a carrier-grade NAT address"),
            new Range(Network.parse("192.0.0.0/24"), "a reserved address"),
            new Range(Network.parse("192.0.2.0/24"), "a documentation address"),
            new Range(Network.parse("198.18.0.0/15"), "a benchmarking address"),
            new Range(Network.parse("198.51.100.0/24"), "a documentation address"),
            new Range(Network.parse("203.0.113.0/24"), "a documentation address"),
            new Range(Network.parse("240.0.0.0/4"), "a reserved address"),
            new Range(Network.parse("fc00::/7"), "a private (unique local) address"),
            new Range(Network.parse("2001:db8::/32"), "a documentation address"),
            new Range(Network.parse("100::/64"), "a discard address"),
            new Range(Network.parse("2001::/32"), "a Teredo tunnel address"),
            new Range(Network.parse("64:ff9b:1::/48"), "a local-use NAT64 address"));

    private static final Network NAT64 = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");
    private static final Network IPV4_COMPATIBLE = Network.parse("::/96");

    private final List<Network> allowed;

    public AddressPolicy(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The policy with allow-listed networks given as CIDRs (e.g. {@code 127.0.0.0/8}). */
    public static AddressPolicy allowing(List<String> cidrs) {
        return new AddressPolicy(cidrs.stream().filter(c -> !c.isBlank()).map(Network::parse).toList());
    }

    /** Why a webhook may not be sent to this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return Optional.ofNullable(reason(address));
    }

    private static String reason(InetAddress address) {
        if (address instanceof Inet6Address) {
            Optional<InetAddress> embedded = embeddedIpv4(address.getAddress());
            if (embedded.isPresent()) {
                String inner = reason(embedded.get());
                return inner != null ? inner : null;
            }
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (the cloud metadata service lives there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet4Address && address.getHostAddress().equals("255.255.255.255")) {
            return "the broadcast address";
        }
        return REFUSED.stream().filter(range -> range.network().contains(address)).map(Range::reason).findFirst().orElse(null);
    }

    /** The IPv4 address an IPv6 one carries: NAT64 (64:ff9b::/96), 6to4 (2002::/16) or IPv4-compatible (::/96). */
    private static Optional<InetAddress> embeddedIpv4(byte[] v6) {
        try {
            InetAddress address = InetAddress.getByAddress(v6);
            if (NAT64.contains(address) || IPV4_COMPATIBLE.contains(address) && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
                return Optional.of(InetAddress.getByAddress(new byte[] { v6[12], v6[13], v6[14], v6[15] }));
            }
            if (SIX_TO_FOUR.contains(address)) {
                return Optional.of(InetAddress.getByAddress(new byte[] { v6[2], v6[3], v6[4], v6[5] }));
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
