package com.commerceinsight.analytics.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class ConsoleConfigResourceTest {

    @Test
    void withoutAnIssuerIdentityIsOff() {
        given().when().get("/console/config.json")
                .then().statusCode(200).contentType("application/json")
                .body("issuer", nullValue()).body("clientId", nullValue());
    }

    @Test
    void theBundleIsReachedByItsStableNameThroughAPathOnlyRedirect() {
        // A path-only Location keeps the browser on the gateway's host (the page never names the hashed file).
        String location = given().redirects().follow(false).when().get("/console/bundle/app.js")
                .then().statusCode(org.hamcrest.Matchers.oneOf(301, 302, 303, 307, 308)).extract().header("Location");
        assertThat(location).matches("/console/bundle/app-[A-Z0-9]+\\.js");
        given().when().get(location).then().statusCode(200).body(org.hamcrest.Matchers.containsString("echarts"));
    }

    @Test
    void aConfiguredIssuerIsHandedToTheConsoleWithItsClient() {
        var config = new ConsoleConfigResource(config(Optional.of(" http://localhost:8180/realms/commerce-insight "), "commerce-console"))
                .config();

        assertThat(config.issuer()).isEqualTo("http://localhost:8180/realms/commerce-insight");
        assertThat(config.clientId()).isEqualTo("commerce-console");
        assertThat(new ConsoleConfigResource(config(Optional.of("  "), "commerce-console")).config().issuer()).isNull();
    }

    private static ConsoleOidcConfig config(Optional<String> issuer, String clientId) {
        return new ConsoleOidcConfig() {
            @Override
            public Optional<String> issuer() {
                return issuer;
            }

            @Override
            public String clientId() {
                return clientId;
            }
        };
    }
}
