package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.commerceinsight.deploy.Dockerfile;
import com.commerceinsight.deploy.identity.DemoUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The service image's recipe, proven without a Docker engine: its root filesystem built from the same Debian packages
 * (ImageRootFilesystem), each service's fast-jar laid out as the COPY instructions do, and every run under bubblewrap
 * as the pods run it (ImageContainer: read-only root, uid 10001, only /tmp writable). The database is an H2 file in a
 * folder mounted at /tmp/db, shared by the containers one after the other; the broker is the local run's real one.
 */
class ContainerImageIT {

    static final List<String> SERVICES = LocalSystem.SERVICES;

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("container.work.dir", "target/container")).toAbsolutePath();
    private static final Path RUN = WORK.resolve("run");
    private static final Path LOGS = RUN.resolve("logs");
    private static final Path DATABASE = RUN.resolve("db");
    private static final String JDBC_URL = "jdbc:h2:file:/tmp/db/commerce;MODE=MSSQLServer";
    /** A pod's memory limit would size the heap through MaxRAMPercentage; here no cgroup limits the sandbox. */
    private static final String HEAP = "-Xmx512m";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A service running in its container, on a port of the host's network. */
    private record RunningService(ManagedProcess process, int port, int managementPort) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** Health, metrics and OpenAPI: the management interface. */
        URI managementUri(String path) {
            return URI.create("http://127.0.0.1:" + managementPort + path);
        }
    }

    private static Dockerfile image;
    private static Path rootfs;
    private static ManagedProcess broker;
    private static LocalKeycloak keycloak;
    private static int kafkaPort;

    @BeforeAll
    static void buildTheImageAndAShop() throws Exception {
        assumeTrue(onPath("debootstrap") && onPath("bwrap"),
                "the container test needs debootstrap and bwrap (Debian packages debootstrap and bubblewrap; .ci/run installs them)");
        assumeTrue(isRoot() || Files.isDirectory(WORK.resolve("rootfs")),
                "building the image's root filesystem with debootstrap needs root");
        LocalSystem.deleteRecursively(RUN);
        Files.createDirectories(DATABASE);
        // The run's identity provider: the services in their containers verify its tokens (the network is the host's).
        keycloak = LocalKeycloak.start(ROOT);
        image = Dockerfile.serviceImage();
        rootfs = new ImageRootFilesystem(image, WORK, LOGS,
                System.getProperty("container.debian.mirror", ImageRootFilesystem.DEFAULT_MIRROR)).prepare();
        for (String service : SERVICES) {
            FastJarLayout.layOut(image, ROOT, service, appDir(service));
        }
        kafkaPort = LocalSystem.freePortPair();
        broker = new ManagedProcess("kafka", List.of("bash", ROOT.resolve("deploy/local/kafka-broker.sh").toString(),
                RUN.resolve("kafka").toString(), Integer.toString(kafkaPort)),
                Map.of("LOCAL_RUN_CLASSPATH", System.getProperty("local-run.classpath", "target/local-run.classpath")), LOGS).start();
        broker.awaitPort(kafkaPort, Duration.ofSeconds(60));
        keycloak.awaitReady();

        // The ground truth goes to /tmp: the working directory, like everything but /tmp, is read-only.
        ManagedProcess generate = container("analytics-service")
                .entrypoint("analytics-generate", List.of("generate", "--orders", "1500", "--until", "2025-01-01", "--ground-truth", "/tmp/ground-truth.csv"), LOGS)
                .start();
        assertThat(generate.awaitExit(Duration.ofMinutes(3))).as("generate's exit code; see " + generate.log()).isZero();
    }

    @AfterAll
    static void stopTheBroker() throws InterruptedException {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void containerRunsAsTheImageUserWithOnlyTmpWritable() throws Exception {
        ManagedProcess probe = container("analytics-service").command("filesystem-probe", List.of("/bin/sh", "-c",
                "id -u; id -g; touch /tmp/probe && echo tmp writable; for dir in / /etc /deployments /usr/lib; do "
                        + "touch $dir/probe 2>/dev/null && echo $dir writable; done; true"), LOGS).start();

        assertThat(probe.awaitExit(Duration.ofSeconds(30))).isZero();
        assertThat(Files.readAllLines(probe.log())).containsExactly(
                Integer.toString(image.uid()), Integer.toString(image.gid()), "tmp writable");
    }

    @Test
    void analyticsCommandLineImportsTheFileNamedByTheContainerArguments() throws Exception {
        Path imports = Files.createDirectories(RUN.resolve("imports"));
        List<String> lines = List.of(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
                "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom",
                "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom",
                "536380,71053,WHITE METAL LANTERN,2,2010-12-02 10:00:00,3.50,12583,France",
                "536380,22960,\"JAM MAKING SET, WITH JARS\",2,2010-12-02 10:00:00,4.25,12583,France");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(imports.resolve("retail.csv.gz")))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        ManagedProcess importer = container("analytics-service").mount(imports, "/imports", false)
                .entrypoint("analytics-import", List.of("import", "online-retail", "/imports/retail.csv.gz"), LOGS).start();

        assertThat(importer.awaitExit(Duration.ofMinutes(3))).as("import's exit code; see " + importer.log()).isZero();
        assertThat(Files.readString(importer.log()))
                .contains("online-retail import of /imports/retail.csv.gz: completed")
                .contains((lines.size() - 1) + " records loaded, 0 rejected");
        try (Connection db = openDatabase();
             ResultSet orders = db.createStatement().executeQuery(
                     "SELECT external_ref FROM commerce.orders WHERE data_source = 'online-retail' ORDER BY external_ref")) {
            List<String> invoices = new ArrayList<>();
            while (orders.next()) {
                invoices.add(orders.getString(1));
            }
            assertThat(invoices).containsExactly("536365", "536366", "536380");
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceGetsReadyOnItsDatabaseAndTheBroker(String service) throws Exception {
        RunningService running = startService(service, Map.of(
                "PREDICTION_TRAINING_TRAIN_ON_START", "false",
                "SEGMENTATION_TRAINING_TRAIN_ON_START", "false",
                "RECOMMENDER_TRAINING_TRAIN_ON_START", "false"));
        try {
            JsonNode ready = getJson(running.managementUri("/q/health/ready"));
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            assertThat(ready.path("checks").findValuesAsText("name")).anyMatch(name -> name.contains("Database"));
        } finally {
            running.process().stop();
        }
    }

    @Test
    void predictionServiceTrainsOnStartAndScoresWithTheNativeLibraries() throws Exception {
        long customerId = aCustomerWithOrders();
        // Three folds instead of ten: the natives are under test here, not the evaluation protocol.
        RunningService prediction = startService("prediction-service", Map.of("PREDICTION_TRAINING_FOLDS", "3"));
        try {
            JsonNode job = awaitTrainingJob(prediction, Duration.ofMinutes(5));
            assertThat(job.path("status").asText()).as("training job " + job).isEqualTo("SUCCEEDED");
            long activeVersion = awaitActiveModel(prediction, Duration.ofSeconds(60));

            Map<String, Double> row = new LinkedHashMap<>();
            for (JsonNode feature : getJson(prediction, "/api/predictions/features")) {
                row.put(feature.path("name").asText(), 1.0);
            }
            JsonNode batch = postJson(prediction, "/api/predictions/scores", Map.of("rows", List.of(row, Map.of())));
            assertThat(batch.path("modelVersionId").asLong()).isEqualTo(activeVersion);
            assertThat(batch.path("scores")).hasSize(2);
            for (JsonNode score : batch.path("scores")) {
                assertThat(score.path("probability").asDouble()).isBetween(0.0, 1.0);
            }

            // Contributions come from xgboost4j's own booster, beside DJL's predictor: both native paths run.
            JsonNode customer = getJson(prediction, "/api/predictions/customers/" + customerId + "/repurchase?contributions=3");
            assertThat(customer.path("customerId").asLong()).isEqualTo(customerId);
            assertThat(customer.path("modelVersionId").asLong()).isEqualTo(activeVersion);
            assertThat(customer.path("probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(customer.path("topContributions")).hasSize(3);
        } finally {
            prediction.process().stop();
        }
    }

    /** The image without arguments, the web service; returns once it is ready. */
    private static RunningService startService(String service, Map<String, String> env) throws Exception {
        int port = LocalSystem.freePort();
        int managementPort = LocalSystem.freePort();
        ImageContainer container = container(service).env("QUARKUS_HTTP_PORT", Integer.toString(port))
                .env("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.forEach(container::env);
        RunningService running = new RunningService(container.entrypoint(service, List.of(), LOGS).start(), port, managementPort);
        running.process().awaitHttpOk(running.managementUri("/q/health/ready"), Duration.ofMinutes(2));
        return running;
    }

    /** A container of the service's image on the shared database file and the test's broker. */
    private static ImageContainer container(String service) {
        ImageContainer container = new ImageContainer(rootfs, image, appDir(service), service)
                .mount(DATABASE, "/tmp/db", true)
                .env("QUARKUS_DATASOURCE_JDBC_URL", JDBC_URL)
                .env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort)
                .env("JDK_JAVA_OPTIONS", image.environment().get("JDK_JAVA_OPTIONS") + " " + HEAP);
        keycloak.serviceEnvironment().forEach(container::env);
        return container;
    }

    private static Path appDir(String service) {
        return RUN.resolve("apps").resolve(service);
    }

    private static JsonNode awaitTrainingJob(RunningService prediction, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode jobs = getJson(prediction, "/api/predictions/training-jobs").path("items");
            if (jobs.size() > 0 && List.of("SUCCEEDED", "FAILED").contains(jobs.get(0).path("status").asText())) {
                return jobs.get(0);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no training job finished within " + timeout + "; see " + prediction.process().log());
    }

    private static long awaitActiveModel(RunningService prediction, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> active = HTTP.send(HttpRequest.newBuilder(prediction.uri("/api/predictions/models/active"))
                            .header("Authorization", authorization()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (active.statusCode() == 200) {
                return JSON.readTree(active.body()).path("id").asLong();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no active model within " + timeout + "; see " + prediction.process().log());
    }

    private static long aCustomerWithOrders() throws Exception {
        try (Connection db = openDatabase();
             ResultSet rs = db.createStatement().executeQuery("SELECT MIN(customer_id) FROM commerce.orders")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** The containers' database file, opened from the host while no container holds it. */
    private static Connection openDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + DATABASE.resolve("commerce") + ";MODE=MSSQLServer", "sa", "");
    }

    private static JsonNode getJson(RunningService service, String path) throws Exception {
        return getJson(service.uri(path));
    }

    /** A GET with admin-demo's token (health on the management port needs none, and ignores it). */
    private static JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode postJson(RunningService service, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", authorization())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every API call is admin-demo's (analyst, operator and ml-engineer). */
    private static String authorization() {
        return keycloak.tokens(DemoUser.ADMIN).authorization();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
    }
}
