package com.commerceinsight.analytics.imports.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportProgressListener;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.SharedData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The first 10,000 lines of Online Retail, loaded under their own data_source tag so the test does not clash with
 * a load of the full file. Expected figures: the data README (512 invoices, 100 cancellation lines, 2,291 lines
 * without a CustomerID, 46 zero prices) and the rest counted from the CSV with Python's csv module.
 */
@QuarkusTest
class OnlineRetailHeadImportTest {

    private static final String TAG = "or-head";

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Test
    void theHeadFileLoadsWithTheReadmeCounts() throws Exception {
        ImportReport report = runner.run(OnlineRetailImporter.FORMAT,
                SharedData.dir("online-retail-head").resolve("OnlineRetail-head.csv"), RejectPolicy.STOP, TAG, ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isTrue();
        FileReport file = report.getFiles().get(0);
        assertThat(file.getRead()).isEqualTo(10_000);
        assertThat(file.getLoaded()).isEqualTo(10_000);
        assertThat(file.getNotes()).containsOnly(
                entry(OnlineRetailImporter.CANCELLATION_INVOICES, 43L),
                entry(OnlineRetailImporter.CANCELLATION_LINES, 100L),
                entry(OnlineRetailImporter.ANONYMOUS_INVOICES, 68L),
                entry(OnlineRetailImporter.ANONYMOUS_LINES, 2_291L),
                entry(OnlineRetailImporter.ZERO_PRICE_LINES, 46L),
                entry(OnlineRetailImporter.NEGATIVE_QUANTITY_SALE_LINES, 30L),
                entry(OnlineRetailImporter.OTHER_CASE_STOCK_CODES, 31L),
                entry(OnlineRetailImporter.PRODUCTS_NAMED_FROM_UNPRICED_LINE, 1L));

        try (Connection c = dataSource.getConnection()) {
            CommerceRows rows = new CommerceRows(c, TAG);
            assertThat(rows.orders()).isEqualTo(512);
            assertThat(rows.orderLines()).isEqualTo(10_000);
            assertThat(rows.customers()).isEqualTo(323);
            assertThat(rows.products()).isEqualTo(1_988);  // distinct StockCodes ignoring letter case (2,015 with case)
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ? AND kind = 'cancellation' AND status = 'cancelled'"))
                    .isEqualTo(43);
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                    + "WHERE o.data_source = ? AND o.kind = 'cancellation'")).isEqualTo(100);
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ? AND customer_id IS NULL")).isEqualTo(68);
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                    + "WHERE o.data_source = ? AND o.customer_id IS NULL")).isEqualTo(2_291);
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                    + "WHERE o.data_source = ? AND l.unit_price = 0")).isEqualTo(46);
            // Σ Quantity × UnitPrice over the file's lines; no invoice total has a third decimal here, so the totals agree.
            assertThat(rows.lineAmounts()).isEqualByComparingTo("180667.75");
            assertThat(rows.number("SELECT SUM(total_amount) FROM commerce.orders WHERE data_source = ?")).isEqualByComparingTo("180667.75");
            // The file writes the first customer as 17850.0.
            assertThat(rows.count("SELECT COUNT(*) FROM commerce.customer WHERE data_source = ? AND external_ref = '17850'")).isEqualTo(1);
        }
    }
}
