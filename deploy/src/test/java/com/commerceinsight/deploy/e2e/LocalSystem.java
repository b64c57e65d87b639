package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.netcrusher.core.reactor.NioReactor;

import com.commerceinsight.deploy.identity.DemoUser;
import com.commerceinsight.deploy.identity.TokenSource;

/**
 * The whole system as the local run starts it, from the packaged services: the identity provider (Keycloak, with the
 * local run's realm), the H2 database server, one real Kafka broker, and the four services, which verify the realm's
 * tokens. Every call the tests make to an API carries a token of the demo user {@code admin-demo} ({@link #tokens()}).
 * Started once per test run (the first test that asks) and stopped when the JVM ends; the broker can be stopped and
 * started again in between.
 * <p>
 * With {@code -De2e.fault-links=true} the services reach the database and the broker through {@link FaultyLink}s in
 * this JVM (the broker advertises its link's port), which the drills break on purpose; the tests' own connections go
 * straight to the servers. With {@code -De2e.service-jvm-options="..."} every service JVM gets those options too, with
 * {@code -De2e.server-jvm-options="..."} the database server's and the broker's.
 * <p>
 * With {@code -De2e.sample-orders=N} (N &gt; 0) the database first gets the local run's generated sample shop of about
 * N orders (seed 42), as deploy/local/start.sh lays it, so the three ML services train on start and serve with active
 * models: the system a user runs, not an empty one. {@link #awaitActiveModels} waits for those trainings.
 */
final class LocalSystem {

    static final List<String> SERVICES = List.of("analytics-service", "prediction-service", "segmentation-service", "recommender-service");

    /** The repository's root folder ({@code -Drepository.root}; deploy's parent when run from deploy). */
    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

    /** The file holding the local run's class path (deploy's test class path), which deploy/local starts its JVMs with. */
    private static final String LOCAL_RUN_CLASSPATH_FILE = System.getProperty("local-run.classpath", "target/local-run.classpath");

    /**
     * The local run's H2 settings as a JDBC URL's tail ({@code ;CACHE_SIZE=...}), from deploy/local/database.settings as
     * start.sh reads them; {@code -De2e.h2-settings} tries others in a benchmark.
     */
    static final String H2_SETTINGS = System.getProperty("e2e.h2-settings", ";" + localRunH2Settings());

    private static LocalSystem running;

    private final Path work = Path.of(System.getProperty("e2e.work.dir", "target/e2e")).toAbsolutePath();
    private final Path logs = work.resolve("logs");
    private final int sampleOrders = Integer.getInteger("e2e.sample-orders", 0);
    private final int databasePort = freePort();
    private final int kafkaPort = freePortPair();
    private final boolean faultLinks = Boolean.getBoolean("e2e.fault-links");
    /** The port of the gateway a browser reaches the console through; its origin is the one the services let call them. */
    private final int consoleGatewayPort = freePort();
    /** Keyed by instance: the service's name, and name-2 for a second instance ({@link #startSecondInstances}). */
    private final Map<String, Integer> httpPorts = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
    private ManagedProcess database;
    private ManagedProcess broker;
    private LocalKeycloak identity;
    private NioReactor linkReactor;
    private FaultyLink databaseLink;
    private FaultyLink brokerLink;

    static synchronized LocalSystem get() throws Exception {
        if (running == null) {
            LocalSystem system = new LocalSystem();
            // Before the start: a start that fails half way must not leave the parts it started running.
            Runtime.getRuntime().addShutdownHook(new Thread(system::stopQuietly));
            system.start();
            running = system;
        }
        return running;
    }

