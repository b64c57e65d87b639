package com.commerceinsight.orderevents.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void placesAreRoundedUpToAPowerOfTwo() {
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 64, 65).stream().map(InLists::places).toList())
                .containsExactly(1, 2, 4, 4, 8, 8, 16, 64, 128);
        assertThat(InLists.marks(3)).isEqualTo("?, ?, ?, ?");
    }

    @Test
    void idsAreChunkedAtTheMostPlacesInTheirOrder() {
        List<Long> ids = LongStream.rangeClosed(1, 1_100).boxed().toList();
        List<List<Long>> chunks = InLists.chunks(ids);
        assertThat(chunks).extracting(List::size).containsExactly(512, 512, 76);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    }

    @Test
    void theSparePlacesRepeatTheLastIdSoTheStatementFindsExactlyTheIds() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:in-lists", "sa", "")) {
            connection.createStatement().execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
            connection.createStatement().execute("INSERT INTO t SELECT x FROM SYSTEM_RANGE(1, 20)");
            List<Long> chunk = List.of(3L, 7L, 11L, 99L, 13L);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM t WHERE id IN (" + InLists.marks(chunk.size()) + ") ORDER BY id")) {
                assertThat(InLists.bind(select, 1, chunk)).isEqualTo(9);
                List<Long> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
                assertThat(found).containsExactly(3L, 7L, 11L, 13L);
            }
        }
    }
}
