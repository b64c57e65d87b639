package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The network and the identities around it: address plan, private endpoints, the gateway, who may do what. */
class AzureNetworkTest {

    private static final AzureEstate PROD = AzureEstate.load("azure/parameters/prod.json");
    private static final AzureEstate DEV = AzureEstate.load("azure/parameters/dev.json");
    private static final Set<String> PRIVATE_ONLY = Set.of("Microsoft.Sql/servers", "Microsoft.EventHub/namespaces",
            "Microsoft.KeyVault/vaults", "Microsoft.ContainerRegistry/registries");
    private static final Set<String> LOGGED = Set.of("Microsoft.Network/virtualNetworks", "Microsoft.Network/networkSecurityGroups",
            "Microsoft.ContainerService/managedClusters", "Microsoft.ContainerRegistry/registries", "Microsoft.KeyVault/vaults",
            "Microsoft.Sql/servers/databases", "Microsoft.EventHub/namespaces", "Microsoft.ServiceNetworking/trafficControllers");
    private static final Set<String> BROAD_ROLES = Set.of("8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9");

    @Test
    void subnetsLieInsideTheVnetWithoutOverlapAndClusterRangesOutsideIt() {
        for (AzureEstate estate : List.of(PROD, DEV)) {
            JsonNode vnet = single(estate, "Microsoft.Network/virtualNetworks").path("properties");
            long[] space = Cidr.range(vnet.path("addressSpace").path("addressPrefixes").get(0).asText());
            List<long[]> taken = new ArrayList<>();
            for (JsonNode subnet : vnet.path("subnets")) {
                long[] range = Cidr.range(subnet.path("properties").path("addressPrefix").asText());
                assertThat(Cidr.contains(space, range)).as(subnet.path("name").asText()).isTrue();
                assertThat(taken).noneMatch(other -> Cidr.overlap(other, range));
                taken.add(range);
            }
            JsonNode network = single(estate, "Microsoft.ContainerService/managedClusters").path("properties").path("networkProfile");
            for (String clusterRange : List.of(network.path("podCidr").asText(), network.path("serviceCidr").asText())) {
                assertThat(Cidr.overlap(space, Cidr.range(clusterRange))).as(clusterRange).isFalse();
            }
        }
    }

    @Test
    void theGatewayIsApplicationGatewayForContainersOnItsOwnDelegatedSubnet() {
        JsonNode subnet = subnet("snet-gateway");
        assertThat(subnet.path("properties").path("delegations")).extracting(d -> d.path("properties").path("serviceName").asText())
                .containsExactly("Microsoft.ServiceNetworking/trafficControllers");
        assertThat(Cidr.prefixLength(subnet.path("properties").path("addressPrefix").asText())).isLessThanOrEqualTo(24);
        JsonNode association = single(PROD, "Microsoft.ServiceNetworking/trafficControllers/associations");
        assertThat(association.path("properties").path("associationType").asText()).isEqualTo("subnets");
        assertThat(association.path("properties").path("subnet").path("id").asText())
                .endsWith("/virtualNetworks/" + single(PROD, "Microsoft.Network/virtualNetworks").path("name").asText() + "/subnets/snet-gateway");
        assertThat(PROD.resources("Microsoft.ServiceNetworking/trafficControllers/frontends")).hasSize(1);
    }

    @Test
    void theAlbControllerMayConfigureItsGatewayAndJoinItsSubnetAndNothingElse() {
        Map<String, String> grants = PROD.resources("Microsoft.Authorization/roleAssignments").stream()
                .filter(a -> a.path("properties").path("description").asText().startsWith("alb controller"))
                .collect(Collectors.toMap(a -> a.path("scope").asText(), a -> roleOf(a)));
        String gateway = single(PROD, "Microsoft.ServiceNetworking/trafficControllers").path("id").asText();
        String vnet = single(PROD, "Microsoft.Network/virtualNetworks").path("id").asText();
        assertThat(grants).containsEntry(gateway, "fbc52c3f-28ad-4303-a892-8a056630b8f1")
                .containsEntry(vnet + "/subnets/snet-gateway", "4d97b98b-1d4f-4787-a291-c67834d212e7")
                .containsEntry("", "acdd72a7-3385-48ef-bd42-f606fba81ae7")
                .hasSize(3);
    }

