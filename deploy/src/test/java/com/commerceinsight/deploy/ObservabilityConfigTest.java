package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * JSON logs and exported traces in the cluster, plain text and no exporter elsewhere: the services' defaults keep both
 * off, and the cluster's ConfigMap turns them on by the environment variables that map to those very properties.
 */
class ObservabilityConfigTest {

    private static final String JSON_LOGS = "quarkus.log.console.json.enabled";
    private static final String OTEL_OFF = "quarkus.otel.sdk.disabled";

    @Test
    void everyServiceLogsPlainTextAndExportsNoTracesByDefault() {
        for (ServiceContract service : ServiceContract.ALL) {
            Properties properties = properties(service.name());
            assertThat(properties.getProperty(JSON_LOGS)).as(service.name() + " " + JSON_LOGS).isEqualTo("false");
            assertThat(properties.getProperty(OTEL_OFF)).as(service.name() + " " + OTEL_OFF).isEqualTo("true");
        }
    }

    @EachOverlay
    void theClusterLogsJsonAndExportsTracesOverOtlp(KubernetesManifests manifests) {
        JsonNode config = manifests.named("ConfigMap", "commerce-insight-config").orElseThrow().path("data");
        assertThat(config.path(JobManifestTest.environmentName(JSON_LOGS)).asText()).isEqualTo("true");
        assertThat(config.path(JobManifestTest.environmentName(OTEL_OFF)).asText()).isEqualTo("false");
        String endpoint = config.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText();
        assertThat(endpoint).matches("https?://[a-z0-9.-]+:4317");
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            JsonNode container = pod.containers().get(0);
            assertThat(container.path("envFrom").findValuesAsText("name")).as(pod.where()).contains("commerce-insight-config");
        }
    }

    private static Properties properties(String service) {
        Path file = DeployFolder.resolve(Path.of("..", service, "src", "main", "resources", "application.properties").toString());
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
