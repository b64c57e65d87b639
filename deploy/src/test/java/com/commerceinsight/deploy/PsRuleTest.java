package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The production estate passes every PSRule for Azure rule in the table, and each rule catches its setting broken. */
class PsRuleTest {

    private static final String PROD = "azure/parameters/prod.json";
    private static final AzureEstate PROD_ESTATE = AzureEstate.load(PROD);

    static Stream<PsRule> rules() {
        return PsRuleTable.RULES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionPasses(PsRule rule) {
        assertThat(rule.violations(PROD_ESTATE)).as(rule.id()).isEmpty();
    }

    @ParameterizedTest(name = "{0} fails when its setting is broken")
    @MethodSource("rules")
    void breakingTheSettingInACopyFailsTheRule(PsRule rule) {
        AzureEstate broken = PROD_ESTATE;
        List<JsonNode> targets = rule.targets(PROD_ESTATE);
        assertThat(targets).as("resources " + rule.id() + " reads").isNotEmpty();
        for (JsonNode target : targets) {
            JsonNode copy = target.deepCopy();
            JsonPath.replace(copy, rule.path(), rule.expected().counterexample());
            broken = broken.replacing(target, copy);
        }
        assertThat(rule.violations(broken)).as(rule.id()).isNotEmpty();
    }

    @Test
    void devBreaksOnlyTheRulesAboutNodeCounts() {
        // One node per pool keeps dev cheap; every security and logging rule holds there as in production.
        AzureEstate dev = AzureEstate.load("azure/parameters/dev.json");
        assertThat(PsRuleTable.RULES.stream().filter(r -> !r.violations(dev).isEmpty()).map(PsRule::id))
                .containsExactlyInAnyOrder("Azure.AKS.MinNodeCount", "Azure.AKS.MinUserPoolNodes");
    }

    @Test
    void theTableNamesAtLeastThirtyDistinctRules() {
        List<String> ids = PsRuleTable.RULES.stream().map(PsRule::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("Azure\\.[A-Za-z]+\\.[A-Za-z]+"));
    }

    @Test
    void theRunbookListsEveryRuleTheTableChecks() throws Exception {
        String runbook = Files.readString(DeployFolder.resolve("azure/README.md"));
        assertThat(PsRuleTable.RULES).allSatisfy(rule -> assertThat(runbook).contains("`" + rule.id() + "`"));
    }

    @Test
    void sqlServersWithSqlLoginsInTheTemplateFailAzureSqlAadOnly() {
        AzureEstate estate = estateWith("azure/modules/sql.json", sql -> server(sql).with("properties")
                .with("administrators").put("azureADOnlyAuthentication", false));
        // Both servers of the failover group come from one resource with a copy loop.
        assertThat(rule("Azure.SQL.AADOnly").violations(estate)).hasSize(2);
    }

    @Test
    void sasKeysTurnedBackOnInTheTemplateFailAzureEventHubDisableLocalAuth() {
        AzureEstate estate = estateWith("azure/modules/event-hubs.json", hubs -> ((ObjectNode) firstOfType(hubs,
                "Microsoft.EventHub/namespaces").path("properties")).set("disableLocalAuth", BooleanNode.FALSE));
        assertThat(rule("Azure.EventHub.DisableLocalAuth").violations(estate)).hasSize(1);
    }

    @Test
    void aTemplateWithoutVulnerabilityAssessmentFailsAzureSqlVaScan() {
        AzureEstate estate = estateWith("azure/modules/sql.json", sql -> {
            ArrayNode resources = (ArrayNode) sql.path("resources");
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i).path("type").asText().equals("Microsoft.Sql/servers/sqlVulnerabilityAssessments")) {
                    resources.remove(i);
                    return;
                }
            }
        });
        assertThat(rule("Azure.SQL.VAScan").violations(estate)).hasSize(2);
        assertThat(rule("Azure.SQL.Auditing").violations(estate)).isEmpty();
    }

    private static AzureEstate estateWith(String template, Consumer<JsonNode> change) {
        return AzureEstate.load(PROD, path -> {
            JsonNode read = ArmTemplate.read(path);
            if (path.equals(template)) {
                JsonNode copy = read.deepCopy();
                change.accept(copy);
                return copy;
            }
            return read;
        });
    }

    private static ObjectNode server(JsonNode template) {
        return (ObjectNode) firstOfType(template, "Microsoft.Sql/servers");
    }

    private static JsonNode firstOfType(JsonNode template, String type) {
        for (JsonNode resource : template.path("resources")) {
            if (resource.path("type").asText().equals(type)) {
                return resource;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static PsRule rule(String id) {
        return PsRuleTable.RULES.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
