package com.commerceinsight.apikit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

import com.commerceinsight.apikit.security.Roles;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signed bearer tokens for the services' tests, shaped as the issuers' are (audience, {@code roles} array,
 * {@code customer_id}), signed with the test key pair in this jar. Each service's test profile verifies them with
 * {@code quarkus.oidc.public-key} (the pair's public half) and {@link #ISSUER}, so tests need no identity server.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.commerce-insight.test";
    public static final String AUDIENCE = "commerce-insight-api";
    /** The customer every shopper token speaks for unless a test names another. */
    public static final long SHOPPER_CUSTOMER_ID = 1;

    private static final PrivateKey SIGNING_KEY = readSigningKey();

    private TestTokens() {
    }

    /** A token holding the given roles (no customer). */
    public static String withRoles(String... roles) {
        return sign(claims(roles));
    }

    /** A token holding analyst, operator and ml-engineer: staff who may call every operation but a shopper's own. */
    public static String staff() {
        return withRoles(Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER);
    }

    /** A shopper's token speaking for that customer. */
    public static String shopper(long customerId) {
        return sign(claims(Roles.SHOPPER).claim("customer_id", String.valueOf(customerId)));
    }

    /** A shopper's token with no customer claim at all. */
    public static String shopperWithoutCustomer() {
        return sign(claims(Roles.SHOPPER));
    }

    /** A token with the given roles and extra claims. */
    public static String withClaims(List<String> roles, Map<String, Object> extra) {
        JwtClaimsBuilder builder = claims(roles.toArray(String[]::new));
        extra.forEach(builder::claim);
        return sign(builder);
    }

    /** A token for the given roles that expired an hour ago. */
    public static String expired(String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return sign(claims(roles).issuedAt(now - 7200).expiresAt(now - 3600));
    }

    /** A token for the given roles issued for another API. */
    public static String forAudience(String audience, String... roles) {
        return sign(claims(roles).audience(audience));
    }

    private static JwtClaimsBuilder claims(String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-" + String.join("-", roles))
                .claim("roles", List.of(roles))
                .expiresIn(3600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.sign(SIGNING_KEY);
    }

    private static PrivateKey readSigningKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/apikit-test-keys/private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("apikit-test-keys/private-key.pem is not on the test class path");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the test signing key cannot be read", e);
        }
    }
}
