package com.commerceinsight.recommender.training;

import java.time.Instant;
import java.util.Arrays;

import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;
import com.commerceinsight.recommender.signals.SignalWeights;

/**
 * The matrices one model is trained on: the signals strictly before a cutoff, customers and products numbered by
 * ascending id (so an id is found by binary search, without a boxed map).
 *
 * @param customerIds customer id of each row, ascending
 * @param productIds  product id of each column, ascending
 * @param strength    summed signal strength r per customer and product (all signals, weighted)
 * @param purchases   1 where the customer bought the product before the cutoff (for item-item, popularity and the
 *                    already-bought filter)
 * @param cutoff      signals at or after it are left out
 */
public record TrainingSet(long[] customerIds, long[] productIds, CsrMatrix strength, CsrMatrix purchases, Instant cutoff) {

    public static TrainingSet before(InteractionLog log, Instant cutoff, SignalWeights weights) {
        long cut = cutoff.getEpochSecond();
        long[] customers = distinct(log, cut, true);
        long[] products = distinct(log, cut, false);
        int n = 0;
        for (int row = 0; row < log.size(); row++) {
            if (log.epochSecond(row) < cut) {
                n++;
            }
        }
        int[] r = new int[n];
        int[] c = new int[n];
        float[] v = new float[n];
        int[] pr = new int[n];
        int[] pc = new int[n];
        int purchases = 0;
        int at = 0;
        for (int row = 0; row < log.size(); row++) {
            if (log.epochSecond(row) >= cut) {
                continue;
            }
            r[at] = Arrays.binarySearch(customers, log.customer(row));
            c[at] = Arrays.binarySearch(products, log.product(row));
            v[at] = (float) weights.strength(log.kind(row), log.rating(row));
            if (log.kind(row) == SignalKind.PURCHASE) {
                pr[purchases] = r[at];
                pc[purchases++] = c[at];
            }
            at++;
        }
        CsrMatrix strength = CsrMatrix.fromTriples(customers.length, products.length, r, c, v);
        float[] ones = new float[purchases];
        Arrays.fill(ones, 1f);
        CsrMatrix bought = binary(CsrMatrix.fromTriples(customers.length, products.length,
                Arrays.copyOf(pr, purchases), Arrays.copyOf(pc, purchases), ones));
        return new TrainingSet(customers, products, strength, bought, cutoff);
    }

    private static long[] distinct(InteractionLog log, long cut, boolean customers) {
        long[] ids = new long[log.size()];
        int n = 0;
        for (int row = 0; row < log.size(); row++) {
            if (log.epochSecond(row) < cut) {
                ids[n++] = customers ? log.customer(row) : log.product(row);
            }
        }
        return Arrays.stream(ids, 0, n).sorted().distinct().toArray();
    }

    /** Repeated purchases counted once: item-item and popularity count customers, not orders. */
    private static CsrMatrix binary(CsrMatrix counts) {
        int[] r = new int[counts.nonZeros()];
        int[] c = new int[counts.nonZeros()];
        float[] v = new float[counts.nonZeros()];
        for (int row = 0; row < counts.rows(); row++) {
            for (int e = counts.rowStart(row); e < counts.rowEnd(row); e++) {
                r[e] = row;
                c[e] = counts.column(e);
                v[e] = 1f;
            }
        }
        return CsrMatrix.fromTriples(counts.rows(), counts.cols(), r, c, v);
    }

    /** The row of a customer, or a negative number when the customer has no signal before the cutoff. */
    public int customerIndex(long customerId) {
        return Arrays.binarySearch(customerIds, customerId);
    }

    /** The column of a product, or a negative number when no one interacted with it before the cutoff. */
    public int productIndex(long productId) {
        return Arrays.binarySearch(productIds, productId);
    }
}