    private void start() throws Exception {
        boolean reuseShop = reusableSampleShop();
        if (reuseShop) {
            try (var parts = Files.list(work)) {
                for (Path part : parts.filter(p -> !p.getFileName().toString().equals("db") && !p.equals(sampleShopMarker())).toList()) {
                    deleteRecursively(part);
                }
            }
        } else {
            deleteRecursively(work);
        }
        Files.createDirectories(logs);
        // Keycloak takes longest to start: it starts first and is waited for once the database and the broker are up.
        identity = LocalKeycloak.start(ROOT);
        if (faultLinks) {
            linkReactor = new NioReactor();
            databaseLink = new FaultyLink(linkReactor, "database", freePort(), databasePort);
            brokerLink = new FaultyLink(linkReactor, "broker", freePort(), kafkaPort);
        }
        startDatabase();
        startBroker();
        identity.awaitReady();
        serviceEnvironment.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", faultLinks ? jdbcUrl(databaseLink.port()) : jdbcUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + (faultLinks ? brokerLink.port() : kafkaPort),
                "ANALYTICS_OUTBOX_RETRY_INTERVAL", "500ms",
                // As start.sh: a browser's requests through the console's gateway carry its origin (module scripts too).
                "QUARKUS_HTTP_CORS_ORIGINS", consoleOrigin().toString()));
        serviceEnvironment.putAll(identity.serviceEnvironment());
        if (sampleOrders > 0 && !reuseShop) {
            generateSampleShop(serviceEnvironment);
            Files.writeString(sampleShopMarker(), Integer.toString(sampleOrders));
        }
        // analytics-service first: it owns the commerce schema the others read.
        for (String service : SERVICES) {
            startInstance(service, service).awaitHttpOk(managementUri(service, "/q/health/ready"), Duration.ofSeconds(120));
        }
    }

    /** Starts one instance of a service on ports of its own; the caller waits for it to be ready. */
    private ManagedProcess startInstance(String instance, String service) throws IOException {
        int port = freePort();
        httpPorts.put(instance, port);
        int managementPort = freePort();
        managementPorts.put(instance, managementPort);
        Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseParallelGC", "-Xmx384m"));
        command.addAll(javaOptions("e2e.service-jvm-options"));
        command.addAll(javaOptions("e2e.java-options." + service));
        command.addAll(List.of("-jar", packagedJar(service).toString()));
        ManagedProcess process = new ManagedProcess(instance, command, env, logs).start();
        services.put(instance, process);
        return process;
    }

    /**
     * Space-separated Java options from a system property: {@code e2e.service-jvm-options} for all four services,
     * {@code e2e.java-options.<service>} for one (a flight recording of prediction-service during a benchmark, say).
     */
    private static List<String> javaOptions(String property) {
        String options = System.getProperty(property, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Starts a second instance of each of the four services (instances name-2) and waits until all are ready. */
    void startSecondInstances() throws Exception {
        for (String service : SERVICES) {
            startInstance(service + "-2", service);
        }
        for (String service : SERVICES) {
            services.get(service + "-2").awaitHttpOk(managementUri(service + "-2", "/q/health/ready"), Duration.ofSeconds(180));
        }
    }

    /** Stops the second instances gracefully (SIGTERM), as a scale-in does. */
    void stopSecondInstances() throws InterruptedException {
        for (String service : SERVICES) {
            ManagedProcess second = services.remove(service + "-2");
            if (second != null) {
                second.stop();
            }
        }
    }

    /** The running instances of a service: its own name, and name-2 while a second instance runs. */
    List<String> instancesOf(String service) {
        return services.keySet().stream().filter(instance -> instance.equals(service) || instance.startsWith(service + "-")).toList();
    }

    /** Kills an instance at once (SIGKILL): no shutdown hooks, no drain, as a crash or an out-of-memory kill. */
    void killInstance(String instance) throws InterruptedException {
        services.get(instance).kill();
    }

    /** Stops an instance gracefully (SIGTERM): readiness goes down, requests in flight finish, then it exits. */
    void stopInstance(String instance) throws InterruptedException {
        services.get(instance).stop();
    }

    /** Starts a killed or stopped instance again on its ports and waits until it is ready. */
    void restartInstance(String instance) throws Exception {
        ManagedProcess process = services.get(instance);
        process.start();
        process.awaitHttpOk(managementUri(instance, "/q/health/ready"), Duration.ofSeconds(180));
    }

    void startDatabase() throws Exception {
        if (database == null) {
            database = script("database", "database.sh", work.resolve("db").toString(), Integer.toString(databasePort));
        }
        database.start();
        database.awaitPort(databasePort, Duration.ofSeconds(30));
        if (databaseLink != null && !firstStart(database)) {
            databaseLink.serverUp();
        }
    }

    /** Kills the database server (SIGKILL); {@link #startDatabase()} brings it back on the same files and port. */
    void killDatabase() throws InterruptedException {
        database.kill();
        if (databaseLink != null) {
            databaseLink.serverDown();
        }
    }

    /** Stops the database server gracefully (SIGTERM: H2 closes the database, writing what it holds). */
    void stopDatabase() throws InterruptedException {
        database.stop();
        if (databaseLink != null) {
            databaseLink.serverDown();
        }
    }

    /** Kills the broker (SIGKILL) in the middle of whatever it is doing; {@link #startBroker()} brings it back. */
    void killBroker() throws InterruptedException {
        broker.kill();
        if (brokerLink != null) {
            brokerLink.serverDown();
        }
    }

    private static boolean firstStart(ManagedProcess process) {
        return process.starts() == 1;
    }

    /** The proxy between the services and the database; only with {@code -De2e.fault-links=true}. */
    FaultyLink databaseLink() {
        return requireLinks(databaseLink);
    }

    /** The proxy between the services (and every Kafka client: the broker advertises it) and the broker. */
    FaultyLink brokerLink() {
        return requireLinks(brokerLink);
    }

    boolean hasFaultLinks() {
        return faultLinks;
    }

    private static FaultyLink requireLinks(FaultyLink link) {
        if (link == null) {
            throw new IllegalStateException("started without -De2e.fault-links=true");
        }
        return link;
    }

    /** Operating-system process ids by name: the database, the broker and every service instance (for samplers). */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(database.name(), database.pid());
        pids.put(broker.name(), broker.pid());
        services.forEach((instance, process) -> pids.put(instance, process.pid()));
        return pids;
    }

    /**
     * The analytics CLI's {@code generate}, before any service runs (it migrates the schema itself), as start.sh runs it
     * on a first start: the ML services then find orders and train on start.
     */
    private void generateSampleShop(Map<String, String> environment) throws Exception {
        Path jar = packagedJar("analytics-service");
        // The command line starts the HTTP and management servers too: on ports of their own, not the local run's
        // 8081 and 9181, which another run on this machine may hold.
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        new ManagedProcess("generate", List.of(javaBinary(), "-XX:+UseParallelGC", "-jar", jar.toString(), "generate",
                "--orders", Integer.toString(sampleOrders), "--seed", "42", "--until", "2025-01-01",
                "--ground-truth", work.resolve("ground-truth.csv").toString()),
                // About 10 minutes at 1,000,000 orders here, with the kept counts' rebuild: room for a slower machine.
                env, logs).start().awaitSuccess(Duration.ofMinutes(10 + sampleOrders / 40_000));
    }

    /**
     * With {@code -De2e.reuse-sample-shop=true}, a database left by an earlier run on a sample shop of the same size
     * (generated to the end, with the models trained on it) is started again instead of generated anew: a benchmark on
     * the 1,000,000-order shop then skips about half an hour of generation, rebuild and training. Everything else in
     * the work folder (broker, logs) starts empty.
     */
    private boolean reusableSampleShop() throws IOException {
        return Boolean.getBoolean("e2e.reuse-sample-shop") && sampleOrders > 0 && Files.isDirectory(work.resolve("db"))
                && Files.exists(sampleShopMarker()) && Files.readString(sampleShopMarker()).trim().equals(Integer.toString(sampleOrders));
    }

    /** Written once the sample shop's generation succeeded: how many orders it was generated with. */
    private Path sampleShopMarker() {
        return work.resolve("sample-shop.orders");
    }

    /** Whether the sample shop was generated (the ML services then train on start). */
    boolean hasSampleShop() {
        return sampleOrders > 0;
    }

    /**
     * Waits until prediction-, segmentation- and recommender-service each serve with an active model (the trainings
     * they start on a sample shop); returns how long that took.
     */
    Duration awaitActiveModels(Duration timeout) throws Exception {
        long started = System.nanoTime();
        long anyGeneratedCustomer;
        try (Connection db = openDatabase()) {
            anyGeneratedCustomer = GeneratedShop.read(db).customerIds().get(0);
        }
        HttpClient http = HttpClient.newHttpClient();
        List<URI> probes = List.of(uri("prediction-service", "/api/predictions/models/active"), uri("segmentation-service", "/api/segments"),
                uri("recommender-service", "/api/recommendations/customers/" + anyGeneratedCustomer));
        for (URI probe : probes) {
            while (http.send(HttpRequest.newBuilder(probe).header("Authorization", tokens().authorization()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() - started > timeout.toNanos()) {
                    throw new IllegalStateException("no active model behind " + probe + " after " + timeout + "; see the logs in " + logs);
                }
                Thread.sleep(1_000);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Where a browser opens the console: the origin of a gateway on {@link #consoleGatewayPort()}, which the services
     * accept cross-origin requests from (the origin must be known before they start).
     */
    URI consoleOrigin() {
        return URI.create("http://localhost:" + consoleGatewayPort);
    }

    int consoleGatewayPort() {
        return consoleGatewayPort;
    }

    /** Starts deploy/local/Gateway.java in front of the running services; the caller stops it. */
    ManagedProcess startGateway(int port) throws Exception {
        String classpath = Files.readString(Path.of(LOCAL_RUN_CLASSPATH_FILE)).strip();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseParallelGC", "-cp", classpath,
                ROOT.resolve("deploy/local/Gateway.java").toString(), Integer.toString(port)));
        command.add("/api/analytics=" + uri("analytics-service", ""));
        command.add("/console=" + uri("analytics-service", ""));
        command.add("/api/predictions=" + uri("prediction-service", ""));
        command.add("/api/segments=" + uri("segmentation-service", ""));
        command.add("/api/recommendations=" + uri("recommender-service", ""));
        ManagedProcess gateway = new ManagedProcess("gateway", command, Map.of(), logs).start();
        gateway.awaitPort(port, Duration.ofSeconds(60));
        return gateway;
    }

    void startBroker() throws Exception {
        List<String> args = new ArrayList<>(List.of(work.resolve("kafka").toString(), Integer.toString(kafkaPort)));
        if (faultLinks) {
            args.add(Integer.toString(brokerLink.port()));
        }
        boolean restart = broker != null;
        broker = script("kafka", "kafka-broker.sh", args.toArray(String[]::new)).start();
        broker.awaitPort(kafkaPort, Duration.ofSeconds(60));
        if (restart && brokerLink != null) {
            brokerLink.serverUp();
        }
    }

    void stopBroker() throws InterruptedException {
        broker.stop();
        if (brokerLink != null) {
            brokerLink.serverDown();
        }
    }

    /** CPU time used so far per process of the system: database, broker, each service. */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        times.put(database.name(), database.cpuTime());
        times.put(broker.name(), broker.cpuTime());
        services.values().forEach(service -> times.put(service.name(), service.cpuTime()));
        return times;
    }

    /** The identity provider the services verify tokens with and the console signs in at. */
    LocalKeycloak identity() {
        return identity;
    }

    /** The tokens the tests call the APIs with: admin-demo's (analyst, operator and ml-engineer). */
    TokenSource tokens() {
        return identity.tokens(DemoUser.ADMIN);
    }

    URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + httpPorts.get(service) + path);
    }

    /** A path on the service's management interface: health, metrics, OpenAPI. */
    URI managementUri(String service, String path) {
        return URI.create("http://127.0.0.1:" + managementPorts.get(service) + path);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The local run's database URL, with the same H2 settings as deploy/local/start.sh (explained there). */
    String jdbcUrl() {
        return jdbcUrl(databasePort);
    }

    private static String jdbcUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/commerce;MODE=MSSQLServer" + H2_SETTINGS;
    }

    /** Customers and products of a data source of their own, for one test to order against. */
    ShopFixture createShop(String dataSource, int customers, int products) throws SQLException {
        try (Connection db = openDatabase()) {
            return ShopFixture.create(db, dataSource, customers, products);
        }
    }

    Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "sa", "");
    }

    private Path packagedJar(String service) {
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("not packaged: " + jar + " (run mvn package or verify from the root)");
        }
        return jar;
    }

    private ManagedProcess script(String name, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local").resolve(script).toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new LinkedHashMap<>(Map.of("LOCAL_RUN_CLASSPATH", LOCAL_RUN_CLASSPATH_FILE));
        // Extra options for the database server's and the broker's JVMs (the soak's native memory tracking).
        String serverJvmOptions = System.getProperty("e2e.server-jvm-options", "");
        if (!serverJvmOptions.isBlank()) {
            environment.put("JDK_JAVA_OPTIONS", serverJvmOptions);
        }
        return new ManagedProcess(name, command, environment, logs);
    }

    private void stopQuietly() {
        try {
            List<ManagedProcess> instances = new ArrayList<>(services.values());
            for (int i = instances.size() - 1; i >= 0; i--) {
                instances.get(i).stop();
            }
            if (broker != null) {
                broker.stop();
            }
            if (database != null) {
                database.stop();
            }
            if (linkReactor != null) {
                databaseLink.close();
                brokerLink.close();
                linkReactor.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String localRunH2Settings() {
        Path file = ROOT.resolve("deploy/local/database.settings");
        try {
            String settings = Files.readAllLines(file).stream().filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining()).replaceAll("\\s", "");
            if (settings.isEmpty()) {
                throw new IllegalStateException("no H2 settings in " + file);
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A free port whose successor is free too (the broker's controller listens on port + 1). */
    static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
