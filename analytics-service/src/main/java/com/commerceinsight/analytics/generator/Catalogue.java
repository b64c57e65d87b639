package com.commerceinsight.analytics.generator;

import static com.commerceinsight.analytics.generator.ShopVocabulary.pick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.commerceinsight.analytics.jdbc.CommerceTable;

/**
 * The generated catalogue: a two-level category tree (departments and their leaf categories), suppliers, and
 * products in the leaves. Within a leaf, product popularity follows Zipf's law over a random ranking; leaves have a
 * global popularity of their own; list prices are log-normal around a per-leaf median.
 */
final class Catalogue {

    static final double ZIPF_EXPONENT = 1.1;
    /** Share of products whose stock is below 20 units, so the low-stock analysis has rows. */
    private static final double LOW_STOCK_SHARE = 0.12;

    private final long[] leafIds;
    private final long[] productIds;
    private final BigDecimal[] prices;
    private final int[] leafOfProduct;
    private final long[] supplierOfProduct;
    private final int[][] productsOfLeaf;
    private final CumulativeSampler[] zipfInLeaf;
    private final CumulativeSampler leafPopularity;

    private Catalogue(long[] leafIds, long[] productIds, BigDecimal[] prices, int[] leafOfProduct, long[] supplierOfProduct,
                      int[][] productsOfLeaf, CumulativeSampler[] zipfInLeaf, CumulativeSampler leafPopularity) {
        this.leafIds = leafIds;
        this.productIds = productIds;
        this.prices = prices;
        this.leafOfProduct = leafOfProduct;
        this.supplierOfProduct = supplierOfProduct;
        this.productsOfLeaf = productsOfLeaf;
        this.zipfInLeaf = zipfInLeaf;
        this.leafPopularity = leafPopularity;
    }

    static Catalogue generate(GeneratorSettings settings, SplittableRandom rng, ShopTables tables) throws SQLException {
        int departments = Math.max(1, (int) Math.round(settings.categories() / 6.0));
        int leaves = settings.categories() - departments;
        long[] departmentIds = new long[departments];
        long[] leafIds = new long[leaves];
        String[] leafCodes = new String[leaves];
        int ref = 0;
        for (int d = 0; d < departments; d++) {
            departmentIds[d] = tables.nextId(CommerceTable.CATEGORY);
            tables.add(CommerceTable.CATEGORY, departmentIds[d], ShopGenerator.DATA_SOURCE, "g-" + (++ref),
                    departmentName(d), "Department", null);
        }
        for (int leaf = 0; leaf < leaves; leaf++) {
            int department = leaf % departments;
            leafIds[leaf] = tables.nextId(CommerceTable.CATEGORY);
            leafCodes[leaf] = departmentCode(department) + (leaf / departments + 1);
            tables.add(CommerceTable.CATEGORY, leafIds[leaf], ShopGenerator.DATA_SOURCE, "g-" + (++ref),
                    leafName(department, leaf / departments), "Category of " + departmentName(department), departmentIds[department]);
        }

        long[] supplierIds = new long[settings.suppliers()];
        for (int s = 0; s < supplierIds.length; s++) {
            supplierIds[s] = tables.nextId(CommerceTable.SUPPLIER);
            writeSupplier(rng, tables, supplierIds[s], s + 1);
        }

        double[] medianPrice = new double[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) {
            medianPrice[leaf] = RandomVariates.logNormal(rng, 35, 0.8);
        }
        // Every leaf gets one product, the rest go to leaves of uneven size (Dirichlet shares).
        CumulativeSampler leafSize = new CumulativeSampler(RandomVariates.dirichlet(rng, leaves, 2.0));
        int products = settings.products();
        long[] productIds = new long[products];
        BigDecimal[] prices = new BigDecimal[products];
        int[] leafOfProduct = new int[products];
        long[] supplierOfProduct = new long[products];
        List<List<Integer>> members = new ArrayList<>();
        for (int leaf = 0; leaf < leaves; leaf++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < products; p++) {
            int leaf = p < leaves ? p : leafSize.draw(rng);
            leafOfProduct[p] = leaf;
            members.get(leaf).add(p);
            productIds[p] = tables.nextId(CommerceTable.PRODUCT);
            prices[p] = BigDecimal.valueOf(Math.max(0.99, RandomVariates.logNormal(rng, medianPrice[leaf], 0.5)))
                    .setScale(2, RoundingMode.HALF_UP);
            supplierOfProduct[p] = supplierIds[rng.nextInt(supplierIds.length)];
            int stock = rng.nextDouble() < LOW_STOCK_SHARE ? rng.nextInt(20) : 20 + rng.nextInt(480);
            String adjective = pick(rng, ShopVocabulary.PRODUCT_ADJECTIVES);
            tables.add(CommerceTable.PRODUCT, productIds[p], ShopGenerator.DATA_SOURCE, "g-" + (p + 1),
                    String.format(Locale.ROOT, "G-%s-%06d", leafCodes[leaf], p + 1),
                    adjective + " " + leafName(leaf % departments, leaf / departments) + " " + (p + 1),
                    "A " + adjective.toLowerCase(Locale.ROOT) + " item from our " + leafName(leaf % departments, leaf / departments) + " range",
                    prices[p], leafIds[leaf], supplierOfProduct[p], stock, 100 + rng.nextInt(4900),
                    5 + rng.nextInt(60), 2 + rng.nextInt(40), 5 + rng.nextInt(50), 1 + rng.nextInt(8));
        }

        int[][] productsOfLeaf = new int[leaves][];
        CumulativeSampler[] zipfInLeaf = new CumulativeSampler[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) {
            List<Integer> ranked = members.get(leaf);
            shuffle(rng, ranked);
            productsOfLeaf[leaf] = ranked.stream().mapToInt(Integer::intValue).toArray();
            double[] weights = new double[ranked.size()];
            for (int rank = 0; rank < weights.length; rank++) {
                weights[rank] = 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            }
            zipfInLeaf[leaf] = new CumulativeSampler(weights);
        }
        double[] popularity = new double[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) {
            popularity[leaf] = RandomVariates.gamma(rng, 2, 1);
        }
        return new Catalogue(leafIds, productIds, prices, leafOfProduct, supplierOfProduct, productsOfLeaf, zipfInLeaf,
                new CumulativeSampler(popularity));
    }

