package com.commerceinsight.analytics.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop-wide demand multiplier per day of the window: a weekday factor times a month factor (the
 * November/December peak), scaled so the mean over the window is exactly 1. A customer's order intensity on day d
 * is their base rate times {@code multiplier(d)}, constant within the day, so the expected number of orders in an
 * interval is the base rate times {@link #integral}.
 */
final class Seasonality {

    /** Monday .. Sunday: weekends are busier, Saturday a little quieter than Sunday evening shopping. */
    private static final double[] WEEKDAY = {0.95, 0.95, 1.0, 1.0, 1.05, 0.9, 1.15};
    /** January .. December: a summer lull and the Black Friday / Christmas peak. */
    private static final double[] MONTH = {0.9, 0.8, 0.9, 0.9, 0.95, 0.9, 0.85, 0.9, 0.95, 1.0, 1.4, 1.6};

    private final LocalDate start;
    private final double[] multipliers;
    private final double[] cumulative;
    private final double max;

    private Seasonality(LocalDate start, double[] multipliers) {
        this.start = start;
        this.multipliers = multipliers;
        this.cumulative = new double[multipliers.length + 1];
        double highest = 0;
        for (int d = 0; d < multipliers.length; d++) {
            cumulative[d + 1] = cumulative[d] + multipliers[d];
            highest = Math.max(highest, multipliers[d]);
        }
        this.max = highest;
    }

    static Seasonality forWindow(LocalDate start, int days) {
        double[] raw = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            raw[d] = WEEKDAY[date.getDayOfWeek().getValue() - 1] * MONTH[date.getMonthValue() - 1];
            sum += raw[d];
        }
        double mean = sum / days;
        for (int d = 0; d < days; d++) {
            raw[d] /= mean;
        }
        return new Seasonality(start, raw);
    }

    int days() {
        return multipliers.length;
    }

    LocalDate start() {
        return start;
    }

    /** The multiplier at time t (days since the window start, within the window). */
    double multiplierAt(double t) {
        return multipliers[Math.min(multipliers.length - 1, (int) Math.floor(t))];
    }

    double max() {
        return max;
    }

    /** The integral of the multiplier over [a, b], both clamped to the window; 0 when b <= a. */
    double integral(double a, double b) {
        double from = Math.max(0, Math.min(a, days()));
        double to = Math.max(0, Math.min(b, days()));
        return to <= from ? 0 : cumulativeAt(to) - cumulativeAt(from);
    }

    private double cumulativeAt(double t) {
        int day = (int) Math.floor(t);
        if (day >= multipliers.length) {
            return cumulative[multipliers.length];
        }
        return cumulative[day] + (t - day) * multipliers[day];
    }

    /** The file next to a ground truth file that holds the multipliers: "x.csv" gets "x-seasonality.csv". */
    static Path fileBeside(Path groundTruthCsv) {
        String name = groundTruthCsv.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return groundTruthCsv.resolveSibling(stem + "-seasonality.csv");
    }

    /** Writes "date,multiplier" per day; the doubles in their shortest exact form, so a reader gets the same values. */
    void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("date,multiplier\n");
            for (int d = 0; d < multipliers.length; d++) {
                out.write(start.plusDays(d) + "," + multipliers[d] + "\n");
            }
        }
    }

    static Seasonality read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Double> values = new ArrayList<>();
        LocalDate first = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            if (first == null) {
                first = LocalDate.parse(fields[0]);
            }
            values.add(Double.parseDouble(fields[1]));
        }
        return new Seasonality(first, values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
