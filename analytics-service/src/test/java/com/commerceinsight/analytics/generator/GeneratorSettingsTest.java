package com.commerceinsight.analytics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void aShopEndingOnAGivenDayCoversTheTwoYearsBeforeIt() {
        GeneratorSettings settings = GeneratorSettings.forOrders(20_000, 42, LocalDate.of(2026, 12, 6));

        assertThat(settings.start()).isEqualTo(LocalDate.of(2024, 12, 6));
        assertThat(settings.end()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(settings.windowDays()).isEqualTo(730);
        // the sizes do not depend on the window
        GeneratorSettings fixed = GeneratorSettings.forOrders(20_000, 42);
        assertThat(settings.customers()).isEqualTo(fixed.customers());
        assertThat(settings.products()).isEqualTo(fixed.products());
    }

    @Test
    void theDefaultWindowStaysTheFixedOneTestsCompareWith() {
        GeneratorSettings settings = GeneratorSettings.forOrders(1_000, 1);

        assertThat(settings.start()).isEqualTo(GeneratorSettings.DEFAULT_START);
        assertThat(settings.end()).isEqualTo(GeneratorSettings.DEFAULT_END);
    }
}
