package com.commerceinsight.analytics.analyses;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.commerceinsight.analytics.analyses.ShopSnapshot.CustomerRow;
import com.commerceinsight.analytics.analyses.ShopSnapshot.OrderRow;

/**
 * The test's own reading of "a sale" and of the request filters, written straight from the documented rules over
 * snapshot rows: kind sale, status not cancelled/unavailable, no refunded payment.
 */
final class ReferenceSales {

    private final ShopSnapshot shop;
    private final Set<Long> refunded;
    private final Map<Long, CustomerRow> customers;

    ReferenceSales(ShopSnapshot shop) {
        this.shop = shop;
        this.refunded = shop.payments().stream().filter(p -> p.status().equals("refunded")).map(ShopSnapshot.PaymentRow::orderId)
                .collect(Collectors.toSet());
        this.customers = shop.customers().stream().collect(Collectors.toMap(CustomerRow::id, c -> c));
    }

    boolean isSale(OrderRow o) {
        return o.kind().equals("sale") && !o.status().equals("cancelled") && !o.status().equals("unavailable")
                && !refunded.contains(o.id());
    }

    /** Sales passing the request's order filters (dates inclusive, customer country/state, status, succeeded payment method). */
    Predicate<OrderRow> sales(AnalysisRequest r) {
        return o -> isSale(o) && matches(r, o);
    }

    boolean matches(AnalysisRequest r, OrderRow o) {
        LocalDate day = o.orderedAt().toLocalDate();
        CustomerRow customer = o.customerId() == null ? null : customers.get(o.customerId());
        return (r.from == null || !day.isBefore(r.from))
                && (r.to == null || !day.isAfter(r.to))
                && (r.country == null || customer != null && r.country.equals(customer.country()))
                && (r.state == null || customer != null && r.state.equals(customer.state()))
                && (r.status == null || r.status.equals(o.status()))
                && (r.paymentMethod == null || shop.payments().stream().anyMatch(p -> p.orderId() == o.id()
                        && p.status().equals("succeeded") && p.method().equals(r.paymentMethod)));
    }

    /** The category and its direct subcategories, or every product when no category is asked. */
    Predicate<Long> inCategory(Long categoryId) {
        if (categoryId == null) {
            return product -> true;
        }
        Set<Long> categories = shop.categories().stream()
                .filter(c -> c.id() == categoryId || categoryId.equals(c.parentId()))
                .map(ShopSnapshot.CategoryRow::id).collect(Collectors.toSet());
        Map<Long, ShopSnapshot.ProductRow> products = shop.productsById();
        return product -> products.get(product).categoryId() != null && categories.contains(products.get(product).categoryId());
    }
}
