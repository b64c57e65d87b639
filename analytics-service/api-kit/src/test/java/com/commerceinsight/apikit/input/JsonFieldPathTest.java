package com.commerceinsight.apikit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class JsonFieldPathTest {

    enum Status { PAID, REFUNDED }

    record Line(long productId, int quantity) {
    }

    record Order(long customerId, LocalDate orderedAt, Status status, List<Line> lines) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    private JsonProcessingException failureOf(String body) {
        return catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Order.class));
    }

    @Test
    void aWrongTypeInsideAListIsNamedWithItsIndex() {
        JsonProcessingException failure = failureOf("{\"customerId\":1,\"lines\":[{\"productId\":1,\"quantity\":\"many\"}]}");
        assertThat(JsonFieldPath.of(failure)).isEqualTo("lines[0].quantity");
        assertThat(JsonFieldPath.message(failure)).contains("many");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        JsonProcessingException failure = failureOf("{\"status\":\"LOST\"}");
        assertThat(JsonFieldPath.of(failure)).isEqualTo("status");
        assertThat(JsonFieldPath.message(failure)).contains("PAID").contains("REFUNDED");
    }

    @Test
    void anArrayBodyAndBrokenJsonAreTheBody() {
        assertThat(JsonFieldPath.of(failureOf("[]"))).isEqualTo(JsonFieldPath.BODY);
        assertThat(JsonFieldPath.message(failureOf("[]"))).contains("object");
        assertThat(JsonFieldPath.of(failureOf("{\"customerId\":"))).isEqualTo(JsonFieldPath.BODY);
        assertThat(JsonFieldPath.message(failureOf("{\"customerId\":"))).startsWith("the body is not valid JSON");
    }

    @Test
    void anImpossibleDateIsNamed() {
        JsonProcessingException failure = failureOf("{\"orderedAt\":\"2024-02-30\"}");
        assertThat(JsonFieldPath.of(failure)).isEqualTo("orderedAt");
    }
}
