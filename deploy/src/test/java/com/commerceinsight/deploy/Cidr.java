package com.commerceinsight.deploy;

/** IPv4 CIDR blocks as inclusive [first, last] address ranges. */
final class Cidr {

    private Cidr() {
    }

    static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        long size = 1L << (32 - Integer.parseInt(parts[1]));
        long first = address & ~(size - 1) & 0xFFFFFFFFL;
        return new long[] {first, first + size - 1};
    }

    static int prefixLength(String cidr) {
        return Integer.parseInt(cidr.split("/")[1]);
    }

    static boolean contains(long[] outer, long[] inner) {
        return outer[0] <= inner[0] && inner[1] <= outer[1];
    }

    static boolean overlap(long[] a, long[] b) {
        return a[0] <= b[1] && b[0] <= a[1];
    }
}
