package com.commerceinsight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports, rebuilds and trainings run as jobs of the services' command lines, one at a time, and clean up after
 * themselves; serving pods never train, whatever the services' own defaults say.
 */
class JobManifestTest {

    private static final List<String> TRAINED_SERVICES = List.of("prediction-service", "segmentation-service", "recommender-service");
    private static final Pattern COMMAND = Pattern.compile("@Command\\(name = \"([a-z-]+)\"");
    private static final Set<String> IMPORT_FORMATS = Set.of("seed-shop", "olist", "online-retail");

    @EachOverlay
    void jobsRunCommandsTheCommandLineHas(KubernetesManifests manifests) {
        assertThat(commandLineSubcommands("analytics-service")).contains("import", "rebuild-summaries");
        List<KubernetesManifests.PodTemplate> jobs = jobPods(manifests);
        assertThat(jobs).isNotEmpty();
        for (KubernetesManifests.PodTemplate job : jobs) {
            JsonNode container = job.containers().get(0);
            assertThat(container.has("command")).as(job.where() + " overrides the image's entrypoint").isFalse();
            String service = imageService(container.path("image").asText());
            assertThat(ServiceContract.ALL.stream().map(ServiceContract::name)).as(job.where() + " image").contains(service);
            assertThat(commandLineSubcommands(service)).as(job.where()).contains(container.path("args").path(0).asText());
        }
    }

    /** Each ML service trains in a scheduled job of its own, which runs its train command and nothing else. */
    @EachOverlay
    void everyModelIsTrainedByAScheduledJob(KubernetesManifests manifests) {
        for (String service : TRAINED_SERVICES) {
            assertThat(commandLineSubcommands(service)).as(service).contains("train");
            List<JsonNode> trainings = manifests.ofKind("CronJob").stream()
                    .filter(cronJob -> imageService(container(cronJob).path("image").asText()).equals(service))
                    .toList();
            assertThat(trainings).as(service + " training CronJobs").hasSize(1);
            JsonNode cronJob = trainings.get(0);
            assertThat(cronJob.path("spec").path("suspend").asBoolean(false)).as(service + " runs on its schedule").isFalse();
            assertThat(cronJob.path("spec").path("schedule").asText().split(" ")).as(service + " schedule").hasSize(5);
            assertThat(container(cronJob).path("args")).as(service).hasSize(1);
            assertThat(container(cronJob).path("args").get(0).asText()).isEqualTo("train");
            // A training pod gets more than a serving pod: the Deployment's limits were sized for scoring, not fitting.
            JsonNode serving = manifests.named("Deployment", service).orElseThrow()
                    .path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(Quantities.parse(container(cronJob).path("resources").path("limits").path("memory").asText()))
                    .as(service + " training memory limit")
                    .isGreaterThan(Quantities.parse(serving.path("resources").path("limits").path("memory").asText()));
        }
    }

    @EachOverlay
    void theImportTemplateReadsAFormatAndAFileFromTheImportsVolume(KubernetesManifests manifests) {
        JsonNode cronJob = manifests.named("CronJob", "analytics-import").orElseThrow();
        assertThat(cronJob.path("spec").path("suspend").asBoolean()).as("a template, never run by its schedule").isTrue();
        KubernetesManifests.PodTemplate pod = manifests.podTemplates().stream()
                .filter(p -> p.owner() == cronJob).findFirst().orElseThrow();
        JsonNode container = pod.containers().get(0);
        JsonNode args = container.path("args");
        assertThat(args).hasSize(3);
        assertThat(args.get(0).asText()).isEqualTo("import");
        assertThat(IMPORT_FORMATS).contains(args.get(1).asText());
        assertThat(args.get(2).asText()).startsWith("/imports/");
        assertThat(DeploymentManifestTest.volumeKindAt(pod.spec(), container, "/imports"))
                .isIn("persistentVolumeClaim", "emptyDir", "azureFile", "csi");
    }

