package com.commerceinsight.apikit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class UnparseableParametersTest {

    enum Period { DAY, MONTH }

    @Test
    void numbersConvertOnlyWithinTheirType() {
        assertThat(UnparseableParameters.converts("2147483647", int.class)).isTrue();
        assertThat(UnparseableParameters.converts("99999999999", int.class)).isFalse();
        assertThat(UnparseableParameters.converts("99999999999", long.class)).isTrue();
        assertThat(UnparseableParameters.converts("1.5", Long.class)).isFalse();
        assertThat(UnparseableParameters.converts("abc", double.class)).isFalse();
    }

    @Test
    void datesAndEnumsConvertOnlyWhenValid() {
        assertThat(UnparseableParameters.converts("2024-02-29", LocalDate.class)).isTrue();
        assertThat(UnparseableParameters.converts("2024-13-01", LocalDate.class)).isFalse();
        assertThat(UnparseableParameters.converts("MONTH", Period.class)).isTrue();
        assertThat(UnparseableParameters.converts("month", Period.class)).isFalse();
        assertThat(UnparseableParameters.converts("anything", String.class)).isTrue();
    }

    @Test
    void boundsNameTheParameter() {
        assertThat(ParameterBounds.atMost("size", 200, 200)).isEqualTo(200);
        assertThatThrownBy(() -> ParameterBounds.atMost("size", 201, 200))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
        ParameterBounds.pageWithinTotal(0, 20, 0);
        ParameterBounds.pageWithinTotal(2, 20, 41);
        assertThatThrownBy(() -> ParameterBounds.pageWithinTotal(2, 20, 40))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("page"))
                .hasMessageContaining("last page is 1");
        assertThatThrownBy(() -> ParameterBounds.pageWithinTotal(Integer.MAX_VALUE, Integer.MAX_VALUE, 10))
                .isInstanceOf(InvalidParameterException.class);
        ParameterBounds.pageInRange(Integer.MAX_VALUE, 1);
        assertThatThrownBy(() -> ParameterBounds.pageInRange(Integer.MAX_VALUE / 2 + 1, 2))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
    }
}
