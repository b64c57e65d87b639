import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stand-in for the cluster's ingress gateway: one port that routes each path prefix of the design
 * (/api/analytics, /api/predictions, /api/segments, /api/recommendations, and /console for the web console) to its
 * service. JDK only, run as a source file: java deploy/local/Gateway.java PORT /api/analytics=http://127.0.0.1:8081 ...
 */
public class Gateway {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final Map<String, URI> routes;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Gateway(Map<String, URI> routes) {
        this.routes = routes;
    }

    public static void main(String[] args) throws IOException {
        // Answers go out as two writes (headers, then body); with Nagle's algorithm on, the second waits for the
        // client's delayed acknowledgement of the first, up to 40 ms on Linux, whenever a client keeps several calls
        // in flight, as the console does. Read by the server's configuration when it is first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, URI> routes = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] route = args[i].split("=", 2);
            routes.put(route[0], URI.create(route[1]));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
        server.createContext("/", new Gateway(routes)::handle);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        System.out.println("gateway on port " + args[0] + ": " + routes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            URI target = routes.entrySet().stream()
                    .filter(route -> path.equals(route.getKey()) || path.startsWith(route.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (target == null) {
                reply(exchange, 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no service serves " + path + "\"}");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), bodyOf(exchange));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException | RuntimeException e) {
            reply(exchange, 502, "{\"title\":\"Bad gateway\",\"status\":502,\"detail\":\"" + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        }
    }

    private static void reply(HttpExchange exchange, int status, String problem) {
        try {
            byte[] body = problem.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException ignored) {
            // the client is gone
        }
    }
}
