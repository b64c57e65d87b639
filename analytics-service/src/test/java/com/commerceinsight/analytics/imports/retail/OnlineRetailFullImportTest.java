package com.commerceinsight.analytics.imports.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportProgressListener;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.ImportSession;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.SharedData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A full year of Online Retail (329,710 lines), imported once (speed is measured by the import command, not here).
 * The run is a transaction the test inspects and rolls back, so the 330k rows do not stay in the in-memory database that all
 * test classes share. Expected figures: the data README (329,710 lines, 135,080 without a customer, 2,187
 * customers), the rest counted with Python's csv module; the line amounts are recomputed here from the file.
 */
@QuarkusTest
class OnlineRetailFullImportTest {

    private static final Logger LOG = Logger.getLogger(OnlineRetailFullImportTest.class);
    private static final int RUNS = 1;
    private static final long LINES = 329_710;

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Test
    void aYearOfTransactionsLoadsAndItsLineAmountsMatchTheFile() throws Exception {
        Path file = SharedData.dir("online-retail").resolve("online-retail-a.csv.gz");
        BigDecimal fileAmounts = lineAmountsOf(file);
        List<Double> rowsPerSecond = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    ImportReport report = new ImportReport(OnlineRetailImporter.FORMAT, file.toString());
                    long started = System.nanoTime();
                    runner.importer(OnlineRetailImporter.FORMAT).importInto(
                            new ImportSession(c, OnlineRetailImporter.FORMAT, RejectPolicy.STOP, report, ImportProgressListener.NONE), file);
                    rowsPerSecond.add(LINES / ((System.nanoTime() - started) / 1e9));
                    if (run == RUNS) {
                        checkLoad(report.getFiles().get(0), new CommerceRows(c, OnlineRetailImporter.FORMAT), fileAmounts);
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
        double median = rowsPerSecond.stream().sorted().toList().get(RUNS / 2);
        LOG.infof("online-retail-a.csv.gz: %,d rows per run; runs at %s rows/s; median %,.0f rows/s", LINES,
                rowsPerSecond.stream().map(r -> String.format("%,.0f", r)).toList(), median);
    }

    private static void checkLoad(FileReport file, CommerceRows rows, BigDecimal fileAmounts) throws Exception {
        assertThat(file.getRead()).isEqualTo(LINES);
        assertThat(file.getLoaded()).isEqualTo(LINES);
        assertThat(file.getNotes()).containsAllEntriesOf(Map.of(
                OnlineRetailImporter.CANCELLATION_INVOICES, 1_890L,
                OnlineRetailImporter.CANCELLATION_LINES, 4_441L,
                OnlineRetailImporter.ANONYMOUS_INVOICES, 3_710L,
                OnlineRetailImporter.ANONYMOUS_LINES, 135_080L,
                OnlineRetailImporter.ZERO_PRICE_LINES, 2_492L,
                OnlineRetailImporter.NEGATIVE_PRICE_LINES, 2L,              // A563186, A563187
                OnlineRetailImporter.NEGATIVE_QUANTITY_SALE_LINES, 1_336L,
                OnlineRetailImporter.RESUMED_INVOICES, 1L,                  // 542806 resumes after C542805
                OnlineRetailImporter.CUSTOMERS_IN_SECOND_COUNTRY, 3L));
        assertThat(rows.orders()).isEqualTo(14_241);
        assertThat(rows.orderLines()).isEqualTo(LINES);
        assertThat(rows.customers()).isEqualTo(2_187);
        assertThat(rows.products()).isEqualTo(3_918);  // distinct StockCodes ignoring letter case
        assertThat(rows.count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                + "WHERE o.data_source = ? AND o.customer_id IS NULL")).isEqualTo(135_080);
        assertThat(rows.lineAmounts()).isEqualByComparingTo(fileAmounts);
        // The invoice totals are rounded to the cent: Python's sum of the rounded totals.
        assertThat(rows.number("SELECT SUM(total_amount) FROM commerce.orders WHERE data_source = ?")).isEqualByComparingTo("5603286.17");
    }

    /** Σ Quantity × UnitPrice over the file, read directly. */
    private static BigDecimal lineAmountsOf(Path file) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                sum = sum.add(new BigDecimal(record.get("UnitPrice")).multiply(new BigDecimal(record.get("Quantity"))));
            }
        }
        assertThat(sum).isEqualByComparingTo("5603286.173");  // as Python computes it
        return sum;
    }
}
