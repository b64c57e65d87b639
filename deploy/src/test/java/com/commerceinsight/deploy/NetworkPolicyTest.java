package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Deny by default, then open only: gateway to services, services to DNS, Azure SQL and Event Hubs. */
class NetworkPolicyTest {

    private final KubernetesManifests manifests = KubernetesManifests.load();

    @Test
    void aDefaultDenyPolicyCoversEveryPodBothWays() {
        assertThat(manifests.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            JsonNode spec = policy.path("spec");
            assertThat(spec.path("podSelector").isObject() && spec.path("podSelector").isEmpty()).isTrue();
            assertThat(spec.path("policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(spec.path("ingress").size()).isZero();
            assertThat(spec.path("egress").size()).isZero();
        });
    }

    @Test
    void theIngressControllerReachesEachServiceOnItsPort() {
        for (ServiceContract service : ServiceContract.ALL) {
            Map<String, String> pods = podLabels(service.name());
            assertThat(rulesFor(pods, "Ingress")).as(service.name()).anySatisfy(rule -> {
                assertThat(rule.path("from")).anySatisfy(peer -> assertThat(
                        peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                        .isEqualTo("ingress-nginx"));
                assertThat(allowsPort(rule, "TCP", service.port())).isTrue();
            });
        }
    }

    @Test
    void noIngressRuleIsOpenToEveryone() {
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                assertThat(rule.path("from").size()).as(KubernetesManifests.name(policy) + " ingress without from").isPositive();
            }
        }
    }

    @Test
    void servicesReachDnsAzureSqlAndEventHubs() {
        for (ServiceContract service : ServiceContract.ALL) {
            List<JsonNode> egress = rulesFor(podLabels(service.name()), "Egress");
            assertThat(egress).as(service.name() + " DNS").anyMatch(rule -> allowsPort(rule, "UDP", 53)
                    && rule.path("to").findValues("k8s-app").stream().anyMatch(v -> v.asText().equals("kube-dns")));
            assertThat(egress).as(service.name() + " Azure SQL").anyMatch(rule -> allowsPort(rule, "TCP", 1433));
            assertThat(egress).as(service.name() + " Event Hubs Kafka").anyMatch(rule -> allowsPort(rule, "TCP", 9093));
        }
    }

    @Test
    void egressIsOpenOnlyOnNamedPorts() {
        Predicate<JsonNode> portless = rule -> rule.path("ports").size() == 0;
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            assertThat(policy.path("spec").path("egress")).as(KubernetesManifests.name(policy)).noneMatch(portless);
        }
    }

    private Map<String, String> podLabels(String deployment) {
        return DeploymentManifestTest.labels(manifests.named("Deployment", deployment).orElseThrow()
                .path("spec").path("template").path("metadata").path("labels"));
    }

    /** The rules of the given direction in every policy whose podSelector selects pods with these labels. */
    private List<JsonNode> rulesFor(Map<String, String> pods, String direction) {
        String field = direction.equals("Ingress") ? "ingress" : "egress";
        return manifests.ofKind("NetworkPolicy").stream()
                .map(p -> p.path("spec"))
                .filter(spec -> pods.entrySet().containsAll(
                        DeploymentManifestTest.labels(spec.path("podSelector").path("matchLabels")).entrySet()))
                .filter(spec -> spec.path("podSelector").path("matchExpressions").isMissingNode())
                .flatMap(spec -> java.util.stream.StreamSupport.stream(spec.path(field).spliterator(), false))
                .toList();
    }

    private static boolean allowsPort(JsonNode rule, String protocol, int port) {
        for (JsonNode allowed : rule.path("ports")) {
            int from = allowed.path("port").asInt(-1);
            int to = allowed.path("endPort").asInt(from);
            if (allowed.path("protocol").asText("TCP").equals(protocol) && from <= port && port <= to) {
                return true;
            }
        }
        return false;
    }
}
