/**
 * The counts kept over the sales (basket_sale and what hangs off it, daily sales, period and cohort rows, coverage,
 * fulfilment, orders per day and status, suppliers' sales and returns per day and month, cost and rating rows):
 * written by the dashboards' live summaries as the projector applies order events and by the summary rebuild, read by
 * the analyses and the supplier list.
 */
package com.commerceinsight.analytics.analyses.counts;
