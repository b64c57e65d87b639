package com.commerceinsight.analytics.service;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.as;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.apikit.security.VerifiedTokens;
import com.commerceinsight.apikit.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bearer tokens are verified once and then recalled for a short while (api-kit's VerifiedTokens): a recalled token
 * carries the same roles as when it was verified, and is refused once it expires although it is still remembered.
 */
@QuarkusTest
class RememberedTokensTest {

    private static final String HOME = "/api/analytics/dashboards/home";

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aRecalledTokenKeepsItsRolesAndIsRefusedOnceExpired() throws InterruptedException {
        String analyst = TestTokens.expiringIn(3, Roles.ANALYST);
        String shopper = TestTokens.expiringIn(60, Roles.SHOPPER);
        for (int call = 0; call < 3; call++) {
            as(analyst).get(HOME).then().statusCode(200);
            as(shopper).get(HOME).then().statusCode(403);
        }
        assertThat(verifiedTokens.remembers(analyst)).isTrue();
        assertThat(verifiedTokens.remembers(shopper)).isTrue();

        Thread.sleep(4_000);

        assertThat(verifiedTokens.remembers(analyst)).isFalse();
        as(analyst).get(HOME).then().statusCode(401);
        as(shopper).get(HOME).then().statusCode(403);
        as(TestTokens.expired(Roles.ANALYST)).get(HOME).then().statusCode(401);
    }

    @Test
    void aTokenWhoseSignatureFailsIsNeverRemembered() {
        String token = TestTokens.expiringIn(60, Roles.ANALYST);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        as(forged).get(HOME).then().statusCode(401);
        as(forged).get(HOME).then().statusCode(401);

        assertThat(verifiedTokens.remembers(forged)).isFalse();
    }
}
