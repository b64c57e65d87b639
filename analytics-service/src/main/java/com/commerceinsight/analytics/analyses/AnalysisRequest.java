package com.commerceinsight.analytics.analyses;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.commerceinsight.analytics.imports.CommerceStatuses;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * The query parameters of an analysis: order filters and the page of a list. Every one is optional; dates are inclusive calendar days
 * of the order time. Country and state are the customer's.
 */
public class AnalysisRequest {

    @QueryParam("from")
    @Parameter(description = "First order day included (ISO date); for the customer-history analyses (retention, "
            + "new vs returning, cohorts, RFM) the first day of the first sales or periods reported")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last order day included (ISO date); see from")
    public LocalDate to;

    @QueryParam("country")
    @Parameter(description = "Customer country, exactly as stored")
    public String country;

    @QueryParam("state")
    @Parameter(description = "Customer state or region, exactly as stored")
    public String state;

    @QueryParam("status")
    @Parameter(description = "Order status (created, pending, processing, approved, invoiced, shipped, delivered; "
            + "cancelled and unavailable orders are never sales); ignored by the customer-history analyses")
    public String status;

    @QueryParam("paymentMethod")
    @Parameter(description = "Only orders with a succeeded payment by this method (e.g. credit_card, paypal); ignored by "
            + "the customer-history analyses and the payment-method mix")
    public String paymentMethod;

    @QueryParam("categoryId")
    @Parameter(description = "Product category id, its direct subcategories included; used by the product analyses "
            + "(top-selling, low stock, ratings, daily cost of goods, category coverage)")
    public Long categoryId;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "Items per page, 1 to 500")
    public int size = 20;

    /** A filter with nothing set: every sale, first page. */
    public static AnalysisRequest none() {
        return new AnalysisRequest();
    }

    /** The same request without the payment-method filter (for analyses whose rows are the payment methods). */
    public AnalysisRequest withoutPaymentMethod() {
        AnalysisRequest copy = new AnalysisRequest();
        copy.from = from;
        copy.to = to;
        copy.country = country;
        copy.state = state;
        copy.status = status;
        copy.categoryId = categoryId;
        copy.page = page;
        copy.size = size;
        return copy;
    }

    /** Rejects values no query could answer, naming the field (answered as 400). */
    public AnalysisRequest validated() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (status != null && !CommerceStatuses.ORDER.contains(status)) {
            throw new InvalidFieldException("status", "status must be one of " + CommerceStatuses.ORDER);
        }
        if (size < 1 || size > 500) {
            throw new InvalidFieldException("size", "size must be between 1 and 500");
        }
        Page.requireReachable(page, size);
        return this;
    }

    /**
     * Whether the dates are the only filter on which orders are sales (no customer country or state, status or payment
     * method): the counts kept per day or over the whole history can then answer.
     */
    public boolean filtersSalesByDateOnly() {
        return country == null && state == null && status == null && paymentMethod == null;
    }

    /** The first instant included, or null. */
    public LocalDateTime fromTime() {
        return from == null ? null : from.atStartOfDay();
    }

    /** The first instant after the range (the day after {@code to}), or null. */
    public LocalDateTime untilTime() {
        return to == null ? null : to.plusDays(1).atStartOfDay();
    }

    public PageRequest pageRequest() {
        return new PageRequest(page, size);
    }
}
