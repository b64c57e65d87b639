package com.commerceinsight.analytics.service;

import static com.commerceinsight.apikit.security.Roles.ANALYST;
import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.OPERATOR;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.testing.OperationAccessWalker;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what, for every operation of this service's OpenAPI document: the table below is the rule (README:
 * Endpoints), the walk calls each operation without a token, with each role the rule leaves out and with each it
 * allows. An operation added without a rule here fails this test.
 */
@QuarkusTest
class AuthorizationTest {

    private static final Set<String> READERS = Set.of(ANALYST, OPERATOR, ML_ENGINEER);

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

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @jakarta.inject.Inject
    com.commerceinsight.analytics.dashboards.SummaryRebuildJobs rebuilds;

    @Test
    void everyOperationAnswersOnlyTheRolesItsRuleAllows() throws Exception {
        OperationAccessWalker walker = new OperationAccessWalker(api.toURI(),
                management.toURI().resolve("/q/openapi?format=json"));

        OperationAccessWalker.Report report = walker.walk(RULES);
        // The operator's call starts a real summary rebuild (the operation has no input to make invalid); let it end
        // before the next test, whose orders would wait on the summary rows it holds.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (rebuilds.busy() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(rebuilds.busy()).as("the rebuild the walk started has ended").isFalse();

        System.out.println("analytics-service " + report.summary());
        assertThat(report.failures()).isEmpty();
        assertThat(report.covered()).isEqualTo(report.operations()).isEqualTo(RULES.size());
    }
}
