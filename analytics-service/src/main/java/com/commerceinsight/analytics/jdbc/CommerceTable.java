package com.commerceinsight.analytics.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import com.commerceinsight.analytics.ids.IdAllocator;

/**
 * The commerce tables as the bulk loaders write them: every column in insert order with its JDBC type.
 * Each loader (the importers and the generator) passes values in exactly this order, so there is one place
 * that knows the column lists. Keep in step with db/analytics-changelog.xml.
 */
public enum CommerceTable {
    CATEGORY("category", "id:BIGINT data_source external_ref name description parent_id:BIGINT"),
    SUPPLIER("supplier", "id:BIGINT data_source external_ref name contact_person email phone address city state zip_code_prefix country"),
    CUSTOMER("customer", "id:BIGINT data_source external_ref first_name last_name email phone address city state zip_code_prefix country registered_at:TIMESTAMP"),
    PRODUCT("product", "id:BIGINT data_source external_ref sku name description price:DECIMAL category_id:BIGINT supplier_id:BIGINT stock_quantity:INTEGER weight_grams:INTEGER length_cm:INTEGER height_cm:INTEGER width_cm:INTEGER photo_count:INTEGER"),
    ORDERS("orders", "id:BIGINT data_source external_ref customer_id:BIGINT kind status ordered_at:TIMESTAMP approved_at:TIMESTAMP shipped_at:TIMESTAMP delivered_at:TIMESTAMP estimated_delivery_at:TIMESTAMP total_amount:DECIMAL freight_amount:DECIMAL currency country"),
    ORDER_LINE("order_line", "id:BIGINT order_id:BIGINT line_number:INTEGER product_id:BIGINT seller_id:BIGINT quantity:INTEGER unit_price:DECIMAL freight_amount:DECIMAL shipping_limit_at:TIMESTAMP"),
    PAYMENT("payment", "id:BIGINT order_id:BIGINT customer_id:BIGINT sequence_no:INTEGER method instalments:INTEGER amount:DECIMAL paid_at:TIMESTAMP status"),
    SHIPMENT("shipment", "id:BIGINT order_id:BIGINT shipped_at:TIMESTAMP tracking_number carrier status"),
    ORDER_RETURN("order_return", "id:BIGINT order_id:BIGINT returned_at:TIMESTAMP reason status"),
    REVIEW("review", "id:BIGINT data_source external_ref product_id:BIGINT customer_id:BIGINT order_id:BIGINT rating:SMALLINT title comment reviewed_at:TIMESTAMP answered_at:TIMESTAMP"),
    WISHLIST_ITEM("wishlist_item", "id:BIGINT customer_id:BIGINT product_id:BIGINT added_at:TIMESTAMP"),
    DISCOUNT("discount", "id:BIGINT code percentage:DECIMAL starts_at:TIMESTAMP ends_at:TIMESTAMP is_active:BOOLEAN product_id:BIGINT category_id:BIGINT"),
    INVENTORY_MOVEMENT("inventory_movement", "id:BIGINT product_id:BIGINT quantity:INTEGER movement_type moved_at:TIMESTAMP"),
    CUSTOMER_SESSION("customer_session", "id:BIGINT customer_id:BIGINT started_at:TIMESTAMP ended_at:TIMESTAMP ip_address");

    private final String tableName;
    private final List<BatchInserter.Column> columns;

    CommerceTable(String tableName, String columnSpec) {
        this.tableName = tableName;
        this.columns = Arrays.stream(columnSpec.split(" ")).map(CommerceTable::column).toList();
    }

    /** "name:TYPE", or a bare name for text. */
    private static BatchInserter.Column column(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new BatchInserter.Column(spec, Types.VARCHAR);
        }
        int type = switch (spec.substring(colon + 1)) {
            case "BIGINT" -> Types.BIGINT;
            case "INTEGER" -> Types.INTEGER;
            case "SMALLINT" -> Types.SMALLINT;
            case "DECIMAL" -> Types.DECIMAL;
            case "TIMESTAMP" -> Types.TIMESTAMP;
            case "BOOLEAN" -> Types.BOOLEAN;
            default -> throw new IllegalArgumentException(spec);
        };
        return new BatchInserter.Column(spec.substring(0, colon), type);
    }

    public String qualifiedName() {
        return "commerce." + tableName;
    }

    public List<BatchInserter.Column> columns() {
        return columns;
    }

    public BatchInserter inserter(Connection connection) throws SQLException {
        return new BatchInserter(connection, qualifiedName(), columns);
    }

    public IdAllocator ids(Connection connection) {
        return IdAllocator.forCommerceTable(connection, tableName);
    }
}
