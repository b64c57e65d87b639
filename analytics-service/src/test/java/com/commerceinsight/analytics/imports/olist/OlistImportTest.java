package com.commerceinsight.analytics.imports.olist;

import static com.commerceinsight.analytics.imports.olist.OlistImporter.CATEGORY_TRANSLATIONS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.CUSTOMERS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.ORDERS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.ORDER_ITEMS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.PAYMENTS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.PRODUCTS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.REVIEWS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.SELLERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportProgressListener;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.Rejection;
import com.commerceinsight.analytics.imports.SharedData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Imports the Olist sample and checks the report and the database against counts taken from the CSV files here,
 * independently of the importer. Other test classes share the database, so the import gets a data_source tag of
 * its own and every count is of that tag.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OlistImportTest {

    /**
     * Records per file (header excluded) as Python's csv module counts them. The data set's README gives one fewer
     * for every file but the reviews: those files end without a final line break, so counting lines misses the last
     * record.
     */
    private static final Map<String, Integer> RECORD_COUNTS = Map.of(
            CUSTOMERS, 200, ORDERS, 4_071, ORDER_ITEMS, 5_154, PAYMENTS, 4_733,
            PRODUCTS, 751, SELLERS, 164, CATEGORY_TRANSLATIONS, 71, REVIEWS, 6_123);

    /** An order of the sample with three items (olist_order_items_dataset.csv records 1828 to 1830). */
    private static final String SPOT_ORDER = "0420dbc50fc554e303e4b2d6b39063f6";

    /** A review whose quoted message spans two lines (olist_order_reviews_dataset.csv record 2523). */
    private static final String MULTI_LINE_REVIEW = "ee4e8f9fd8213819903417595a9f9c04";

    private static final String TAG = "olist-test";

    private static ImportReport report;

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @TempDir
    Path temp;

    @Test
    @Order(1)
    void aStoppedImportNamesTheFirstDanglingPaymentAndLoadsNothing() throws Exception {
        List<Map<String, String>> payments = records(PAYMENTS);
        int first = firstWithUnknownOrder(payments);

        Rejection rejection = firstRejectionWithout(ORDER_ITEMS);

        assertThat(rejection.file()).isEqualTo(PAYMENTS);
        assertThat(rejection.recordNumber()).isEqualTo(first + 1);
        assertThat(rejection.reason()).isEqualTo("order_id " + payments.get(first).get("order_id") + " is not in " + ORDERS);
        assertThat(count("SELECT COUNT(*) FROM commerce.customer WHERE data_source = ?")).isZero();
    }

    @Test
    @Order(2)
    void aStoppedImportNamesTheFirstDanglingReview() throws Exception {
        List<Map<String, String>> reviews = records(REVIEWS);
        int first = firstWithUnknownOrder(reviews);

        Rejection rejection = firstRejectionWithout(ORDER_ITEMS, PAYMENTS);

        assertThat(rejection.file()).isEqualTo(REVIEWS);
        assertThat(rejection.recordNumber()).isEqualTo(first + 1);
        assertThat(rejection.reason()).isEqualTo("order_id " + reviews.get(first).get("order_id") + " is not in " + ORDERS);
    }

    @Test
    @Order(3)
    void everyRecordIsReadAndEitherLoadedOrRejected() throws Exception {
        ImportReport report = report();

        assertThat(report.isCompleted()).isTrue();
        assertThat(runner.importer(OlistImporter.FORMAT).defaultDataSource()).isEqualTo("olist");
        Map<String, Long> read = new LinkedHashMap<>();
        report.getFiles().forEach(f -> read.put(f.getFile(), f.getRead()));
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String file : RECORD_COUNTS.keySet()) {
            expected.put(file, (long) records(file).size());
            assertThat(records(file)).as(file).hasSize(RECORD_COUNTS.get(file));
        }
        assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
        for (FileReport file : report.getFiles()) {
            assertThat(file.getLoaded() + file.getRejected()).as(file.getFile()).isEqualTo(file.getRead());
        }
    }

    @Test
    @Order(4)
    void recordsOfOrdersMissingFromTheOrdersFileAreRejectedAndNoOthers() throws Exception {
        ImportReport report = report();
        // Python's csv module counts 4,954 order items, 4,555 payments and 5,872 reviews of orders not in the orders file

        assertThat(file(report, ORDER_ITEMS).getRejected()).isEqualTo(countWithUnknownOrder(ORDER_ITEMS));
        assertThat(file(report, PAYMENTS).getRejected()).isEqualTo(countWithUnknownOrder(PAYMENTS));
        assertThat(file(report, REVIEWS).getRejected()).isEqualTo(countWithUnknownOrder(REVIEWS));
        for (String file : List.of(CATEGORY_TRANSLATIONS, SELLERS, CUSTOMERS, PRODUCTS, ORDERS)) {
            assertThat(file(report, file).getRejected()).as(file).isZero();
        }
    }

    @Test
    @Order(5)
    void listedRejectionsNameTheOrderIdOfTheirRecord() throws Exception {
        List<Map<String, String>> items = records(ORDER_ITEMS);
        List<Rejection> listed = report().getRejections();

        assertThat(listed).hasSize(ImportReport.MAX_LISTED_REJECTIONS);
        for (Rejection rejection : listed) {
            Map<String, String> record = items.get((int) rejection.recordNumber() - 1);
            assertThat(rejection.file()).isEqualTo(ORDER_ITEMS);
            assertThat(rejection.reason()).isEqualTo("order_id " + record.get("order_id") + " is not in " + ORDERS);
        }
    }

    @Test
    @Order(6)
    void theDatabaseHoldsTheLoadedRowsAndOnePlaceholderPerNote() throws Exception {
        ImportReport report = report();
        Set<String> orderIds = column(ORDERS, "order_id");
        List<Map<String, String>> placedItems = records(ORDER_ITEMS).stream()
                .filter(item -> orderIds.contains(item.get("order_id"))).toList();
        Set<String> customerIds = column(CUSTOMERS, "customer_id");
        long unknownCustomers = records(ORDERS).stream().map(o -> o.get("customer_id"))
                .filter(id -> !customerIds.contains(id)).distinct().count();
        long unknownProducts = distinctNotIn(placedItems, "product_id", column(PRODUCTS, "product_id"));
        long unknownSellers = distinctNotIn(placedItems, "seller_id", column(SELLERS, "seller_id"));
        long persons = column(CUSTOMERS, "customer_unique_id").size();
        Set<String> itemOrders = column(ORDER_ITEMS, "order_id");
        long ordersWithoutItems = orderIds.stream().filter(id -> !itemOrders.contains(id)).count();

        assertThat(note(report, ORDERS, OlistNotes.PLACEHOLDER_CUSTOMER)).isEqualTo(unknownCustomers);
        assertThat(note(report, ORDER_ITEMS, OlistNotes.PLACEHOLDER_PRODUCT)).isEqualTo(unknownProducts);
        assertThat(note(report, ORDER_ITEMS, OlistNotes.PLACEHOLDER_SELLER)).isEqualTo(unknownSellers);
        assertThat(note(report, ORDERS, OlistNotes.NO_ITEMS)).isEqualTo(ordersWithoutItems);
        assertThat(note(report, PRODUCTS, OlistNotes.UNTRANSLATED_CATEGORY)).isZero();

        assertThat(count("SELECT COUNT(*) FROM commerce.category WHERE data_source = ?"))
                .isEqualTo(file(report, CATEGORY_TRANSLATIONS).getLoaded());
        assertThat(count("SELECT COUNT(*) FROM commerce.supplier WHERE data_source = ?"))
                .isEqualTo(file(report, SELLERS).getLoaded() + unknownSellers);
        assertThat(count("SELECT COUNT(*) FROM commerce.customer WHERE data_source = ?"))
                .isEqualTo(persons + unknownCustomers);
        assertThat(count("SELECT COUNT(*) FROM commerce.customer WHERE data_source = ? AND external_ref LIKE 'order-customer:%'"))
                .isEqualTo(unknownCustomers);
        assertThat(count("SELECT COUNT(*) FROM commerce.product WHERE data_source = ?"))
                .isEqualTo(file(report, PRODUCTS).getLoaded() + unknownProducts);
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ?"))
                .isEqualTo(file(report, ORDERS).getLoaded());
        assertThat(count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?"))
                .isEqualTo(file(report, ORDER_ITEMS).getLoaded()).isEqualTo(placedItems.size());
        assertThat(count("SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id WHERE o.data_source = ?"))
                .isEqualTo(file(report, PAYMENTS).getLoaded());
        assertThat(count("SELECT COUNT(*) FROM commerce.review WHERE data_source = ?"))
                .isEqualTo(file(report, REVIEWS).getLoaded());
    }

    @Test
    @Order(7)
    void paymentsAndReviewsBelongToTheirOrdersCustomer() throws Exception {
        report();
        assertThat(count("SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id "
                + "WHERE o.data_source = ? AND (p.customer_id IS NULL OR p.customer_id <> o.customer_id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commerce.review r JOIN commerce.orders o ON o.id = r.order_id "
                + "WHERE r.data_source = ? AND (r.customer_id IS NULL OR r.customer_id <> o.customer_id OR r.product_id IS NOT NULL)")).isZero();
        long undelivered = records(ORDERS).stream().filter(o -> o.get("order_delivered_customer_date").isEmpty()).count();
        assertThat(count("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ? AND delivered_at IS NULL"))
                .isEqualTo(undelivered);
    }

    @Test
    @Order(8)
    void anOrdersTotalsAreTheSumsOfItsItems() throws Exception {
        report();
        List<Map<String, String>> items = records(ORDER_ITEMS).stream().filter(i -> i.get("order_id").equals(SPOT_ORDER)).toList();
        BigDecimal prices = items.stream().map(i -> new BigDecimal(i.get("price"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal freights = items.stream().map(i -> new BigDecimal(i.get("freight_value"))).reduce(BigDecimal.ZERO, BigDecimal::add);

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT total_amount, freight_amount, ordered_at, status, currency, "
                        + "(SELECT COUNT(*) FROM commerce.order_line l WHERE l.order_id = o.id) "
                        + "FROM commerce.orders o WHERE data_source = ? AND external_ref = ?")) {
            s.setString(1, TAG);
            s.setString(2, SPOT_ORDER);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                // 64.90 + 59.90 + 59.90 and 26.98 + 15.94 + 14.72, added by hand from the CSV
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("184.70").isEqualByComparingTo(prices);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("57.64").isEqualByComparingTo(freights);
                assertThat(rs.getTimestamp(3).toLocalDateTime()).isEqualTo(LocalDateTime.of(2017, 11, 17, 19, 49, 17));
                assertThat(rs.getString(4)).isEqualTo("delivered");
                assertThat(rs.getString(5)).isEqualTo("BRL");
                assertThat(rs.getLong(6)).isEqualTo(3);
            }
        }
        assertThat(decimal("SELECT SUM(total_amount) FROM commerce.orders WHERE data_source = ?"))
                .isEqualByComparingTo(decimal("SELECT SUM(l.unit_price * l.quantity) FROM commerce.order_line l "
                        + "JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?"));
    }

    @Test
    @Order(9)
    void aQuotedMultiLineReviewIsStoredWhole() throws Exception {
        report();
        String message = records(REVIEWS).stream().filter(r -> r.get("review_id").equals(MULTI_LINE_REVIEW))
                .findFirst().orElseThrow().get("review_comment_message").trim();
        assertThat(message).contains("\n").startsWith("Quando fui comprar o produto").endsWith("descontado do meu cartão.");

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT comment FROM commerce.review WHERE data_source = ? AND external_ref = ?")) {
            s.setString(1, TAG);
            s.setString(2, MULTI_LINE_REVIEW);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(message);
            }
        }
    }

    private synchronized ImportReport report() throws Exception {
        if (report == null) {
            report = runner.run(OlistImporter.FORMAT, SharedData.dir("olist-sample"), RejectPolicy.SKIP, TAG, ImportProgressListener.NONE);
        }
        return report;
    }

    /** Runs a stopping import of the sample with the given files emptied (header kept); returns its rejection. */
    private Rejection firstRejectionWithout(String... emptied) throws Exception {
        Path sample = SharedData.dir("olist-sample");
        Path folder = Files.createTempDirectory(temp, "olist");
        Set<String> empty = Set.of(emptied);
        for (String file : OlistImporter.FILES) {
            if (empty.contains(file)) {
                String header = Files.readAllLines(sample.resolve(file), StandardCharsets.UTF_8).get(0);
                Files.writeString(folder.resolve(file), header + "\n");
            } else {
                Files.copy(sample.resolve(file), folder.resolve(file));
            }
        }
        ImportReport stopped = runner.run(OlistImporter.FORMAT, folder, RejectPolicy.STOP, TAG, ImportProgressListener.NONE);
        assertThat(stopped.isCompleted()).isFalse();
        assertThat(stopped.getRejections()).hasSize(1);
        return stopped.getRejections().get(0);
    }

    private static int firstWithUnknownOrder(List<Map<String, String>> records) throws IOException {
        Set<String> orderIds = column(ORDERS, "order_id");
        for (int i = 0; i < records.size(); i++) {
            if (!orderIds.contains(records.get(i).get("order_id"))) {
                return i;
            }
        }
        throw new AssertionError("no record with an unknown order");
    }

    private static long countWithUnknownOrder(String file) throws IOException {
        Set<String> orderIds = column(ORDERS, "order_id");
        return records(file).stream().filter(r -> !orderIds.contains(r.get("order_id"))).count();
    }

    private static long distinctNotIn(List<Map<String, String>> records, String field, Set<String> known) {
        return records.stream().map(r -> r.get(field)).filter(k -> !known.contains(k)).distinct().count();
    }

    /** A file of the sample read directly with Commons CSV, as maps from header to value. */
    private static List<Map<String, String>> records(String file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(SharedData.dir("olist-sample").resolve(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    private static Set<String> column(String file, String field) throws IOException {
        return records(file).stream().map(r -> r.get(field)).collect(Collectors.toCollection(HashSet::new));
    }

    private static FileReport file(ImportReport report, String name) {
        return report.getFiles().stream().filter(f -> f.getFile().equals(name)).findFirst().orElseThrow();
    }

    private static long note(ImportReport report, String file, String note) {
        return file(report, file).getNotes().getOrDefault(note, 0L);
    }

    private long count(String sql) throws Exception {
        return decimal(sql).longValueExact();
    }

    /** A single number; every parameter of the query is the import's data_source tag. */
    private BigDecimal decimal(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, TAG);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
