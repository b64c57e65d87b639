package com.commerceinsight.analytics.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * The true probability that a generated customer orders at least once in (T, T + H], from their ground truth row
 * and the seasonality file: the customer's orders are a Poisson process with intensity rate * s(t) between
 * registration and churn, so P = 1 - exp(-rate * integral of s over the active part of (T, T + H]).
 */
public final class RepurchaseOracle {

    private final Seasonality seasonality;
    private final WindowClock clock;

    private RepurchaseOracle(Seasonality seasonality) {
        this.seasonality = seasonality;
        this.clock = new WindowClock(seasonality.start());
    }

    /** Reads the seasonality file written beside the given ground truth file. */
    public static RepurchaseOracle besideGroundTruth(Path groundTruthCsv) throws IOException {
        return new RepurchaseOracle(Seasonality.read(Seasonality.fileBeside(groundTruthCsv)));
    }

    /**
     * @param churnAt null when the customer outlives the window
     */
    public double probabilityOfOrder(double purchaseRatePerDay, LocalDateTime registeredAt, LocalDateTime churnAt,
                                     LocalDateTime cutoff, double horizonDays) {
        double from = Math.max(clock.daysOf(cutoff), clock.daysOf(registeredAt));
        double to = clock.daysOf(cutoff) + horizonDays;
        if (churnAt != null) {
            to = Math.min(to, clock.daysOf(churnAt));
        }
        return 1 - Math.exp(-purchaseRatePerDay * seasonality.integral(from, to));
    }
}
