/**
 * Background work done in rounds on a thread of its own (the outbox relay, the order projector): the loop, its
 * pauses and how a failed round is logged and counted, written once.
 */
package com.commerceinsight.analytics.rounds;
