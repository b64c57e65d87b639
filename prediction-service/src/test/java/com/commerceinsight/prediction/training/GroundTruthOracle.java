package com.commerceinsight.prediction.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The true probability that a generated customer orders in (T, T + H], recomputed here from the generator's
 * ground truth file and its seasonality file (the same model as the generator's RepurchaseOracle, written
 * independently): orders are a Poisson process with intensity rate * s(day) between registration and churn, so
 * P = 1 - exp(-rate * integral of s over the active part of (T, T + H]).
 */
final class GroundTruthOracle {

    private record Customer(double ratePerDay, LocalDateTime registeredAt, LocalDateTime churnAt) {
    }

    private final Map<Long, Customer> customers = new HashMap<>();
    private final LocalDateTime origin;
    private final double[] multipliers;

    GroundTruthOracle(Path groundTruthCsv) throws IOException {
        List<String> rows = Files.readAllLines(groundTruthCsv, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.get(0).split(","));
        int id = header.indexOf("customer_id"), rate = header.indexOf("purchase_rate_per_day");
        int registered = header.indexOf("registered_at"), churn = header.indexOf("churn_at");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            customers.put(Long.parseLong(f[id]), new Customer(Double.parseDouble(f[rate]), LocalDateTime.parse(f[registered]),
                    f[churn].isEmpty() ? null : LocalDateTime.parse(f[churn])));
        }
        String name = groundTruthCsv.getFileName().toString();
        List<String> seasonality = Files.readAllLines(groundTruthCsv.resolveSibling(name.replace(".csv", "-seasonality.csv")));
        origin = LocalDate.parse(seasonality.get(1).split(",")[0]).atStartOfDay();
        multipliers = seasonality.subList(1, seasonality.size()).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    double probability(long customerId, LocalDateTime cutoff, int horizonDays) {
        Customer c = customers.get(customerId);
        LocalDateTime from = c.registeredAt().isAfter(cutoff) ? c.registeredAt() : cutoff;
        LocalDateTime to = cutoff.plusDays(horizonDays);
        if (c.churnAt() != null && c.churnAt().isBefore(to)) {
            to = c.churnAt();
        }
        return 1 - Math.exp(-c.ratePerDay() * seasonalDays(day(from), day(to)));
    }

    private double day(LocalDateTime time) {
        return Duration.between(origin, time).toMillis() / 86_400_000.0;
    }

    /** The integral of the daily multiplier over [a, b], stepping day by day (clamped to the window). */
    private double seasonalDays(double a, double b) {
        double total = 0;
        for (double t = Math.max(0, a); t < Math.min(b, multipliers.length); ) {
            double next = Math.min(Math.floor(t) + 1, b);
            total += (next - t) * multipliers[(int) Math.floor(t)];
            t = next;
        }
        return total;
    }
}
