package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway is a Gateway API Gateway on Application Gateway for Containers: HTTPS with a certificate synced from
 * Key Vault, plain HTTP only redirected, exactly the four /api prefixes and the web console routed, each to its Service.
 */
class GatewayTest {

    private static final String ALB_ID = "alb.networking.azure.io/alb-id";
    private static final String ALB_FRONTEND = "alb.networking.azure.io/alb-frontend";

    @EachOverlay
    void noIngressOnlyOneGatewayOfApplicationGatewayForContainers(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("Ingress")).isEmpty();
        assertThat(manifests.ofKind("Gateway")).hasSize(1);
        JsonNode gateway = gateway(manifests);
        assertThat(gateway.path("spec").path("gatewayClassName").asText()).isEqualTo("azure-alb-external");
        // Bring-your-own deployment: the AGC resource and its frontend come from deploy/azure, named here.
        assertThat(gateway.path("metadata").path("annotations").path(ALB_ID).asText())
                .matches("/subscriptions/[0-9a-f-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.ServiceNetworking/trafficControllers/[^/]+");
        assertThat(gateway.path("spec").path("addresses")).singleElement().satisfies(address -> {
            assertThat(address.path("type").asText()).isEqualTo(ALB_FRONTEND);
            assertThat(address.path("value").asText()).isNotBlank();
        });
    }

    @EachOverlay
    void httpsTerminatesWithTheCertificateKeyVaultSyncs(KubernetesManifests manifests) {
        JsonNode https = listener(manifests, "HTTPS");
        assertThat(https.path("port").asInt()).isEqualTo(443);
        assertThat(https.path("hostname").asText()).isNotBlank().doesNotContain("*");
        assertThat(https.path("tls").path("mode").asText()).isEqualTo("Terminate");
        JsonNode certificate = https.path("tls").path("certificateRefs").get(0);
        assertThat(certificate.path("kind").asText("Secret")).isEqualTo("Secret");
        String secretName = certificate.path("name").asText();

        assertThat(manifests.ofKind("SecretProviderClass")).as("a class that syncs " + secretName).anySatisfy(spc ->
                assertThat(spc.path("spec").path("secretObjects")).anySatisfy(synced -> {
                    assertThat(synced.path("secretName").asText()).isEqualTo(secretName);
                    assertThat(synced.path("type").asText()).isEqualTo("kubernetes.io/tls");
                    assertThat(synced.path("data")).extracting(d -> d.path("key").asText())
                            .containsExactlyInAnyOrder("tls.crt", "tls.key");
                }));
        // The driver only syncs while a pod mounts the class.
        List<String> mounted = new ArrayList<>();
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            pod.spec().path("volumes").forEach(v -> mounted.add(v.path("csi").path("volumeAttributes").path("secretProviderClass").asText()));
        }
        assertThat(manifests.ofKind("SecretProviderClass")).extracting(KubernetesManifests::name).allMatch(mounted::contains);
    }

    @EachOverlay
    void plainHttpOnlyRedirectsToHttps(KubernetesManifests manifests) {
        JsonNode http = listener(manifests, "HTTP");
        assertThat(http.path("port").asInt()).isEqualTo(80);
        assertThat(http.path("hostname").asText()).isEqualTo(listener(manifests, "HTTPS").path("hostname").asText());
        List<JsonNode> onHttp = routesOn(manifests, http.path("name").asText());
        assertThat(onHttp).isNotEmpty();
        for (JsonNode route : onHttp) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                assertThat(rule.path("backendRefs").size()).as(KubernetesManifests.name(route) + " forwards plain HTTP").isZero();
                assertThat(rule.path("filters")).singleElement().satisfies(filter -> {
                    assertThat(filter.path("type").asText()).isEqualTo("RequestRedirect");
                    assertThat(filter.path("requestRedirect").path("scheme").asText()).isEqualTo("https");
                    assertThat(filter.path("requestRedirect").path("statusCode").asInt()).isEqualTo(301);
                });
            }
        }
    }

    @EachOverlay
    void routesExactlyTheFourPrefixesAndTheConsoleToTheirServices(KubernetesManifests manifests) {
        Map<String, String> routes = new HashMap<>();
        for (JsonNode route : routesOn(manifests, listener(manifests, "HTTPS").path("name").asText())) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                assertThat(rule.path("backendRefs")).as(KubernetesManifests.name(route)).hasSize(1);
                JsonNode backend = rule.path("backendRefs").get(0);
                for (JsonNode match : rule.path("matches")) {
                    assertThat(match.path("path").path("type").asText()).isEqualTo("PathPrefix");
                    String previous = routes.put(match.path("path").path("value").asText(),
                            backend.path("name").asText() + ":" + backend.path("port").asInt());
                    assertThat(previous).as("duplicate route " + match.path("path").path("value").asText()).isNull();
                }
            }
        }
        Map<String, String> expected = new HashMap<>();
        ServiceContract.ALL.forEach(s -> expected.put(s.pathPrefix(), s.name() + ":" + s.port()));
        expected.put("/console", "analytics-service:8081"); // the web console: static files of analytics-service
        assertThat(routes).isEqualTo(expected);
        assertThat(routes.keySet()).noneMatch(path -> path.startsWith("/q"));
    }

    @EachOverlay
    void everyRouteAttachesToTheGatewayAndLandsOnADeclaredServicePort(KubernetesManifests manifests) {
        String gateway = KubernetesManifests.name(gateway(manifests));
        List<String> listeners = new ArrayList<>();
        gateway(manifests).path("spec").path("listeners").forEach(l -> listeners.add(l.path("name").asText()));
        for (JsonNode route : manifests.ofKind("HTTPRoute")) {
            String name = KubernetesManifests.name(route);
            assertThat(route.path("spec").path("parentRefs")).as(name).allSatisfy(parent -> {
                assertThat(parent.path("name").asText()).isEqualTo(gateway);
                assertThat(listeners).contains(parent.path("sectionName").asText());
            });
            for (JsonNode rule : route.path("spec").path("rules")) {
                for (JsonNode backend : rule.path("backendRefs")) {
                    assertThat(backend.path("kind").asText("Service")).isEqualTo("Service");
                    JsonNode service = manifests.named("Service", backend.path("name").asText())
                            .orElseThrow(() -> new AssertionError(name + ": no Service " + backend.path("name").asText()));
                    assertThat(service.path("spec").path("ports")).extracting(p -> p.path("port").asInt())
                            .as(name).contains(backend.path("port").asInt());
                }
            }
        }
    }

    private static JsonNode gateway(KubernetesManifests manifests) {
        return manifests.ofKind("Gateway").get(0);
    }

    private static JsonNode listener(KubernetesManifests manifests, String protocol) {
        List<JsonNode> found = new ArrayList<>();
        gateway(manifests).path("spec").path("listeners").forEach(l -> {
            if (l.path("protocol").asText().equals(protocol)) {
                found.add(l);
            }
        });
        assertThat(found).as(protocol + " listeners").hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> routesOn(KubernetesManifests manifests, String listener) {
        return manifests.ofKind("HTTPRoute").stream()
                .filter(r -> r.path("spec").path("parentRefs").findValuesAsText("sectionName").contains(listener))
                .toList();
    }
}
