/**
 * The order projector: applies the committed order events of the outbox to the read models (the dashboards' summaries,
 * the analyses' kept counts) in batches, each row exactly once, so that the order transaction writes only the order and
 * its event.
 */
package com.commerceinsight.analytics.projection;
