package com.commerceinsight.deploy;

/** An IPv4 CIDR block ("10.20.8.0/24"), to ask which addresses a NetworkPolicy ipBlock covers. */
record Ipv4Block(long network, int prefixLength) {

    static Ipv4Block parse(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + cidr);
        }
        long address = address(parts[0]);
        if ((address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("host bits set: " + cidr);
        }
        return new Ipv4Block(address, prefix);
    }

    boolean contains(String ip) {
        return (address(ip) & mask(prefixLength)) == network;
    }

    /** Inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918), where a virtual network's subnets are. */
    boolean isPrivate() {
        return prefixLength >= 8 && parse("10.0.0.0/8").covers(this)
                || prefixLength >= 12 && parse("172.16.0.0/12").covers(this)
                || prefixLength >= 16 && parse("192.168.0.0/16").covers(this);
    }

    @Override
    public String toString() {
        return (network >> 24) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "." + (network & 255)
                + "/" + prefixLength;
    }

    private boolean covers(Ipv4Block other) {
        return (other.network & mask(prefixLength)) == network;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static long address(String ip) {
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            value = (value << 8) | part;
        }
        return value;
    }
}
