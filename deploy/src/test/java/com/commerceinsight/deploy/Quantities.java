package com.commerceinsight.deploy;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ("250m", "1", "768Mi", "1Gi") as plain numbers, to compare requests with limits. */
final class Quantities {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"),
            "Ki", BigDecimal.valueOf(1L << 10),
            "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30),
            "k", BigDecimal.valueOf(1_000L),
            "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L));

    private Quantities() {
    }

    static BigDecimal parse(String quantity) {
        for (Map.Entry<String, BigDecimal> suffix : SUFFIXES.entrySet()) {
            String s = suffix.getKey();
            if (quantity.endsWith(s) && !Character.isLetter(quantity.charAt(quantity.length() - s.length() - 1))) {
                return new BigDecimal(quantity.substring(0, quantity.length() - s.length())).multiply(suffix.getValue());
            }
        }
        return new BigDecimal(quantity);
    }
}
