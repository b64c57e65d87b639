import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.h2.tools.Server;

/**
 * The local run's database server: H2's TCP server on loopback, which opens the shared database itself, with the
 * local run's settings, and holds it open for its whole life.
 * <p>
 * Why here: H2 takes a database's settings from its first connection, which was whichever service came first, and
 * closed the database whenever no service was connected. Now the settings live in one place and the page cache stays
 * warm across the services' restarts.
 * <p>
 * Not done here, on purpose: compacting the store while it runs. With WRITE_DELAY=0 H2 runs no background writer, so
 * it never moves the live pages of old chunks, and under load the chunk count and the file grow until the database
 * closes (on the 20,000-order sample shop at 200 orders/s: 26,000 chunks and 2.6 GB after a few minutes). Calling
 * {@code MVStore.compact} from a thread of this server, as the background writer would, bounded that, but the drill
 * that kills the database server then lost commits it had acknowledged, every time (consumers' batches, found by
 * ReliabilityDrillsIT#databaseServerKilledAndRestarted); without it the drill passes.
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
        server.start();
        System.out.println(server.getStatus());
    }
}
