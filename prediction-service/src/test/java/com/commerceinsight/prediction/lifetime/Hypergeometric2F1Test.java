package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The series against closed forms, and the Euler transformation BgNbdModel relies on. */
class Hypergeometric2F1Test {

    @Test
    void matchesTheLogarithmClosedForm() {
        for (double z : new double[] {0, 0.1, 0.5, 0.9, 0.99}) {
            double expected = z == 0 ? 1 : -Math.log(1 - z) / z; // 2F1(1, 1; 2; z)
            assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(expected, offset(1e-10 * expected));
        }
    }

    @Test
    void matchesThePowerClosedForm() {
        // 2F1(a, b; b; z) = (1 - z)^-a
        assertThat(Hypergeometric2F1.value(0.243, 2.426, 2.426, 0.7)).isCloseTo(Math.pow(0.3, -0.243), offset(1e-12));
        assertThat(Hypergeometric2F1.value(-0.207, 3.5, 3.5, 0.4)).isCloseTo(Math.pow(0.6, 0.207), offset(1e-12));
    }

    @Test
    void eulerTransformationGivesTheSameValue() {
        double r = 0.243, a = 0.793, b = 2.426, z = 0.6;
        for (int x : new int[] {0, 1, 5, 30}) {
            double direct = Math.pow(1 - z, r + x) * Hypergeometric2F1.value(r + x, b + x, a + b + x - 1, z);
            double transformed = Math.pow(1 - z, a - 1) * Hypergeometric2F1.value(a + b - 1 - r, a - 1, a + b + x - 1, z);
            assertThat(transformed).as("x = %d", x).isCloseTo(direct, offset(1e-10 * Math.abs(direct)));
        }
    }
}
