package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file under deploy/azure parses and is a well-formed template or parameters file: explicit API versions,
 * typed and described parameters, complete examples, nested deployments wired parameter for parameter. Checks named
 * after a PSRule for Azure template rule say so.
 */
class ArmTemplateTest {

    private static final String TEMPLATE_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    private static final String PARAMETERS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
    /** Types with no generally available API version; everything else must use a GA one. */
    private static final Set<String> PREVIEW_ONLY = Set.of(
            "Microsoft.Sql/servers/sqlVulnerabilityAssessments", "Microsoft.Insights/diagnosticSettings");
    private static final Set<String> TYPES = Set.of("string", "securestring", "int", "bool", "object", "secureobject", "array");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|connectionstring|accesskey|apikey");

    @Test
    void everyFileParsesAsATemplateOrAParametersFileWithTheHttpsSchema() {
        // Azure.Template.TemplateSchema, Azure.Template.TemplateScheme, Azure.Template.ParameterScheme
        List<String> files = azureFiles();
        assertThat(files).contains(AzureEstate.MAIN, "azure/parameters/dev.json", "azure/parameters/prod.json");
        for (String file : files) {
            String schema = ArmTemplate.read(file).path("$schema").asText();
            assertThat(schema).as(file).isIn(TEMPLATE_SCHEMA, PARAMETERS_SCHEMA);
            assertThat(schema.equals(PARAMETERS_SCHEMA)).as(file).isEqualTo(file.startsWith("azure/parameters/"));
        }
    }

    @Test
    void everyResourceHasAnExplicitApiVersionGenerallyAvailableWhereOneExists() {
        for (String file : templates()) {
            for (JsonNode resource : ArmTemplate.read(file).path("resources")) {
                String type = resource.path("type").asText();
                String version = resource.path("apiVersion").asText();
                assertThat(version).as(file + " " + type).matches(API_VERSION);
                if (version.endsWith("-preview")) {
                    assertThat(type).as(file + " uses a preview API").isIn(PREVIEW_ONLY);
                }
            }
        }
    }

    @Test
    void everyParameterIsTypedDescribedAndItsDefaultOfThatType() {
        // Azure.Template.ParameterMetadata, Azure.Template.ParameterDataTypes
        for (String file : templates()) {
            for (Map.Entry<String, JsonNode> parameter : fields(ArmTemplate.read(file).path("parameters"))) {
                String where = file + " " + parameter.getKey();
                JsonNode definition = parameter.getValue();
                assertThat(definition.path("type").asText().toLowerCase()).as(where).isIn(TYPES);
                assertThat(definition.path("metadata").path("description").asText()).as(where).isNotBlank();
                JsonNode defaultValue = definition.path("defaultValue");
                if (!defaultValue.isMissingNode() && !isExpression(defaultValue)) {
                    assertThat(hasType(defaultValue, definition.path("type").asText())).as(where + " default").isTrue();
                }
            }
        }
    }

    @Test
    void everyParameterAndVariableIsUsed() {
        // Azure.Template.UseParameters, Azure.Template.UseVariables
        for (String file : templates()) {
            JsonNode template = ArmTemplate.read(file);
            String body = template.path("resources").toString() + template.path("outputs") + template.path("variables");
            for (Map.Entry<String, JsonNode> parameter : fields(template.path("parameters"))) {
                assertThat(body).as(file + " uses parameter " + parameter.getKey())
                        .contains("parameters('" + parameter.getKey() + "')");
            }
            for (Map.Entry<String, JsonNode> variable : fields(template.path("variables"))) {
                assertThat(body).as(file + " uses variable " + variable.getKey()).contains("variables('" + variable.getKey() + "')");
            }
        }
    }

    @Test
    void theLocationParameterIsAStringDefaultingToTheResourceGroup() {
        // Azure.Template.LocationType, Azure.Template.LocationDefault
        JsonNode location = ArmTemplate.read(AzureEstate.MAIN).path("parameters").path("location");
        assertThat(location.path("type").asText()).isEqualTo("string");
        assertThat(location.path("defaultValue").asText()).isEqualTo("[resourceGroup().location]");
    }

    @Test
    void theProdExampleGivesEveryParameter() {
        // Azure.Template.ParameterValue: nothing in production rides on a default nobody looked at.
        assertThat(names(parameterValues("prod"))).isEqualTo(names(ArmTemplate.read(AzureEstate.MAIN).path("parameters")));
    }

