package com.commerceinsight.analytics.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C traceparent of the current trace, as text to store beside what the current request writes (an outbox row)
 * and to send on later (the Kafka record's header), so the trace goes on past the request thread and the database.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    private TraceParents() {
    }

    /** The current span's traceparent, or null when no valid span is current (tracing off, or no request). */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, (map, key, value) -> {
            if (map != null) {
                map.put(key, value);
            }
        });
        return carrier.get(HEADER);
    }
}
