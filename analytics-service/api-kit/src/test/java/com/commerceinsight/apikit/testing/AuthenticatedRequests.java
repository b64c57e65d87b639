package com.commerceinsight.apikit.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests that carry a signed test token, for tests about what an operation does rather than who may. */
public final class AuthenticatedRequests {

    private AuthenticatedRequests() {
    }

    /** As a member of staff holding analyst, operator and ml-engineer: may call every operation but the shopper's own. */
    public static RequestSpecification asStaff() {
        return as(TestTokens.staff());
    }

    /** As a shopper speaking for that customer. */
    public static RequestSpecification asShopper(long customerId) {
        return as(TestTokens.shopper(customerId));
    }

    /** With this token. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** With a token holding just these roles. */
    public static RequestSpecification withRoles(String... roles) {
        return as(TestTokens.withRoles(roles));
    }
}
