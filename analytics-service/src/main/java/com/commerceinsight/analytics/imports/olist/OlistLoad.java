package com.commerceinsight.analytics.imports.olist;

import static com.commerceinsight.analytics.imports.FieldParser.nonNegativeDecimal;
import static com.commerceinsight.analytics.imports.FieldParser.optionalDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.optionalNonNegativeInt;
import static com.commerceinsight.analytics.imports.FieldParser.rating;
import static com.commerceinsight.analytics.imports.FieldParser.required;
import static com.commerceinsight.analytics.imports.FieldParser.requiredDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.requiredInt;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.CATEGORY_TRANSLATIONS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.CUSTOMERS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.ORDERS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.ORDER_ITEMS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.PAYMENTS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.PRODUCTS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.REVIEWS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.SELLERS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.imports.CommerceStatuses;
import com.commerceinsight.analytics.jdbc.CommerceTable;
import com.commerceinsight.analytics.ids.IdAllocator;
import com.commerceinsight.analytics.imports.ImportSession;
import com.commerceinsight.analytics.jdbc.RecordRejectedException;
import com.commerceinsight.analytics.imports.SourceKeys;
import com.commerceinsight.analytics.imports.SourceRecord;
import com.commerceinsight.analytics.imports.TabularFile;

/** One run of the Olist import (rules in {@link OlistImporter}): the files in dependency order and their key maps. */
final class OlistLoad {

    static final String COUNTRY = "Brazil";
    static final String CURRENCY = "BRL";

    private static final int TITLE_LENGTH = 200;
    private static final int COMMENT_LENGTH = 4000;

    /** Maps and loads one record; throws RecordRejectedException to reject it. */
    @FunctionalInterface
    private interface RecordLoad {
        void load(SourceRecord record) throws Exception;
    }

    private final ImportSession session;
    private final Path folder;
    private final Connection connection;
    /** The data_source written on every row. */
    private final String tag;

    private final IdAllocator categoryIds;
    private final IdAllocator supplierIds;
    private final IdAllocator customerIds;
    private final IdAllocator productIds;

    private final SourceKeys<String> categories = new SourceKeys<>(CATEGORY_TRANSLATIONS);
    private final SourceKeys<String> suppliers = new SourceKeys<>(SELLERS);
    private final SourceKeys<String> persons = new SourceKeys<>(CUSTOMERS);
    /** customer_id (per order) to the person's customer row. */
    private final SourceKeys<String> customers = new SourceKeys<>(CUSTOMERS);
    private final SourceKeys<String> products = new SourceKeys<>(PRODUCTS);
    private final SourceKeys<String> orders = new SourceKeys<>(ORDERS);
    /** Every order_id of the orders file, loaded or rejected, to tell a rejected order from an absent one. */
    private final Set<String> ordersInFile = new HashSet<>();
    /** Order row id to its customer row id, for the payments and reviews. */
    private final Map<Long, Long> customerOfOrder = new HashMap<>();

    OlistLoad(ImportSession session, Path folder) {
        this.session = session;
        this.folder = folder;
        this.connection = session.connection();
        this.tag = session.dataSource();
        this.categoryIds = CommerceTable.CATEGORY.ids(connection);
        this.supplierIds = CommerceTable.SUPPLIER.ids(connection);
        this.customerIds = CommerceTable.CUSTOMER.ids(connection);
        this.productIds = CommerceTable.PRODUCT.ids(connection);
    }

    void run() throws Exception {
        loadCategoryTranslations();
        loadSellers();
        loadCustomers();
        loadProducts();
        loadOrders(sumOrderItems());
        loadOrderItems();
        loadPayments();
        loadReviews();
    }

    private void loadCategoryTranslations() throws Exception {
        try (BatchInserter insert = CommerceTable.CATEGORY.inserter(connection)) {
            load(CATEGORY_TRANSLATIONS, r -> {
                String portuguese = newKey(categories, r, "product_category_name");
                String english = required(r, "product_category_name_english");
                long id = categoryIds.next();
                insert.add(id, tag, portuguese, english, null, null);
                categories.put(portuguese, id);
            });
        }
    }

    private void loadSellers() throws Exception {
        try (BatchInserter insert = CommerceTable.SUPPLIER.inserter(connection)) {
            load(SELLERS, r -> {
                String sellerId = newKey(suppliers, r, "seller_id");
                long id = supplierIds.next();
                insert.add(id, tag, sellerId, null, null, null, null, null,
                        r.get("seller_city"), r.get("seller_state"), r.get("seller_zip_code_prefix"), COUNTRY);
                suppliers.put(sellerId, id);
            });
        }
    }

