package com.commerceinsight.prediction.lifetime;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.training.GeneratedShop;
import com.commerceinsight.prediction.training.GeneratedShopProfile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A customer's lifetime figures over HTTP on the generated shop: the summary counted here from the customer's orders,
 * P(alive) from the paper's formula with the active model's parameters, the roles, 404, 400 and 503.
 */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class LifetimeEndpointTest {

    private static final LocalDateTime AS_OF = LocalDateTime.parse(GeneratedShopProfile.AS_OF);

    private static Map<Long, CustomerHistory> histories;
    private static LifetimeVersion fitted;

    @Inject
    LifetimeTraining training;

    @BeforeEach
    void fitOnce() throws Exception {
        if (fitted == null) {
            histories = GeneratedShop.histories();
            fitted = training.fitAndRegister(histories.values(), LocalDateTime.parse("2024-10-01T00:00:00"), 90, null, true);
        }
    }

    @Test
    void aCustomerGetsTheSummaryAndThePredictionsOfTheActiveModel() {
        CustomerHistory customer = histories.values().stream().filter(h -> saleDays(h).size() >= 3).findFirst().orElseThrow();
        List<LocalDate> days = saleDays(customer);
        JsonPath served = asStaff().when().get("/api/predictions/customers/" + customer.customerId() + "/lifetime")
                .then().statusCode(200).extract().jsonPath();

        assertThat(served.getLong("lifetimeModelId")).isEqualTo(fitted.lifetimeModelId());
        assertThat(served.getInt("frequency")).isEqualTo(days.size() - 1);
        assertThat(served.getDouble("recencyDays")).isEqualTo((double) ChronoUnit.DAYS.between(days.get(0), days.get(days.size() - 1)));
        assertThat(served.getDouble("ageDays")).isCloseTo(ChronoUnit.DAYS.between(days.get(0).atStartOfDay(), AS_OF), offset(1e-6));
        BgNbdModel m = fitted.evaluation().bgNbd();
        int x = days.size() - 1;
        double recency = served.getDouble("recencyDays");
        double age = served.getDouble("ageDays");
        double alive = 1 / (1 + m.a() / (m.b() + x - 1) * Math.pow((m.alpha() + age) / (m.alpha() + recency), m.r() + x));
        // JsonPath reads numbers as floats
        assertThat(served.getDouble("probabilityAlive")).isCloseTo(alive, offset(1e-6));
        assertThat(served.getDouble("probabilityOfPurchase")).isBetween(0.0, served.getDouble("probabilityAlive"));
        assertThat(served.getDouble("expectedPurchases")).isPositive();
        assertThat(served.getDouble("expectedMeanSpend")).isPositive();
        assertThat(served.getDouble("lifetimeValue")).isPositive();
        assertThat(served.getInt("valueMonths")).isEqualTo(12);
        assertThat(served.getInt("horizonDays")).isEqualTo(90);

        JsonPath mine = asShopper(customer.customerId()).when().get("/api/predictions/customers/me/lifetime")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getDouble("probabilityAlive")).isEqualTo(served.getDouble("probabilityAlive"));
        asShopper(customer.customerId()).when().get("/api/predictions/customers/" + customer.customerId() + "/lifetime")
                .then().statusCode(403);
        given().when().get("/api/predictions/customers/" + customer.customerId() + "/lifetime").then().statusCode(401);
    }

    @Test
    void unknownCustomerIs404AndABadIdIs400() {
        asStaff().when().get("/api/predictions/customers/987654321/lifetime")
                .then().statusCode(404).contentType("application/problem+json");
        asStaff().when().get("/api/predictions/customers/abc/lifetime")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void noActiveLifetimeModelIs503() {
        QuarkusTransaction.requiringNew().run(() -> LifetimeModel.update("active = false where active = true"));
        try {
            long customer = histories.keySet().iterator().next();
            asStaff().when().get("/api/predictions/customers/" + customer + "/lifetime")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LifetimeModel.update("active = true where id = ?1", fitted.lifetimeModelId()));
        }
    }

    private static List<LocalDate> saleDays(CustomerHistory history) {
        return history.orders().stream().filter(o -> !o.cancellationInvoice() && o.orderedAt().isBefore(AS_OF))
                .map(o -> o.orderedAt().toLocalDate()).distinct().sorted().toList();
    }
}
