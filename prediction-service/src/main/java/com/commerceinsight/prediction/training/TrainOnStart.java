package com.commerceinsight.prediction.training;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.commerceinsight.prediction.models.ModelRegistry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * So that a fresh installation serves scores: at startup, when prediction.training.train-on-start is set, no model
 * version exists yet and the commerce schema holds orders, a training job starts in the background.
 */
@ApplicationScoped
class TrainOnStart {

    private static final Logger LOG = Logger.getLogger(TrainOnStart.class);

    void onStart(@Observes StartupEvent event, TrainingConfig config, ModelRegistry registry, TrainingJobs jobs, AgroalDataSource dataSource) {
        if (!config.trainOnStart() || registry.count() > 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM commerce.orders WHERE customer_id IS NOT NULL")) {
            if (!rs.next() || rs.getLong(1) == 0) {
                LOG.info("no model version and no orders yet: nothing to train on");
                return;
            }
        } catch (SQLException e) {
            LOG.warnf("no model version, and the commerce schema cannot be read (%s): not training", e.getMessage());
            return;
        }
        TrainingJob job = jobs.start(new TrainingRequest(null, null, null, true));
        LOG.infof("no model version yet: started training job %s", job.id);
    }
}
