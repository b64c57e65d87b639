package com.commerceinsight.segmentation.cli;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import com.commerceinsight.segmentation.training.TrainingJob;
import com.commerceinsight.segmentation.training.TrainingJobs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: one training run on the calling thread, as a Kubernetes job runs it. Exit code 0 when it trained or
 * was skipped because another run holds the training lease, 1 when it failed.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a k-means segmentation on the commerce data, activate it and reassign every customer, then exit."
                + " Skipped (exit 0) while another replica or job is training.")
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--snapshot-at", description = "snapshot time T (UTC, e.g. 2025-01-01T00:00). Default: the time of the latest order")
    LocalDateTime snapshotAt;

    private final TrainingJobs jobs;

    public TrainCommand(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        TrainingJob job = jobs.runHere(snapshotAt, TrainingJob.Trigger.COMMAND);
        System.out.printf("training job %d: %s%n", job.id, job.status);
        if (job.status == TrainingJob.Status.SUCCEEDED) {
            System.out.println(job.report);
        } else if (job.status == TrainingJob.Status.SKIPPED) {
            System.out.println("another run holds the training lease: nothing trained");
        } else {
            System.out.println(job.error);
            return 1;
        }
        return 0;
    }
}
