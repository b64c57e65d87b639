package com.commerceinsight.analytics.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;

import com.commerceinsight.analytics.problem.InvalidFieldException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the {@value #HEADER} request header (as in the IETF draft "The Idempotency-Key HTTP Header Field"): a client
 * sends a fresh unique value with a POST and the same value with every retry of it, so that a retry after a timeout, a
 * crash or a rolling restart is answered with the first answer instead of writing again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_CALLER_LENGTH = 128;

    /**
     * The request's fingerprint is the SHA-256 of its JSON as bound, with properties in a fixed order: two bodies
     * that differ only in whitespace or property order are the same request.
     */
    private final ObjectMapper canonical = JsonMapper.builder().findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * The key the request came with, scoped to its caller and {@code operation}; null when it came without one (the
     * request is then not protected against retries). A key that is empty, longer than {@value #MAX_KEY_LENGTH}
     * characters or not printable ASCII is a 400 naming the header.
     */
    public IdempotencyKey of(String header, SecurityContext security, String operation, Object request) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_KEY_LENGTH || !header.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidFieldException(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        return new IdempotencyKey(new IdempotencyKey.Id(caller(security), operation, header), sha256(fingerprint(request)));
    }

    /** The authenticated caller's name; empty for a request without identity. Hashed when too long to store. */
    private static String caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        String name = principal == null || principal.getName() == null ? "" : principal.getName();
        return name.length() <= MAX_CALLER_LENGTH ? name : "sha256:" + sha256(name.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] fingerprint(Object request) {
        try {
            return canonical.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bound request cannot be written as JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
