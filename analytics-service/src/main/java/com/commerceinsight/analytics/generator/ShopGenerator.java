package com.commerceinsight.analytics.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.jdbc.CommerceTable;

/**
 * Generates a synthetic shop of any size into the commerce schema (data_source {@value #DATA_SOURCE}, external_ref
 * "g-n") and writes each customer's hidden parameters to a ground truth file, against which later services judge
 * their models. Everything is drawn from one {@link SplittableRandom} seeded with {@link GeneratorSettings#seed()}
 * (one split stream per stage and one seeded stream per customer), so the same settings give the same rows and a
 * byte-identical ground truth file in a fresh database.
 *
 * <h2>The generative story</h2>
 * Time runs over the window [start, end) in days; t is days since start.
 * <ol>
 * <li>Catalogue ({@link Catalogue}): round(categories / 6) departments, the remaining categories are leaves under
 * them; suppliers; products spread over the leaves in uneven shares (Dirichlet(2)). Inside each leaf the products
 * are ranked at random and a product of rank k has popularity 1 / k^{@value Catalogue#ZIPF_EXPONENT}. Each leaf has a
 * global popularity (Gamma(2)) and a median list price (log-normal, median 35, sigma 0.8); a product's price is
 * log-normal around it (sigma 0.5). About 12% of products have fewer than 20 units in stock.</li>
 * <li>Taste groups ({@link TasteGroups}): K groups, each with a share of the customers (Gamma(4) weights) and a
 * preference over the leaves drawn from Dirichlet({@value TasteGroups#PREFERENCE_CONCENTRATION}), so each group
 * concentrates on a few leaves. A product for a customer comes with probability {@value TasteGroups#TASTE_SHARE}
 * from a leaf of their group's preference and otherwise from a leaf by global popularity, then by Zipf within the
 * leaf.</li>
 * <li>Customers ({@link LatentCustomers}): group; registration R uniform over the window; a mean lifetime
 * L ~ Gamma(2, 300 days) and churn C = R + Exp(mean L), so the churn hazard is mu = 1 / L per day; a relative rate
 * g ~ Gamma(0.7, 1). The base purchase rate is r = kappa * g, with kappa chosen so that
 * sum over customers of r * S(R, min(C, end)) equals the target order count (S below).</li>
 * <li>Orders ({@link CustomerHistory}): a customer's orders are an inhomogeneous Poisson process with intensity
 * r * s(t) on [R, min(C, end)) and none outside it, simulated exactly by thinning. s is the seasonal multiplier
 * ({@link Seasonality}): weekday factor (Mon..Sun 0.95, 0.95, 1.0, 1.0, 1.05, 0.9, 1.15) times month factor
 * (Jan..Dec 0.9, 0.8, 0.9, 0.9, 0.95, 0.9, 0.85, 0.9, 0.95, 1.0, 1.4, 1.6), divided by its mean over the window,
 * constant within each calendar day. Given the latent parameters the total order count is Poisson with mean equal
 * to the target, so the realised count is within a few square roots of it.</li>
 * <li>Each order: 1 to 5 distinct products (P(n+1 | n) = 0.45), quantities mostly 1 (75%), up to 3 (98%), a few
 * of 4-6; unit price = list price less the largest running discount ({@link DiscountCalendar}: category sales,
 * product deals, the Black Friday weekend), to the cent; total_amount = sum of quantity * unit_price; freight is 0
 * (free shipping), so payments cover exactly total_amount.</li>
 * <li>Lifecycle ({@link OrderLifecycle}), as seen at the window end: 4% of first payment attempts fail; 70% of
 * those are retried and succeed (payment rows 1 failed, 2 succeeded), the rest cancel the order. 3.5% of paid orders
 * are cancelled by the customer before shipping (succeeded then refunded payment). Approval hours after payment,
 * shipping about 1.7 days later, delivery log-normal (median 3.5 days) against an estimate of 6-11 days: about a
 * tenth arrive late. Orders whose next step lies beyond the end stay pending / processing / shipped. 4% of
 * delivered orders (12% of late ones) are returned; 80% of returns are approved and refunded.</li>
 * <li>Around each order: a shipment (carrier, tracking number) once shipped; a review for 30% of delivered lines
 * (ratings lean to 4-5, uniform 1-5 when late); a negative "sale" inventory movement per line of an order that is
 * not cancelled, a positive "return" per line of an approved return, and "restock" deliveries per product about
 * every 45 days; a checkout session per order plus browsing sessions, with and without a purchase; wishlist items
 * from the customer's taste.</li>
 * </ol>
 *
 * <h2>Ground truth</h2>
 * The ground truth CSV ({@link GroundTruthWriter#HEADER}) holds per customer: the database id, external_ref,
 * taste_group, purchase_rate_per_day (r), churn_rate_per_day (mu), registered_at (R), churn_at (C; empty when after
 * the window) and the number of orders generated. Beside it, "&lt;name&gt;-seasonality.csv" holds s(d) per date.
 * With S(a, b) the integral of s over [a, b] (piecewise constant per day) and E the window end:
 * <ul>
 * <li>knowing churn, the true probability of at least one order in (T, T + H] is
 * 1 - exp(-r * S(max(T, R), min(T + H, C, E))), or 0 when that interval is empty ({@link RepurchaseOracle});</li>
 * <li>knowing only that the customer is alive at T >= R (churn hidden; its exponential law is memoryless), it is
 * 1 - [exp(-mu H') exp(-r S(T, T + H')) + integral over u in [0, H'] of mu exp(-mu u) exp(-r S(T, T + u)) du]
 * with H' = min(H, E - T). Orders are independent of the past given these parameters, so neither depends on the
 * customer's history. Choose T + H <= E: nothing is generated after the window.</li>
 * </ul>
 */
