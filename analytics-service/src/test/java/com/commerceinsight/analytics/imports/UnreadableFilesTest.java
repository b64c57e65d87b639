package com.commerceinsight.analytics.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.commerceinsight.analytics.imports.retail.OnlineRetailImporter;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A file that cannot be parsed past some point is one clear error naming the file and the record, with nothing
 * loaded, whatever the reject policy; a value its column cannot hold is a rejected record, not an aborted import.
 */
@QuarkusTest
class UnreadableFilesTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private static final String GOOD_1 = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom";
    private static final String GOOD_2 = "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom";
    private static final String GOOD_3 = "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom";

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RejectPolicy.class)
    void anUnclosedQuoteFailsTheImportNamingFileAndRecord(RejectPolicy policy) throws Exception {
        Path file = Files.writeString(dir.resolve("unclosed.csv"), String.join("\n", HEADER, GOOD_1, GOOD_2,
                "536366,22632,\"HAND WARMER RED POLKA DOT,6,2010-12-01 08:28:00,1.85,17850,United Kingdom", GOOD_3) + "\n");
        String tag = "unclosed-" + policy;

        assertThatThrownBy(() -> runner.run(OnlineRetailImporter.FORMAT, file, policy, tag, ImportProgressListener.NONE))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("unclosed.csv")
                .hasMessageContaining("record 3")
                .hasMessageContaining("nothing was loaded");
        assertThat(ordersOf(tag)).isZero();
    }

    @ParameterizedTest
    @EnumSource(RejectPolicy.class)
    void aTruncatedGzipFailsTheImportNamingFileAndRecord(RejectPolicy policy) throws Exception {
        byte[] csv = Files.readAllBytes(SharedData.dir("online-retail-head").resolve("OnlineRetail-head.csv"));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(csv);
        }
        byte[] whole = gzipped.toByteArray();
        Path file = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        String tag = "truncated-" + policy;

        assertThatThrownBy(() -> runner.run(OnlineRetailImporter.FORMAT, file, policy, tag, ImportProgressListener.NONE))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("truncated.csv.gz")
                .hasMessageMatching("(?s).*record [1-9][0-9]*.*");
        assertThat(ordersOf(tag)).isZero();
    }

    @Test
    void aFileInAnotherEncodingFailsTheImport() throws Exception {
        Path file = Files.write(dir.resolve("latin1.csv"), String.join("\n", HEADER, GOOD_1,
                "536367,84879,CAF\u00C9 AU LAIT MUG,32,2010-12-01 08:34:00,1.69,13047,United Kingdom", GOOD_3)
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> runner.run(OnlineRetailImporter.FORMAT, file, RejectPolicy.SKIP, "latin1", ImportProgressListener.NONE))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("latin1.csv");
        assertThat(ordersOf("latin1")).isZero();
    }

    @Test
    void aPriceNoColumnCanHoldIsARejectedRecordAndTheRestLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("huge-price.csv"), String.join("\n", HEADER, GOOD_1, GOOD_2,
                "536366,22632,HAND WARMER RED POLKA DOT,6,2010-12-01 08:28:00,1e309,17850,United Kingdom",
                "536366,22634,HAND WARMER BIRD,100000,2010-12-01 08:28:00,99999999999,17850,United Kingdom", GOOD_3) + "\n");

        ImportReport report = runner.run(OnlineRetailImporter.FORMAT, file, RejectPolicy.SKIP, "huge-price", ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isTrue();
        assertThat(report.getRejections()).extracting(Rejection::recordNumber).containsExactly(3L, 4L);
        assertThat(report.getRejections().get(0).reason()).contains("UnitPrice");
        assertThat(report.getRecordsLoaded()).isEqualTo(3);
        assertThat(ordersOf("huge-price")).isEqualTo(2);
    }

    @Test
    void aTextLongerThanItsColumnIsARejectedSeedShopRecord() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("seed-shop-long"));
        for (Path source : Files.list(SharedData.dir("seed-shop")).toList()) {
            Files.copy(source, folder.resolve(source.getFileName()));
        }
        Path suppliers = folder.resolve("suppliers.csv");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(Files.newBufferedReader(suppliers))) {
            records = parser.getRecords();
        }
        int emailColumn = Arrays.asList(records.get(0).values()).indexOf("email");
        assertThat(emailColumn).isNotNegative();
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(suppliers), CSVFormat.RFC4180)) {
            for (int i = 0; i < records.size(); i++) {
                String[] values = records.get(i).values();
                if (i == 1) {
                    values[emailColumn] = "x".repeat(5000) + "@example.com";
                }
                out.printRecord((Object[]) values);
            }
        }

        ImportReport report = runner.run("seed-shop", folder, RejectPolicy.SKIP, "seed-long", ImportProgressListener.NONE);

        assertThat(report.isCompleted()).isTrue();
        assertThat(report.getRejections()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("suppliers.csv");
            assertThat(r.recordNumber()).isEqualTo(1);
            assertThat(r.reason()).contains("email");
        });
    }

    private long ordersOf(String tag) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ?")) {
            count.setString(1, tag);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
