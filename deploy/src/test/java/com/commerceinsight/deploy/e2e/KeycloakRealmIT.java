package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.commerceinsight.deploy.identity.DemoUser;
import com.commerceinsight.deploy.identity.Discovery;
import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm of the local identity provider (deploy/local/commerce-insight-realm.json) as the services and the console
 * rely on it: each demo user signs in on commerce-cli, and its access token, verified against the realm's published
 * keys, carries the issuer, the audience commerce-insight-api, the user's realm roles (and no others) in {@code roles}
 * and, for the shopper only, {@code customer_id} 1; the console's client signs in with authorization code and PKCE
 * (S256) only, and its tokens carry the same claims.
 */
class KeycloakRealmIT {

    private static final String AUDIENCE = "commerce-insight-api";
    private static final String CONSOLE_REDIRECT = "http://localhost:8080/console/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalKeycloak keycloak;
    private static JsonNode discovery;
    private static JwtConsumer verifier;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = LocalKeycloak.start(Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize()).awaitReady();
        discovery = Discovery.read(HttpClient.newHttpClient(), keycloak.issuer());
        verifier = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(discovery.path("jwks_uri").asText())))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(keycloak.issuer().toString())
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void eachDemoUserSignsInAndItsAccessTokenCarriesIssuerAudienceRolesAndCustomer(DemoUser user) throws Exception {
        JwtClaims claims = verifier.processToClaims(keycloak.tokens(user).accessToken());

        assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + keycloak.issuer().getPort() + "/realms/commerce-insight");
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getStringListClaimValue("roles")).containsExactlyInAnyOrderElementsOf(user.roles());
        assertThat(claims.getClaimValue("customer_id")).isEqualTo(user.customerId().orElse(null));
        assertThat(claims.getClaimValueAsString("azp")).isEqualTo(TokenSource.CLI_CLIENT);
        assertThat(claims.getClaimValueAsString("preferred_username")).isEqualTo(user.username());
        // Long enough for a benchmark run on one token (the clients fetch a new one before expiry all the same).
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(30 * 60);
    }

    @Test
    void aTokenWhosePayloadWasChangedFailsVerification() throws Exception {
        String[] parts = keycloak.tokens(DemoUser.ANALYST).accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"analyst\"", "\"operator\"");
        assertThat(forged).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> verifier.processToClaims(tampered)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        TokenSource wrong = new TokenSource(keycloak.issuer(), TokenSource.CLI_CLIENT, "analyst", "not-the-password");

        assertThatThrownBy(wrong::accessToken).hasMessageContaining("401").hasMessageContaining("invalid_grant");
    }

    @Test
    void theConsoleClientHasNoPasswordGrant() {
        TokenSource console = new TokenSource(keycloak.issuer(), "commerce-console", "analyst", DemoUser.ANALYST.password());

        assertThatThrownBy(console::accessToken).hasMessageContaining("unauthorized_client");
    }

    @Test
    void theConsoleClientRefusesASignInWithoutPkce() throws Exception {
        HttpResponse<String> answer = browser().send(HttpRequest.newBuilder(authorizationRequest(Map.of())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(CONSOLE_REDIRECT).contains("error=invalid_request").contains("code_challenge_method"));
    }

    @Test
    void theConsoleSignsInWithAuthorizationCodeAndPkce() throws Exception {
        HttpClient browser = browser();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifierText = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifierText.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(authorizationRequest(
                Map.of("code_challenge", challenge, "code_challenge_method", "S256"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(form.find()).as("the login form in " + loginPage.body()).isTrue();

        // The sign-in session's cookies, sent back by hand as a browser would: the JDK's cookie store did not send them
        // back to this plain-HTTP localhost (the sign-in then failed with "cookie not found").
        String cookies = loginPage.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "analyst", "password", DemoUser.ANALYST.password()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CONSOLE_REDIRECT);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();

        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", "commerce-console",
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", CONSOLE_REDIRECT,
                        "code_verifier", verifierText))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JwtClaims claims = verifier.processToClaims(JSON.readTree(token.body()).path("access_token").asText());
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("analyst");
        assertThat(claims.getClaimValueAsString("azp")).isEqualTo("commerce-console");
    }

    /** A client that does not follow redirects, so each step of the sign-in can be read. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static URI authorizationRequest(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("client_id", "commerce-console", "response_type", "code",
                "scope", "openid", "redirect_uri", CONSOLE_REDIRECT, "state", "e2e-state"));
        query.putAll(extra);
        return URI.create(discovery.path("authorization_endpoint").asText() + "?" + form(query));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