    @Test
    void theDevExampleGivesEveryRequiredParameterAndNoUnknownOne() {
        Set<String> given = names(parameterValues("dev"));
        JsonNode definitions = ArmTemplate.read(AzureEstate.MAIN).path("parameters");
        assertThat(names(definitions)).containsAll(given);
        for (Map.Entry<String, JsonNode> parameter : fields(definitions)) {
            if (parameter.getValue().path("defaultValue").isMissingNode()) {
                assertThat(given).as("dev.json").contains(parameter.getKey());
            }
        }
    }

    @Test
    void exampleValuesHaveTheDeclaredTypeAndStayWithinTheLimits() {
        JsonNode definitions = ArmTemplate.read(AzureEstate.MAIN).path("parameters");
        for (String environment : List.of("dev", "prod")) {
            for (Map.Entry<String, JsonNode> given : fields(parameterValues(environment))) {
                String where = environment + " " + given.getKey();
                JsonNode value = given.getValue().path("value");
                JsonNode definition = definitions.path(given.getKey());
                assertThat(hasType(value, definition.path("type").asText())).as(where).isTrue();
                if (definition.has("allowedValues")) {
                    assertThat(definition.path("allowedValues")).as(where).contains(value);
                }
                if (definition.has("minValue")) {
                    assertThat(value.asInt()).as(where).isGreaterThanOrEqualTo(definition.path("minValue").asInt());
                }
                if (definition.has("maxValue")) {
                    assertThat(value.asInt()).as(where).isLessThanOrEqualTo(definition.path("maxValue").asInt());
                }
                if (definition.has("minLength")) {
                    assertThat(value.size()).as(where).isGreaterThanOrEqualTo(definition.path("minLength").asInt());
                }
            }
        }
    }

    @Test
    void everyNestedDeploymentPassesItsModuleExactlyTheParametersItDeclares() {
        int deployments = 0;
        for (String file : templates()) {
            for (JsonNode resource : ArmTemplate.read(file).path("resources")) {
                if (!resource.path("type").asText().equals(AzureEstate.DEPLOYMENTS)) {
                    continue;
                }
                deployments++;
                String module = AzureEstate.linkedTemplate(file, resource);
                JsonNode declared = ArmTemplate.read(module).path("parameters");
                Set<String> passed = names(resource.path("properties").path("parameters"));
                assertThat(names(declared)).as(file + " -> " + module).containsAll(passed);
                for (Map.Entry<String, JsonNode> parameter : fields(declared)) {
                    if (parameter.getValue().path("defaultValue").isMissingNode()) {
                        assertThat(passed).as(file + " -> " + module).contains(parameter.getKey());
                    }
                }
            }
        }
        assertThat(deployments).as("modules linked").isGreaterThanOrEqualTo(10);
    }

    @Test
    void secretLookingParametersWouldBeSecureAndNoOutputCarriesASecret() {
        // Azure.Deployment.SecureParameter, Azure.Deployment.OutputSecretValue
        for (String file : templates()) {
            JsonNode template = ArmTemplate.read(file);
            for (Map.Entry<String, JsonNode> parameter : fields(template.path("parameters"))) {
                if (SECRET_NAME.matcher(parameter.getKey()).find()) {
                    assertThat(parameter.getValue().path("type").asText().toLowerCase()).as(file + " " + parameter.getKey())
                            .isIn("securestring", "secureobject");
                }
            }
            assertThat(template.path("outputs").toString()).as(file + " outputs").doesNotContainIgnoringCase("listKeys")
                    .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("connectionString");
        }
    }

    static List<String> templates() {
        return azureFiles().stream().filter(f -> !f.startsWith("azure/parameters/")).toList();
    }

    private static List<String> azureFiles() {
        Path root = DeployFolder.resolve("azure");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> "azure/" + root.relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parameterValues(String environment) {
        return ArmTemplate.read("azure/parameters/" + environment + ".json").path("parameters");
    }

    private static boolean isExpression(JsonNode value) {
        return value.isTextual() && value.asText().startsWith("[");
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type.toLowerCase()) {
            case "string":
            case "securestring":
                return value.isTextual();
            case "int":
                return value.isInt();
            case "bool":
                return value.isBoolean();
            case "object":
            case "secureobject":
                return value.isObject();
            case "array":
                return value.isArray();
            default:
                return false;
        }
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
