package com.commerceinsight.prediction.scoring;

/** No model version is active yet (answered as 503: train one, or wait for the training started at startup). */
public class ScoringUnavailableException extends RuntimeException {

    public ScoringUnavailableException() {
        super("no model version is active yet: start a training job (POST /api/predictions/training-jobs) or activate a version");
    }
}
