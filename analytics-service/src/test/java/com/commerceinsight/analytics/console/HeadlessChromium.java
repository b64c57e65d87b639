package com.commerceinsight.analytics.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Renders a page in Debian's chromium, headless, and hands back the DOM after its scripts ran. Virtual time lets the
 * page's fetches finish before the dump without the test waiting on a clock; every run gets a fresh profile.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Document render(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("console-chromium-");
        Path dom = Files.createTempFile("console-dom-", ".html");
        Path log = Files.createTempFile("console-chromium-", ".log");
        try {
            Process chromium = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=en-US", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                    "--dump-dom", url))
                    .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
            if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new AssertionError("chromium did not finish " + url + " within " + TIMEOUT_SECONDS + " s");
            }
            String html = Files.readString(dom, StandardCharsets.UTF_8);
            if (chromium.exitValue() != 0 || html.isBlank()) {
                throw new AssertionError("chromium exited with " + chromium.exitValue() + " on " + url + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return Jsoup.parse(html, url);
        } finally {
            Files.deleteIfExists(dom);
            Files.deleteIfExists(log);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
