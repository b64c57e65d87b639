package com.commerceinsight.analytics.imports.olist;

import static com.commerceinsight.analytics.imports.olist.OlistImporter.CATEGORY_TRANSLATIONS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.CUSTOMERS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.ORDER_ITEMS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.PRODUCTS;
import static com.commerceinsight.analytics.imports.olist.OlistImporter.SELLERS;

/** The notes of an Olist import report: one per documented special case, counted once per occurrence. */
public final class OlistNotes {

    /** The external_ref of a customer made for an order whose customer_id is not in the customers file. */
    public static final String PLACEHOLDER_CUSTOMER_PREFIX = "order-customer:";

    public static final String UNTRANSLATED_CATEGORY = "product_category_name not in " + CATEGORY_TRANSLATIONS
            + ": category created with the Portuguese name";
    public static final String NO_CATEGORY = "product_category_name empty: product without category";
    public static final String PERSON_SEEN = "customer_unique_id already seen: customer_id mapped to that customer, first address kept";
    public static final String PLACEHOLDER_CUSTOMER = "customer_id not in " + CUSTOMERS
            + ": placeholder customer '" + PLACEHOLDER_CUSTOMER_PREFIX + "<customer_id>' created";
    public static final String NO_ITEMS = "no item in " + ORDER_ITEMS + ": total_amount and freight_amount 0";
    public static final String PLACEHOLDER_PRODUCT = "product_id not in " + PRODUCTS + ": placeholder product created";
    public static final String PLACEHOLDER_SELLER = "seller_id not in " + SELLERS + ": placeholder supplier created";
    public static final String REPEATED_REVIEW = "review_id already used for another order: external_ref review_id/n";

    private OlistNotes() {
    }
}
