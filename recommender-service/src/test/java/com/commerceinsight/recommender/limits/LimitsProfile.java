package com.commerceinsight.recommender.limits;

import com.commerceinsight.apikit.testing.LimitsContract;

/** api-kit's limits profile on recommender-service's configuration. */
public class LimitsProfile extends LimitsContract.Profile {

    @Override
    protected String servicePrefix() {
        return "recommender";
    }
}
