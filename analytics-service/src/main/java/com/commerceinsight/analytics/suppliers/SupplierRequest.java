package com.commerceinsight.analytics.suppliers;

import java.time.LocalDate;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * The query parameters of the supplier analyses: the order days counted and the stock below which a product is low.
 * Dates and pages are checked by {@link AnalysisRequest#validated()}, as for every analysis.
 */
public class SupplierRequest {

    @QueryParam("from")
    @Parameter(description = "First order day included (ISO date): units, revenue, orders and returns count orders placed from it")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last order day included (ISO date)")
    public LocalDate to;

    @QueryParam("lowStockBelow")
    @DefaultValue("20")
    @Parameter(description = "A product with fewer units than this in stock now is low on stock (1 or more; default 20, "
            + "as the low-stock analysis)")
    public int lowStockBelow = 20;

    /** The analysis request of these dates and this page; rejects bad values naming the field (400). */
    AnalysisRequest validated(int page, int size) {
        if (lowStockBelow < 1) {
            throw new InvalidFieldException("lowStockBelow", "lowStockBelow must be 1 or more");
        }
        AnalysisRequest request = AnalysisRequest.none();
        request.from = from;
        request.to = to;
        request.page = page;
        request.size = size;
        return request.validated();
    }
}