    int leaves() {
        return leafIds.length;
    }

    int products() {
        return productIds.length;
    }

    /** A product of the leaf, by Zipf popularity within it. */
    int productIn(int leaf, SplittableRandom rng) {
        return productsOfLeaf[leaf][zipfInLeaf[leaf].draw(rng)];
    }

    /** A leaf by its global popularity. */
    int popularLeaf(SplittableRandom rng) {
        return leafPopularity.draw(rng);
    }

    long leafId(int leaf) {
        return leafIds[leaf];
    }

    long productId(int product) {
        return productIds[product];
    }

    BigDecimal price(int product) {
        return prices[product];
    }

    int leafOf(int product) {
        return leafOfProduct[product];
    }

    long supplierOf(int product) {
        return supplierOfProduct[product];
    }

    private static void writeSupplier(SplittableRandom rng, ShopTables tables, long id, int number) throws SQLException {
        ShopVocabulary.Place place = pick(rng, ShopVocabulary.PLACES);
        String name = pick(rng, ShopVocabulary.SUPPLIER_WORDS) + " " + pick(rng, ShopVocabulary.SUPPLIER_SUFFIXES) + " " + number;
        String contact = pick(rng, ShopVocabulary.FIRST_NAMES) + " " + pick(rng, ShopVocabulary.LAST_NAMES);
        tables.add(CommerceTable.SUPPLIER, id, ShopGenerator.DATA_SOURCE, "g-" + number, name, contact,
                "sales" + number + "@supplier.example.com", String.format(Locale.ROOT, "+44 20 %04d %04d", rng.nextInt(10_000), rng.nextInt(10_000)),
                (1 + rng.nextInt(200)) + " " + pick(rng, ShopVocabulary.STREETS), place.city(), place.state(),
                place.zipPrefix(), place.country());
    }

    private static String departmentName(int department) {
        return department < ShopVocabulary.DEPARTMENTS.size()
                ? ShopVocabulary.DEPARTMENTS.get(department).name() : "Department " + (department + 1);
    }

    private static String departmentCode(int department) {
        return department < ShopVocabulary.DEPARTMENTS.size()
                ? ShopVocabulary.DEPARTMENTS.get(department).code() : "D" + (department + 1);
    }

    private static String leafName(int department, int indexInDepartment) {
        if (department < ShopVocabulary.DEPARTMENTS.size()) {
            List<String> names = ShopVocabulary.DEPARTMENTS.get(department).categories();
            if (indexInDepartment < names.size()) {
                return names.get(indexInDepartment);
            }
        }
        return departmentName(department) + " " + (indexInDepartment + 1);
    }

    private static void shuffle(SplittableRandom rng, List<Integer> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }
}