    private void loadCustomers() throws Exception {
        try (BatchInserter insert = CommerceTable.CUSTOMER.inserter(connection)) {
            load(CUSTOMERS, r -> {
                String customerId = newKey(customers, r, "customer_id");
                String person = required(r, "customer_unique_id");
                Long id = persons.find(person);
                if (id == null) {
                    id = customerIds.next();
                    insert.add(id, tag, person, null, null, null, null, null, r.get("customer_city"),
                            r.get("customer_state"), r.get("customer_zip_code_prefix"), COUNTRY, null);
                    persons.put(person, id);
                } else {
                    session.report().file(CUSTOMERS).note(OlistNotes.PERSON_SEEN);
                }
                customers.put(customerId, id);
            });
        }
    }

    private void loadProducts() throws Exception {
        try (BatchInserter insert = CommerceTable.PRODUCT.inserter(connection);
             PlaceholderRows untranslated = new PlaceholderRows(connection, CommerceTable.CATEGORY, categoryIds, categories,
                     (id, portuguese) -> new Object[] {id, tag, portuguese, portuguese, null, null},
                     session.report().file(PRODUCTS), OlistNotes.UNTRANSLATED_CATEGORY)) {
            load(PRODUCTS, r -> {
                String productId = newKey(products, r, "product_id");
                String categoryName = r.get("product_category_name");
                Integer photos = optionalNonNegativeInt(r, "product_photos_qty");
                Integer weight = optionalNonNegativeInt(r, "product_weight_g");
                Integer length = optionalNonNegativeInt(r, "product_length_cm");
                Integer height = optionalNonNegativeInt(r, "product_height_cm");
                Integer width = optionalNonNegativeInt(r, "product_width_cm");
                Long category = null;
                if (categoryName == null) {
                    session.report().file(PRODUCTS).note(OlistNotes.NO_CATEGORY);
                } else {
                    category = untranslated.idFor(categoryName);
                }
                long id = productIds.next();
                insert.add(id, tag, productId, null, null, null, null, category, null, null,
                        weight, length, height, width, photos);
                products.put(productId, id);
            });
        }
    }

    /** The totals of the order items that will load (a malformed item is rejected later, when its file loads). */
    private OrderTotals sumOrderItems() throws IOException {
        OrderTotals totals = new OrderTotals();
        try (TabularFile records = TabularFile.open(folder.resolve(ORDER_ITEMS))) {
            for (SourceRecord r : records) {
                try {
                    totals.add(OlistOrderItem.parse(r));
                } catch (RecordRejectedException malformed) {
                    // counted and reported by loadOrderItems
                }
            }
        }
        return totals;
    }

    private void loadOrders(OrderTotals totals) throws Exception {
        IdAllocator ids = CommerceTable.ORDERS.ids(connection);
        try (BatchInserter insert = CommerceTable.ORDERS.inserter(connection);
             PlaceholderRows unknownCustomers = new PlaceholderRows(connection, CommerceTable.CUSTOMER, customerIds, customers,
                     (id, customerId) -> new Object[] {id, tag, OlistNotes.PLACEHOLDER_CUSTOMER_PREFIX + customerId,
                             null, null, null, null, null, null, null, null, COUNTRY, null},
                     session.report().file(ORDERS), OlistNotes.PLACEHOLDER_CUSTOMER)) {
            load(ORDERS, r -> {
                ordersInFile.add(r.get("order_id"));
                String orderId = newKey(orders, r, "order_id");
                String customerId = required(r, "customer_id");
                String status = CommerceStatuses.order(required(r, "order_status"));
                LocalDateTime orderedAt = requiredDateTime(r, "order_purchase_timestamp");
                LocalDateTime approvedAt = optionalDateTime(r, "order_approved_at");
                LocalDateTime shippedAt = optionalDateTime(r, "order_delivered_carrier_date");
                LocalDateTime deliveredAt = optionalDateTime(r, "order_delivered_customer_date");
                LocalDateTime estimatedAt = optionalDateTime(r, "order_estimated_delivery_date");
                long customer = unknownCustomers.idFor(customerId);
                if (!totals.hasItems(orderId)) {
                    session.report().file(ORDERS).note(OlistNotes.NO_ITEMS);
                }
                long id = ids.next();
                insert.add(id, tag, orderId, customer, "sale", status, orderedAt, approvedAt, shippedAt,
                        deliveredAt, estimatedAt, totals.price(orderId), totals.freight(orderId), CURRENCY, COUNTRY);
                orders.put(orderId, id);
                customerOfOrder.put(id, customer);
            });
        }
    }

