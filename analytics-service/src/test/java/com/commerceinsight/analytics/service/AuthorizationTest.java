package com.commerceinsight.analytics.service;

import static com.commerceinsight.apikit.security.Roles.OPERATOR;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.commerceinsight.analytics.dashboards.SummaryRebuildJobs;
import com.commerceinsight.apikit.testing.AuthorizationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what on analytics-service: the table below is the rule (README: Endpoints); api-kit's
 * AuthorizationContract walks every operation of the OpenAPI document against it.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    static final Map<String, Set<String>> RULES = Map.ofEntries(
            entry("POST /api/analytics/orders", Set.of(SHOPPER, OPERATOR)),
            entry("PUT /api/analytics/orders/{orderId}/status", Set.of(OPERATOR)),
            entry("POST /api/analytics/orders/{orderId}/payments", Set.of(OPERATOR)),
            entry("PUT /api/analytics/orders/{orderId}/payments/{paymentId}/status", Set.of(OPERATOR)),
            entry("POST /api/analytics/imports", Set.of(OPERATOR)),
            entry("GET /api/analytics/imports", READERS),
            entry("GET /api/analytics/imports/{id}", READERS),
            entry("GET /api/analytics/imports/formats", READERS),
            entry("POST /api/analytics/dashboards/summary-rebuilds", Set.of(OPERATOR)),
            entry("GET /api/analytics/dashboards/summary-rebuilds/{id}", READERS),
            entry("GET /api/analytics/dashboards/home", READERS),
            entry("GET /api/analytics/dashboards/sales", READERS),
            entry("GET /api/analytics/dashboards/customers", READERS),
            entry("GET /api/analytics/dashboards/orders", READERS),
            entry("GET /api/analytics/analyses/sales/total", READERS),
            entry("GET /api/analytics/analyses/sales/by-period", READERS),
            entry("GET /api/analytics/analyses/customers/most-orders", READERS),
            entry("GET /api/analytics/analyses/customers/retention-30-days", READERS),
            entry("GET /api/analytics/analyses/customers/category-coverage", READERS),
            entry("GET /api/analytics/analyses/customers/new-vs-returning", READERS),
            entry("GET /api/analytics/analyses/customers/cohorts", READERS),
            entry("GET /api/analytics/analyses/customers/rfm", READERS),
            entry("GET /api/analytics/analyses/baskets/wishlist-suggestions", READERS),
            entry("GET /api/analytics/analyses/baskets/bought-together", READERS),
            entry("GET /api/analytics/analyses/discounts/usage", READERS),
            entry("GET /api/analytics/analyses/discounts/coverage", READERS),
            entry("GET /api/analytics/analyses/inventory/daily-cost-of-goods", READERS),
            entry("GET /api/analytics/analyses/orders/fulfilment-times", READERS),
            entry("GET /api/analytics/analyses/payments/method-mix", READERS),
            entry("GET /api/analytics/analyses/orders/status-breakdown", READERS),
            entry("GET /api/analytics/catalog/categories", READERS),
            entry("GET /api/analytics/catalog/products", READERS),
            entry("GET /api/analytics/analyses/products/top-selling", READERS),
            entry("GET /api/analytics/analyses/products/low-stock", READERS),
            entry("GET /api/analytics/analyses/products/ratings", READERS),
            entry("GET /api/analytics/analyses/products/{productId}/sales", READERS),
            entry("GET /api/analytics/analyses/returns/by-reason", READERS),
            entry("GET /api/analytics/suppliers", READERS),
            entry("GET /api/analytics/suppliers/{supplierId}", READERS),
            entry("GET /api/analytics/suppliers/{supplierId}/products", READERS),
            entry("GET /api/analytics/customers/{customerId}/orders", READERS));

    @Inject
    SummaryRebuildJobs rebuilds;

    /**
     * The operator's call starts a real summary rebuild (the operation has no input to make invalid); let it end
     * before the next test, whose orders would wait on the summary rows it holds.
     */
    @Override
    protected void afterWalk() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (rebuilds.busy() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(rebuilds.busy()).as("the rebuild the walk started has ended").isFalse();
    }

    @Override
    protected String serviceName() {
        return "analytics-service";
    }

    @Override
    protected Map<String, Set<String>> rules() {
        return RULES;
    }
}
