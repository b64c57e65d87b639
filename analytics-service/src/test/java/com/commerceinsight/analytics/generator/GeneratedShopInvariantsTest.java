package com.commerceinsight.analytics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.testing.ScratchFolders;

/**
 * Generates one mid-sized shop into a private H2 database and checks the data against the generative story and
 * against the ground truth file. Statistical checks use bounds several standard errors wide.
 */
class GeneratedShopInvariantsTest {

    private static final long TARGET_ORDERS = 20_000;
    private static final GeneratorSettings SETTINGS = GeneratorSettings.forOrders(TARGET_ORDERS, 7);
    private static final LocalDateTime WINDOW_END = SETTINGS.end().atStartOfDay();

    private static Connection connection;
    private static Path groundTruthFile;
    private static Map<Long, GroundTruth> truth;
    private static GenerationReport report;

    @BeforeAll
    static void generate() throws Exception {
        groundTruthFile = ScratchFolders.create("shop-invariants").resolve("truth.csv");
        connection = FreshCommerceDatabase.open("invariants");
        report = new ShopGenerator().generate(connection, SETTINGS, groundTruthFile, GenerationProgressListener.NONE);
        truth = GroundTruth.read(groundTruthFile);
    }

    @AfterAll
    static void drop() throws Exception {
        FreshCommerceDatabase.drop(connection);
    }

    @Test
    void reportCountsTheRowsInTheDatabase() throws Exception {
        for (Map.Entry<String, Long> table : report.rowsPerTable().entrySet()) {
            assertThat(count("SELECT COUNT(*) FROM " + table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        assertThat(report.orders()).isEqualTo(count("SELECT COUNT(*) FROM commerce.orders"));
        assertThat(truth).hasSize(SETTINGS.customers());
    }

    @Test
    void realisedOrderCountIsPoissonAroundTheTarget() {
        // Given the latent rates the total is Poisson with mean TARGET_ORDERS: sd = sqrt(20,000) ~ 141.
        assertThat(Math.abs(report.orders() - TARGET_ORDERS)).isLessThan(4 * 142);
    }

    @Test
    void everyOrderTotalEqualsTheSumOfItsLines() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM commerce.orders o WHERE o.total_amount <> "
                + "(SELECT SUM(l.quantity * l.unit_price) FROM commerce.order_line l WHERE l.order_id = o.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders o WHERE NOT EXISTS "
                + "(SELECT 1 FROM commerce.order_line l WHERE l.order_id = o.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.order_line WHERE quantity BETWEEN 1 AND 3"))
                .isGreaterThan(count("SELECT COUNT(*) FROM commerce.order_line") * 95 / 100);
    }

