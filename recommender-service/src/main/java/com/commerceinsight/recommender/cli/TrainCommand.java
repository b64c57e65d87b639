package com.commerceinsight.recommender.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import com.commerceinsight.recommender.training.TrainingJob;
import com.commerceinsight.recommender.training.TrainingJobRequest;
import com.commerceinsight.recommender.training.TrainingJobView;
import com.commerceinsight.recommender.training.TrainingJobs;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: one training run on the calling thread, as a Kubernetes job runs it. Exit code 0 when it trained or
 * was skipped because another run holds the training lease, 1 when it failed.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train ALS, item-item and popularity on the commerce data, evaluate them and activate the model, then exit."
                + " Skipped (exit 0) while another replica or job is training.")
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--cutoff", description = "T of the evaluation (UTC instant, e.g. 2025-01-01T00:00:00Z). Default: the last purchase minus H")
    Instant cutoff;

    @Option(names = "--horizon-days", description = "H in days. Default: recommender.training.horizon-days")
    Integer horizonDays;

    @Option(names = "--no-activate", description = "register the version without activating it")
    boolean noActivate;

    private final TrainingJobs jobs;
    private final ObjectMapper json;

    public TrainCommand(TrainingJobs jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        TrainingJobView job = jobs.runHere(new TrainingJobRequest(cutoff, horizonDays, !noActivate), TrainingJob.Trigger.COMMAND);
        System.out.printf("training job %s: %s%n", job.id(), job.status());
        if (job.status() == TrainingJob.Status.SUCCEEDED) {
            System.out.printf("model version %s%s%n", job.modelVersionId(), job.activate() ? " (active)" : "");
            System.out.println(json.writeValueAsString(job.report()));
        } else if (job.status() == TrainingJob.Status.SKIPPED) {
            System.out.println("another run holds the training lease: nothing trained");
        } else {
            System.out.println(job.error());
            return 1;
        }
        return 0;
    }
}
