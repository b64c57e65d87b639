package com.commerceinsight.prediction.training;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import com.commerceinsight.orderevents.lease.ServiceLease;

/**
 * The right to train, held by one run at a time across every replica and job of this service: the row
 * {@value #REPURCHASE} of {@value #TABLE}, claimed and renewed by the database clock (order-events' lease package).
 */
@Singleton
public class TrainingLease extends ServiceLease {

    static final String TABLE = "prediction.training_lease";
    static final String REPURCHASE = "repurchase";

    public TrainingLease(DataSource dataSource, TrainingConfig config) {
        super(dataSource, TABLE, REPURCHASE, config.leaseDuration());
    }
}
