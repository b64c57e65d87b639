package com.commerceinsight.segmentation.training;

/** Told what a training run is doing, for its job's progress. */
public interface TrainingProgress {

    /** @param fraction done so far, 0 to 1 */
    void report(String stage, double fraction);
}
