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
import com.commerceinsight.recommender.als.RowSolver;
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
    }

    public String versionId() {
        return versionId;
    }

    public TrainedModels models() {
        return models;
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

    public void publish(long customerId, CustomerRow row) {
        foldedIn.put(customerId, row);
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
        List<ScoredProduct> list = new ArrayList<>();
        RowSolver solver = new RowSolver(items.factors());
        for (int product : TopK.select(scores, k, allowed)) {
            list.add(explain(solver, customer, product, scores[product], reasons));
        }
        return list;
    }

    /**
     * Hu, Koren and Volinsky's explanation: the score is Σ_i c_ui · y_jᵀ A_u⁻¹ y_i over the customer's products i,
     * so each product's share is c_ui · (A_u⁻¹ y_j)ᵀ y_i; the largest shares are the reasons.
     */
    private ScoredProduct explain(RowSolver solver, CustomerRow customer, int product, double score, int reasons) {
        FactorMatrix items = models.factors().items();
        AlsParams p = models.params();
        float[] target = items.row(product);
        double[] rhs = new double[target.length];
        for (int f = 0; f < rhs.length; f++) {
            rhs[f] = target[f];
        }
        double[] z = solver.solveSystem(rhs, items, itemGram, p.regularization(), p.alpha(), customer.products(),
                customer.strength(), 0, customer.products().length);
        float[] zf = new float[z.length];
        for (int f = 0; f < z.length; f++) {
            zf[f] = (float) z[f];
        }
        double[] share = new double[customer.products().length];
        for (int e = 0; e < share.length; e++) {
            share[e] = (1 + p.alpha() * customer.strength()[e]) * items.dot(customer.products()[e], zf);
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

    /** The most bought products, optionally only within some categories, leaving out the given columns. */
    public List<ScoredProduct> popular(int k, Set<Long> categories, int[] exclude) {
        double[] buyers = models.popularity().buyers();
        IntPredicate allowed = i -> Arrays.binarySearch(exclude, i) < 0;
        if (categories != null && !categories.isEmpty()) {
            allowed = allowed.and(i -> categories.contains(categoryOf[i]));
        }
        List<ScoredProduct> list = new ArrayList<>();
        for (int product : TopK.select(buyers, k, allowed)) {
            list.add(new ScoredProduct(product, buyers[product], new int[0], new double[0]));
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
