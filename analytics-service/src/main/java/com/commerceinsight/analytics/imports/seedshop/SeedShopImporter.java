package com.commerceinsight.analytics.imports.seedshop;

import static com.commerceinsight.analytics.imports.FieldParser.nonNegativeDecimal;
import static com.commerceinsight.analytics.imports.FieldParser.optionalDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.optionalLong;
import static com.commerceinsight.analytics.imports.FieldParser.optionalNonNegativeInt;
import static com.commerceinsight.analytics.imports.FieldParser.rating;
import static com.commerceinsight.analytics.imports.FieldParser.required;
import static com.commerceinsight.analytics.imports.FieldParser.requiredDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.requiredDecimal;
import static com.commerceinsight.analytics.imports.FieldParser.requiredFlag;
import static com.commerceinsight.analytics.imports.FieldParser.requiredInt;
import static com.commerceinsight.analytics.imports.FieldParser.requiredLong;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.imports.CommerceStatuses;
import com.commerceinsight.analytics.jdbc.CommerceTable;
import com.commerceinsight.analytics.imports.DatasetImporter;
import com.commerceinsight.analytics.ids.IdAllocator;
import com.commerceinsight.analytics.imports.ImportSession;
import com.commerceinsight.analytics.jdbc.RecordRejectedException;
import com.commerceinsight.analytics.imports.SourceKeys;
import com.commerceinsight.analytics.imports.SourceRecord;
import com.commerceinsight.analytics.imports.TabularFile;

/**
 * Imports the original system's database export: a folder with one CSV per table (categories.csv ...
 * customer_sessions.csv). Rows get new ids from the sequences; the source id is kept as external_ref where the
 * table has one. A reference to a row the export does not hold rejects the referring record.
 */
@ApplicationScoped
public class SeedShopImporter implements DatasetImporter {

    public static final String FORMAT = "seed-shop";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void importInto(ImportSession session, Path folder) throws Exception {
        new Load(session, folder).run();
    }

    /** One run of the import: the key maps of the tables loaded so far. */
    private static final class Load {
        private final ImportSession session;
        private final Path folder;
        private final String tag;
        private final SourceKeys<Long> categories = new SourceKeys<>("categories.csv");
        private final SourceKeys<Long> suppliers = new SourceKeys<>("suppliers.csv");
        private final SourceKeys<Long> customers = new SourceKeys<>("customers.csv");
        /** The file's inserter, so a mapper that records a key can first check that its row fits the table. */
        private BatchInserter current;
        private final SourceKeys<Long> products = new SourceKeys<>("products.csv");
        private final SourceKeys<Long> orders = new SourceKeys<>("orders.csv");

        Load(ImportSession session, Path folder) {
            this.session = session;
            this.folder = folder;
            this.tag = session.dataSource();
        }