    private void loadOrderItems() throws Exception {
        IdAllocator ids = CommerceTable.ORDER_LINE.ids(connection);
        try (BatchInserter insert = CommerceTable.ORDER_LINE.inserter(connection);
             PlaceholderRows unknownProducts = new PlaceholderRows(connection, CommerceTable.PRODUCT, productIds, products,
                     (id, productId) -> new Object[] {id, tag, productId, null, null, null, null, null, null, null,
                             null, null, null, null, null},
                     session.report().file(ORDER_ITEMS), OlistNotes.PLACEHOLDER_PRODUCT);
             PlaceholderRows unknownSellers = new PlaceholderRows(connection, CommerceTable.SUPPLIER, supplierIds, suppliers,
                     (id, sellerId) -> new Object[] {id, tag, sellerId, null, null, null, null, null, null, null, null, COUNTRY},
                     session.report().file(ORDER_ITEMS), OlistNotes.PLACEHOLDER_SELLER)) {
            load(ORDER_ITEMS, r -> {
                OlistOrderItem item = OlistOrderItem.parse(r);
                long order = order(item.orderId());
                long product = unknownProducts.idFor(item.productId());
                long seller = unknownSellers.idFor(item.sellerId());
                insert.add(ids.next(), order, item.itemNumber(), product, seller, 1, item.price(), item.freight(),
                        item.shippingLimitAt());
            });
        }
    }

    private void loadPayments() throws Exception {
        IdAllocator ids = CommerceTable.PAYMENT.ids(connection);
        try (BatchInserter insert = CommerceTable.PAYMENT.inserter(connection)) {
            load(PAYMENTS, r -> {
                String orderId = required(r, "order_id");
                int sequence = requiredInt(r, "payment_sequential");
                String method = required(r, "payment_type");
                Integer instalments = optionalNonNegativeInt(r, "payment_installments");
                BigDecimal amount = nonNegativeDecimal(r, "payment_value");
                long order = order(orderId);
                insert.add(ids.next(), order, customerOfOrder.get(order), sequence, method, instalments, amount, null,
                        "succeeded");
            });
        }
    }

    private void loadReviews() throws Exception {
        IdAllocator ids = CommerceTable.REVIEW.ids(connection);
        ReviewRefs refs = new ReviewRefs();
        try (BatchInserter insert = CommerceTable.REVIEW.inserter(connection)) {
            load(REVIEWS, r -> {
                String reviewId = required(r, "review_id");
                String orderId = required(r, "order_id");
                int rating = rating(r, "review_score");
                String title = text(r, "review_comment_title", TITLE_LENGTH);
                String comment = text(r, "review_comment_message", COMMENT_LENGTH);
                LocalDateTime reviewedAt = optionalDateTime(r, "review_creation_date");
                LocalDateTime answeredAt = optionalDateTime(r, "review_answer_timestamp");
                long order = order(orderId);
                String ref = refs.next(reviewId);
                if (!ref.equals(reviewId)) {
                    session.report().file(REVIEWS).note(OlistNotes.REPEATED_REVIEW);
                }
                insert.add(ids.next(), tag, ref, null, customerOfOrder.get(order), order, rating, title, comment,
                        reviewedAt, answeredAt);
            });
        }
    }

    private void load(String file, RecordLoad recordLoad) throws Exception {
        try (TabularFile records = TabularFile.open(folder.resolve(file))) {
            for (SourceRecord r : records) {
                session.load(file, r.number(), () -> recordLoad.load(r));
            }
        }
        session.endFile(file);
    }

    /** The order row of an order_id; rejects the referring record when the order was not loaded. */
    private long order(String orderId) {
        Long id = orders.find(orderId);
        if (id == null && ordersInFile.contains(orderId)) {
            throw new RecordRejectedException("order_id " + orderId + " was rejected in " + ORDERS);
        }
        return orders.resolve("order_id", orderId);
    }

    /** A key of the file being loaded; a repeat would clash with the first record's row, so it is rejected. */
    private static String newKey(SourceKeys<String> keys, SourceRecord r, String field) {
        String key = required(r, field);
        if (keys.contains(key)) {
            throw new RecordRejectedException(field + " " + key + " appears again; its first record was kept");
        }
        return key;
    }

    private static String text(SourceRecord r, String field, int maxLength) {
        String value = r.get(field);
        if (value != null && value.length() > maxLength) {
            throw new RecordRejectedException(field + " is longer than " + maxLength + " characters: " + value.length());
        }
        return value;
    }
}