    @Test
    void ordersFallBetweenRegistrationAndChurnAndGroundTruthCountsThem() throws Exception {
        Map<Long, Long> ordersPerCustomer = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, MIN(ordered_at), MAX(ordered_at), COUNT(*) FROM commerce.orders GROUP BY customer_id")) {
            while (rs.next()) {
                GroundTruth customer = truth.get(rs.getLong(1));
                assertThat(customer).isNotNull();
                assertThat(rs.getTimestamp(2).toLocalDateTime()).isAfterOrEqualTo(customer.registeredAt());
                LocalDateTime last = rs.getTimestamp(3).toLocalDateTime();
                assertThat(last).isBefore(WINDOW_END);
                if (customer.churnAt() != null) {
                    assertThat(last).isBeforeOrEqualTo(customer.churnAt());
                }
                ordersPerCustomer.put(rs.getLong(1), rs.getLong(4));
            }
        }
        truth.values().forEach(c -> assertThat(ordersPerCustomer.getOrDefault(c.customerId(), 0L)).isEqualTo(c.orders()));
        assertThat(count("SELECT COUNT(*) FROM commerce.customer_session s JOIN commerce.customer c ON c.id = s.customer_id "
                + "WHERE s.started_at < c.registered_at")).isZero();
    }

    @Test
    void statusesAreLegalAndTheirTimesFollowTheLifecycle() throws Exception {
        long orders = report.orders();
        Map<String, Long> byStatus = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM commerce.orders GROUP BY status")) {
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(byStatus.keySet()).isSubsetOf(Set.of("pending", "processing", "shipped", "delivered", "cancelled"));
        // Cancellations: 4% failures x 30% not retried + ~3.5% customer cancellations = ~4.7%.
        assertThat(byStatus.get("cancelled")).isBetween(orders * 35 / 1000, orders * 60 / 1000);
        assertThat(byStatus.get("delivered")).isGreaterThan(orders * 90 / 100);
        assertThat(byStatus.get("shipped")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE approved_at < ordered_at OR shipped_at < approved_at "
                + "OR delivered_at < shipped_at OR (shipped_at IS NOT NULL AND approved_at IS NULL) "
                + "OR (delivered_at IS NOT NULL AND shipped_at IS NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE (status = 'delivered') <> (delivered_at IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE status IN ('shipped', 'delivered') AND NOT EXISTS "
                + "(SELECT 1 FROM commerce.shipment s WHERE s.order_id = orders.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE delivered_at >= TIMESTAMP '2025-01-01 00:00:00' "
                + "OR approved_at >= TIMESTAMP '2025-01-01 00:00:00'")).isZero();
        long late = count("SELECT COUNT(*) FROM commerce.orders WHERE delivered_at > estimated_delivery_at");
        assertThat(late).isBetween(byStatus.get("delivered") * 3 / 100, byStatus.get("delivered") * 25 / 100);
    }

    @Test
    void succeededPaymentsCoverThePaidOrdersExactly() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM commerce.orders o WHERE EXISTS (SELECT 1 FROM commerce.payment p WHERE "
                + "p.order_id = o.id AND p.status = 'succeeded') AND o.total_amount <> (SELECT SUM(p.amount) "
                + "FROM commerce.payment p WHERE p.order_id = o.id AND p.status = 'succeeded')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders o WHERE o.status IN ('processing', 'shipped', 'delivered') AND "
                + "(SELECT COUNT(*) FROM commerce.payment p WHERE p.order_id = o.id AND p.status = 'succeeded') <> 1")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.payment p WHERE p.sequence_no > "
                + "(SELECT COUNT(*) FROM commerce.payment q WHERE q.order_id = p.order_id)")).isZero();
        long failedFirst = count("SELECT COUNT(*) FROM commerce.payment WHERE status = 'failed' AND sequence_no = 1");
        assertThat(failedFirst).isBetween(report.orders() * 3 / 100, report.orders() * 5 / 100);
        long retried = count("SELECT COUNT(*) FROM commerce.payment p WHERE p.sequence_no = 2 AND p.status = 'succeeded' "
                + "AND EXISTS (SELECT 1 FROM commerce.payment q WHERE q.order_id = p.order_id AND q.sequence_no = 1 AND q.status = 'failed')");
        assertThat(retried).isBetween(failedFirst / 2, failedFirst * 9 / 10);
        assertThat(count("SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id "
                + "WHERE p.status = 'refunded' AND o.status <> 'cancelled' AND NOT EXISTS "
                + "(SELECT 1 FROM commerce.order_return r WHERE r.order_id = o.id AND r.status = 'approved')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.payment WHERE status = 'refunded'")).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT method) FROM commerce.payment")).isEqualTo(4);
    }

    @Test
    void realisedOrderCountsFollowTheLatentRates() throws Exception {
        List<double[]> pairs = new ArrayList<>();
        for (GroundTruth c : truth.values()) {
            pairs.add(new double[] {c.purchaseRatePerDay(), c.orders()});
        }
        double rho = spearman(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
        assertThat(rho).isGreaterThan(0.5);
    }

    /**
     * The ground truth's oracle probability, summed over customers, predicts how many order in a 90-day horizon;
     * the count realised in the database agrees within 4 standard deviations of that sum of Bernoullis.
     */
    @Test
    void oracleRepurchaseProbabilitiesMatchRealisedOrders() throws Exception {
        RepurchaseOracle oracle = RepurchaseOracle.besideGroundTruth(groundTruthFile);
        LocalDateTime cutoff = LocalDateTime.of(2024, 3, 1, 0, 0);
        double horizonDays = 90;
        double expected = 0;
        double variance = 0;
        for (GroundTruth c : truth.values()) {
            double p = oracle.probabilityOfOrder(c.purchaseRatePerDay(), c.registeredAt(), c.churnAt(), cutoff, horizonDays);
            assertThat(p).isBetween(0.0, 1.0);
            expected += p;
            variance += p * (1 - p);
        }
        long realised = count("SELECT COUNT(DISTINCT customer_id) FROM commerce.orders WHERE ordered_at > TIMESTAMP '2024-03-01 00:00:00' "
                + "AND ordered_at <= TIMESTAMP '2024-05-30 00:00:00'");
        assertThat(expected).isGreaterThan(100);
        assertThat(Math.abs(realised - expected)).isLessThan(4 * Math.sqrt(variance));
    }

    @Test
    void topTenPercentOfProductsTakeAZipfLikeShareOfLines() throws Exception {
        List<Long> perProduct = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.id, (SELECT COUNT(*) FROM commerce.order_line l WHERE l.product_id = p.id) "
                     + "FROM commerce.product p")) {
            while (rs.next()) {
                perProduct.add(rs.getLong(2));
            }
        }
        perProduct.sort((a, b) -> Long.compare(b, a));
        long all = perProduct.stream().mapToLong(Long::longValue).sum();
        long top = perProduct.subList(0, perProduct.size() / 10).stream().mapToLong(Long::longValue).sum();
        // Uniform popularity would give the top tenth about 10% of lines (a little more by chance).
        assertThat((double) top / all).isGreaterThan(0.4);
        assertThat(count("SELECT COUNT(*) FROM commerce.product WHERE stock_quantity < 20")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM commerce.category WHERE parent_id IS NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM commerce.product p JOIN commerce.category c ON c.id = p.category_id "
                + "WHERE c.parent_id IS NULL")).isZero();
    }

    @Test
    void customersOfOneTasteGroupShareCategoriesMoreThanAcrossGroups() throws Exception {
        Map<Long, Map<Long, Integer>> categoriesOfCustomer = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.customer_id, p.category_id, COUNT(*) FROM commerce.order_line l "
                     + "JOIN commerce.orders o ON o.id = l.order_id JOIN commerce.product p ON p.id = l.product_id "
                     + "GROUP BY o.customer_id, p.category_id")) {
            while (rs.next()) {
                categoriesOfCustomer.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
            }
        }
        List<Long> active = categoriesOfCustomer.entrySet().stream()
                .filter(e -> e.getValue().values().stream().mapToInt(Integer::intValue).sum() >= 5)
                .map(Map.Entry::getKey).sorted().limit(600).toList();
        double same = 0;
        double across = 0;
        long sameCount = 0;
        long acrossCount = 0;
        for (int i = 0; i < active.size(); i++) {
            for (int j = i + 1; j < active.size(); j++) {
                double cosine = cosine(categoriesOfCustomer.get(active.get(i)), categoriesOfCustomer.get(active.get(j)));
                if (truth.get(active.get(i)).tasteGroup() == truth.get(active.get(j)).tasteGroup()) {
                    same += cosine;
                    sameCount++;
                } else {
                    across += cosine;
                    acrossCount++;
                }
            }
        }
        assertThat(same / sameCount).isGreaterThan(2 * (across / acrossCount));
    }

    @Test
    void lateDeliveriesGetLowerRatings() throws Exception {
        double late = average("SELECT AVG(CAST(r.rating AS DOUBLE)) FROM commerce.review r JOIN commerce.orders o ON o.id = r.order_id "
                + "WHERE o.delivered_at > o.estimated_delivery_at");
        double onTime = average("SELECT AVG(CAST(r.rating AS DOUBLE)) FROM commerce.review r JOIN commerce.orders o ON o.id = r.order_id "
                + "WHERE o.delivered_at <= o.estimated_delivery_at");
        // Hand computed from the rating mix: on time 0.55*5 + 0.25*4 + 0.1*3 + 0.05*2 + 0.05*1 = 4.2; late uniform = 3.0.
        assertThat(onTime).isBetween(4.0, 4.4);
        assertThat(late).isBetween(2.7, 3.3);
    }

    private static double cosine(Map<Long, Integer> a, Map<Long, Integer> b) {
        double dot = 0;
        for (Map.Entry<Long, Integer> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0);
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<Long, Integer> v) {
        return Math.sqrt(v.values().stream().mapToDouble(x -> (double) x * x).sum());
    }

    /** Spearman's rho: Pearson correlation of the ranks, ties given their average rank. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static long count(String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double average(String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
