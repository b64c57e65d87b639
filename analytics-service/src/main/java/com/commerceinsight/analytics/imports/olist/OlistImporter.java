package com.commerceinsight.analytics.imports.olist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.imports.DatasetImporter;
import com.commerceinsight.analytics.imports.ImportSession;

/**
 * Imports a folder in the public Olist CSV layout (the eight files named below) into the commerce schema.
 * <p>
 * Mapping:
 * <ul>
 * <li>category translations: one category per row, external_ref = the Portuguese name, name = the English one.
 * A product category without a translation gets a category named by its Portuguese name (a note on the products
 * file); a product with an empty category has no category (a note).</li>
 * <li>sellers: suppliers, external_ref = seller_id, with zip code prefix, city, state, country Brazil.</li>
 * <li>customers: Olist's customer_id is per order, customer_unique_id is the person. One customer row per
 * customer_unique_id (external_ref); every customer_id maps to its person's row. A later customer_id of a person
 * already seen keeps the first record's address (a note).</li>
 * <li>products: external_ref = product_id, weight, dimensions and photo count. Olist publishes no product names,
 * only their lengths (the misspelled product_name_lenght, product_description_lenght), which are not kept.</li>
 * <li>orders: external_ref = order_id; kind sale, currency BRL, country Brazil; shipped_at is the hand-over to the
 * carrier, delivered_at the delivery to the customer (empty when not delivered). total_amount and freight_amount
 * are the sums of the order's item prices and freights in the order items file; an order none of whose items is
 * in the extract gets 0 for both (a note), so a total never counts lines that are not in the database.</li>
 * <li>order items: one order line each, line_number = order_item_id, quantity 1 (Olist writes one row per unit),
 * unit_price = price, seller and shipping limit kept.</li>
 * <li>payments: sequence_no = payment_sequential, method = payment_type; status succeeded and paid_at empty,
 * because Olist lists settled payments without their time; the customer is the order's.</li>
 * <li>reviews: of an order, not a product (product_id empty); the customer is the order's; reviewed_at =
 * review_creation_date, answered_at = review_answer_timestamp. Olist gives some review_ids to several orders (one
 * review covering orders bought together): every pair is a review row, the first one loaded has external_ref =
 * review_id and each later one review_id + "/" + its occurrence number (2, 3, ...; see {@link ReviewRefs}).</li>
 * </ul>
 * Dangling references (an extract cut table by table, see the import report for every case):
 * <ul>
 * <li>an order whose customer_id is not in the customers file gets a placeholder customer, external_ref
 * "order-customer:" + customer_id, a person the extract cannot identify (a note per placeholder);</li>
 * <li>an order item, payment or review whose order_id is not in the orders file (or whose order was rejected) is
 * rejected with that reason: it cannot be placed in time nor tied to a customer;</li>
 * <li>an order item whose product_id or seller_id is not in the products or sellers file keeps its line and gets a
 * placeholder product or supplier with that external_ref (a note per placeholder).</li>
 * </ul>
 * A key defined twice in its own file rejects the later record; text values are trimmed.
 */
@ApplicationScoped
public class OlistImporter implements DatasetImporter {

    public static final String FORMAT = "olist";

    public static final String CATEGORY_TRANSLATIONS = "product_category_name_translation.csv";
    public static final String SELLERS = "olist_sellers_dataset.csv";
    public static final String CUSTOMERS = "olist_customers_dataset.csv";
    public static final String PRODUCTS = "olist_products_dataset.csv";
    public static final String ORDERS = "olist_orders_dataset.csv";
    public static final String ORDER_ITEMS = "olist_order_items_dataset.csv";
    public static final String PAYMENTS = "olist_order_payments_dataset.csv";
    public static final String REVIEWS = "olist_order_reviews_dataset.csv";

    static final List<String> FILES = List.of(
            CATEGORY_TRANSLATIONS, SELLERS, CUSTOMERS, PRODUCTS, ORDERS, ORDER_ITEMS, PAYMENTS, REVIEWS);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void importInto(ImportSession session, Path folder) throws Exception {
        List<String> missing = FILES.stream().filter(file -> !Files.isRegularFile(folder.resolve(file))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not an Olist folder, it lacks " + String.join(", ", missing));
        }
        new OlistLoad(session, folder).run();
    }
}
