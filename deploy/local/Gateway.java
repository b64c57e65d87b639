import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The local stand-in for the cluster's ingress gateway: one port that routes each path prefix of the design
 * (/api/analytics, /api/predictions, /api/segments, /api/recommendations, and /console for the web console) to its
 * service. Run as a source file with the local run's class path (for Vert.x):
 * java -cp "$(cat deploy/target/local-run.classpath)" deploy/local/Gateway.java PORT /api/analytics=http://127.0.0.1:8081 ...
 * <p>
 * Vert.x, not the JDK's HttpServer and HttpClient: those cost 1.7 ms of CPU per proxied request on the 2-core machine,
 * more than analytics-service spent answering it, token check included; a gateway that dear on the machine the whole
 * local system shares weighed on every figure measured through it. Bodies are small JSON documents and are passed on
 * whole, as before.
 */
public class Gateway {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final Map<String, URI> routes;
    private final HttpClient client;

    Gateway(Vertx vertx, Map<String, URI> routes) {
        this.routes = routes;
        // Connections kept per service: as many as the callers keep in flight (a load of 64 clients), not Vert.x's 5.
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
    }

    public static void main(String[] args) {
        Map<String, URI> routes = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] route = args[i].split("=", 2);
            routes.put(route[0], URI.create(route[1]));
        }
        // Two event loops: the gateway forwards, it does not compute, and shares its cores with the whole system.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Gateway gateway = new Gateway(vertx, routes);
        int port = Integer.parseInt(args[0]);
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                .requestHandler(gateway::handle)
                .listen()
                .onSuccess(server -> System.out.println("gateway on port " + port + ": " + routes))
                .onFailure(failure -> {
                    System.err.println("gateway could not listen on port " + port + ": " + failure);
                    System.exit(1);
                });
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        URI target = routes.entrySet().stream()
                .filter(route -> path.equals(route.getKey()) || path.startsWith(route.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (target == null) {
            problem(request.response(), 404, "Not found", "no service serves " + path);
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(request.uri()).setIdleTimeout(60_000);
        passEndToEndHeaders(request.headers(), options::addHeader);
        request.body()
                .compose(body -> client.request(options).compose(outbound -> body.length() == 0 ? outbound.send() : outbound.send(body)))
                .compose(inbound -> inbound.body().map(body -> answer(request.response(), inbound, body)))
                .onFailure(failure -> problem(request.response(), 502, "Bad gateway", failure.getClass().getSimpleName()));
    }

    private static Void answer(HttpServerResponse response, HttpClientResponse inbound, Buffer body) {
        response.setStatusCode(inbound.statusCode());
        passEndToEndHeaders(inbound.headers(), response.headers()::add);
        response.end(body);
        return null;
    }

    /** Hands on each header but the hop-by-hop ones, which belong to one connection, not to the message. */
    private static void passEndToEndHeaders(MultiMap headers, BiConsumer<String, String> to) {
        headers.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.accept(header.getKey(), header.getValue());
            }
        });
    }

    private static void problem(HttpServerResponse response, int status, String title, String detail) {
        if (response.ended() || response.headWritten()) {
            return; // the answer was on its way when the service's side failed: the connection closes, as before
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(Buffer.buffer("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}",
                        StandardCharsets.UTF_8.name()));
    }
}
