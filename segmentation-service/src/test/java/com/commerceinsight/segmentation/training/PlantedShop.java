package com.commerceinsight.segmentation.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

/**
 * A shop with planted customer groups, written into the columns of the commerce tables this service reads (the
 * test database has no commerce schema of its own: analytics-service owns it). Four behaviours, 150 customers
 * each, ids from FIRST_CUSTOMER: 0 frequent big spenders, 1 recent first-timers, 2 lapsed regulars, 3 long lost
 * one-off buyers; plus cancelled orders, anonymous sales and sessions that the features must handle.
 */
public final class PlantedShop {

    public static final LocalDateTime SNAPSHOT = LocalDateTime.of(2025, 1, 1, 0, 0);
    public static final long FIRST_CUSTOMER = 500_000;
    public static final int PER_GROUP = 150;
    public static final int GROUPS = 4;

    /** Typical recency, orders, basket and tenure of each group, drawn with multiplicative noise. */
    private static final double[][] BEHAVIOUR = { { 5, 30, 120, 700 }, { 10, 1, 30, 10 }, { 200, 8, 60, 600 }, { 500, 1, 25, 520 } };

    private static final Map<Long, Integer> PLANTED = new HashMap<>();
    private static long nextOrderId = 9_000_000;

    private PlantedShop() {
    }

    /** The planted group of each customer; creates the shop on first use. */
    public static synchronized Map<Long, Integer> ensure(DataSource dataSource) throws SQLException {
        if (PLANTED.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                PLANTED.putAll(plant(connection));
            }
        }
        return PLANTED;
    }

    /** Writes the shop into the database of {@code connection} (one that has none yet); returns each customer's group. */
    public static synchronized Map<Long, Integer> plant(Connection connection) throws SQLException {
        Map<Long, Integer> planted = new HashMap<>();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS commerce");
            ddl.execute("CREATE TABLE commerce.orders (id BIGINT PRIMARY KEY, customer_id BIGINT, kind NVARCHAR(16) NOT NULL,"
                    + " status NVARCHAR(20) NOT NULL, ordered_at TIMESTAMP(3) NOT NULL, total_amount DECIMAL(14,2) NOT NULL)");
            ddl.execute("CREATE TABLE commerce.customer_session (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                    + " started_at TIMESTAMP(3) NOT NULL)");
            Random random = new Random(42);
            long sessionId = 1;
            try (PreparedStatement sessions = connection.prepareStatement("INSERT INTO commerce.customer_session VALUES (?, ?, ?)")) {
                for (int i = 0; i < GROUPS * PER_GROUP; i++) {
                    long customerId = FIRST_CUSTOMER + i;
                    int group = i % GROUPS;
                    planted.put(customerId, group);
                    double[] typical = BEHAVIOUR[group];
                    int orders = (int) Math.max(1, Math.round(typical[1] * noise(random)));
                    double basket = typical[2] * noise(random);
                    double tenure = typical[3] * noise(random);
                    double recency = Math.min(tenure, typical[0] * noise(random));
                    for (int o = 0; o < orders; o++) {
                        double daysAgo = orders == 1 ? recency : tenure - (tenure - recency) * o / (orders - 1);
                        insertOrder(connection, customerId, "delivered", SNAPSHOT.minusMinutes(Math.round(daysAgo * 1440)), basket);
                        sessions.setLong(1, sessionId++);
                        sessions.setLong(2, customerId);
                        sessions.setObject(3, SNAPSHOT.minusMinutes(Math.round(daysAgo * 1440) + 5));
                        sessions.addBatch();
                    }
                    if (i % 10 == 0) { // a cancelled order counts nowhere
                        insertOrder(connection, customerId, "cancelled", SNAPSHOT.minusDays(1), 10_000);
                    }
                }
                sessions.executeBatch();
            }
            insertOrder(connection, null, "delivered", SNAPSHOT.minusDays(3), 50); // an anonymous sale
        }
        return planted;
    }

    public static synchronized long insertOrder(Connection connection, Long customerId, String status, LocalDateTime orderedAt,
            double amount) throws SQLException {
        long id = nextOrderId++;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commerce.orders VALUES (?, ?, 'sale', ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setObject(2, customerId);
            insert.setString(3, status);
            insert.setObject(4, orderedAt);
            insert.setBigDecimal(5, BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP));
            insert.executeUpdate();
        }
        return id;
    }

    private static double noise(Random random) {
        return Math.exp(0.15 * random.nextGaussian());
    }
}
