package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.commerceinsight.deploy.identity.DemoUser;
import com.commerceinsight.deploy.identity.Discovery;
import com.commerceinsight.deploy.identity.TokenSource;

/**
 * The identity provider of the end-to-end tests: Keycloak, started by deploy/local/keycloak.sh as the local run starts
 * it, with the same realm file, on a free port. One per test run, like the broker: started by the first test that
 * needs it (with the whole system, or alone for the container test), stopped when the JVM ends. Its database is
 * fresh each run, so the realm is the file's.
 */
final class LocalKeycloak {

    static final String REALM = "commerce-insight";

    private static LocalKeycloak running;

    private final int port = LocalSystem.freePort();
    private final ManagedProcess process;
    private final Map<DemoUser, TokenSource> tokens = new ConcurrentHashMap<>();
    private boolean ready;

    private LocalKeycloak(Path root, Path work) {
        // Its log in its own folder too: keycloak.log beside the database.
        process = new ManagedProcess("keycloak", List.of("bash", root.resolve("deploy/local/keycloak.sh").toString(),
                work.toString(), Integer.toString(port)), Map.of(), work);
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
        return URI.create("http://localhost:" + port + "/realms/" + REALM);
    }

    /** The demo user's tokens (password grant on commerce-cli), one source per user for the whole run. */
    TokenSource tokens(DemoUser user) {
        return tokens.computeIfAbsent(user, u -> TokenSource.of(issuer(), u));
    }

    /** What a service needs to verify this realm's tokens and to let the console sign in, as environment variables. */
    Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", issuer().toString(),
                "COMMERCE_CONSOLE_OIDC_ISSUER", issuer().toString(),
                "COMMERCE_CONSOLE_OIDC_CLIENT_ID", "commerce-console");
    }

    private void stopQuietly() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
