package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each Deployment is probed, bounded, locked down, scaled, protected from disruption, reachable and stops gracefully. */
class DeploymentManifestTest {

    @EachOverlay
    void oneDeploymentPerServiceListeningOnItsPort(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("Deployment")).extracting(KubernetesManifests::name)
                .containsExactlyInAnyOrderElementsOf(ServiceContract.ALL.stream().map(ServiceContract::name).toList());
        for (ServiceContract service : ServiceContract.ALL) {
            assertThat(containerPortNamed(containers(deployment(manifests, service.name())).get(0), "http"))
                    .as(service.name()).isEqualTo(service.port());
        }
    }

    @EachOverlay
    void containersAreProbedOnTheQuarkusHealthEndpoints(KubernetesManifests manifests) {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String where = KubernetesManifests.name(deployment) + "/" + container.path("name").asText();
                assertProbe(container, "livenessProbe", "/q/health/live", where);
                assertProbe(container, "readinessProbe", "/q/health/ready", where);
                assertProbe(container, "startupProbe", "/q/health/started", where);
            }
        }
    }

    @EachOverlay
    void everyContainerRequestsAtMostItsLimits(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode container : pod.containers()) {
                JsonNode resources = container.path("resources");
                for (String resource : List.of("cpu", "memory")) {
                    String where = pod.where() + " " + resource;
                    String request = resources.path("requests").path(resource).asText(null);
                    String limit = resources.path("limits").path(resource).asText(null);
                    assertThat(request).as(where + " request").isNotBlank();
                    assertThat(limit).as(where + " limit").isNotBlank();
                    assertThat(Quantities.parse(request)).as(where).isLessThanOrEqualTo(Quantities.parse(limit));
                }
            }
        }
    }

    @EachOverlay
    void everyPodRunsAsUid10001ReadOnlyWithoutPrivilegesOrCapabilities(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            JsonNode podSecurity = pod.spec().path("securityContext");
            String name = pod.where();
            assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(podSecurity.path("runAsUser").asInt()).as(name + " runAsUser").isEqualTo(10001);
            for (JsonNode container : pod.containers()) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                        && !security.path("allowPrivilegeEscalation").asBoolean()).as(name + " allowPrivilegeEscalation").isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).as(name).contains("ALL");
                assertThat(security.path("capabilities").path("add").size()).as(name + " added capabilities").isZero();
                assertThat(security.path("privileged").asBoolean(false)).as(name).isFalse();
                String seccomp = security.path("seccompProfile").path("type")
                        .asText(podSecurity.path("seccompProfile").path("type").asText());
                assertThat(seccomp).as(name + " seccomp").isEqualTo("RuntimeDefault");
                assertThat(volumeKindAt(pod.spec(), container, "/tmp")).as(name + " /tmp").isEqualTo("emptyDir");
            }
        }
    }

    @EachOverlay
    void podsUseAServiceAccountOfTheirOwnWithoutAnApiToken(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            String accountName = pod.spec().path("serviceAccountName").asText();
            assertThat(accountName).as(pod.where()).isEqualTo(KubernetesManifests.name(pod.owner()));
            JsonNode account = manifests.named("ServiceAccount", accountName).orElseThrow(
                    () -> new AssertionError("no ServiceAccount " + accountName));
            assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as(accountName).isFalse();
            assertThat(pod.spec().path("automountServiceAccountToken").asBoolean(true)).as(pod.where()).isFalse();
        }
    }

    @EachOverlay
    void eachDeploymentHasAnHpaAndAPdbOverItsPods(KubernetesManifests manifests) {
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
            assertThat(deployment.path("spec").path("replicas").asInt()).as(name + " replicas within the HPA's bounds")
                    .isBetween(minReplicas, hpa.path("maxReplicas").asInt());
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

    @EachOverlay
    void eachServiceSelectsItsPodsOnTheServicePort(KubernetesManifests manifests) {
        for (ServiceContract contract : ServiceContract.ALL) {
            JsonNode service = manifests.named("Service", contract.name()).orElseThrow(
                    () -> new AssertionError("no Service " + contract.name()));
            JsonNode deployment = deployment(manifests, contract.name());
            Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            assertThat(labels(service.path("spec").path("selector"))).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(labels(service.path("spec").path("selector")));
            JsonNode port = service.path("spec").path("ports").get(0);
            assertThat(port.path("port").asInt()).as(contract.name()).isEqualTo(contract.port());
            JsonNode target = port.path("targetPort");
            int targetPort = target.isInt() ? target.asInt() : containerPortNamed(containers(deployment).get(0), target.asText());
            assertThat(targetPort).as(contract.name() + " targetPort").isEqualTo(contract.port());
        }
    }

    @EachOverlay
    void podsAskPrometheusToScrapeTheirMetrics(KubernetesManifests manifests) {
        for (ServiceContract contract : ServiceContract.ALL) {
            JsonNode annotations = deployment(manifests, contract.name()).path("spec").path("template").path("metadata")
                    .path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(contract.name()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).as(contract.name()).isEqualTo("/q/metrics");
            assertThat(annotations.path("prometheus.io/port").asText()).as(contract.name())
                    .isEqualTo(String.valueOf(ServiceContract.MANAGEMENT_PORT));
        }
    }

    @EachOverlay
    void theManagementPortIsDeclaredButNoServiceExposesIt(KubernetesManifests manifests) {
        for (ServiceContract contract : ServiceContract.ALL) {
            JsonNode container = containers(deployment(manifests, contract.name())).get(0);
            assertThat(containerPortNamed(container, "management")).as(contract.name()).isEqualTo(ServiceContract.MANAGEMENT_PORT);
        }
        for (JsonNode service : manifests.ofKind("Service")) {
            for (JsonNode port : service.path("spec").path("ports")) {
                assertThat(port.path("port").asInt()).as(KubernetesManifests.name(service)).isNotEqualTo(ServiceContract.MANAGEMENT_PORT);
                assertThat(port.path("targetPort").asText()).as(KubernetesManifests.name(service))
                        .isNotIn("management", String.valueOf(ServiceContract.MANAGEMENT_PORT));
            }
        }
    }

    @EachOverlay
    void servicesTrustTheConfiguredIssuerForTheApiAudience(KubernetesManifests manifests) {
        JsonNode config = manifests.named("ConfigMap", "commerce-insight-config").orElseThrow().path("data");
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).startsWith("https://login.microsoftonline.com/")
                .endsWith("/v2.0");
        assertThat(config.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText()).isNotBlank();
        assertThat(config.path("QUARKUS_MANAGEMENT_PORT").asText()).isEqualTo(String.valueOf(ServiceContract.MANAGEMENT_PORT));
    }

    /** The gateway keeps routing to a terminating pod until it sees the endpoint go; the pod serves on meanwhile. */
    @EachOverlay
    void podsServeOnUntilTheGatewayStopsRoutingThenDrainWithinTheGracePeriod(KubernetesManifests manifests) {
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = KubernetesManifests.name(deployment);
            JsonNode container = containers(deployment).get(0);
            int preStopSeconds = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            assertThat(preStopSeconds).as(name + " preStop sleep").isBetween(5, 30);
            Duration shutdown = Duration.parse("PT" + env(container, "QUARKUS_SHUTDOWN_TIMEOUT").toUpperCase());
            assertThat(shutdown).as(name + " shutdown timeout").isPositive();
            int grace = deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt();
            assertThat(grace).as(name + " terminationGracePeriodSeconds")
                    .isGreaterThan(preStopSeconds + (int) shutdown.toSeconds());
        }
    }

    private static void assertProbe(JsonNode container, String probe, String path, String where) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText()).as(where + " " + probe).isEqualTo(path);
        JsonNode port = httpGet.path("port");
        int probedPort = port.isInt() ? port.asInt() : containerPortNamed(container, port.asText());
        assertThat(probedPort).as(where + " " + probe + " port (management)").isEqualTo(ServiceContract.MANAGEMENT_PORT);
    }

    private static JsonNode deployment(KubernetesManifests manifests, String name) {
        return manifests.named("Deployment", name).orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static JsonNode containers(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as(KubernetesManifests.name(deployment) + " containers").isPositive();
        return containers;
    }

    private static int containerPortNamed(JsonNode container, String portName) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(portName)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no port named " + portName);
    }

    /** The kind of volume ("emptyDir", "persistentVolumeClaim"...) mounted at a path, or "none". */
    static String volumeKindAt(JsonNode podSpec, JsonNode container, String mountPath) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                for (JsonNode volume : podSpec.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        List<String> kinds = new ArrayList<>();
                        volume.fieldNames().forEachRemaining(kinds::add);
                        kinds.remove("name");
                        return kinds.isEmpty() ? "none" : kinds.get(0);
                    }
                }
            }
        }
        return "none";
    }

    /** The value of a container's environment variable set inline, or null. */
    static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText(null);
            }
        }
        return null;
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
