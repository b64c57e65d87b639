package com.commerceinsight.analytics.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestClassTest {

    @Test
    void requestsAreClassedByMethodAndPath() {
        assertThat(RequestClass.of("POST", "/api/analytics/orders")).isEqualTo(RequestClass.WRITE);
        assertThat(RequestClass.of("PUT", "/api/analytics/orders/1/payments/2/status")).isEqualTo(RequestClass.WRITE);
        assertThat(RequestClass.of("POST", "/api/analytics/imports")).isEqualTo(RequestClass.JOB);
        assertThat(RequestClass.of("POST", "/api/analytics/dashboards/summary-rebuilds")).isEqualTo(RequestClass.JOB);
        assertThat(RequestClass.of("GET", "/api/analytics/analyses/sales/total")).isEqualTo(RequestClass.COSTLY_READ);
        assertThat(RequestClass.of("GET", "/api/analytics/dashboards/home")).isEqualTo(RequestClass.COSTLY_READ);
        assertThat(RequestClass.of("GET", "/api/analytics/suppliers/3/products")).isEqualTo(RequestClass.COSTLY_READ);
        assertThat(RequestClass.of("GET", "/api/analytics/dashboards/summary-rebuilds/x")).isNull();
        assertThat(RequestClass.of("GET", "/api/analytics/imports")).isNull();
        assertThat(RequestClass.of("GET", "/q/health/live")).isNull();
        assertThat(RequestClass.of("GET", "/console/")).isNull();
    }
}