    @Test
    void eachWorkloadIdentityTrustsExactlyItsServiceAccount() {
        Set<String> serviceAccounts = KubernetesManifests.load().ofKind("Deployment").stream()
                .map(d -> "system:serviceaccount:commerce-insight:" + d.path("spec").path("template").path("spec")
                        .path("serviceAccountName").asText())
                .collect(Collectors.toSet());
        assertThat(serviceAccounts).hasSize(4);
        List<JsonNode> credentials = PROD.resources("Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials");
        assertThat(credentials).extracting(c -> c.path("properties").path("subject").asText())
                .containsAll(serviceAccounts)
                .contains("system:serviceaccount:commerce-insight:commerce-migrations",
                        "system:serviceaccount:azure-alb-system:alb-controller-sa")
                .doesNotHaveDuplicates();
        assertThat(credentials).extracting(c -> c.path("name").asText().split("/")[0]).doesNotHaveDuplicates();
        Set<String> identities = PROD.resources("Microsoft.ManagedIdentity/userAssignedIdentities").stream()
                .map(i -> i.path("name").asText()).collect(Collectors.toSet());
        assertThat(credentials).allSatisfy(c -> assertThat(identities).contains(c.path("name").asText().split("/")[0]));
    }

    @Test
    void everyDataServiceIsReachedThroughAPrivateEndpointResolvedByItsPrivateZone() {
        Set<String> zones = PROD.resources("Microsoft.Network/privateDnsZones").stream()
                .map(z -> z.path("id").asText()).collect(Collectors.toSet());
        assertThat(PROD.resources("Microsoft.Network/privateDnsZones/virtualNetworkLinks")).hasSameSizeAs(zones);
        for (JsonNode target : PROD.all()) {
            if (!PRIVATE_ONLY.contains(target.path("type").asText())) {
                continue;
            }
            JsonNode endpoint = PROD.resources("Microsoft.Network/privateEndpoints").stream()
                    .filter(e -> e.path("properties").path("privateLinkServiceConnections").get(0).path("properties")
                            .path("privateLinkServiceId").asText().equals(target.path("id").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no private endpoint for " + target.path("id")));
            assertThat(PROD.childrenOf(endpoint, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"))
                    .flatExtracting(g -> List.of(g.path("properties").path("privateDnsZoneConfigs").get(0)))
                    .extracting(c -> c.path("properties").path("privateDnsZoneId").asText())
                    .singleElement().isIn(zones);
        }
    }

    @Test
    void everyResourceThatLogsSendsItToTheOneWorkspace() {
        String workspace = single(PROD, "Microsoft.OperationalInsights/workspaces").path("id").asText();
        int logged = 0;
        for (JsonNode resource : PROD.all()) {
            if (LOGGED.contains(resource.path("type").asText())) {
                logged++;
                assertThat(PROD.childrenOf(resource, "Microsoft.Insights/diagnosticSettings")).as(resource.path("id").asText())
                        .isNotEmpty()
                        .allSatisfy(s -> assertThat(s.path("properties").path("workspaceId").asText()).isEqualTo(workspace));
            }
        }
        assertThat(logged).isGreaterThanOrEqualTo(LOGGED.size());
    }

    @Test
    void noRoleAssignmentGrantsOwnerContributorOrAccessAdministration() {
        List<JsonNode> assignments = PROD.resources("Microsoft.Authorization/roleAssignments");
        assertThat(assignments).extracting(AzureNetworkTest::roleOf).doesNotContainAnyElementsOf(BROAD_ROLES);
        assertThat(assignments).extracting(a -> a.path("scope").asText() + " " + a.path("name").asText()).doesNotHaveDuplicates();
        assertThat(assignments).filteredOn(a -> roleOf(a).equals("7f951dda-4ed3-4680-a7ca-43fe172d538d"))
                .singleElement()
                .satisfies(a -> assertThat(a.path("scope").asText())
                        .isEqualTo(single(PROD, "Microsoft.ContainerRegistry/registries").path("id").asText()));
    }

    @Test
    void productionHasDdosProtectionAndDevDoesWithoutThePlan() {
        assertThat(PROD.resources("Microsoft.Network/ddosProtectionPlans")).hasSize(1);
        assertThat(single(PROD, "Microsoft.Network/virtualNetworks").path("properties").path("ddosProtectionPlan").path("id").asText())
                .isEqualTo(single(PROD, "Microsoft.Network/ddosProtectionPlans").path("id").asText());
        assertThat(DEV.resources("Microsoft.Network/ddosProtectionPlans")).isEmpty();
        assertThat(single(DEV, "Microsoft.Network/virtualNetworks").path("properties").path("ddosProtectionPlan").isNull()).isTrue();
    }

    private static JsonNode subnet(String name) {
        for (JsonNode subnet : single(PROD, "Microsoft.Network/virtualNetworks").path("properties").path("subnets")) {
            if (subnet.path("name").asText().equals(name)) {
                return subnet;
            }
        }
        throw new AssertionError("no subnet " + name);
    }

    private static String roleOf(JsonNode assignment) {
        String id = assignment.path("properties").path("roleDefinitionId").asText();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static JsonNode single(AzureEstate estate, String type) {
        List<JsonNode> resources = estate.resources(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.get(0);
    }
}
