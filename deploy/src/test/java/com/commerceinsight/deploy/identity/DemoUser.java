package com.commerceinsight.deploy.identity;

import java.util.List;
import java.util.Optional;

/**
 * The demo users of the local identity provider's realm (deploy/local/commerce-insight-realm.json): one per role, and
 * {@code admin-demo} with every role but shopper, which the end-to-end tests and the benchmarks call the APIs as. Each
 * user's password is {@code demo-<username>}.
 */
public enum DemoUser {
    SHOPPER("shopper", List.of("shopper"), "1"),
    ANALYST("analyst", List.of("analyst"), null),
    OPERATOR("operator", List.of("operator"), null),
    ML_ENGINEER("ml-engineer", List.of("ml-engineer"), null),
    ADMIN("admin-demo", List.of("analyst", "operator", "ml-engineer"), null);

    private final String username;
    private final List<String> roles;
    private final String customerId;

    DemoUser(String username, List<String> roles, String customerId) {
        this.username = username;
        this.roles = roles;
        this.customerId = customerId;
    }

    public String username() {
        return username;
    }

    public String password() {
        return "demo-" + username;
    }

    /** The realm roles the user holds, as its access tokens' {@code roles} claim carries them. */
    public List<String> roles() {
        return roles;
    }

    /** The {@code customer_id} claim of the user's tokens: the shopper's customer, no one else's. */
    public Optional<String> customerId() {
        return Optional.ofNullable(customerId);
    }
}
