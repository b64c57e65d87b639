package com.commerceinsight.analytics.catalog;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.TinyShop;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class CatalogResourceTest {

    @Test
    void productsAreNamedInTheOrderAskedAndUnknownIdsLeftOut() {
        TinyShop.Ids ids = TinyShop.ensurePlaced();

        asStaff().queryParam("ids", ids.productB() + ", 999999999," + ids.productA() + "," + ids.productB())
                .when().get("/api/analytics/catalog/products")
                .then().statusCode(200)
                .body("id", contains((int) ids.productB(), (int) ids.productA()))
                .body("name", contains("tiny product at 2.50", "tiny product at 10.00"))
                .body("categoryName", contains(TinyShop.CATEGORY, TinyShop.CATEGORY))
                .body("[1].price", equalTo(10.0f));
    }

    @Test
    void categoriesListEveryCategoryByName() {
        TinyShop.Ids ids = TinyShop.ensurePlaced();

        asStaff().when().get("/api/analytics/catalog/categories")
                .then().statusCode(200)
                .body("findAll { it.id == " + ids.categoryId() + " }.name", contains(TinyShop.CATEGORY));
    }

    @Test
    void badIdsAreAProblemNamingTheField() {
        for (String bad : new String[] {"", "1,x", "0", "-3"}) {
            asStaff().queryParam("ids", bad).when().get("/api/analytics/catalog/products")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("ids"));
        }
        String tooMany = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
        asStaff().queryParam("ids", tooMany).when().get("/api/analytics/catalog/products")
                .then().statusCode(400).body("errors", hasSize(1)).body("errors[0].field", equalTo("ids"));
    }
}
