package com.commerceinsight.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.commerceinsight.analytics.imports.SharedData;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
@TestProfile(AdminCommandTest.OwnDatabase.class)
class AdminCommandTest {

    /**
     * Each launch is a Quarkus instance of its own and gets a fresh in-memory database (no DB_CLOSE_DELAY: it ends
     * with the instance's pool), since an H2 in-memory database left open by an earlier instance in the same JVM
     * is not reliably usable by a new one (its check constraints fail).
     */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:cli-test;MODE=MSSQLServer");
        }
    }

    @Test
    void importsAFolderAndPrintsTheReport(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("import", "seed-shop", SharedData.dir("seed-shop").toString(),
                "--data-source", "seed-shop-cli");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .contains("seed-shop import of")
                .contains("completed")
                .containsPattern("orders\\.csv\\s+10,200\\s+10,200\\s+0")
                .contains("106,537 records loaded, 0 rejected");
    }

    @Test
    void generatesASeededShopWithItsGroundTruth(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.csv");
        LaunchResult result = launcher.launch("generate", "--orders", "1500", "--seed", "7", "--ground-truth", truth.toString(),
                "--until", "2031-01-01");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).containsPattern("generated [0-9,]+ orders \\(target 1,500\\)")
                .containsPattern("summaries rebuilt in [0-9,]+ ms: [1-9][0-9,]* order rows");
        List<String> lines = Files.readAllLines(truth);
        assertThat(lines.get(0)).startsWith("customer_id,");
        // GeneratorSettings.forOrders scales customers as orders / 10, at least 50: one line each plus the header.
        assertThat(lines).hasSize(150 + 1);
        // --until lays the two years of history before 2031-01-01
        List<String> registered = lines.stream().skip(1).map(line -> line.split(",")[5]).toList();
        assertThat(registered).allMatch(at -> at.compareTo("2029-01-01") >= 0 && at.compareTo("2031-01-01") < 0, "within the window")
                .anyMatch(at -> at.startsWith("2030"));
    }

    @Test
    void anUnreadableFileFailsWithOneLineAndNoStackTrace(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("unclosed.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536365,71053,"WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
                536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom
                """);

        LaunchResult result = launcher.launch("import", "online-retail", file.toString(), "--on-error", "SKIP");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("unclosed.csv cannot be read at record 2").doesNotContain("\tat ");
        assertThat(result.getErrorStream()).filteredOn(line -> line.startsWith("import failed")).hasSize(1);
    }

    @Test
    void anUnknownFormatFailsWithItsName(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("import", "parquet", SharedData.dir("seed-shop").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getErrorOutput()).contains("unknown import format 'parquet'");
    }
}
