package io.gatehouse.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare
 * address is a range of one. Only literal addresses are accepted, never host names, so parsing
 * never queries DNS.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses an address or CIDR range.
     *
     * @throws IllegalArgumentException when the text is not a literal address or the prefix is out of range
     */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException(
                        "gatehouse.proxy.trusted-addresses contains '" + text + "', which is not an IP address or CIDR range"));
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Trusted proxy range '" + text + "' has an invalid prefix length", e);
            }
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("Trusted proxy range '" + text + "' has a prefix length outside 0 to " + maxPrefix);
        }
        return new IpRange(address, prefix, trimmed);
    }

    /** Returns whether the literal address lies in this range; anything else is outside. */
    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    private boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        if (!Arrays.equals(address, 0, fullBytes, network, 0, fullBytes)) {
            return false;
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits);
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses a literal IPv4 or IPv6 address without touching DNS, or returns empty. */
    static java.util.Optional<byte[]> literal(String text) {
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean ipv4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return java.util.Optional.empty();
        }
        try {
            // With a literal, getByName parses and never resolves.
            return java.util.Optional.of(InetAddress.getByName(candidate).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
