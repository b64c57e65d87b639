package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ingress is the gateway: exactly the four /api prefixes and the web console, each to its service's port, over TLS. */
class IngressTest {

    private final KubernetesManifests manifests = KubernetesManifests.load();

    @Test
    void routesExactlyTheFourPrefixesAndTheConsoleToTheirServices() {
        List<JsonNode> ingresses = manifests.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);

        Map<String, String> routes = new HashMap<>();
        List<String> pathTypes = new ArrayList<>();
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode service = path.path("backend").path("service");
                String previous = routes.put(path.path("path").asText(),
                        service.path("name").asText() + ":" + service.path("port").path("number").asInt());
                assertThat(previous).as("duplicate route " + path.path("path").asText()).isNull();
                pathTypes.add(path.path("pathType").asText());
            }
        }

        Map<String, String> expected = new HashMap<>();
        ServiceContract.ALL.forEach(s -> expected.put(s.pathPrefix(), s.name() + ":" + s.port()));
        expected.put("/console", "analytics-service:8081"); // the web console: static files of analytics-service
        assertThat(routes).isEqualTo(expected);
        assertThat(pathTypes).containsOnly("Prefix");
    }

    @Test
    void everyRouteLandsOnADeclaredServicePort() {
        for (JsonNode rule : manifests.ofKind("Ingress").get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                JsonNode service = manifests.named("Service", backend.path("name").asText())
                        .orElseThrow(() -> new AssertionError("no Service " + backend.path("name").asText()));
                assertThat(service.path("spec").path("ports")).extracting(p -> p.path("port").asInt())
                        .contains(backend.path("port").path("number").asInt());
            }
        }
    }

    @Test
    void everyHostIsServedOverTlsFromASecret() {
        JsonNode spec = manifests.ofKind("Ingress").get(0).path("spec");
        List<String> tlsHosts = new ArrayList<>();
        for (JsonNode tls : spec.path("tls")) {
            assertThat(tls.path("secretName").asText()).isNotBlank();
            tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
        }
        assertThat(spec.path("rules").size()).isPositive();
        for (JsonNode rule : spec.path("rules")) {
            assertThat(tlsHosts).contains(rule.path("host").asText());
        }
    }
}
