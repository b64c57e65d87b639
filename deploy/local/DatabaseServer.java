import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.tools.Server;

/**
 * The local run's database server: H2's TCP server on loopback, holding the shared database open with the local run's
 * settings, and compacting its store while it runs.
 * <p>
 * Why compact here: the local run writes every commit to the file (WRITE_DELAY=0, see start.sh), and with a write
 * delay of 0 H2 runs no background writer, which is the only place it rewrites the live pages of old chunks while the
 * database is open. Without it every commit's chunk stays in the file as long as one of its pages is live, so under
 * load the chunk count, the file and the chunk metadata each commit rewrites grow without bound: on the 20,000-order
 * sample shop at 200 orders/s the file grew by about 18 MB a second and held 26,000 chunks after a few minutes.
 * Four times a second this server moves the live pages of the oldest, emptiest chunks into the next commit's chunk,
 * as H2's own background writer would.
 * <p>
 * Run as a source file with the H2 jar on the class path: {@code java -cp H2_JAR DatabaseServer.java BASE_DIR PORT}.
 */
public class DatabaseServer {

    /** The database the services share, inside the base directory (jdbc:h2:tcp://localhost:PORT/commerce). */
    private static final String DATABASE = "commerce";

    /**
     * H2 settings for a write-heavy database shared by four services, applied when the database opens (here):
     * a 256 MB page cache (the default, 16 MB, made the server re-read and evict pages all the time); changes written
     * to the file at each commit (WRITE_DELAY=0: with H2's delayed writes a killed or stopped server came back without
     * commits it had acknowledged, so orders answered 201 were lost: found by deploy's reliability drills); 16 parsed
     * statements kept per connection rather than 8 (the consumers' few statements are parsed once; not more, because
     * H2 walks every kept statement of a connection each time a transaction first changes a table: at 128 that took 7 %
     * of the server's CPU, more than parsing saved); event payloads up to 16 KB kept in the row instead of H2's separate
     * LOB store; 4 KB pages rather than 16 KB for a new database (serialising whole changed leaf pages was the largest
     * part left: most inserts land on random keys, each dirtying a page of its own).
     */
    static final String SETTINGS = ";MODE=MSSQLServer;CACHE_SIZE=262144;WRITE_DELAY=0;QUERY_CACHE_SIZE=16"
            + ";MAX_LENGTH_INPLACE_LOB=16384;PAGE_SIZE=4096";

    /** Chunks are compacted while, together, less than this percentage of their space holds live pages. */
    private static final int TARGET_FILL_RATE = 50;

    /**
     * At most this many bytes of live pages moved a round, four rounds a second. The move holds the store's lock, which
     * every commit waits for: small rounds keep each wait short.
     */
    private static final int BYTES_MOVED_PER_ROUND = 512 * 1024;
    private static final long ROUND_MILLIS = 250;

    /** Held for the server's life (see main). */
    private static Connection held;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp H2_JAR DatabaseServer.java BASE_DIR PORT");
            System.exit(2);
        }
        Path baseDir = Files.createDirectories(Path.of(args[0])).toRealPath();
        Server server = Server.createTcpServer("-tcpPort", args[1], "-ifNotExists", "-baseDir", baseDir.toString());
        // Opened before the port: the settings are those of the first connection, and this one is held for the
        // server's life, so the database stays open (with its page cache) while no service is connected.
        held = DriverManager.getConnection("jdbc:h2:file:" + baseDir.resolve(DATABASE) + SETTINGS, "sa", "");
        MVStore store = ((SessionLocal) ((JdbcConnection) held).getSession()).getDatabase().getStore().getMvStore();
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "store-compaction");
            thread.setDaemon(true);
            return thread;
        });
        maintenance.scheduleWithFixedDelay(() -> compact(store), ROUND_MILLIS, ROUND_MILLIS, TimeUnit.MILLISECONDS);
        server.start();
        System.out.println(server.getStatus());
    }

    private static void compact(MVStore store) {
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE, BYTES_MOVED_PER_ROUND)) {
                store.tryCommit(); // the moved pages are written with the next commit; with no commit coming, now
            }
        } catch (RuntimeException e) {
            // The database closing under the server's shutdown, or a store error H2 reports to the sessions as well;
            // the next round tries again.
            System.err.println("store compaction: " + e);
        }
    }
}
