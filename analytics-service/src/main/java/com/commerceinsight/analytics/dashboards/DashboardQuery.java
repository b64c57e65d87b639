package com.commerceinsight.analytics.dashboards;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * The query parameters the dashboard endpoints share. They arrive as text and are parsed here, so a bad value is a
 * 400 naming the parameter (JAX-RS would answer a failed query parameter conversion with a 404).
 */
public class DashboardQuery {

    @QueryParam("from")
    @Parameter(description = "first day (yyyy-MM-dd, UTC) of the orders counted; default: the first there is")
    String from;

    @QueryParam("to")
    @Parameter(description = "last day (inclusive) of the orders counted; default: the last there is")
    String to;

    @QueryParam("categoryId")
    @Parameter(description = "only orders with a line in this category, counting those lines' units and revenue")
    String categoryId;

    @QueryParam("state")
    @Parameter(description = "only customers of this state ('unknown' for none)")
    String state;

    @QueryParam("country")
    @Parameter(description = "only customers of this country ('unknown' for none)")
    String country;

    @QueryParam("paymentMethod")
    @Parameter(description = "only orders whose first payment attempt used this method ('none' for orders without "
            + "payments); payment figures: only attempts with this method")
    String paymentMethod;

    @QueryParam("period")
    @Parameter(description = "step of the time series: day, week (from Monday) or month (default)")
    String period;

    DashboardFilter filter() {
        return new DashboardFilter(date("from", from), date("to", to), id("categoryId", categoryId), blankToNull(state),
                blankToNull(country), blankToNull(paymentMethod));
    }

    Period period() {
        if (period == null || period.isBlank()) {
            return Period.MONTH;
        }
        try {
            return Period.valueOf(period.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", "period must be day, week or month, not '" + period + "'");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, name + " must be a date like 2024-01-31, not '" + value + "'");
        }
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, name + " must be a whole number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
