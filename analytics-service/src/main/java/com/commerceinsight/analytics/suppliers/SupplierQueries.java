package com.commerceinsight.analytics.suppliers;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.KeptPeriods;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.paging.Page;

/**
 * The supplier analyses: per supplier, and per product of one supplier, the products and those low on stock, units,
 * revenue and orders of the sales in the date range (the analyses' sales: {@link SalesScope}), the mean rating and the
 * returns. A product's supplier is the product's own ({@code product.supplier_id}). Each figure is one grouped HQL
 * query keyed by the supplier or the product (Hibernate writes each database's SQL); the rows are joined here, so a
 * supplier without sales or reviews still shows, with zeros. Sales and returns add up the kept month and day rows of
 * the range ({@link KeptPeriods}): per supplier its own rows, per product of one supplier the products' rows; products,
 * stock and ratings group the products and their kept rating rows. Suppliers number in the hundreds to low thousands
 * (Olist's sellers: about 3,000), so the ranked list is built whole and paged in memory.
 */
@ApplicationScoped
public class SupplierQueries {

    private static final Comparator<SupplierSummary> SUPPLIERS_BY_REVENUE = Comparator
            .comparing(SupplierSummary::revenue, Comparator.reverseOrder())
            .thenComparing(SupplierSummary::unitsSold, Comparator.reverseOrder())
            .thenComparingLong(SupplierSummary::supplierId);
    private static final Comparator<SupplierProduct> PRODUCTS_BY_REVENUE = Comparator
            .comparing(SupplierProduct::revenue, Comparator.reverseOrder())
            .thenComparing(SupplierProduct::unitsSold, Comparator.reverseOrder())
            .thenComparingLong(SupplierProduct::productId);

    private final EntityManager em;

    public SupplierQueries(EntityManager em) {
        this.em = em;
    }

    /** Every supplier with its figures, most revenue first (ties: more units, then lower id). */
    public Page<SupplierSummary> suppliers(AnalysisRequest request, int lowStockBelow) {
        Map<Long, SupplyFigures> figures = supplierFigures(null, request, lowStockBelow);
        List<SupplierSummary> all = em.createQuery("select s.id, s.name, s.city, s.country from Supplier s", Object[].class)
                .getResultStream()
                .map(s -> summary(s, figures.getOrDefault((Long) s[0], new SupplyFigures())))
                .sorted(SUPPLIERS_BY_REVENUE)
                .toList();
        return request.pageRequest().of(all);
    }

