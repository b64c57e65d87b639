package com.commerceinsight.apikit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The customer a shopper's token speaks for, read from a configurable claim ({@code commerce.security.customer-claim},
 * default {@code customer_id}; a number or a string of digits). A shopper without that claim may act for no customer:
 * every question about it is a 403.
 */
@RequestScoped
public class CallerCustomer {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "commerce.security.customer-claim", defaultValue = "customer_id")
    String claim;

    /** The caller's customer id; 403 when the token carries none or one that is not a positive whole number. */
    public long customerId() {
        Object value = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(claim) : null;
        if (value == null) {
            throw new ForbiddenException("the token carries no " + claim + " claim: it speaks for no customer");
        }
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 403 below
        }
        throw new ForbiddenException("the token's " + claim + " claim is not a customer id");
    }

    /**
     * Whether the caller may act only for its own customer: a shopper holding none of the given staff roles. A caller
     * who is also staff (say an operator placing an order on a customer's behalf) is not limited to one customer.
     */
    public boolean isLimitedToOwnCustomer(String... staffRoles) {
        if (!identity.hasRole(Roles.SHOPPER)) {
            return false;
        }
        for (String role : staffRoles) {
            if (identity.hasRole(role)) {
                return false;
            }
        }
        return true;
    }
}