        void run() throws Exception {
            loadCategories();
            loadFile("suppliers.csv", CommerceTable.SUPPLIER, (r, id) -> {
                Object[] row = current.checked(id, tag, required(r, "id"), r.get("name"), r.get("contact_person"), r.get("email"),
                        r.get("phone"), r.get("address"), null, null, null, null);
                suppliers.put(requiredLong(r, "id"), id);
                return row;
            });
            loadFile("customers.csv", CommerceTable.CUSTOMER, (r, id) -> {
                Object[] row = current.checked(id, tag, required(r, "id"), r.get("first_name"), r.get("last_name"), r.get("email"),
                        r.get("phone"), r.get("address"), null, null, null, null, optionalDateTime(r, "registration_date"));
                customers.put(requiredLong(r, "id"), id);
                return row;
            });
            loadFile("products.csv", CommerceTable.PRODUCT, (r, id) -> {
                Long category = categories.resolveOptional("category_id", optionalLong(r, "category_id"));
                Long supplier = suppliers.resolveOptional("supplier_id", optionalLong(r, "supplier_id"));
                Object[] row = current.checked(id, tag, required(r, "id"), r.get("sku"), required(r, "name"), r.get("description"),
                        requiredDecimal(r, "price"), category, supplier, optionalNonNegativeInt(r, "stock_quantity"),
                        null, null, null, null, null);
                products.put(requiredLong(r, "id"), id);
                return row;
            });
            loadFile("orders.csv", CommerceTable.ORDERS, (r, id) -> {
                long customer = customers.resolve("customer_id", requiredLong(r, "customer_id"));
                Object[] row = current.checked(id, tag, required(r, "id"), customer, "sale", CommerceStatuses.order(required(r, "status")),
                        requiredDateTime(r, "order_date"), null, null, null, null, requiredDecimal(r, "total_amount"), null, null, null);
                orders.put(requiredLong(r, "id"), id);
                return row;
            });
            loadFile("order_details.csv", CommerceTable.ORDER_LINE, (r, id) -> new Object[] {id,
                    orders.resolve("order_id", requiredLong(r, "order_id")), 1,
                    products.resolve("product_id", requiredLong(r, "product_id")), null,
                    nonZero(requiredInt(r, "quantity")), requiredDecimal(r, "unit_price"), null, null});
            loadFile("payments.csv", CommerceTable.PAYMENT, (r, id) -> new Object[] {id,
                    orders.resolve("order_id", requiredLong(r, "order_id")),
                    customers.resolveOptional("customer_id", optionalLong(r, "customer_id")), 1,
                    required(r, "payment_method"), null, nonNegativeDecimal(r, "amount"), optionalDateTime(r, "payment_date"),
                    CommerceStatuses.payment(required(r, "status"))});
            loadFile("shipping.csv", CommerceTable.SHIPMENT, (r, id) -> new Object[] {id,
                    orders.resolve("order_id", requiredLong(r, "order_id")), optionalDateTime(r, "shipping_date"),
                    r.get("tracking_number"), r.get("carrier"), required(r, "status")});
            loadFile("returns.csv", CommerceTable.ORDER_RETURN, (r, id) -> new Object[] {id,
                    orders.resolve("order_id", requiredLong(r, "order_id")), optionalDateTime(r, "return_date"),
                    r.get("reason"), required(r, "status")});
            loadFile("reviews.csv", CommerceTable.REVIEW, (r, id) -> new Object[] {id, tag, required(r, "id"),
                    products.resolve("product_id", requiredLong(r, "product_id")),
                    customers.resolveOptional("customer_id", optionalLong(r, "customer_id")), null,
                    rating(r, "rating"), null, r.get("comment"), optionalDateTime(r, "review_date"), null});
            loadFile("wishlists.csv", CommerceTable.WISHLIST_ITEM, (r, id) -> new Object[] {id,
                    customers.resolve("customer_id", requiredLong(r, "customer_id")),
                    products.resolve("product_id", requiredLong(r, "product_id")), requiredDateTime(r, "added_date")});
            loadFile("discounts.csv", CommerceTable.DISCOUNT, (r, id) -> new Object[] {id, required(r, "code"),
                    requiredDecimal(r, "percentage"), requiredDateTime(r, "start_date"), requiredDateTime(r, "end_date"),
                    requiredFlag(r, "is_active"), products.resolveOptional("product_id", optionalLong(r, "product_id")),
                    categories.resolveOptional("category_id", optionalLong(r, "category_id"))});
            loadFile("inventory_movements.csv", CommerceTable.INVENTORY_MOVEMENT, (r, id) -> new Object[] {id,
                    products.resolve("product_id", requiredLong(r, "product_id")), requiredInt(r, "quantity"),
                    required(r, "movement_type"), requiredDateTime(r, "movement_date")});
            loadFile("customer_sessions.csv", CommerceTable.CUSTOMER_SESSION, (r, id) -> new Object[] {id,
                    customers.resolve("customer_id", requiredLong(r, "customer_id")), requiredDateTime(r, "session_start"),
                    optionalDateTime(r, "session_end"), r.get("ip_address")});
        }

        /**
         * Categories refer to their parents, possibly to later rows: all are inserted first, then the parent links
         * are set, so the order of the file does not matter.
         */
        private void loadCategories() throws Exception {
            String file = "categories.csv";
            List<long[]> parentLinks = new ArrayList<>();
            List<SourceRecord> withParent = new ArrayList<>();
            IdAllocator ids = CommerceTable.CATEGORY.ids(session.connection());
            try (TabularFile records = TabularFile.open(folder.resolve(file));
                 BatchInserter insert = CommerceTable.CATEGORY.inserter(session.connection())) {
                for (SourceRecord r : records) {
                    session.load(file, r.number(), () -> {
                        long sourceId = requiredLong(r, "id");
                        optionalLong(r, "parent_id"); // a malformed parent rejects the category now, not after insert
                        long id = ids.next();
                        insert.add(id, tag, Long.toString(sourceId), required(r, "name"), r.get("description"), null);
                        categories.put(sourceId, id);
                        if (r.get("parent_id") != null) {
                            withParent.add(r);
                        }
                    });
                }
            }
            for (SourceRecord r : withParent) {
                long parentSourceId = requiredLong(r, "parent_id");
                Long parent = categories.find(parentSourceId);
                if (parent == null) {
                    session.report().file(file).note("parent_id not in categories.csv, left empty");
                    continue;
                }
                parentLinks.add(new long[] {categories.resolve("id", requiredLong(r, "id")), parent});
            }
            try (PreparedStatement update = session.connection().prepareStatement(
                    "UPDATE " + CommerceTable.CATEGORY.qualifiedName() + " SET parent_id = ? WHERE id = ?")) {
                for (long[] link : parentLinks) {
                    update.setLong(1, link[1]);
                    update.setLong(2, link[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            session.endFile(file);
        }

        /** Maps a record to a row given its new id; throws RecordRejectedException to reject it. */
        @FunctionalInterface
        private interface RowMapper {
            Object[] map(SourceRecord record, long id) throws Exception;
        }

        private void loadFile(String file, CommerceTable table, RowMapper mapper) throws Exception {
            IdAllocator ids = table.ids(session.connection());
            try (TabularFile records = TabularFile.open(folder.resolve(file));
                 BatchInserter insert = table.inserter(session.connection())) {
                current = insert;
                for (SourceRecord r : records) {
                    session.load(file, r.number(), () -> {
                        Object[] row = mapper.map(r, ids.next());
                        insert.add(row);
                    });
                }
            }
            session.endFile(file);
        }

        private static int nonZero(int quantity) {
            if (quantity == 0) {
                throw new RecordRejectedException("quantity is 0");
            }
            return quantity;
        }
    }
}
