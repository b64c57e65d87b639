package com.commerceinsight.analytics.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonalityTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 731; // 2023-01-01 .. 2025-01-01, 2024 a leap year

    @TempDir
    Path dir;

    @Test
    void multipliersAverageOneAndDecemberDoublesFebruaryOnTheSameWeekday() {
        Seasonality seasonality = Seasonality.forWindow(START, DAYS);
        assertThat(seasonality.integral(0, DAYS)).isCloseTo(DAYS, within(1e-9));
        // Sundays 2023-12-03 and 2023-02-05: month factors 1.6 and 0.8 from the class comment, same weekday factor.
        double december = seasonality.multiplierAt(ChronoUnit.DAYS.between(START, LocalDate.of(2023, 12, 3)));
        double february = seasonality.multiplierAt(ChronoUnit.DAYS.between(START, LocalDate.of(2023, 2, 5)));
        assertThat(december / february).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void integralIsPiecewiseConstantPerDay() {
        Seasonality seasonality = Seasonality.forWindow(START, DAYS);
        double expected = 0.5 * seasonality.multiplierAt(0.2) + 0.25 * seasonality.multiplierAt(1.9);
        assertThat(seasonality.integral(0.5, 1.25)).isCloseTo(expected, within(1e-12));
        assertThat(seasonality.integral(2, 1)).isZero();
        assertThat(seasonality.integral(DAYS - 1, DAYS + 50)).isCloseTo(seasonality.multiplierAt(DAYS - 1), within(1e-12));
    }

    @Test
    void theFileRoundTripsExactlyAndSitsBesideTheGroundTruth() throws Exception {
        Path truth = dir.resolve("truth.csv");
        assertThat(Seasonality.fileBeside(truth)).isEqualTo(dir.resolve("truth-seasonality.csv"));
        Seasonality seasonality = Seasonality.forWindow(START, DAYS);
        seasonality.write(dir.resolve("a.csv"));
        Seasonality.read(dir.resolve("a.csv")).write(dir.resolve("b.csv"));
        assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
        assertThat(Files.readAllLines(dir.resolve("a.csv"))).hasSize(DAYS + 1).first().isEqualTo("date,multiplier");
    }

    @Test
    void oracleProbabilityIntegratesTheDailyMultipliersOverTheActiveHorizon() throws Exception {
        Path truth = dir.resolve("truth.csv");
        Seasonality.forWindow(START, DAYS).write(Seasonality.fileBeside(truth));
        RepurchaseOracle oracle = RepurchaseOracle.besideGroundTruth(truth);
        // Independent: sum the file's multipliers of 2024-03-01 .. 2024-03-30 (30 whole days).
        List<String> lines = Files.readAllLines(Seasonality.fileBeside(truth));
        double march = lines.stream().filter(l -> l.startsWith("2024-03-") && !l.startsWith("2024-03-31"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        LocalDateTime cutoff = LocalDateTime.of(2024, 3, 1, 0, 0);
        LocalDateTime registered = LocalDateTime.of(2023, 5, 1, 12, 0);
        assertThat(oracle.probabilityOfOrder(0.02, registered, null, cutoff, 30)).isCloseTo(1 - Math.exp(-0.02 * march), within(1e-12));
        // Churned before the cutoff: no order can come.
        assertThat(oracle.probabilityOfOrder(0.02, registered, cutoff.minusDays(1), cutoff, 30)).isZero();
        // Churned halfway: only the first 15 days count, so the probability is lower but positive.
        double halfway = oracle.probabilityOfOrder(0.02, registered, cutoff.plusDays(15), cutoff, 30);
        assertThat(halfway).isPositive().isLessThan(1 - Math.exp(-0.02 * march));
    }
}
