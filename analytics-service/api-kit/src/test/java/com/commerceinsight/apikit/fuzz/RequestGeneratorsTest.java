package com.commerceinsight.apikit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;


class RequestGeneratorsTest {

    enum Algorithm { RANDOM_FOREST, BOOSTED_TREES }

    record JobRequest(LocalDateTime cutoff, Integer horizonDays, List<Algorithm> algorithms, Boolean activate) {
    }

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/jobs":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/JobRequest"}}}}},
                           "get":{"parameters":[{"name":"page","in":"query","schema":{"type":"integer","format":"int32","minimum":0}}]}},
              "/api/jobs/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","format":"int64"}}]}}},
             "components":{"schemas":{"JobRequest":{"type":"object","properties":{
               "cutoff":{"type":"string","format":"date-time"},"horizonDays":{"type":"integer","format":"int32","maximum":3650},
               "algorithms":{"type":"array","items":{"$ref":"#/components/schemas/Algorithm"}},"activate":{"type":"boolean"}}},
               "Algorithm":{"type":"string","enum":["RANDOM_FOREST","BOOSTED_TREES"]}}}}
            """;

    /** As Quarkus configures Jackson: unknown properties are ignored, scalars coerced. */
    private final ObjectMapper binding = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<ApiOperation> operations = OpenApiDocument.parse(DOCUMENT).operations();

    private ApiOperation operation(String key) {
        return operations.stream().filter(op -> op.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<FuzzRequest> sample(Gen<FuzzRequest> generator, int count) {
        Random random = new Random(7);
        return IntStream.range(0, count).mapToObj(i -> generator.next(random)).toList();
    }

    private boolean binds(String body) {
        try {
            binding.readValue(body, JobRequest.class);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDocumentsOperationsAreReadWithReferencesResolved() {
        assertThat(operations).extracting(ApiOperation::key)
                .containsExactlyInAnyOrder("POST /api/jobs", "GET /api/jobs", "GET /api/jobs/{id}");
        assertThat(operation("POST /api/jobs").bodySchema().at("/properties/algorithms/items/enum/0").asText()).isEqualTo("RANDOM_FOREST");
    }

    @Test
    void validationOnlyRequestsNeverBind() {
        List<FuzzRequest> requests = sample(RequestGenerators.rejectedByValidation(operation("POST /api/jobs")), 1_000);
        assertThat(requests).allSatisfy(request -> assertThat(binds(request.body())).as(request.body()).isFalse());
    }

    @Test
    void anyRequestsMixBodiesThatBindWithOnesThatDoNot() {
        List<FuzzRequest> requests = sample(RequestGenerators.any(operation("POST /api/jobs")), 1_000);
        long binding = requests.stream().filter(r -> r.body() != null && binds(r.body())).count();
        assertThat(binding).isBetween(100L, 900L);
        assertThat(requests).anyMatch(r -> r.body() == null);
        assertThat(requests).anyMatch(r -> r.body() != null && r.body().contains("unexpectedField"));
    }

    @Test
    void pathParametersAreEncodedAndSometimesNotNumbers() {
        List<FuzzRequest> requests = sample(RequestGenerators.any(operation("GET /api/jobs/{id}")), 500);
        assertThat(requests).allSatisfy(r -> assertThat(r.path()).startsWith("/api/jobs/").doesNotContain("{id}").doesNotContain(" "));
        assertThat(requests).anyMatch(r -> r.path().matches("/api/jobs/\\d+"));
        assertThat(requests).anyMatch(r -> !r.path().matches("/api/jobs/-?\\d+"));
    }

    @Test
    void theSameSeedDrawsTheSameRequests() {
        Gen<FuzzRequest> generator = RequestGenerators.any(operation("POST /api/jobs"));
        assertThat(sample(generator, 50)).extracting(FuzzRequest::describe)
                .containsExactlyElementsOf(sample(generator, 50).stream().map(FuzzRequest::describe).toList());
    }

    @Test
    void parametersStayShortEnoughForARequestLine() {
        assertThat(sample(RequestGenerators.any(operation("GET /api/jobs/{id}")), 500))
                .allSatisfy(r -> assertThat(r.path().length()).isLessThan(1_000));
    }

    @Test
    void anOperationWithoutABodyCannotBeFuzzedOnValidationOnly() {
        assertThatThrownBy(() -> RequestGenerators.rejectedByValidation(operation("GET /api/jobs")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
