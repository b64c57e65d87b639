package com.commerceinsight.apikit.security;

import java.util.List;

/**
 * The roles a caller may hold, as the issuer puts them in the token's {@code roles} claim (Entra ID app roles, Keycloak
 * realm roles). There is no hierarchy in the issuer: every service grants the analyst's reads to operator and
 * ml-engineer explicitly.
 */
public final class Roles {

    /** Places orders for the customer in the token, reads that customer's own score, segment and recommendations. */
    public static final String SHOPPER = "shopper";
    /** Reads analyses, dashboards, reporting, segments, scores, recommendations and model reports. */
    public static final String ANALYST = "analyst";
    /** An analyst who also changes orders and payments, starts imports and summary rebuilds. */
    public static final String OPERATOR = "operator";
    /** An analyst who also starts training jobs and activates model versions. */
    public static final String ML_ENGINEER = "ml-engineer";

    public static final List<String> ALL = List.of(SHOPPER, ANALYST, OPERATOR, ML_ENGINEER);

    private Roles() {
    }
}
