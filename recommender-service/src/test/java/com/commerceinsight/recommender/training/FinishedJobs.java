package com.commerceinsight.recommender.training;

import java.time.Duration;

/** Waits for a training job started in a test to end. */
public final class FinishedJobs {

    private FinishedJobs() {
    }

    /** The job's view once it succeeded or failed, or as it stands after two minutes. */
    public static TrainingJobView await(TrainingJobs jobs, TrainingJobView started) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        TrainingJobView view = jobs.find(started.id());
        while (view.status() != TrainingJob.Status.SUCCEEDED && view.status() != TrainingJob.Status.FAILED
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            view = jobs.find(started.id());
        }
        return view;
    }
}
