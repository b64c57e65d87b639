package com.commerceinsight.prediction.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two XGBoost tree ensembles and their parameters. The random forest is XGBoost's own recipe: one boosting
 * round of many parallel trees, each on a bootstrap-sized row sample and a fresh column sample per split, with a
 * learning rate of 1 so the round is the whole forest. The boosted trees are shallow and slow-learning, the usual
 * defaults for a few tens of tabular features.
 */
public enum Algorithm {
    RANDOM_FOREST(1, Map.of("num_parallel_tree", 200, "subsample", 0.632, "colsample_bynode", 0.5, "eta", 1.0,
            "max_depth", 8, "min_child_weight", 2.0)),
    GRADIENT_BOOSTED_TREES(250, Map.of("eta", 0.04, "max_depth", 4, "subsample", 0.8, "colsample_bytree", 0.8,
            "min_child_weight", 5.0, "lambda", 1.0));

    private final int rounds;
    private final Map<String, Object> specific;

    Algorithm(int rounds, Map<String, Object> specific) {
        this.rounds = rounds;
        this.specific = specific;
    }

    public int rounds() {
        return rounds;
    }

    /** The booster parameters, the shared ones first; stored with every model version. */
    public Map<String, Object> parameters(long seed, int threads) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("booster", "gbtree");
        params.put("tree_method", "hist");
        params.put("seed", seed);
        params.put("nthread", threads);
        params.put("verbosity", 0);
        new java.util.TreeMap<>(specific).forEach(params::put);
        return params;
    }
}
