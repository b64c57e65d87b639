package com.commerceinsight.analytics.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ground truth file as the tests read it, parsed independently of the generator's writer. */
record GroundTruth(long customerId, String externalRef, int tasteGroup, double purchaseRatePerDay, double churnRatePerDay,
                   LocalDateTime registeredAt, LocalDateTime churnAt, long orders) {

    static final String EXPECTED_HEADER = "customer_id,external_ref,taste_group,purchase_rate_per_day,churn_rate_per_day,"
            + "registered_at,churn_at,orders_in_window";

    /** Rows by customer id, in file order. */
    static Map<Long, GroundTruth> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.get(0).equals(EXPECTED_HEADER)) {
            throw new AssertionError("unexpected header " + lines.get(0));
        }
        Map<Long, GroundTruth> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            GroundTruth row = new GroundTruth(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), LocalDateTime.parse(f[5]), f[6].isEmpty() ? null : LocalDateTime.parse(f[6]),
                    Long.parseLong(f[7]));
            rows.put(row.customerId(), row);
        }
        return rows;
    }
}
