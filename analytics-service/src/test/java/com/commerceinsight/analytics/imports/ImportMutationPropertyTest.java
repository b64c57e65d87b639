package com.commerceinsight.analytics.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.generator.FreshCommerceDatabase;
import com.commerceinsight.analytics.imports.olist.OlistImporter;
import com.commerceinsight.analytics.imports.retail.OnlineRetailImporter;
import com.commerceinsight.analytics.imports.seedshop.SeedShopImporter;
import com.commerceinsight.analytics.testing.ScratchFolders;

/**
 * Property: whatever is done to a valid sample file of each format (fields replaced by hostile values, dropped or
 * added, lines doubled or removed, a quote left open, bytes that are not UTF-8, the file cut short), an import
 * never fails with an unexpected exception; a file it cannot read is one {@link UnreadableFileException} naming the
 * file and record with nothing loaded; every rejection names its file and record; and the rows in the database are
 * exactly the accepted records. The samples are the first records of the shared real data sets.
 * <p>
 * The cases come from a seeded generator of our own (a fixed seed, so a failure names the try that reproduces it):
 * a few dozen lines do what is needed here, and they run as a plain JUnit test beside the Quarkus tests.
 */
class ImportMutationPropertyTest {

    private static final long SEED = 20261206L;
    private static final int TRIES = 200;
    private static final int SAMPLE_RECORDS = 30;
    private static final AtomicInteger IMPORTS = new AtomicInteger();

    private static Connection keptOpen;
    private static ImportRunner runner;
    private static Path workDir;
    private static final Map<Format, Map<String, List<String>>> SAMPLES = new HashMap<>();

    /** A format, where its sample comes from, and the files whose accepted records are one row each of a table. */
    enum Format {
        SEED_SHOP("seed-shop", "seed-shop", Map.of(
                "customers.csv", "SELECT COUNT(*) FROM commerce.customer WHERE data_source = ?",
                "products.csv", "SELECT COUNT(*) FROM commerce.product WHERE data_source = ?",
                "orders.csv", "SELECT COUNT(*) FROM commerce.orders WHERE data_source = ?",
                "order_details.csv", "SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?",
                "payments.csv", "SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id WHERE o.data_source = ?")),
        OLIST("olist", "olist-sample", Map.of(
                "olist_orders_dataset.csv", "SELECT COUNT(*) FROM commerce.orders WHERE data_source = ?",
                "olist_order_items_dataset.csv", "SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?",
                "olist_order_payments_dataset.csv", "SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id WHERE o.data_source = ?")),
        ONLINE_RETAIL("online-retail", "online-retail-head", Map.of(
                "OnlineRetail-head.csv", "SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?"));

        final String name;
        final String dataSet;
        final Map<String, String> rowsPerAcceptedRecord;

        Format(String name, String dataSet, Map<String, String> rowsPerAcceptedRecord) {
            this.name = name;
            this.dataSet = dataSet;
            this.rowsPerAcceptedRecord = rowsPerAcceptedRecord;
        }
    }

    enum Kind { REPLACE_FIELD, DROP_FIELD, ADD_FIELD, DOUBLE_LINE, DROP_LINE, OPEN_QUOTE, LATIN1_BYTES, CUT_SHORT }

    /** One change to one file; the indexes are taken modulo the file's lines and fields. */
    record Mutation(Kind kind, int file, int line, int field, String value) {
    }

    @BeforeAll
    static void openDatabaseAndSamples() throws Exception {
        keptOpen = FreshCommerceDatabase.open("import-mutations");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:import-mutations;MODE=MSSQLServer;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        runner = new ImportRunner(dataSource, List.of(new SeedShopImporter(), new OlistImporter(), new OnlineRetailImporter()));
        workDir = ScratchFolders.create("import-mutations");
        for (Format format : Format.values()) {
            Map<String, List<String>> files = new java.util.TreeMap<>();
            try (Stream<Path> sources = Files.list(SharedData.dir(format.dataSet))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    files.put(source.getFileName().toString(), firstRecords(source));
                }
            }
            SAMPLES.put(format, files);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        FreshCommerceDatabase.drop(keptOpen);
    }

