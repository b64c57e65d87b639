package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.commerceinsight.deploy.identity.DemoUser;
import com.commerceinsight.deploy.identity.Discovery;
import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The identity provider of the end-to-end tests: Keycloak, started by deploy/local/keycloak.sh as the local run starts
 * it, with the same realm file, on a free port. One per test run, like the broker: started by the first test that
 * needs it (with the whole system, or alone for the container test), stopped when the JVM ends. Its database is
 * fresh each run, so the realm is the file's.
 */
final class LocalKeycloak {

    static final String REALM = "commerce-insight";
    /** The console's client in the realm (authorization code with PKCE, in the browser). */
    static final String CONSOLE_CLIENT = "commerce-console";
    /** The master realm's administrator keycloak.sh creates on the first start: a throwaway account of this run. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalKeycloak running;

    private final int port = LocalSystem.freePort();
    private final ManagedProcess process;
    private final Map<DemoUser, TokenSource> tokens = new ConcurrentHashMap<>();
    private boolean ready;

    private LocalKeycloak(Path root, Path work) {
        // Its log in its own folder too: keycloak.log beside the database.
        process = new ManagedProcess("keycloak", List.of("bash", root.resolve("deploy/local/keycloak.sh").toString(),
                work.toString(), Integer.toString(port)), Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD), work);
    }

    /**
     * Starts the run's Keycloak if it is not running yet, without waiting for it (it takes a while: the caller starts
     * other processes meanwhile, then calls {@link #awaitReady}).
     */
    static synchronized LocalKeycloak start(Path root) throws Exception {
        if (running == null) {
            // Beside the system's work folder, which LocalSystem empties when it starts (maybe after this).
            Path work = Path.of(System.getProperty("e2e.work.dir", "target/e2e") + "-keycloak").toAbsolutePath();
            LocalSystem.deleteRecursively(work);
            LocalKeycloak keycloak = new LocalKeycloak(root, work);
            keycloak.process.start();
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stopQuietly));
            running = keycloak;
        }
        return running;
    }

    /** Waits until the realm's discovery document answers (the realm is imported and its keys are published). */
    synchronized LocalKeycloak awaitReady() throws Exception {
        if (!ready) {
            // The first start after unpacking also re-augments the distribution for development mode.
            process.awaitHttpOk(Discovery.uri(issuer()), Duration.ofMinutes(4));
            ready = true;
        }
        return this;
    }

    /** The realm's issuer, as the services are configured with it and as its tokens carry it. */
    URI issuer() {
        return origin().resolve("/realms/" + REALM);
    }

    /** The demo user's tokens (password grant on commerce-cli), one source per user for the whole run. */
    TokenSource tokens(DemoUser user) {
        return tokens.computeIfAbsent(user, u -> TokenSource.of(issuer(), u));
    }

    /**
     * What a service needs to verify this realm's tokens and to let the console sign in, as environment variables (the
     * console's Content-Security-Policy lets its scripts reach this provider, on whatever port it runs).
     */
    Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", issuer().toString(),
                "COMMERCE_CONSOLE_OIDC_ISSUER", issuer().toString(),
                "COMMERCE_CONSOLE_OIDC_CLIENT_ID", CONSOLE_CLIENT,
                "COMMERCE_CONSOLE_IDENTITY_ORIGINS", origin().toString());
    }

    /**
     * Lets the console sign in when served from {@code consoleOrigin} (a gateway on a free port): adds the origin to the
     * console client's redirect URIs and web origins through the admin API, as an operator registers a new host. The
     * realm file lists the local run's fixed ports only.
     */
    synchronized void allowConsoleAt(URI consoleOrigin) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Bearer " + adminToken(http);
        URI clients = origin().resolve("/admin/realms/" + REALM + "/clients");
        JsonNode found = JSON.readTree(expect(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CONSOLE_CLIENT))
                .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString()), 200));
        ObjectNode client = (ObjectNode) found.get(0);
        client.withArray("redirectUris").add(consoleOrigin + "/*");
        client.withArray("webOrigins").add(consoleOrigin.toString());
        expect(http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString()), 204);
    }

    /**
     * The administrator's access token (password grant on the master realm's admin-cli). Not a {@link TokenSource}: the
     * master realm's tokens last a minute, shorter than the margin a source keeps, and one call needs one token.
     */
    private String adminToken(HttpClient http) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(origin().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(expect(answer, 200)).path("access_token").asText();
    }

    private static String expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered " + answer.statusCode()
                    + ": " + answer.body());
        }
        return answer.body();
    }

    /** Where the provider answers, as browsers and tokens name it. */
    private URI origin() {
        return URI.create("http://localhost:" + port);
    }

    private void stopQuietly() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
