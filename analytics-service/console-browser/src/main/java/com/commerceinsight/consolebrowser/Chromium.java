package com.commerceinsight.consolebrowser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket, JSON messages): the test opens
 * pages, waits until the console says a page is ready, reads the DOM, changes a slicer as a reader would, collects
 * what the page wrote to the browser console as errors and the headers of the API calls it made, and takes
 * screenshots. The protocol is driven directly (a few commands) rather than through Playwright or Selenium, which
 * would fetch a browser build or a driver of their own; every instance gets a fresh profile. Used by analytics-service's
 * console test (the service alone) and by deploy's (the whole system, signed in through the identity provider).
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<JsonNode> apiRequests = new CopyOnWriteArrayList<>();

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static Chromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("console-chromium-");
        ProcessBuilder builder = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-US", "--window-size=1280,1000", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        // Its process-singleton socket goes to a folder of TMPDIR: inside the profile, it is removed with it.
        builder.environment().put("TMPDIR", profile.toString());
        Process process = builder.start();
        // chromium writes the port it chose, then the browser's path, into the profile
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not open its DevTools port");
            }
            Thread.sleep(50);
        }
        String port = Files.readAllLines(activePort).get(0).trim();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            process.destroyForcibly();
            throw new AssertionError("chromium has no page target: " + targets);
        }
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).join();
        Chromium chromium = new Chromium(process, profile, socket);
        listener.owner = chromium;
        chromium.send("Page.enable", Map.of());
        chromium.send("Runtime.enable", Map.of());
        chromium.send("Log.enable", Map.of());
        chromium.send("Network.enable", Map.of());
        return chromium;
    }

    /** Runs a script in every document before its own scripts (e.g. to put a signed-in session in place). */
    public void beforeEachDocument(String script) {
        send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Opens the url and waits until the console has rendered the page its address names. */
    public void open(String url) {
        errors.clear();
        apiRequests.clear();
        send("Page.navigate", Map.of("url", url));
        awaitReady();
    }

    /**
     * Waits until the console's main element says its page is ready for the address now shown (app.js sets
     * data-state and data-route when a page has rendered), and its charts are drawn.
     */
    public void awaitReady() {
        awaitTrue("(() => { const m = document.getElementById('page'); return !!m && m.dataset.state === 'ready'"
                + " && m.dataset.route === location.hash; })()");
    }

    /**
     * Waits until the expression is true. An evaluation that fails while it waits counts as not yet: a navigation in
     * progress (a sign-in's redirects) destroys the document it ran in, and the next poll runs in the new one.
     */
    public void awaitTrue(String expression) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        AssertionError lastFailure = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(evaluate(expression))) {
                    return;
                }
            } catch (AssertionError failure) {
                lastFailure = failure;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("timed out waiting for " + expression + " on " + evaluate("location.href")
                        + "; console errors: " + errors);
                if (lastFailure != null) {
                    timedOut.addSuppressed(lastFailure);
                }
                throw timedOut;
            }
            sleep(50);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON-compatible values only). */
    public Object evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return JSON.convertValue(result.path("result").path("value"), Object.class);
    }

    /** Chooses an option of a select (or types into an input) and fires change, as a reader's choice does. */
    public void choose(String selector, String value) {
        evaluate("(() => { const e = document.querySelector(" + JSON.valueToTree(selector) + "); e.value = "
                + JSON.valueToTree(value) + "; e.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
    }

    /** Clicks the middle of the element, with real mouse events at its place on the screen. */
    public void click(String selector) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) evaluate("(() => { const r = document.querySelector("
                + JSON.valueToTree(selector) + ").getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x"), "y", box.get("y"), "button", "left",
                    "clickCount", 1));
        }
    }

    public Document dom() {
        return Jsoup.parse((String) evaluate("document.documentElement.outerHTML"), (String) evaluate("location.href"));
    }

    /** What the page reported as errors since it was opened (uncaught exceptions, console.error, failed loads). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The requests the page made to /api/ since it was opened, as the protocol reports them (url, headers). */
    public List<JsonNode> apiRequests() {
        return List.copyOf(apiRequests);
    }

    public void screenshot(Path file) throws IOException {
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode send(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " got no answer", e);
        } finally {
            answers.remove(id);
        }
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = answers.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails").path("exception")
                    .path("description").asText(params.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    errors.add(params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
                }
            }
            case "Network.requestWillBeSent" -> {
                if (params.path("request").path("url").asText().contains("/api/")) {
                    apiRequests.add(params.path("request"));
                }
            }
            default -> {
                // other events are not needed
            }
        }
    }

    @Override
    public void close() throws IOException {
        // Its renderer, GPU and network helpers, taken while they are still its children: they outlive a destroyed
        // browser process for a moment and go on writing into the profile.
        List<ProcessHandle> helpers = process.descendants().toList();
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            for (ProcessHandle helper : helpers) {
                helper.destroyForcibly();
            }
            for (ProcessHandle helper : helpers) {
                helper.onExit().completeOnTimeout(helper, 5, TimeUnit.SECONDS).join();
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException stillWritten) {
            // a file that went while the folder was walked (Files.walk throws it unchecked): a temporary folder left
            // behind is harmless, and a test's outcome must not depend on it
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Joins the frames of each WebSocket message and hands whole messages to the owner. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    owner.received(JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message", e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