    /** One supplier with its figures, or empty when there is no such supplier. */
    public Optional<SupplierSummary> supplier(long supplierId, AnalysisRequest request, int lowStockBelow) {
        List<Object[]> found = em.createQuery("select s.id, s.name, s.city, s.country from Supplier s where s.id = :id", Object[].class)
                .setParameter("id", supplierId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, SupplyFigures> figures = supplierFigures(supplierId, request, lowStockBelow);
        return Optional.of(summary(found.get(0), figures.getOrDefault(supplierId, new SupplyFigures())));
    }

    public boolean exists(long supplierId) {
        return !em.createQuery("select s.id from Supplier s where s.id = :id", Long.class).setParameter("id", supplierId)
                .getResultList().isEmpty();
    }

    /** The products of one supplier with their figures, most revenue first (ties: more units, then lower id). */
    public Page<SupplierProduct> products(long supplierId, AnalysisRequest request, int lowStockBelow) {
        Map<Long, SupplyFigures> figures = catalogueAndRatings("p.id", ofSupplier(supplierId), lowStockBelow);
        for (HqlConditions periods : KeptPeriods.of(request.from, request.to)) {
            ofSupplier(supplierId).apply(periods);
            grouped(figures, periods.bind(em.createQuery("select d.productId, sum(d.units), sum(d.revenue), sum(d.orders) "
                    + "from ProductSalesPeriod d join Product p on p.id = d.productId where " + periods.hql()
                    + " group by d.productId", Object[].class)), SupplierQueries::addSales);
            grouped(figures, periods.bind(em.createQuery("select d.productId, sum(d.returns) from ProductReturnsPeriod d "
                    + "join Product p on p.id = d.productId where " + periods.hql() + " group by d.productId", Object[].class)),
                    SupplierQueries::addReturns);
        }
        List<SupplierProduct> all = em.createQuery("select p.id, p.name, p.sku, p.stockQuantity from Product p "
                        + "where p.supplierId = :supplierId", Object[].class)
                .setParameter("supplierId", supplierId)
                .getResultStream()
                .map(p -> {
                    SupplyFigures f = figures.getOrDefault((Long) p[0], new SupplyFigures());
                    Integer stock = (Integer) p[3];
                    return new SupplierProduct((Long) p[0], (String) p[1], (String) p[2], stock, stock != null && stock < lowStockBelow,
                            f.unitsSold, f.revenue(), f.orders, f.averageRating(), f.reviews, f.returns);
                })
                .sorted(PRODUCTS_BY_REVENUE)
                .toList();
        return request.pageRequest().of(all);
    }

    private static UnaryOperator<HqlConditions> ofSupplier(long supplierId) {
        return where -> where.addIfSet("p.supplierId = :supplierId", "supplierId", supplierId);
    }

    private static SupplierSummary summary(Object[] supplier, SupplyFigures f) {
        return new SupplierSummary((Long) supplier[0], (String) supplier[1], (String) supplier[2], (String) supplier[3],
                f.products, f.lowStockProducts, f.unitsSold, f.revenue(), f.orders, f.averageRating(), f.reviews, f.returns);
    }

    /**
     * The figures of every supplier ({@code supplierId} null) or of one: sales and returns from the kept period rows of
     * the range ({@link KeptPeriods}), the rest from the products and their ratings.
     */
    private Map<Long, SupplyFigures> supplierFigures(Long supplierId, AnalysisRequest request, int lowStockBelow) {
        Map<Long, SupplyFigures> figures = catalogueAndRatings("p.supplierId",
                supplierId == null ? where -> where.add("p.supplierId is not null") : ofSupplier(supplierId), lowStockBelow);
        for (HqlConditions periods : KeptPeriods.of(request.from, request.to)) {
            periods.addIfSet("d.supplierId = :supplierId", "supplierId", supplierId);
            grouped(figures, periods.bind(em.createQuery("select d.supplierId, sum(d.units), sum(d.revenue), sum(d.orders) "
                    + "from SupplierSalesPeriod d where " + periods.hql() + " group by d.supplierId", Object[].class)),
                    SupplierQueries::addSales);
            grouped(figures, periods.bind(em.createQuery("select d.supplierId, sum(d.returns) from SupplierReturnsPeriod d where "
                    + periods.hql() + " group by d.supplierId", Object[].class)), SupplierQueries::addReturns);
        }
        return figures;
    }

    /**
     * The products, those low on stock and the ratings per key ({@code p.supplierId} or {@code p.id}) of the products
     * (alias {@code p}) that {@code restrict} keeps: it adds its clause to the conditions of each query.
     */
    private Map<Long, SupplyFigures> catalogueAndRatings(String key, UnaryOperator<HqlConditions> restrict, int lowStockBelow) {
        Map<Long, SupplyFigures> figures = new HashMap<>();
        HqlConditions catalogue = restrict.apply(new HqlConditions());
        grouped(figures, catalogue.bind(em.createQuery("select " + key + ", count(p.id), "
                        + "sum(case when p.stockQuantity < :lowStockBelow then 1 else 0 end) from Product p where " + catalogue.hql()
                        + " group by " + key, Object[].class)).setParameter("lowStockBelow", lowStockBelow),
                (f, r) -> {
                    f.products = number(r[1]);
                    f.lowStockProducts = number(r[2]);
                });
        HqlConditions rated = restrict.apply(new HqlConditions());
        grouped(figures, rated.bind(em.createQuery("select " + key + ", sum(r.ratingTotal), sum(r.reviews) "
                        + "from ProductRatingTotal r join Product p on p.id = r.productId where " + rated.hql() + " group by " + key,
                        Object[].class)),
                (f, r) -> {
                    f.ratingTotal = number(r[1]);
                    f.reviews = number(r[2]);
                });
        return figures;
    }

    /** Adds a sales row: key, units, revenue, orders. */
    private static void addSales(SupplyFigures f, Object[] r) {
        f.unitsSold += number(r[1]);
        f.revenue = r[2] == null ? f.revenue : f.revenue.add((BigDecimal) r[2]);
        f.orders += number(r[3]);
    }

    /** Adds a returns row: key, returns. */
    private static void addReturns(SupplyFigures f, Object[] r) {
        f.returns += number(r[1]);
    }

    private static void grouped(Map<Long, SupplyFigures> figures, TypedQuery<Object[]> query, BiConsumer<SupplyFigures, Object[]> read) {
        for (Object[] row : query.getResultList()) {
            read.accept(figures.computeIfAbsent((Long) row[0], k -> new SupplyFigures()), row);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
