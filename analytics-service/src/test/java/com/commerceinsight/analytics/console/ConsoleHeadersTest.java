package com.commerceinsight.analytics.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The console's pages carry a policy that allows no inline script and no framing; the API refuses unlisted origins. */
@QuarkusTest
class ConsoleHeadersTest {

    @Test
    void consolePagesCarryTheSecurityHeaders() {
        for (String path : new String[] {"/console/", "/console/favicon.svg", "/console/config.json"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void theConsolePageHasNoInlineScript() {
        String html = given().when().get("/console/").then().statusCode(200).extract().asString();
        assertThat(html)
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain(" style=\"")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void anOriginNotListedGetsNoCrossOriginAnswer() {
        // No origins are configured in tests (the default): a browser on another site may not read the API.
        given().header("Origin", "https://elsewhere.example")
                .auth().oauth2(TestTokens.staff())
                .when().get("/api/analytics/imports/formats")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
