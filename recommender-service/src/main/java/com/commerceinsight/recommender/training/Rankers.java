package com.commerceinsight.recommender.training;

import com.commerceinsight.recommender.als.AlsFactors;
import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.evaluation.UserRanker;
import com.commerceinsight.recommender.popularity.Popularity;
import com.commerceinsight.recommender.scoring.TopK;
import com.commerceinsight.recommender.similarity.ItemSimilarity;

/** The three models as rankers over a training set's customers, each leaving out what the customer already bought. */
final class Rankers {

    private Rankers() {
    }

    static UserRanker als(AlsFactors factors, CsrMatrix bought) {
        return (customer, k) -> {
            float[] x = factors.users().row(customer);
            double[] scores = new double[factors.items().rows()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = factors.items().dot(i, x);
            }
            return TopK.select(scores, k, i -> bought.get(customer, i) == 0);
        };
    }

    static UserRanker itemItem(ItemSimilarity similarity, CsrMatrix bought) {
        return (customer, k) -> {
            double[] scores = new double[bought.cols()];
            similarity.scoreHistory(bought.rowColumns(customer), scores);
            return TopK.select(scores, k, i -> scores[i] > 0 && bought.get(customer, i) == 0);
        };
    }

    static UserRanker popularity(Popularity popularity, CsrMatrix bought) {
        double[] buyers = popularity.buyers();
        return (customer, k) -> TopK.select(buyers, k, i -> bought.get(customer, i) == 0);
    }
}
