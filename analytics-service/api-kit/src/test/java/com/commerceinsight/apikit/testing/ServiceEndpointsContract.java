package com.commerceinsight.apikit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The operational surface every service has, on the management interface (its own port, not routed by the gateway):
 * liveness, readiness with a real database check, OpenAPI, Swagger UI, metrics; none of them on the API port. Each
 * service's {@code ServiceEndpointsTest} runs these against itself, naming the title its OpenAPI document carries.
 */
public abstract class ServiceEndpointsContract {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The service's name, the title of its OpenAPI document ({@code prediction-service}). */
    protected abstract String serviceName();

    @Test
    void readinessChecksTheDatabase() {
        given().port(management.getPort()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().port(management.getPort()).when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheService() {
        given().port(management.getPort()).queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(serviceName()));
    }

    @Test
    void swaggerUiIsServed() {
        given().port(management.getPort()).when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().port(management.getPort()).when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theApiPortServesNoneOfThem() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health/ready"}) {
            given().when().get(path).then().statusCode(404);
        }
    }
}
