package com.commerceinsight.prediction.cli;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import com.commerceinsight.prediction.training.TrainingJob;
import com.commerceinsight.prediction.training.TrainingJobs;
import com.commerceinsight.prediction.training.TrainingRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: one training run on the calling thread, as a Kubernetes job runs it. Exit code 0 when it trained or
 * was skipped because another run holds the training lease, 1 when it failed.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train both repurchase models on the commerce data, register them and activate the better one, then exit."
                + " Skipped (exit 0) while another replica or job is training.")
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--cutoff", description = "T, the out-of-time test cutoff (UTC, e.g. 2025-01-01T00:00). Default: the last order's time minus H")
    LocalDateTime cutoff;

    @Option(names = "--horizon-days", description = "H in days. Default: prediction.training.horizon-days")
    Integer horizonDays;

    @Option(names = "--no-activate", description = "register the versions without activating one")
    boolean noActivate;

    private final TrainingJobs jobs;

    public TrainCommand(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        TrainingJob job = jobs.runHere(new TrainingRequest(cutoff, horizonDays, null, !noActivate));
        System.out.printf("training job %s: %s%n", job.id, job.status);
        if (job.report != null) {
            System.out.println(job.report);
        }
        if (TrainingJob.Status.SKIPPED.name().equals(job.status)) {
            System.out.println("another run holds the training lease: nothing trained");
        }
        if (TrainingJob.Status.FAILED.name().equals(job.status)) {
            System.out.println(job.error);
            return 1;
        }
        return 0;
    }
}
