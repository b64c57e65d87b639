package com.commerceinsight.recommender.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.als.FactorMatrix;
import com.commerceinsight.recommender.als.ImplicitAlsTrainer;
import com.commerceinsight.recommender.als.RowSystem;
import com.commerceinsight.recommender.training.TrainedModels;

/**
 * One model version in memory, ready to answer: factors, neighbours, popularity, product categories, and the
 * customer rows folded in since it was trained (which take precedence over the trained rows). Reads are lock-free;
 * a fold-in replaces a customer's row atomically.
 */
public final class ServingModel {

    private final String versionId;
    private final TrainedModels models;
    private final double[] itemGram;
    private final long[] categoryOf;
    /** Product columns by number of buyers, most first (ties: lower column first, as {@link TopK} ranks them). */
    private final int[] popularOrder;
    private final Map<Long, CustomerRow> foldedIn = new ConcurrentHashMap<>();

    public ServingModel(String versionId, TrainedModels models, Map<Long, Long> productCategories) {
        this.versionId = versionId;
        this.models = models;
        this.itemGram = models.factors().items().gram();
        long[] products = models.data().productIds();
        this.categoryOf = new long[products.length];
        for (int i = 0; i < products.length; i++) {
            categoryOf[i] = productCategories.getOrDefault(products[i], -1L);
        }
        double[] buyers = models.popularity().buyers();
        this.popularOrder = TopK.select(buyers, buyers.length, i -> true);
    }

    public String versionId() {
        return versionId;
    }

    public TrainedModels models() {
        return models;
    }

    /** The end of the version's training data: it learnt every signal before it; fold-ins add the purchases from it on. */
    public java.time.Instant trainedUntil() {
        return models.data().cutoff();
    }

    public long productId(int column) {
        return models.data().productIds()[column];
    }

    /** The column of a product, or a negative number when the model does not know it. */
    public int productColumn(long productId) {
        return models.data().productIndex(productId);
    }

    /** The product's category, or null. */
    public Long categoryOf(int column) {
        return categoryOf[column] < 0 ? null : categoryOf[column];
    }

    /** The customer's folded-in row if any, else their trained row, else null (a customer the model does not know). */
    public CustomerRow customer(long customerId) {
        CustomerRow folded = foldedIn.get(customerId);
        return folded != null ? folded : trainedCustomer(customerId);
    }

    /** The customer's row as trained, ignoring fold-ins, or null. */
    public CustomerRow trainedCustomer(long customerId) {
        int row = models.data().customerIndex(customerId);
        if (row < 0) {
            return null;
        }
        CsrMatrix strength = models.data().strength();
        return new CustomerRow(strength.rowColumns(row), strength.rowValues(row), models.data().purchases().rowColumns(row),
                models.factors().users().row(row));
    }

    /**
     * Folds purchases into a customer's row: each bought product column adds {@code purchaseWeight} to its strength,
     * then the customer's vector is solved with the product factors fixed. Returns the new row (not yet published).
     */
    public CustomerRow foldIn(CustomerRow current, int[] boughtColumns, double purchaseWeight) {
        TreeMap<Integer, Float> strength = new TreeMap<>();
        java.util.TreeSet<Integer> bought = new java.util.TreeSet<>();
        if (current != null) {
            for (int e = 0; e < current.products().length; e++) {
                strength.put(current.products()[e], current.strength()[e]);
            }
            Arrays.stream(current.bought()).forEach(bought::add);
        }
        for (int column : boughtColumns) {
            strength.merge(column, (float) purchaseWeight, Float::sum);
            bought.add(column);
        }
        int[] products = strength.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[products.length];
        for (int e = 0; e < products.length; e++) {
            values[e] = strength.get(products[e]);
        }
        float[] vector = ImplicitAlsTrainer.foldIn(models.factors().items(), itemGram, products, values, models.params());
        return new CustomerRow(products, values, bought.stream().mapToInt(Integer::intValue).toArray(), vector);
    }

    /** Serves the row from now on; a row without products (purchases of products the model does not know only) changes nothing. */
    public void publish(long customerId, CustomerRow row) {
        if (row.products().length > 0) {
            foldedIn.put(customerId, row);
        }
    }

