package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each Deployment is probed, bounded, locked down, scaled, protected from disruption and reachable. */
class DeploymentManifestTest {

    private final KubernetesManifests manifests = KubernetesManifests.load();

    @Test
    void oneDeploymentPerServiceListeningOnItsPort() {
        assertThat(manifests.ofKind("Deployment")).extracting(KubernetesManifests::name)
                .containsExactlyInAnyOrderElementsOf(ServiceContract.ALL.stream().map(ServiceContract::name).toList());
        for (ServiceContract service : ServiceContract.ALL) {
            assertThat(httpContainerPort(deployment(service.name()))).as(service.name()).isEqualTo(service.port());
        }
    }

    @Test
    void containersAreProbedOnTheQuarkusHealthEndpoints() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String where = KubernetesManifests.name(deployment) + "/" + container.path("name").asText();
                assertProbe(container, "livenessProbe", "/q/health/live", where);
                assertProbe(container, "readinessProbe", "/q/health/ready", where);
                assertProbe(container, "startupProbe", "/q/health/started", where);
            }
        }
    }

    @Test
    void containersRequestAtMostTheirLimits() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                JsonNode resources = container.path("resources");
                for (String resource : List.of("cpu", "memory")) {
                    String where = KubernetesManifests.name(deployment) + " " + resource;
                    String request = resources.path("requests").path(resource).asText(null);
                    String limit = resources.path("limits").path(resource).asText(null);
                    assertThat(request).as(where + " request").isNotBlank();
                    assertThat(limit).as(where + " limit").isNotBlank();
                    assertThat(Quantities.parse(request)).as(where).isLessThanOrEqualTo(Quantities.parse(limit));
                }
            }
        }
    }

    @Test
    void podsRunNonRootReadOnlyWithoutPrivilegesOrCapabilities() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = podSpec(deployment);
            String name = KubernetesManifests.name(deployment);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt(1)).as(name + " runAsUser").isPositive();
            for (JsonNode container : containers(deployment)) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                        && !security.path("allowPrivilegeEscalation").asBoolean()).as(name + " allowPrivilegeEscalation").isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).as(name).contains("ALL");
                assertThat(security.path("capabilities").path("add").size()).as(name + " added capabilities").isZero();
                assertThat(security.path("privileged").asBoolean(false)).as(name).isFalse();
                String seccomp = security.path("seccompProfile").path("type")
                        .asText(pod.path("securityContext").path("seccompProfile").path("type").asText());
                assertThat(seccomp).as(name + " seccomp").isEqualTo("RuntimeDefault");
                assertThat(tmpVolumeKind(pod, container)).as(name + " /tmp").isEqualTo("emptyDir");
            }
        }
    }

    @Test
    void podsUseTheirOwnServiceAccountWithoutAnApiToken() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = podSpec(deployment);
            String accountName = pod.path("serviceAccountName").asText();
            assertThat(accountName).isEqualTo(KubernetesManifests.name(deployment));
            JsonNode account = manifests.named("ServiceAccount", accountName).orElseThrow(
                    () -> new AssertionError("no ServiceAccount " + accountName));
            assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as(accountName).isFalse();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(accountName).isFalse();
        }
    }

    @Test
    void eachDeploymentHasAnHpaAndAPdbOverItsPods() {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = KubernetesManifests.name(deployment);
            Map<String, String> selector = labels(deployment.path("spec").path("selector").path("matchLabels"));
            assertThat(selector).as(name + " selector").isNotEmpty();
            assertThat(labels(deployment.path("spec").path("template").path("metadata").path("labels")))
                    .as(name + " pod labels").containsAllEntriesOf(selector);

            List<JsonNode> hpas = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                            && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                    .toList();
            assertThat(hpas).as(name + " HPA").hasSize(1);
            JsonNode hpa = hpas.get(0).path("spec");
            int minReplicas = hpa.path("minReplicas").asInt(1);
            assertThat(minReplicas).as(name + " minReplicas").isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("maxReplicas").asInt()).as(name + " maxReplicas").isGreaterThanOrEqualTo(minReplicas);
            assertThat(hpa.path("metrics").size()).as(name + " HPA metrics").isPositive();

            List<JsonNode> pdbs = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> labels(p.path("spec").path("selector").path("matchLabels")).equals(selector))
                    .toList();
            assertThat(pdbs).as(name + " PDB").hasSize(1);
            JsonNode minAvailable = pdbs.get(0).path("spec").path("minAvailable");
            assertThat(minAvailable.isInt()).as(name + " PDB minAvailable as a count").isTrue();
            // A drain must be able to evict one pod while the HPA holds the minimum, or node upgrades block.
            assertThat(minAvailable.asInt()).as(name + " PDB").isBetween(1, minReplicas - 1);
        }
    }

    @Test
    void eachServiceSelectsItsPodsOnTheServicePort() {
        for (ServiceContract contract : ServiceContract.ALL) {
            JsonNode service = manifests.named("Service", contract.name()).orElseThrow(
                    () -> new AssertionError("no Service " + contract.name()));
            Map<String, String> podLabels = labels(
                    deployment(contract.name()).path("spec").path("template").path("metadata").path("labels"));
            assertThat(labels(service.path("spec").path("selector"))).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(labels(service.path("spec").path("selector")));
            JsonNode port = service.path("spec").path("ports").get(0);
            assertThat(port.path("port").asInt()).as(contract.name()).isEqualTo(contract.port());
            JsonNode target = port.path("targetPort");
            int targetPort = target.isInt() ? target.asInt()
                    : containerPortNamed(containers(deployment(contract.name())).get(0), target.asText());
            assertThat(targetPort).as(contract.name() + " targetPort").isEqualTo(contract.port());
        }
    }

    @Test
    void podsAskPrometheusToScrapeTheirMetrics() {
        for (ServiceContract contract : ServiceContract.ALL) {
            JsonNode annotations = deployment(contract.name()).path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(contract.name()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).as(contract.name()).isEqualTo("/q/metrics");
            assertThat(annotations.path("prometheus.io/port").asText()).as(contract.name()).isEqualTo(String.valueOf(contract.port()));
        }
    }

    private void assertProbe(JsonNode container, String probe, String path, String where) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText()).as(where + " " + probe).isEqualTo(path);
        JsonNode port = httpGet.path("port");
        int probedPort = port.isInt() ? port.asInt() : containerPortNamed(container, port.asText());
        assertThat(probedPort).as(where + " " + probe + " port").isEqualTo(container.path("ports").get(0).path("containerPort").asInt());
    }

    private JsonNode deployment(String name) {
        return manifests.named("Deployment", name).orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    private static JsonNode containers(JsonNode deployment) {
        JsonNode containers = podSpec(deployment).path("containers");
        assertThat(containers.size()).as(KubernetesManifests.name(deployment) + " containers").isPositive();
        return containers;
    }

    private static int httpContainerPort(JsonNode deployment) {
        return containerPortNamed(containers(deployment).get(0), "http");
    }

    private static int containerPortNamed(JsonNode container, String portName) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(portName)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no port named " + portName);
    }

    private static String tmpVolumeKind(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.has("emptyDir") ? "emptyDir" : "other";
                    }
                }
            }
        }
        return "none";
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
