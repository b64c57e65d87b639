package com.commerceinsight.prediction.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Rate limits on, with allowances small enough to run out in a test, and a training queue of one. */
public class LimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("commerce.rate-limit.enabled", "true",
                "commerce.rate-limit.activation.requests", "2",
                "commerce.rate-limit.activation.period", "1h",
                "prediction.api.training-queue.capacity", "1",
                "prediction.api.training-queue.retry-after", "45s");
    }
}
