package com.commerceinsight.analytics.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * Writes each customer's latent parameters to the ground truth CSV, one row per customer in generation order.
 * Doubles are written in Java's shortest exact form, so the file is byte-identical for the same settings and a
 * reader recovers the values the generator used.
 */
final class GroundTruthWriter implements AutoCloseable {

    static final String HEADER = "customer_id,external_ref,taste_group,purchase_rate_per_day,churn_rate_per_day,"
            + "registered_at,churn_at,orders_in_window";

    private final BufferedWriter out;
    private final WindowClock clock;
    private final double windowEnd;

    GroundTruthWriter(Path file, WindowClock clock, double windowEnd) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.clock = clock;
        this.windowEnd = windowEnd;
        out.write(HEADER);
        out.write('\n');
    }

    void write(long customerId, int index, LatentCustomers latent, long orders) throws IOException {
        double churn = latent.churnDay[index];
        out.write(customerId + "," + CustomerHistory.externalRef(index) + "," + latent.group[index] + ","
                + latent.purchaseRatePerDay[index] + "," + latent.churnRatePerDay[index] + ","
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(clock.at(latent.registeredDay[index])) + ","
                + (churn < windowEnd ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(clock.at(churn)) : "") + ","
                + orders + "\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
