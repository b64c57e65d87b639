package com.commerceinsight.recommender.buyagain;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.MalformedEventException;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.recommender.events.EventBatchApplier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Buy-again over HTTP, fed by order events through the consumer's applier (as the other consumer tests are): the
 * ranking, the reason, the shopper's own list, bad input, and a new order changing the next list. Customers
 * 880000001.. and products 88001.. are used by no other test.
 */
@QuarkusTest
class BuyAgainApiTest {

    private static final String PATH = "/api/recommendations/customers/%d/buy-again";

    @Inject
    EventBatchApplier applier;

    @Test
    void aRegularPurchaseDueAgainComesFirstWithItsReason() {
        long customer = 880_000_001L;
        for (int daysAgo : new int[] {110, 80, 50, 20}) {
            order(customer, daysAgo, 88_001);
        }
        order(customer, 300, 88_002);

        JsonPath list = asStaff().when().get(PATH.formatted(customer)).then().statusCode(200)
                .body("ranking", equalTo("rate-x-product-share")).body("horizonDays", equalTo(90)).extract().jsonPath();

        assertThat(list.getList("items.productId", Long.class)).containsExactly(88_001L, 88_002L);
        assertThat(list.getString("items[0].reason")).startsWith("bought 4 times, usually every 30 days, last 20 days ago; ");
        assertThat(list.getInt("items[0].orders")).isEqualTo(4);
        assertThat(list.getDouble("items[0].meanIntervalDays")).isCloseTo(30.0, within(0.01)); // orders sent milliseconds apart
        assertThat(list.getString("items[1].reason")).startsWith("bought once, 300 days ago; ");
        assertThat(list.getDouble("items[0].score")).isGreaterThan(list.getDouble("items[1].score")).isLessThanOrEqualTo(1.0);
        assertThat(asStaff().queryParam("limit", 1).when().get(PATH.formatted(customer)).then().statusCode(200)
                .extract().jsonPath().getList("items.productId", Long.class)).containsExactly(88_001L);

        // The shopper reads the same list through "me", and may not ask by id.
        assertThat(asShopper(customer).when().get("/api/recommendations/customers/me/buy-again").then().statusCode(200)
                .extract().jsonPath().getList("items.productId", Long.class)).containsExactly(88_001L, 88_002L);
        asShopper(customer).when().get(PATH.formatted(customer)).then().statusCode(403);
    }

    @Test
    void anOrderEventChangesTheCustomersNextList() {
        long customer = 880_000_002L;
        order(customer, 300, 88_011);
        order(customer, 200, 88_012);
        JsonPath before = asStaff().when().get(PATH.formatted(customer)).then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("items.productId", Long.class)).containsExactly(88_012L, 88_011L);

        order(customer, 1, 88_011, 88_013);

        JsonPath after = asStaff().when().get(PATH.formatted(customer)).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("items.productId", Long.class)).containsExactlyInAnyOrder(88_011L, 88_012L, 88_013L);
        assertThat(after.getList("items.productId", Long.class).get(0)).isNotEqualTo(88_012L);
        int again = after.getList("items.productId", Long.class).indexOf(88_011L);
        assertThat(after.getInt("items[" + again + "].orders")).isEqualTo(2);
        assertThat(after.getDouble("items[" + again + "].meanIntervalDays")).isCloseTo(299.0, within(0.01));
    }

    @Test
    void aCustomerWhoseOrdersWereNotSeenGetsAnEmptyList() {
        asStaff().when().get(PATH.formatted(880_999_999L)).then().statusCode(200).body("items", empty());
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        for (String limit : List.of("0", "101", "-3", "ten")) {
            asStaff().queryParam("limit", limit).when().get(PATH.formatted(880_000_001L)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        asStaff().when().get("/api/recommendations/customers/someone/buy-again").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
    }

    /** One order placed the given number of days ago with one unit of each product. */
    private void order(long customer, int daysAgo, long... products) {
        String at = Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.MILLIS).toString();
        List<SampleEvents.Line> lines = Arrays.stream(products).mapToObj(p -> new SampleEvents.Line(p, 1, "5.00")).toList();
        try {
            applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), customer,
                    Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), at, "pending",
                    "%d.00".formatted(5 * products.length), lines, List.of("succeeded")))));
        } catch (MalformedEventException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
