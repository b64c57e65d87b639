package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Deny by default, then open only: the gateway's subnet and Prometheus to the serving pods, every pod to DNS, Azure SQL,
 * Event Hubs and Entra ID; never the instance metadata service.
 */
class NetworkPolicyTest {

    private static final String IMDS = "169.254.169.254";
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    @EachOverlay
    void aDefaultDenyPolicyCoversEveryPodBothWays(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            JsonNode spec = policy.path("spec");
            assertThat(spec.path("podSelector").isObject() && spec.path("podSelector").isEmpty()).isTrue();
            assertThat(spec.path("policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(spec.path("ingress").size()).isZero();
            assertThat(spec.path("egress").size()).isZero();
        });
    }

    @EachOverlay
    void theGatewaySubnetReachesEachServiceOnItsPort(KubernetesManifests manifests) {
        for (ServiceContract service : ServiceContract.ALL) {
            JsonNode pods = manifests.named("Deployment", service.name()).orElseThrow()
                    .path("spec").path("template").path("metadata").path("labels");
            assertThat(rulesFor(manifests, pods, "ingress")).as(service.name()).anySatisfy(rule -> {
                assertThat(rule.path("from")).allSatisfy(peer -> {
                    assertThat(peer.path("ipBlock").path("cidr").isTextual()).as("an ipBlock").isTrue();
                    Ipv4Block subnet = Ipv4Block.parse(peer.path("ipBlock").path("cidr").asText());
                    assertThat(subnet.isPrivate()).as("the AGC subnet " + subnet + " is in the virtual network").isTrue();
                });
                assertThat(allowsPort(rule, "TCP", service.port())).isTrue();
            });
        }
    }

    @EachOverlay
    void prometheusReachesEachServiceOnTheManagementPort(KubernetesManifests manifests) {
        for (ServiceContract service : ServiceContract.ALL) {
            JsonNode pods = manifests.named("Deployment", service.name()).orElseThrow()
                    .path("spec").path("template").path("metadata").path("labels");
            assertThat(rulesFor(manifests, pods, "ingress")).as(service.name()).anySatisfy(rule -> {
                assertThat(rule.path("from")).allSatisfy(peer -> assertThat(namespacesNamedBy(peer)).contains("monitoring"));
                assertThat(allowsPort(rule, "TCP", ServiceContract.MANAGEMENT_PORT)).isTrue();
            });
        }
    }

    @EachOverlay
    void onlyTheGatewaySubnetAndPrometheusReachAnyPod(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode rule : rulesFor(manifests, pod.labels(), "ingress")) {
                assertThat(rule.path("from").size()).as(pod.where() + " ingress without from").isPositive();
                for (JsonNode peer : rule.path("from")) {
                    boolean gatewaySubnet = peer.has("ipBlock")
                            && Ipv4Block.parse(peer.path("ipBlock").path("cidr").asText()).isPrivate();
                    List<String> namespaces = namespacesNamedBy(peer);
                    boolean prometheus = !namespaces.isEmpty() && List.of("kube-system", "monitoring").containsAll(namespaces)
                            && peer.path("podSelector").isMissingNode();
                    assertThat(gatewaySubnet || prometheus).as(pod.where() + " admits " + peer).isTrue();
                }
            }
            if (!pod.serving()) {
                assertThat(rulesFor(manifests, pod.labels(), "ingress")).as(pod.where() + " takes no traffic").isEmpty();
            }
        }
    }

    @EachOverlay
    void everyPodReachesDnsAzureSqlEventHubsAndEntraId(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            List<JsonNode> egress = rulesFor(manifests, pod.labels(), "egress");
            assertThat(egress).as(pod.where() + " DNS").anyMatch(rule -> allowsPort(rule, "UDP", 53)
                    && rule.path("to").findValues("k8s-app").stream().anyMatch(v -> v.asText().equals("kube-dns")));
            assertThat(egress).as(pod.where() + " Azure SQL").anyMatch(rule -> allowsPort(rule, "TCP", 1433));
            assertThat(egress).as(pod.where() + " Event Hubs Kafka").anyMatch(rule -> allowsPort(rule, "TCP", 9093));
            assertThat(egress).as(pod.where() + " Entra ID").anyMatch(rule -> allowsPort(rule, "TCP", 443));
        }
    }

    /** Workload identity does not use IMDS; from a pod it would hand out the node's identity. */
    @EachOverlay
    void noPodReachesTheInstanceMetadataService(KubernetesManifests manifests) {
        for (KubernetesManifests.PodTemplate pod : manifests.podTemplates()) {
            for (JsonNode rule : rulesFor(manifests, pod.labels(), "egress")) {
                boolean reachesImds = StreamSupport.stream(rule.path("to").spliterator(), false).anyMatch(peer -> {
                    JsonNode block = peer.path("ipBlock");
                    return block.has("cidr") && Ipv4Block.parse(block.path("cidr").asText()).contains(IMDS)
                            && StreamSupport.stream(block.path("except").spliterator(), false)
                                    .noneMatch(except -> Ipv4Block.parse(except.asText()).contains(IMDS));
                });
                assertThat(reachesImds && (allowsPort(rule, "TCP", 80) || allowsPort(rule, "TCP", 443)))
                        .as(pod.where() + " reaches IMDS through " + rule).isFalse();
            }
        }
    }

    @EachOverlay
    void egressIsOpenOnlyOnNamedPorts(KubernetesManifests manifests) {
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            assertThat(policy.path("spec").path("egress")).as(KubernetesManifests.name(policy))
                    .noneMatch(rule -> rule.path("ports").size() == 0);
        }
    }

    /** The rules of one direction ("ingress", "egress") of every policy whose podSelector selects pods with these labels. */
    private static List<JsonNode> rulesFor(KubernetesManifests manifests, JsonNode podLabels, String direction) {
        return manifests.ofKind("NetworkPolicy").stream()
                .map(p -> p.path("spec"))
                .filter(spec -> LabelSelectors.selects(spec.path("podSelector"), podLabels))
                .flatMap(spec -> StreamSupport.stream(spec.path(direction).spliterator(), false))
                .toList();
    }

    /** The namespaces a peer's namespaceSelector names (by kubernetes.io/metadata.name), empty if it names none. */
    private static List<String> namespacesNamedBy(JsonNode peer) {
        JsonNode selector = peer.path("namespaceSelector");
        List<String> names = new ArrayList<>();
        if (selector.path("matchLabels").has(NAMESPACE_NAME)) {
            names.add(selector.path("matchLabels").path(NAMESPACE_NAME).asText());
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!expression.path("key").asText().equals(NAMESPACE_NAME) || !expression.path("operator").asText().equals("In")) {
                return List.of();
            }
            expression.path("values").forEach(v -> names.add(v.asText()));
        }
        return names;
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
