package com.commerceinsight.prediction.limits;

import com.commerceinsight.apikit.testing.LimitsContract;

/** api-kit's limits profile on prediction-service's configuration. */
public class LimitsProfile extends LimitsContract.Profile {

    @Override
    protected String servicePrefix() {
        return "prediction";
    }
}
