package com.commerceinsight.analytics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.commerceinsight.analytics.jdbc.CommerceTable;

class ShopGeneratorDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalRowsAndGroundTruthAndOtherSeedDoesNot() throws Exception {
        GeneratorSettings settings = GeneratorSettings.forOrders(3_000, 42);
        Map<String, String> first = generate("determinism_a", settings, dir.resolve("a.csv"));
        Map<String, String> second = generate("determinism_b", settings, dir.resolve("b.csv"));
        Map<String, String> otherSeed = generate("determinism_c", GeneratorSettings.forOrders(3_000, 43), dir.resolve("c.csv"));

        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
        assertThat(Files.readAllBytes(dir.resolve("a-seasonality.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b-seasonality.csv")));
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("c.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
        for (String table : new String[] {"commerce.customer", "commerce.orders", "commerce.order_line", "commerce.payment"}) {
            assertThat(otherSeed.get(table)).as(table).isNotEqualTo(first.get(table));
        }
    }

    /** Generates into a fresh database and returns a digest of every table's contents. */
    private static Map<String, String> generate(String database, GeneratorSettings settings, Path groundTruth) throws Exception {
        Connection connection = FreshCommerceDatabase.open(database);
        try {
            new ShopGenerator().generate(connection, settings, groundTruth, GenerationProgressListener.NONE);
            Map<String, String> digests = new LinkedHashMap<>();
            for (CommerceTable table : CommerceTable.values()) {
                digests.put(table.qualifiedName(), FreshCommerceDatabase.digest(connection, table.qualifiedName(), ""));
            }
            return digests;
        } finally {
            FreshCommerceDatabase.drop(connection);
        }
    }
}