    /** The header and the first records, each written back as one CSV line (quoted fields keep their line breaks). */
    private static List<String> firstRecords(Path source) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord record : parser) {
                lines.add(CSVFormat.RFC4180.format((Object[]) record.values()));
                if (lines.size() > SAMPLE_RECORDS) {
                    break;
                }
            }
        }
        return lines;
    }

    @Test
    void mutatedFilesAreLoadedOrRefusedRecordByRecord() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Format format = pick(random, Format.values());
            RejectPolicy policy = pick(random, RejectPolicy.values());
            List<Mutation> mutations = mutations(random);
            String outcome;
            try {
                outcome = importMutated(format, policy, mutations);
            } catch (AssertionError failure) {
                throw new AssertionError("try " + attempt + " of seed " + SEED + ": " + format + ", " + policy + ", " + mutations,
                        failure);
            }
            outcomes.merge(format + ": " + outcome, 1, Integer::sum);
        }
        System.out.printf("import mutations, %d tries (seed %d): %s%n", TRIES, SEED, outcomes);
    }

    /** Imports a mutated sample and checks the outcome; returns which of the outcomes it was. */
    private String importMutated(Format format, RejectPolicy policy, List<Mutation> mutations) throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("import-" + IMPORTS.incrementAndGet()));
        Map<String, byte[]> files = mutated(SAMPLES.get(format), mutations);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        Path source = format == Format.ONLINE_RETAIL ? folder.resolve("OnlineRetail-head.csv") : folder;
        String tag = "mutation-" + IMPORTS.get();

        ImportReport report;
        try {
            report = runner.run(format.name, source, policy, tag, ImportProgressListener.NONE);
        } catch (UnreadableFileException unreadable) {
            assertThat(files.keySet()).anySatisfy(name -> assertThat(unreadable.getMessage()).startsWith(name + " "));
            assertThat(unreadable.getMessage()).containsPattern("at record [0-9]+").contains("nothing was loaded");
            assertNothingLoaded(format, tag);
            return "file unreadable";
        } catch (IllegalArgumentException layout) {
            // A header the format does not know (a column dropped from the header line): refused before any record.
            assertThat(layout.getMessage()).isNotBlank();
            assertNothingLoaded(format, tag);
            return "header refused";
        }

        for (Rejection rejection : report.getRejections()) {
            assertThat(files).containsKey(rejection.file());
            assertThat(rejection.recordNumber()).isPositive();
            assertThat(rejection.reason()).isNotBlank();
        }
        if (!report.isCompleted()) {
            assertThat(policy).isEqualTo(RejectPolicy.STOP);
            assertNothingLoaded(format, tag);
            return "stopped at a rejection";
        }
        for (FileReport file : report.getFiles()) {
            assertThat(file.getLoaded()).as(file.getFile()).isEqualTo(file.getRead() - file.getRejected());
            String rowsQuery = format.rowsPerAcceptedRecord.get(file.getFile());
            if (rowsQuery != null) {
                assertThat(count(rowsQuery, tag)).as("rows loaded from " + file.getFile()).isEqualTo(file.getLoaded());
            }
        }
        return report.getRecordsRejected() == 0 ? "loaded whole" : "loaded with rejections";
    }

    /** One to four mutations, each of a random kind at random indexes (taken modulo the file's lines and fields). */
    private static List<Mutation> mutations(Random random) {
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            mutations.add(new Mutation(pick(random, Kind.values()), random.nextInt(10_001), random.nextInt(10_001),
                    random.nextInt(10_001), hostileValue(random)));
        }
        return mutations;
    }

    private static final String[] HOSTILE = { "", "1e309", "-1e309", "NaN", "-0", "0", "-1", "99999999999999999999",
            "9223372036854775808", "1.5", "17850.5", "abc", "2024-13-01", "9999-12-31 23:59:59", "0000-00-00", "\"", "\"\"", ",",
            "null", "12/31/2011 25:61", "  ", "\u00e9\u00e8\u4e2d\u6587\ud83d\ude00" };

    /** Values a field might hold in a damaged export: out of range, wrong type, empty, huge, quoted, other scripts. */
    private static String hostileValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, HOSTILE);
            case 1 -> randomString(random, random.nextInt(41), true);
            case 2 -> randomString(random, 300 + random.nextInt(4_701), false);
            default -> new java.math.BigDecimal(new java.math.BigInteger(67, random), random.nextInt(10))
                    .multiply(java.math.BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)).toPlainString();
        };
    }

    /** Any UTF-16 code units (control characters, quotes, surrogates included), or ASCII letters only. */
    private static String randomString(Random random, int length, boolean anyCharacter) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(anyCharacter ? (char) random.nextInt(0x10000) : (char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Map<String, byte[]> mutated(Map<String, List<String>> sample, List<Mutation> mutations) {
        List<String> names = new ArrayList<>(sample.keySet());
        Map<String, List<String>> lines = new HashMap<>();
        sample.forEach((name, content) -> lines.put(name, new ArrayList<>(content)));
        Map<String, byte[]> latin1 = new HashMap<>();
        Map<String, Integer> cutAt = new HashMap<>();
        for (Mutation m : mutations) {
            String name = names.get(m.file() % names.size());
            List<String> file = lines.get(name);
            // Mostly records; now and then the header itself.
            int line = m.line() % 10 == 0 || file.size() <= 1 ? 0 : 1 + m.line() % (file.size() - 1);
            switch (m.kind()) {
                case REPLACE_FIELD, DROP_FIELD, ADD_FIELD -> file.set(line, changeField(file.get(line), m));
                case DOUBLE_LINE -> file.add(line, file.get(line));
                case DROP_LINE -> {
                    if (file.size() > 1) {
                        file.remove(line);
                    }
                }
                case OPEN_QUOTE -> file.set(line, file.get(line) + ",\"" + m.value());
                case LATIN1_BYTES -> file.set(line, file.get(line) + "\u00e9");
                case CUT_SHORT -> cutAt.put(name, m.line());
            }
            if (m.kind() == Kind.LATIN1_BYTES) {
                latin1.put(name, null);
            }
        }
        Map<String, byte[]> bytes = new HashMap<>();
        for (String name : names) {
            String text = String.join("\r\n", lines.get(name)) + "\r\n";
            byte[] content = text.getBytes(latin1.containsKey(name) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            Integer cut = cutAt.get(name);
            bytes.put(name, cut == null ? content : Arrays.copyOf(content, cut % Math.max(1, content.length)));
        }
        return bytes;
    }

    private static String changeField(String line, Mutation m) {
        List<String> values;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return line + "," + m.value();
            }
            values = new ArrayList<>(Arrays.asList(records.get(0).values()));
        } catch (IOException | UncheckedIOException e) {
            return line + "," + m.value();
        }
        int field = values.isEmpty() ? 0 : m.field() % values.size();
        switch (m.kind()) {
            case REPLACE_FIELD -> values.set(field, m.value());
            case DROP_FIELD -> values.remove(field);
            default -> values.add(field, m.value());
        }
        return CSVFormat.RFC4180.format(values.toArray());
    }

    private static void assertNothingLoaded(Format format, String tag) throws Exception {
        for (String query : format.rowsPerAcceptedRecord.values()) {
            assertThat(count(query, tag)).as(query).isZero();
        }
    }

    private static long count(String query, String tag) throws Exception {
        try (PreparedStatement statement = keptOpen.prepareStatement(query)) {
            statement.setString(1, tag);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
