package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The soak, for deploy/bench/soak.sh: the whole system under {@code soak.orders-per-second} orders a second and as
 * many scoring and recommendation reads each, for {@code soak.minutes}, while every process's heap in use
 * ({@code jcmd GC.heap_info}), resident set ({@code VmRSS}) and native memory committed ({@code jcmd VM.native_memory
 * summary}, with native memory tracking on) is sampled every 10 s into a CSV, and every {@code soak.live-heap-minutes}
 * (default 5) the live heap after a full collection ({@link LiveHeap}), the figure that tells a leak from garbage not
 * yet collected. The script draws it and fits the slopes; the end prints the classes whose live bytes grew most.
 * The orders are held to the drills' checks at the end (none lost, none doubled, no 5xx but 503 with Retry-After).
 */
public final class SoakBenchmark {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern NATIVE_COMMITTED = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    /** How often the live heap is taken: each is a full collection in every process, so not at every sample. */
    private static final Duration LIVE_HEAP_EVERY = Duration.ofMinutes(Integer.getInteger("soak.live-heap-minutes", 5));

    private SoakBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRun.exitWith(SoakBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 30);
        int perSecond = Integer.getInteger("soak.orders-per-second", 200);
        Path csv = Path.of(System.getProperty("soak.csv", "target/soak/memory.csv")).toAbsolutePath();
        LocalSystem system = LocalSystem.get();
        System.out.println("models active after " + system.awaitActiveModels(Duration.ofMinutes(15)).toSeconds() + " s");
        String shopSource = "soak-" + System.currentTimeMillis() % 100_000;
        ShopFixture shop = system.createShop(shopSource, 2_000, 300);
        List<Long> readCustomers;
        try (Connection db = system.openDatabase()) {
            readCustomers = GeneratedShop.read(db).customerIds();
        }
        Duration length = Duration.ofMinutes(minutes);
        Files.createDirectories(csv.getParent());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(32));
        Map<String, AtomicInteger> readStatuses = new java.util.concurrent.ConcurrentHashMap<>();
        try (DrillLoad orders = new DrillLoad(system, shopSource, shop,
                () -> List.of(system.uri("analytics-service", "")), length);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println("seconds,process,heap_used_kb,rss_kb,native_committed_kb,live_heap_kb");
            Map<String, LiveHeap> firstLive = new java.util.HashMap<>();
            Map<String, LiveHeap> lastLive = new java.util.HashMap<>();
            long nextLive = LIVE_HEAP_EVERY.toSeconds();
            orders.start(perSecond, length);
            startReads(vertx, http, system, readCustomers, perSecond, length, readStatuses);
            long started = System.nanoTime();
            while (System.nanoTime() - started < length.toNanos()) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                boolean takeLive = seconds >= nextLive;
                if (takeLive) {
                    nextLive += LIVE_HEAP_EVERY.toSeconds();
                }
                for (Map.Entry<String, Long> process : system.pids().entrySet()) {
                    long liveKb = -1;
                    if (takeLive) {
                        LiveHeap live = LiveHeap.parse(jcmdTool(process.getValue(), "GC.class_histogram"));
                        if (live.totalBytes() >= 0) {
                            firstLive.putIfAbsent(process.getKey(), live);
                            lastLive.put(process.getKey(), live);
                            liveKb = live.totalBytes() / 1024;
                        }
                    }
                    out.printf("%d,%s,%d,%d,%d,%d%n", seconds, process.getKey(), heapUsedKb(process.getValue()), rssKb(process.getValue()),
                            nativeCommittedKb(process.getValue()), liveKb);
                }
                out.flush();
                long next = started + (seconds / SAMPLE_EVERY.toSeconds() + 1) * SAMPLE_EVERY.toNanos();
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
            }
            orders.awaitSettled();
            DrillChecks checks = new DrillChecks(system, shopSource, shop);
            DrillChecks.OrderCount count = checks.orders(orders);
            System.out.printf("orders sent %d, accepted %d, lost %d, doubled %d, 5xx other than 503 with Retry-After %d, 503 %d, "
                            + "refused or given up %d%n", orders.sent(), orders.acceptedCount(), count.lost(), count.doubled(),
                    orders.badServerErrors().size(), orders.retryable503(), orders.refusals().size());
            System.out.println("reads by status: " + readStatuses);
            System.out.println("memory samples: " + csv);
            for (Map.Entry<String, LiveHeap> last : new java.util.TreeMap<>(lastLive).entrySet()) {
                LiveHeap first = firstLive.get(last.getKey());
                System.out.printf("live heap of %s: %d MB at the first full collection, %d MB at the last; grew most: %s%n", last.getKey(),
                        first.totalBytes() >> 20, last.getValue().totalBytes() >> 20, last.getValue().growthSince(first, 6));
            }
        } finally {
            http.close();
            vertx.close();
        }
    }

    /** Scoring and recommendation reads, {@code perSecond} of each, open loop, on the generated shop's customers. */
    private static void startReads(Vertx vertx, HttpClient http, LocalSystem system, List<Long> customers, int perSecond,
                                   Duration length, Map<String, AtomicInteger> statuses) {
        long periodNanos = 1_000_000_000L / perSecond;
        long total = perSecond * length.toSeconds();
        AtomicLong sent = new AtomicLong();
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            vertx.setPeriodic(0, 1, timer -> {
                while (sent.get() < total && start + sent.get() * periodNanos <= System.nanoTime()) {
                    long customer = customers.get((int) (sent.getAndIncrement() % customers.size()));
                    read(http, system, "prediction-service", "/api/predictions/customers/" + customer + "/repurchase", statuses);
                    read(http, system, "recommender-service", "/api/recommendations/customers/" + customer, statuses);
                }
                if (sent.get() >= total) {
                    vertx.cancelTimer(timer);
                }
            });
        });
    }

    private static void read(HttpClient http, LocalSystem system, String service, String path, Map<String, AtomicInteger> statuses) {
        var uri = system.uri(service, path);
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost()).setPort(uri.getPort()).setURI(uri.getPath())
                        .setTimeout(10_000).putHeader("Authorization", system.tokens().authorization()))
                .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(result -> statuses.computeIfAbsent(service + " " + (result.succeeded() ? result.result() : "no answer"),
                        key -> new AtomicInteger()).incrementAndGet());
    }

    private static long heapUsedKb(long pid) {
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        long sum = 0;
        while (used.find()) {
            sum += Long.parseLong(used.group(1));
        }
        return sum;
    }

    private static long nativeCommittedKb(long pid) {
        Matcher committed = NATIVE_COMMITTED.matcher(jcmd(pid, "VM.native_memory", "summary"));
        return committed.find() ? Long.parseLong(committed.group(1)) : -1;
    }

    private static long rssKb(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return rss.find() ? Long.parseLong(rss.group(1)) : -1;
        } catch (IOException gone) {
            return -1;
        }
    }

    /**
     * A diagnostic command run in the process, through the attach API when this JVM may use it (soak.sh opens
     * {@code sun.tools.attach}): a jcmd process per sample starts a JVM each time, and twelve of them took 30 s of the
     * 10 s between samples on this machine. Falls back to the jcmd tool.
     */
    private static String jcmd(long pid, String... command) {
        try {
            Object vm = ATTACHED.computeIfAbsent(pid, SoakBenchmark::attach);
            if (vm != null) {
                var execute = vm.getClass().getMethod("executeJCmd", String.class);
                try (var output = (java.io.InputStream) execute.invoke(vm, String.join(" ", command))) {
                    return new String(output.readAllBytes());
                }
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            ATTACHED.remove(pid);
        }
        return jcmdTool(pid, command);
    }

    /**
     * A diagnostic command run by the jcmd tool. The histograms take this way: read through the attach API, a
     * command's output longer than a few kilobytes came back cut after its first 4,096 bytes here.
     */
    private static String jcmdTool(long pid, String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static final Map<Long, Object> ATTACHED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object attach(long pid) {
        try {
            Object vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
            vm.getClass().getMethod("executeJCmd", String.class);
            return vm;
        } catch (Exception | IllegalAccessError notAllowed) {
            return null;
        }
    }
}
