package com.commerceinsight.deploy.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.tools.Server;

/**
 * Does an H2 server keep every commit it acknowledged when it is killed (SIGKILL) and started again? Run by
 * deploy/bench/database-kill.sh, outside the whole system, so that a loss seen in the reliability drills can be
 * pinned on the database server alone. Eight clients commit small transactions (a row with a random indexed key and a
 * counter increment) against an H2 TCP server in a process of its own, with the local run's settings; after 3-8 s the
 * server is killed, then started again on the same files, and every acknowledged row is looked up. Rounds repeat on
 * the growing database; the last line gives the acknowledged commits and how many of them are missing.
 *
 * <p>The server runs in one of three modes: {@code plain} is {@code org.h2.tools.Server} as the local run starts it;
 * {@code held} also holds a connection of its own open, so the database never closes; {@code compact} holds it and
 * calls {@link MVStore#compact} every 100 ms from a thread, as H2's background writer would (the local run has no
 * background writer: {@code WRITE_DELAY=0}). Arguments: MODE, ROUNDS, DIRECTORY; the H2 jar on the class path is the
 * version tried, and the server process gets the same class path.
 */
public final class DatabaseKillCheck {

    /** The local run's settings, as the services' URL gives them (LocalSystem, deploy/local/start.sh). */
    static final String SETTINGS = ";MODE=MSSQLServer" + LocalSystem.H2_SETTINGS;
    private static final int CLIENTS = 8;

    private DatabaseKillCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("plain", "held", "compact").contains(args[0])) {
            System.err.println("usage: DatabaseKillCheck plain|held|compact ROUNDS DIRECTORY");
            System.exit(2);
        }
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        Path directory = Files.createDirectories(Path.of(args[2])).toRealPath();
        int port = LocalSystem.freePort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/commerce" + SETTINGS;
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong nextId = new AtomicLong();
        ManagedProcess server = new ManagedProcess("database", List.of(LocalSystem.javaBinary(),
                "-XX:+UseParallelGC", "-Xmx1g", "-cp", System.getProperty("java.class.path"), KilledServer.class.getName(), mode,
                directory.toString(), Integer.toString(port)), Map.of(), directory.getParent());
        long missing = 0;
        for (int round = 1; round <= rounds; round++) {
            server.start().awaitPort(port, Duration.ofSeconds(30));
            missing = check(url, acknowledged, nextId);
            System.out.printf(Locale.ROOT, "round %d of %d (%s, H2 %s): %,d commits acknowledged so far, %,d of them missing; file %,d MB%n",
                    round, rounds, mode, org.h2.engine.Constants.FULL_VERSION, acknowledged.size(), missing,
                    Files.size(directory.resolve("commerce.mv.db")) >> 20);
            if (round == rounds) {
                server.stop();
                break;
            }
            commitUntilKilled(url, server, acknowledged, nextId);
        }
        System.out.printf(Locale.ROOT, "%s, H2 %s, %d kills: %,d commits acknowledged, %,d missing%n", mode,
                org.h2.engine.Constants.FULL_VERSION, rounds - 1, acknowledged.size(), missing);
    }

    /** Creates the tables on the first round; returns how many acknowledged rows are not there. */
    private static long check(String url, Set<Long> acknowledged, AtomicLong nextId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kill_check (id BIGINT PRIMARY KEY, k VARCHAR(36) NOT NULL, v VARCHAR(200))");
            statement.execute("CREATE INDEX IF NOT EXISTS kill_check_k ON kill_check(k)");
            statement.execute("CREATE TABLE IF NOT EXISTS kill_check_counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            statement.execute("MERGE INTO kill_check_counter KEY(id) SELECT x, COALESCE((SELECT n FROM kill_check_counter"
                    + " WHERE id = x), 0) FROM SYSTEM_RANGE(1, 50)");
            try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM kill_check")) {
                max.next();
                nextId.set(max.getLong(1)); // ids of commits cut off unacknowledged may be there: go on after them
            }
            long missing = 0;
            try (PreparedStatement find = connection.prepareStatement("SELECT COUNT(*) FROM kill_check WHERE id = ?")) {
                for (long id : acknowledged) {
                    find.setLong(1, id);
                    try (ResultSet row = find.executeQuery()) {
                        row.next();
                        missing += row.getLong(1) == 0 ? 1 : 0;
                    }
                }
            }
            return missing;
        }
    }

    private static void commitUntilKilled(String url, ManagedProcess server, Set<Long> acknowledged, AtomicLong nextId) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    connection.setAutoCommit(false);
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO kill_check VALUES (?, ?, ?)");
                    PreparedStatement increment = connection.prepareStatement("UPDATE kill_check_counter SET n = n + 1 WHERE id = ?");
                    Random random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        long id = nextId.incrementAndGet();
                        insert.setLong(1, id);
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, "x".repeat(random.nextInt(200)));
                        insert.executeUpdate();
                        increment.setInt(1, 1 + random.nextInt(50));
                        increment.executeUpdate();
                        connection.commit();
                        acknowledged.add(id);
                    }
                } catch (SQLException serverGone) {
                    // the kill: this client's last commit, if it was in flight, was never acknowledged
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(3_000 + ThreadLocalRandom.current().nextInt(5_000));
        server.kill(); // SIGKILL
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
    }

    /** The server process: MODE DIRECTORY PORT. */
    public static final class KilledServer {

        /** Held for the process's life in the modes held and compact. */
        private static Connection held;

        private KilledServer() {
        }

        public static void main(String[] args) throws Exception {
            String mode = args[0];
            Server server = Server.createTcpServer("-tcpPort", args[2], "-ifNotExists", "-baseDir", args[1]);
            if (!mode.equals("plain")) {
                held = DriverManager.getConnection("jdbc:h2:file:" + Path.of(args[1], "commerce") + SETTINGS, "sa", "");
            }
            server.start();
            if (mode.equals("compact")) {
                MVStore store = ((SessionLocal) ((JdbcConnection) held).getSession()).getDatabase().getStore().getMvStore();
                Thread compaction = new Thread(() -> {
                    while (!store.isClosed()) {
                        try {
                            Thread.sleep(100);
                            store.compact(50, 4 << 20); // chunks under half full, up to 4 MB a time
                        } catch (InterruptedException stopped) {
                            return;
                        } catch (RuntimeException closing) {
                            // the store closing under the call as the process ends
                        }
                    }
                }, "compaction");
                compaction.setDaemon(true);
                compaction.start();
            }
        }
    }
}
