package com.commerceinsight.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The benchmark reads a counter's series from a Prometheus text page, and nothing of a counter whose name merely begins alike. */
class CounterMovementTest {

    private static final String PAGE = """
            # HELP cache_requests_total
            # TYPE cache_requests_total counter
            cache_requests_total{result="hit"} 1234.0
            cache_requests_total{result="miss"} 5.0E2
            cache_requests_total_other{result="hit"} 7.0
            cache_requests_totalled 9.0
            plain_total 3.0
            """;

    @Test
    void seriesAreTheLabelledValuesOfThatCounterOnly() {
        assertThat(CounterMovement.series(PAGE, "cache_requests_total"))
                .isEqualTo(Map.of("{result=\"hit\"}", 1234.0, "{result=\"miss\"}", 500.0));
    }

    @Test
    void aCounterWithoutLabelsIsOneSeries() {
        assertThat(CounterMovement.series(PAGE, "plain_total")).isEqualTo(Map.of("", 3.0));
    }
}
