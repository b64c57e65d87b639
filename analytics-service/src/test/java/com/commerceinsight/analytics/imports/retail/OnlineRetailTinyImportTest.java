package com.commerceinsight.analytics.imports.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportProgressListener;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.Rejection;

import io.quarkus.test.junit.QuarkusTest;

/** A hand-written Online Retail file whose every expected count is worked out line by line below. */
@QuarkusTest
class OnlineRetailTinyImportTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private static final List<String> RECORDS = List.of(
            /* 1 */ "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER ,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            /* 2 */ "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
            /* 3 */ "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
            /* 4 anonymous */ "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,,United Kingdom",
            /* 5 malformed price (letter O) */ "536367,22745,POPPY'S PLAYHOUSE BEDROOM ,6,2010-12-01 08:34:00,2.1O,,United Kingdom",
            /* 6 zero quantity */ "536367,22748,POPPY'S PLAYHOUSE KITCHEN,0,2010-12-01 08:34:00,2.10,,United Kingdom",
            /* 7 anonymous, free */ "536367,22749,FELTCRAFT PRINCESS CHARLOTTE DOLL,8,2010-12-01 08:34:00,0,,United Kingdom",
            /* 8 cancellation, code in lower case */ "C536379,85123a,WHITE HANGING HEART T-LIGHT HOLDER,-2,2010-12-01 09:41:00,2.55,17850,United Kingdom",
            /* 9 cancellation */ "C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,17850,United Kingdom",
            /* 10 back to 536365 */ "536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,2010-12-01 08:30:00,2.75,17850.0,United Kingdom",
            /* 11 later price of 71053 */ "536380,71053,WHITE METAL LANTERN,2,2010-12-02 10:00:00,3.50,12583,France",
            /* 12 no invoice */ ",22633,HAND WARMER UNION JACK,1,2010-12-02 10:00:00,1.85,12583,France",
            /* 13 no stock code */ "536380,,NO CODE,1,2010-12-02 10:00:00,1.00,12583,France",
            /* 14 bad date */ "536380,22633,HAND WARMER UNION JACK,3,not a date,1.85,12583,France",
            /* 15 another customer on 536366 */ "536366,21730,GLASS STAR FROSTED T-LIGHT HOLDER,6,2010-12-01 08:28:00,4.25,12583,United Kingdom",
            /* 16 quoted comma */ "536380,22960,\"JAM MAKING SET, WITH JARS\",2,2010-12-02 10:00:00,4.25,12583,France",
            /* 17 three decimals */ "536380,21731,RED TOADSTOOL LED NIGHT LIGHT,1,2010-12-02 10:00:00,0.125,12583,France",
            /* 18 bad debt */ "A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,,United Kingdom",
            /* 19 malformed quantity */ "536381,22961,JAM MAKING SET PRINTED,two,2010-12-02 11:00:00,1.45,12583,France");

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @TempDir
    Path dir;

    private Path tinyFile() throws Exception {
        return Files.writeString(dir.resolve("online-retail-tiny.csv"), HEADER + "\n" + String.join("\n", RECORDS) + "\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void everyGoodLineLoadsAndEachBadOneIsRejectedNamingItsField() throws Exception {
        ImportReport report = runner.run(OnlineRetailImporter.FORMAT, tinyFile(), RejectPolicy.SKIP, "or-tiny", ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isTrue();
        FileReport file = report.getFiles().get(0);
        assertThat(file.getRead()).isEqualTo(19);
        // Rejected: 5 price, 6 quantity 0, 12 invoice, 13 StockCode, 14 date, 15 customer of another invoice, 19 quantity.
        assertThat(file.getRejected()).isEqualTo(7);
        assertThat(file.getLoaded()).isEqualTo(12);
        assertThat(report.getRejections()).extracting(Rejection::recordNumber).containsExactly(5L, 6L, 12L, 13L, 14L, 15L, 19L);
        assertThat(report.getRejections()).extracting(Rejection::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("UnitPrice ").contains("2.1O"),
                r -> assertThat(r).isEqualTo("Quantity is 0"),
                r -> assertThat(r).startsWith("InvoiceNo ").contains("missing"),
                r -> assertThat(r).startsWith("StockCode ").contains("missing"),
                r -> assertThat(r).startsWith("InvoiceDate ").contains("not a date"),
                r -> assertThat(r).startsWith("CustomerID 12583 ").contains("17850").contains("536366"),
                r -> assertThat(r).startsWith("Quantity ").contains("two"));
        assertThat(file.getNotes()).containsOnly(
                entry(OnlineRetailImporter.CANCELLATION_INVOICES, 1L),          // C536379
                entry(OnlineRetailImporter.CANCELLATION_LINES, 2L),             // records 8, 9
                entry(OnlineRetailImporter.ANONYMOUS_INVOICES, 2L),             // 536367, A563186
                entry(OnlineRetailImporter.ANONYMOUS_LINES, 3L),                // records 4, 7, 18
                entry(OnlineRetailImporter.ZERO_PRICE_LINES, 1L),               // record 7
                entry(OnlineRetailImporter.NEGATIVE_PRICE_LINES, 1L),           // record 18
                entry(OnlineRetailImporter.RESUMED_INVOICES, 1L),               // record 10
                entry(OnlineRetailImporter.OTHER_CASE_STOCK_CODES, 1L),         // record 8: 85123a
                entry(OnlineRetailImporter.PRODUCTS_NAMED_FROM_UNPRICED_LINE, 2L)); // 22749 (price 0) and B (negative)

        try (Connection c = dataSource.getConnection()) {
            CommerceRows rows = new CommerceRows(c, "or-tiny");
            assertThat(rows.orders()).isEqualTo(6);          // 536365, 536366, 536367, C536379, 536380, A563186
            assertThat(rows.orderLines()).isEqualTo(12);     // the loaded records
            assertThat(rows.customers()).isEqualTo(2);       // 17850, 12583
            // 85123A (and 85123a), 71053, 22633, 84879, 22749, D, 84406B, 22960, 21731, B; rejected records make none.
            assertThat(rows.products()).isEqualTo(10);
            assertThat(rows.orderTotals()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "536365", new BigDecimal("57.64"),       // 6 × 2.55 + 6 × 3.39 + 8 × 2.75 = 15.30 + 20.34 + 22.00
                    "536366", new BigDecimal("11.10"),       // 6 × 1.85
                    "536367", new BigDecimal("54.08"),       // 32 × 1.69 + 8 × 0
                    "C536379", new BigDecimal("-32.60"),     // -2 × 2.55 - 1 × 27.50
                    "536380", new BigDecimal("15.63"),       // 2 × 3.50 + 2 × 4.25 + 0.125 = 15.625, half up
                    "A563186", new BigDecimal("-11062.06")));
            assertThat(rows.lineAmounts()).isEqualByComparingTo("-10956.215"); // 57.64 + 11.10 + 54.08 - 32.60 + 15.625 - 11062.06

            assertThat(rows.rows("SELECT external_ref, kind, status, currency, country, ordered_at, customer_id IS NULL "
                    + "FROM commerce.orders WHERE data_source = ? AND external_ref IN ('536365', 'C536379', '536367')  ORDER BY external_ref"))
                    .containsExactly(
                            List.of("536365", "sale", "delivered", "GBP", "United Kingdom", LocalDateTime.parse("2010-12-01T08:26:00"), false),
                            List.of("536367", "sale", "delivered", "GBP", "United Kingdom", LocalDateTime.parse("2010-12-01T08:34:00"), true),
                            List.of("C536379", "cancellation", "cancelled", "GBP", "United Kingdom", LocalDateTime.parse("2010-12-01T09:41:00"), false));
            // The lines of 536365 in file order, record 10 last although other invoices came between.
            assertThat(rows.rows("SELECT l.line_number, p.sku, l.quantity FROM commerce.order_line l "
                    + "JOIN commerce.orders o ON o.id = l.order_id JOIN commerce.product p ON p.id = l.product_id "
                    + "WHERE o.data_source = ? AND o.external_ref = '536365' ORDER BY l.line_number"))
                    .containsExactly(List.of(1, "85123A", 6), List.of(2, "71053", 6), List.of(3, "84406B", 8));
            assertThat(rows.rows("SELECT l.quantity, p.sku FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                    + "JOIN commerce.product p ON p.id = l.product_id WHERE o.data_source = ? AND o.external_ref = 'C536379' ORDER BY l.line_number"))
                    .containsExactly(List.of(-2, "85123A"), List.of(-1, "D"));
            assertThat(rows.rows("SELECT c.external_ref, c.country, COUNT(o.id) FROM commerce.customer c "
                    + "JOIN commerce.orders o ON o.customer_id = c.id WHERE c.data_source = ? GROUP BY c.external_ref, c.country ORDER BY c.external_ref"))
                    .containsExactly(List.of("12583", "France", 1L), List.of("17850", "United Kingdom", 3L));
            assertThat(rows.rows("SELECT external_ref, name, price FROM commerce.product WHERE data_source = ? "
                    + "AND external_ref IN ('85123A', '71053', '22960', '22749') ORDER BY external_ref"))
                    .containsExactly(
                            Arrays.asList("22749", "FELTCRAFT PRINCESS CHARLOTTE DOLL", null),     // only ever free
                            List.of("22960", "JAM MAKING SET, WITH JARS", new BigDecimal("4.250")),
                            List.of("71053", "WHITE METAL LANTERN", new BigDecimal("3.500")), // the later of 3.39 and 3.50
                            List.of("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", new BigDecimal("2.550")));
        }
    }

    @Test
    void underStopTheReportSaysWhereItStoppedAndNothingIsLoaded() throws Exception {
        ImportReport report = runner.run(OnlineRetailImporter.FORMAT, tinyFile(), RejectPolicy.STOP, "or-tiny-stop", ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isFalse();
        assertThat(report.getStoppedBecause()).contains("online-retail-tiny.csv record 5").contains("UnitPrice").contains("nothing was loaded");
        assertThat(report.getRecordsRead()).isEqualTo(5);
        assertThat(report.getRecordsLoaded()).isEqualTo(4);
        try (Connection c = dataSource.getConnection()) {
            CommerceRows rows = new CommerceRows(c, "or-tiny-stop");
            assertThat(List.of(rows.orders(), rows.customers(), rows.products())).containsOnly(0L);
        }
    }

    @Test
    void aFileWithNeitherHeaderIsRefusedWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.csv"), "order_id,sku,qty\n1,A,2\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> runner.run(OnlineRetailImporter.FORMAT, file, RejectPolicy.SKIP, "or-bad-header", ImportProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders.csv is not an Online Retail file")
                .hasMessageContaining("InvoiceNo")
                .hasMessageContaining("Customer ID");
    }

    @Test
    void anOnlineRetailIIWorkbookLoadsUnderItsOwnHeader() throws Exception {
        Path file = dir.resolve("online_retail_II.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Year 2009-2010");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy h:mm"));
            addRow(sheet, dateStyle, "Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country");
            // As the published workbook stores them: sale invoices and most codes as numbers, customer ids as floats.
            addRow(sheet, dateStyle, 489434, "85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 12, LocalDateTime.parse("2009-12-01T07:45"), 6.95, 13085.0, "United Kingdom");
            addRow(sheet, dateStyle, 489434, "79323P", "PINK CHERRY LIGHTS", 12, LocalDateTime.parse("2009-12-01T07:45"), 6.75, 13085.0, "United Kingdom");
            addRow(sheet, dateStyle, "C489449", 22087, "PAPER BUNTING WHITE LACE", -12, LocalDateTime.parse("2009-12-01T10:33"), 2.95, 16321.0, "Australia");
            addRow(sheet, dateStyle, 489436, 21755, "LOVE BUILDING BLOCK WORD", 18, LocalDateTime.parse("2009-12-01T09:06"), 5.45, null, "United Kingdom");
            workbook.write(out);
        }

        ImportReport report = runner.run(OnlineRetailImporter.FORMAT, file, RejectPolicy.STOP, "or-xlsx", ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isTrue();
        assertThat(report.getRecordsLoaded()).isEqualTo(4);
        try (Connection c = dataSource.getConnection()) {
            CommerceRows rows = new CommerceRows(c, "or-xlsx");
            assertThat(rows.customers()).isEqualTo(2);
            assertThat(rows.products()).isEqualTo(4);
            assertThat(rows.orderTotals()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "489434", new BigDecimal("164.40"),      // 12 × 6.95 + 12 × 6.75
                    "C489449", new BigDecimal("-35.40"),     // -12 × 2.95
                    "489436", new BigDecimal("98.10")));     // 18 × 5.45
            assertThat(rows.rows("SELECT o.ordered_at, c.external_ref FROM commerce.orders o JOIN commerce.customer c ON c.id = o.customer_id "
                    + "WHERE o.data_source = ? AND o.external_ref = 'C489449'"))
                    .containsExactly(List.of(LocalDateTime.parse("2009-12-01T10:33"), "16321"));
        }
    }

    private static void addRow(Sheet sheet, CellStyle dateStyle, Object... values) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text) {
                row.createCell(i).setCellValue(text);
            } else if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] instanceof LocalDateTime time) {
                Cell cell = row.createCell(i);
                cell.setCellValue(time);
                cell.setCellStyle(dateStyle);
            }
        }
    }
}
