package com.commerceinsight.deploy.e2e;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy on loopback between the services and one server of theirs (the database, the broker) that the drills
 * break on purpose: added latency, connections reset, a black hole. netcrusher-core does the proxying in this JVM, so
 * no root, no tc and no iptables are needed. Healthy, it adds one hop on loopback and nothing else.
 */
final class FaultyLink implements AutoCloseable {

    private final String name;
    private final int port;
    private final TcpCrusher crusher;
    private final AdjustableDelay delay = new AdjustableDelay();

    FaultyLink(NioReactor reactor, String name, int listenPort, int serverPort) {
        this.name = name;
        this.port = listenPort;
        // Linger 0: closing a pair sends a reset, as a middlebox dropping the connection would, not an orderly FIN.
        this.crusher = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", listenPort).withConnectAddress("127.0.0.1", serverPort)
                .withLingerMs(0).withTcpNoDelay(true)
                .withIncomingThrottlerFactory(client -> delay).withOutgoingThrottlerFactory(client -> delay)
                .buildAndOpen();
    }

    String name() {
        return name;
    }

    /** The port the clients connect to instead of the server's. */
    int port() {
        return port;
    }

    /** Delays every chunk of data in both directions by {@code latency} until {@link #heal()}. */
    void addLatency(Duration latency) {
        delay.nanos = latency.toNanos();
    }

    /** Resets every open connection; new ones go through as before. */
    void resetConnections() {
        crusher.closeAllPairs();
    }

    /**
     * Stops all traffic without closing anything: open connections stall, new ones are accepted by the kernel and
     * then hear nothing, as behind a firewall that drops packets. Ends with {@link #heal()}.
     */
    void blackHole() {
        crusher.freeze();
    }

    /**
     * While the server behind is down: the link refuses connections and drops the open ones, as the server's own
     * port would (a proxy that kept accepting would leave clients waiting on a server that is not there).
     */
    void serverDown() {
        crusher.close();
    }

    /** The server is back: the link accepts connections again. */
    void serverUp() {
        crusher.open();
    }

    void heal() {
        delay.nanos = 0;
        if (crusher.isFrozen()) {
            crusher.unfreeze();
        }
    }

    @Override
    public void close() {
        crusher.close();
    }

    /** A throttler whose delay the drill changes while the proxy runs (netcrusher's own take theirs when built). */
    private static final class AdjustableDelay implements Throttler {
        volatile long nanos;

        @Override
        public long calculateDelayNs(ByteBuffer bb) {
            return nanos;
        }
    }
}
