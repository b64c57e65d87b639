package com.commerceinsight.analytics.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.testing.ScratchFolders;
import com.commerceinsight.apikit.problem.Problem;
import com.commerceinsight.analytics.problem.ProblemMappers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Per-caller rate limits answer 429 problems with Retry-After; a query past the statement timeout is a 503 problem. */
@QuarkusTest
@TestProfile(RateLimitAndTimeoutTest.SmallLimits.class)
class RateLimitAndTimeoutTest {

    /** Small rates and a 1 s statement timeout; an import folder holding a file that cannot be parsed. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path imports;
            try {
                imports = ScratchFolders.create("limits-imports");
                Files.writeString(imports.resolve("unclosed.csv"), """
                        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                        536365,71053,"WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("analytics.imports.directory", imports.toString(),
                    "commerce.rate-limit.enabled", "true",
                    "commerce.rate-limit.writes.requests", "3",
                    "commerce.rate-limit.writes.period", "1h",
                    "commerce.rate-limit.costly-reads.requests", "5",
                    "commerce.rate-limit.costly-reads.period", "1h",
                    "analytics.limits.query-timeout-millis", "1000");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void writesOverTheCallersRateAre429ProblemsWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            asStaff().contentType(ContentType.JSON).body("{\"status\": \"shipped\"}")
                    .when().put("/api/analytics/orders/987654321/status").then().statusCode(not(equalTo(429)));
        }
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"shipped\"}")
                .when().put("/api/analytics/orders/987654321/status").then()
                .statusCode(429).contentType(startsWith("application/problem+json")).body("status", equalTo(429))
                .header("Retry-After", not(equalTo(null)));
    }

    @Test
    void costlyReadsOverTheCallersRateAre429ButCheapReadsAreNot() {
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            int status = asStaff().when().get("/api/analytics/analyses/sales/total").then().extract().statusCode();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
        for (int i = 0; i < 8; i++) {
            asStaff().when().get("/api/analytics/imports/formats").then().statusCode(200);
        }
    }

    @Test
    void anImportJobOfAFileThatCannotBeParsedEndsFailedNamingFileAndRecord() throws InterruptedException {
        String location = asStaff().contentType(ContentType.JSON)
                .body("{\"format\": \"online-retail\", \"path\": \"unclosed.csv\", \"onError\": \"SKIP\", \"dataSource\": \"unclosed-job\"}")
                .when().post("/api/analytics/imports").then().statusCode(202).extract().header("Location");
        String status = "QUEUED";
        for (int i = 0; i < 300 && (status.equals("QUEUED") || status.equals("RUNNING")); i++) {
            Thread.sleep(100);
            status = asStaff().when().get(location).then().statusCode(200).extract().path("status");
        }
        asStaff().when().get(location).then().body("status", equalTo("FAILED"))
                .body("error", allOf(startsWith("unclosed.csv cannot be read at record 2"), containsString("nothing was loaded")));
    }

    @Test
    void aQueryPastTheStatementTimeoutIsCancelledAndAnswered503() {
        // A query H2 needs far longer than the 1 s timeout for: the database cancels it instead of running on.
        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from system_range(1, 2000000000) a where mod(a.x, 7) = 3")
                .getSingleResult()));
        assertThat(failure).isNotNull();
        Response response = new ProblemMappers().unexpected((Exception) failure);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isNotNull();
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Query timed out");
    }
}