    /** ALS top k for a known customer, with the {@code reasons} products that support each one most. */
    public List<ScoredProduct> recommend(CustomerRow customer, int k, Long categoryId, boolean includeBought, int reasons) {
        FactorMatrix items = models.factors().items();
        double[] scores = new double[items.rows()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = items.dot(i, customer.vector());
        }
        IntPredicate allowed = inCategory(categoryId);
        if (!includeBought) {
            int[] bought = customer.bought();
            allowed = allowed.and(i -> Arrays.binarySearch(bought, i) < 0);
        }
        int[] top = TopK.select(scores, k, allowed);
        List<ScoredProduct> list = new ArrayList<>(top.length);
        RowSystem system = reasons > 0 && top.length > 0 ? customerSystem(customer) : null;
        for (int product : top) {
            list.add(system == null ? new ScoredProduct(product, scores[product], new int[0], new double[0])
                    : explain(system, customer, product, scores[product], reasons));
        }
        return list;
    }

    /** The customer's normal equations, factored once for all the explanations of one list; null if singular (λ = 0). */
    private RowSystem customerSystem(CustomerRow customer) {
        AlsParams p = models.params();
        try {
            return RowSystem.of(models.factors().items(), itemGram, p.regularization(), p.alpha(), customer.products(),
                    customer.strength(), 0, customer.products().length);
        } catch (ArithmeticException singular) {
            return null;
        }
    }

    /**
     * Hu, Koren and Volinsky's explanation: the score is Σ_i c_ui · y_jᵀ A_u⁻¹ y_i over the customer's products i,
     * so each product's share is c_ui · (A_u⁻¹ y_j)ᵀ y_i; the largest shares are the reasons.
     */
    private ScoredProduct explain(RowSystem system, CustomerRow customer, int product, double score, int reasons) {
        FactorMatrix items = models.factors().items();
        double alpha = models.params().alpha();
        double[] z = system.solveFor(items, product);
        float[] y = items.data();
        int k = items.factors();
        double[] share = new double[customer.products().length];
        for (int e = 0; e < share.length; e++) {
            int base = customer.products()[e] * k;
            double dot = 0;
            for (int f = 0; f < k; f++) {
                dot += z[f] * y[base + f];
            }
            share[e] = (1 + alpha * customer.strength()[e]) * dot;
        }
        int[] top = TopK.select(share, reasons, e -> share[e] > 0);
        int[] columns = new int[top.length];
        double[] contributions = new double[top.length];
        for (int r = 0; r < top.length; r++) {
            columns[r] = customer.products()[top[r]];
            contributions[r] = share[top[r]];
        }
        return new ScoredProduct(product, score, columns, contributions);
    }

    /**
     * The most bought products, optionally only within some categories, leaving out the given columns (sorted): a
     * walk down the popularity order computed once per model version, which stops after k, instead of a scan and
     * selection over every product on each request.
     */
    public List<ScoredProduct> popular(int k, Set<Long> categories, int[] exclude) {
        double[] buyers = models.popularity().buyers();
        boolean anyCategory = categories == null || categories.isEmpty();
        List<ScoredProduct> list = new ArrayList<>(Math.min(k, popularOrder.length));
        for (int at = 0; at < popularOrder.length && list.size() < k; at++) {
            int product = popularOrder[at];
            if (Arrays.binarySearch(exclude, product) < 0 && (anyCategory || categories.contains(categoryOf[product]))) {
                list.add(new ScoredProduct(product, buyers[product], new int[0], new double[0]));
            }
        }
        return list;
    }

    /** A product's nearest neighbours by co-purchase cosine (item-item), best first. */
    public List<ScoredProduct> similar(int product, int k, Long categoryId) {
        CsrMatrix neighbours = models.similarity().neighbours();
        double[] similarity = new double[neighbours.cols()];
        for (int e = neighbours.rowStart(product); e < neighbours.rowEnd(product); e++) {
            similarity[neighbours.column(e)] = neighbours.value(e);
        }
        List<ScoredProduct> list = new ArrayList<>();
        for (int other : TopK.select(similarity, k, inCategory(categoryId).and(i -> similarity[i] > 0))) {
            list.add(new ScoredProduct(other, similarity[other], new int[0], new double[0]));
        }
        return list;
    }

    private IntPredicate inCategory(Long categoryId) {
        return categoryId == null ? i -> true : i -> categoryOf[i] == categoryId;
    }
}
