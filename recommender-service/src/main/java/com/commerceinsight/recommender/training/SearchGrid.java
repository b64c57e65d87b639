package com.commerceinsight.recommender.training;

import java.util.List;

/** The ALS hyperparameter values tried on the validation split; every combination is trained. */
public record SearchGrid(List<Integer> factors, List<Double> regularization, List<Double> alpha, List<Integer> iterations) {
}
