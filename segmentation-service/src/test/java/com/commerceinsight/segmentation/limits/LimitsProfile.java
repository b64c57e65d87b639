package com.commerceinsight.segmentation.limits;

import com.commerceinsight.apikit.testing.LimitsContract;

/** api-kit's limits profile on segmentation-service's configuration. */
public class LimitsProfile extends LimitsContract.Profile {

    @Override
    protected String servicePrefix() {
        return "segmentation";
    }
}