    @EachOverlay
    void everyJobRunsAloneBoundedInTimeAndCleansUp(KubernetesManifests manifests) {
        assertThat(manifests.ofKind("CronJob")).isNotEmpty();
        for (JsonNode cronJob : manifests.ofKind("CronJob")) {
            String name = KubernetesManifests.name(cronJob);
            JsonNode job = cronJob.path("spec").path("jobTemplate").path("spec");
            assertThat(cronJob.path("spec").path("concurrencyPolicy").asText()).as(name).isEqualTo("Forbid");
            assertThat(job.path("backoffLimit").isInt()).as(name + " backoffLimit").isTrue();
            assertThat(job.path("backoffLimit").asInt()).as(name + " backoffLimit").isBetween(0, 3);
            assertThat(job.path("ttlSecondsAfterFinished").asInt()).as(name + " ttlSecondsAfterFinished").isPositive();
            assertThat(job.path("activeDeadlineSeconds").asInt()).as(name + " activeDeadlineSeconds").isPositive();
            assertThat(job.path("template").path("spec").path("restartPolicy").asText()).as(name).isEqualTo("Never");
        }
    }

    /**
     * Every train-on-start switch and in-process retrain schedule a service declares is turned off in its Deployment,
     * by the environment variable that maps to that property (so a renamed property fails here).
     */
    @EachOverlay
    void servingPodsNeverTrain(KubernetesManifests manifests) {
        int switches = 0;
        for (ServiceContract service : ServiceContract.ALL) {
            JsonNode container = manifests.named("Deployment", service.name()).orElseThrow()
                    .path("spec").path("template").path("spec").path("containers").get(0);
            for (String property : properties(service.name()).stringPropertyNames()) {
                if (property.startsWith("%")) {
                    continue;
                }
                String off = property.endsWith(".train-on-start") || property.endsWith(".retrain.enabled") ? "false"
                        : property.endsWith(".retrain-cron") ? "off" : null;
                if (off != null) {
                    switches++;
                    assertThat(DeploymentManifestTest.env(container, environmentName(property)))
                            .as(service.name() + " " + property).isEqualTo(off);
                }
            }
        }
        assertThat(switches).as("training switches found in the services' configuration").isGreaterThanOrEqualTo(5);
    }

    /** An environment variable set on a service's container names a property that service has (typos map to nothing). */
    @EachOverlay
    void serviceSpecificVariablesNameRealProperties(KubernetesManifests manifests) {
        for (ServiceContract service : ServiceContract.ALL) {
            String prefix = service.name().replace("-service", "").toUpperCase() + "_";
            List<String> known = properties(service.name()).stringPropertyNames().stream().map(JobManifestTest::environmentName).toList();
            JsonNode container = manifests.named("Deployment", service.name()).orElseThrow()
                    .path("spec").path("template").path("spec").path("containers").get(0);
            for (String variable : container.path("env").findValuesAsText("name")) {
                if (variable.startsWith(prefix)) {
                    assertThat(known).as(service.name() + " " + variable).contains(variable);
                }
            }
        }
    }

    /** The environment variable MicroProfile Config maps to a property: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static List<KubernetesManifests.PodTemplate> jobPods(KubernetesManifests manifests) {
        return manifests.podTemplates().stream().filter(p -> !p.serving()).toList();
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

    /** The subcommands of a service's command line: every @Command in its cli package but the top one. */
    private static List<String> commandLineSubcommands(String service) {
        Path cli = Path.of("..", service, "src", "main", "java", "com", "commerceinsight", service.replace("-service", ""), "cli");
        List<String> names = new ArrayList<>();
        try (Stream<Path> sources = Files.list(DeployFolder.resolve(cli.toString()))) {
            for (Path source : sources.toList()) {
                Matcher matcher = COMMAND.matcher(Files.readString(source));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.remove(service);
        return names;
    }

    /** The service an image reference names: registry/<service>:<tag> after the overlay's rewrite. */
    private static String imageService(String image) {
        String withoutTag = image.replaceFirst(":[^:/]+$", "");
        return withoutTag.substring(withoutTag.lastIndexOf('/') + 1);
    }

    private static JsonNode container(JsonNode cronJob) {
        return cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec").path("containers").get(0);
    }
}
