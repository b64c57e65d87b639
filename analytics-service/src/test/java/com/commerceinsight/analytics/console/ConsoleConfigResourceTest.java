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
