package com.commerceinsight.prediction.lifetime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.scoring.ServingConfig;

import io.agroal.api.AgroalDataSource;

/**
 * A customer's lifetime predictions, computed on read: the customer's summary from the commerce schema at the time of
 * the request and the active model's parameters. Nothing is stored per customer, so there is nothing for the order
 * events to update: an order counts as soon as the commerce schema has it, before its event reaches any consumer.
 * A request costs the customer's history read (a handful of indexed statements) and about 12 x 50 series terms.
 */
@ApplicationScoped
public class LifetimeScoring {

    private final LifetimeModels models;
    private final AgroalDataSource dataSource;
    private final ServingConfig serving;
    private final LifetimeConfig config;

    public LifetimeScoring(LifetimeModels models, AgroalDataSource dataSource, ServingConfig serving, LifetimeConfig config) {
        this.models = models;
        this.dataSource = dataSource;
        this.serving = serving;
        this.config = config;
    }

    /** Empty for a customer without a sale order before now; 503 while no lifetime model is active. */
    public Optional<CustomerLifetime> customerLifetime(long customerId) throws SQLException {
        LifetimeModel stored = models.active().orElseThrow(() -> new ServiceUnavailableException(
                "no lifetime model is active yet: start a training job (POST /api/predictions/training-jobs)"));
        LocalDateTime asOf = serving.asOf().orElseGet(() -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        CustomerHistory history;
        try (Connection connection = dataSource.getConnection()) {
            CommerceHistoryReader reader = new CommerceHistoryReader(connection);
            history = reader.hasSaleBefore(customerId, asOf) ? reader.read(List.of(customerId)).get(customerId) : null;
        }
        CustomerSummary summary = history == null ? null : CustomerSummary.at(history, asOf);
        if (summary == null) {
            return Optional.empty();
        }
        BgNbdModel bgNbd = stored.bgNbd();
        GammaGammaModel spend = stored.gammaGamma();
        int x = summary.frequency();
        Double meanSpend = spend == null ? null : spend.expectedMeanSpend(x, summary.meanRepeatSpend());
        Double value = meanSpend == null ? null
                : LifetimeValue.of(bgNbd, summary, meanSpend, config.valueMonths(), config.monthlyDiscountRate());
        LocalDateTime lastOrderAt = history.orders().stream().filter(o -> !o.cancellationInvoice() && o.orderedAt().isBefore(asOf))
                .map(CustomerHistory.Order::orderedAt).max(LocalDateTime::compareTo).orElse(null);
        return Optional.of(new CustomerLifetime(customerId, stored.id, asOf, x, summary.recencyDays(), summary.ageDays(),
                bgNbd.probabilityAlive(x, summary.recencyDays(), summary.ageDays()), stored.horizonDays,
                bgNbd.expectedPurchases(stored.horizonDays, x, summary.recencyDays(), summary.ageDays()),
                bgNbd.probabilityOfPurchase(stored.horizonDays, x, summary.recencyDays(), summary.ageDays()), meanSpend, value,
                config.valueMonths(), config.monthlyDiscountRate(), lastOrderAt));
    }
}