@ApplicationScoped
public class ShopGenerator {

    public static final String DATA_SOURCE = "generated";
    /** Orders per transaction, so a million orders never sit in one transaction. */
    static final long COMMIT_EVERY_ORDERS = 5_000;
    /** Orders per JDBC flush of all tables' batches (keeps the pending batches small). */
    static final long FLUSH_EVERY_ORDERS = 250;
    private static final double RESTOCK_EVERY_DAYS = 45;

    /**
     * Writes the shop through the caller's connection (autoCommit off), committing every {@value #COMMIT_EVERY_ORDERS}
     * orders and at the end, and writes the ground truth file and the seasonality file beside it.
     */
    public GenerationReport generate(Connection connection, GeneratorSettings settings, Path groundTruthCsv,
                                     GenerationProgressListener progress) throws SQLException, IOException {
        long started = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(settings.seed());
        Seasonality seasonality = Seasonality.forWindow(settings.start(), settings.windowDays());
        WindowClock clock = new WindowClock(settings.start());
        long orders = 0;
        try (ShopTables tables = new ShopTables(connection);
             GroundTruthWriter truth = new GroundTruthWriter(groundTruthCsv, clock, settings.windowDays())) {
            Catalogue catalogue = Catalogue.generate(settings, rng.split(), tables);
            TasteGroups tastes = new TasteGroups(settings.tasteGroups(), catalogue, rng.split());
            DiscountCalendar discounts = DiscountCalendar.generate(catalogue, settings, rng.split(), tables);
            writeRestocks(catalogue, settings, rng.split(), tables, clock);
            LatentCustomers latent = LatentCustomers.draw(settings, tastes, seasonality, rng.split());
            tables.commit();
            seasonality.write(Seasonality.fileBeside(groundTruthCsv));

            CustomerHistory history = new CustomerHistory(catalogue, tastes, discounts, seasonality, clock, tables);
            long flushedAt = 0;
            long committedAt = 0;
            for (int c = 0; c < latent.size(); c++) {
                CustomerHistory.Written written = history.write(latent, c);
                truth.write(written.customerId(), c, latent, written.orders());
                orders += written.orders();
                if (orders - committedAt >= COMMIT_EVERY_ORDERS) {
                    tables.commit();
                    committedAt = orders;
                    flushedAt = orders;
                    progress.onProgress(c + 1, latent.size(), orders);
                } else if (orders - flushedAt >= FLUSH_EVERY_ORDERS) {
                    tables.flush();
                    flushedAt = orders;
                }
            }
            tables.commit();
            progress.onProgress(latent.size(), latent.size(), orders);
            return GenerationReport.of(tables.rowCounts(), settings.orders(), orders, latent.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Supplier deliveries per product at exponential intervals (mean {@value #RESTOCK_EVERY_DAYS} days). */
    private static void writeRestocks(Catalogue catalogue, GeneratorSettings settings, SplittableRandom rng, ShopTables tables,
                                      WindowClock clock) throws SQLException {
        for (int p = 0; p < catalogue.products(); p++) {
            for (double t = RandomVariates.exponential(rng, RESTOCK_EVERY_DAYS); t < settings.windowDays();
                 t += RandomVariates.exponential(rng, RESTOCK_EVERY_DAYS)) {
                tables.add(CommerceTable.INVENTORY_MOVEMENT, tables.nextId(CommerceTable.INVENTORY_MOVEMENT),
                        catalogue.productId(p), 20 + rng.nextInt(181), "restock", clock.at(t));
            }
        }
    }
}
