package com.commerceinsight.analytics.generator;

import static com.commerceinsight.analytics.generator.ShopVocabulary.pick;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import com.commerceinsight.analytics.jdbc.CommerceTable;

/**
 * Writes one customer's life in the shop from their latent parameters: the profile, wishlist and browsing, and their
 * orders, which arrive as a Poisson process at the base rate times the seasonal multiplier between registration and
 * churn (simulated by thinning, so the intensity is exact). Each order brings its lines, payments, shipment,
 * return, reviews, stock movements and sessions.
 */
final class CustomerHistory {

    private static final String[] METHODS = {"credit_card", "paypal", "bank_transfer", "voucher"};
    private static final double[] METHOD_SHARES = {0.6, 0.2, 0.1, 0.1};
    private static final BigDecimal NO_FREIGHT = BigDecimal.ZERO.setScale(2);
    private static final double REVIEW_SHARE = 0.3;
    private static final double MINUTE = 1.0 / 1440;

    private final Catalogue catalogue;
    private final TasteGroups tastes;
    private final DiscountCalendar discounts;
    private final Seasonality seasonality;
    private final WindowClock clock;
    private final ShopTables tables;
    private final double windowEnd;
    private final CumulativeSampler methodMix = new CumulativeSampler(METHOD_SHARES);
    private long orderNumber;
    private long reviewNumber;

    CustomerHistory(Catalogue catalogue, TasteGroups tastes, DiscountCalendar discounts, Seasonality seasonality,
                    WindowClock clock, ShopTables tables) {
        this.catalogue = catalogue;
        this.tastes = tastes;
        this.discounts = discounts;
        this.seasonality = seasonality;
        this.clock = clock;
        this.tables = tables;
        this.windowEnd = seasonality.days();
    }

    /** The state of the customer being written. */
    private record Customer(long id, int group, double registeredAt, double activeUntil, String homeIp, String preferredMethod,
                            ShopVocabulary.Place place, SplittableRandom rng) {
    }

    /** What was written for one customer. */
    record Written(long customerId, long orders) {
    }

    /** Writes the customer and everything they did. */
    Written write(LatentCustomers latent, int index) throws SQLException {
        SplittableRandom rng = new SplittableRandom(latent.streamSeed[index]);
        long id = tables.nextId(CommerceTable.CUSTOMER);
        double activeUntil = Math.min(latent.churnDay[index], windowEnd);
        Customer customer = new Customer(id, latent.group[index], latent.registeredDay[index], activeUntil, randomIp(rng),
                METHODS[methodMix.draw(rng)], pick(rng, ShopVocabulary.PLACES), rng);
        writeProfile(customer, externalRef(index));
        int wishes = RandomVariates.poisson(rng, 1.0);
        for (int i = 0; i < wishes; i++) {
            tables.add(CommerceTable.WISHLIST_ITEM, tables.nextId(CommerceTable.WISHLIST_ITEM), id,
                    catalogue.productId(tastes.drawProduct(customer.group(), rng)), clock.at(timeWhileActive(customer)));
        }
        int browsing = RandomVariates.poisson(rng, 0.01 * (activeUntil - customer.registeredAt()));
        for (int i = 0; i < browsing; i++) {
            double start = timeWhileActive(customer);
            writeSession(customer, start, start + RandomVariates.uniform(rng, 2, 30) * MINUTE);
        }
        long orders = 0;
        double rate = latent.purchaseRatePerDay[index];
        double bound = rate * seasonality.max();
        // Thinning: candidates at the constant bound rate, each kept with probability multiplier(t) / max.
        for (double t = customer.registeredAt() + RandomVariates.exponential(rng, 1 / bound); t < activeUntil;
             t += RandomVariates.exponential(rng, 1 / bound)) {
            if (rng.nextDouble() * seasonality.max() < seasonality.multiplierAt(t)) {
                writeOrder(customer, t);
                orders++;
            }
        }
        return new Written(id, orders);
    }

    private double timeWhileActive(Customer customer) {
        return RandomVariates.uniform(customer.rng(), customer.registeredAt(), Math.max(customer.registeredAt(), customer.activeUntil()));
    }

    /** The customer's external_ref, shared with the ground truth file. */
    static String externalRef(int index) {
        return "g-" + (index + 1);
    }

    private void writeProfile(Customer customer, String externalRef) throws SQLException {
        SplittableRandom rng = customer.rng();
        String first = pick(rng, ShopVocabulary.FIRST_NAMES);
        String last = pick(rng, ShopVocabulary.LAST_NAMES);
        ShopVocabulary.Place place = customer.place();
        tables.add(CommerceTable.CUSTOMER, customer.id(), ShopGenerator.DATA_SOURCE, externalRef, first, last,
                externalRef.replace("g-", "customer") + "@shop.example.com", String.format(Locale.ROOT, "+44 7%03d %06d", rng.nextInt(1000), rng.nextInt(1_000_000)),
                (1 + rng.nextInt(300)) + " " + pick(rng, ShopVocabulary.STREETS), place.city(), place.state(), place.zipPrefix(),
                place.country(), clock.at(customer.registeredAt()));
    }

    private void writeOrder(Customer customer, double orderedAt) throws SQLException {
        SplittableRandom rng = customer.rng();
        long orderId = tables.nextId(CommerceTable.ORDERS);
        int lineCount = RandomVariates.geometricFromOne(rng, 0.45, 5);
        int[] products = distinctProducts(customer, lineCount);
        int[] quantities = new int[products.length];
        BigDecimal[] unitPrices = new BigDecimal[products.length];
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < products.length; i++) {
            quantities[i] = quantity(rng);
            unitPrices[i] = discounts.unitPrice(catalogue, products[i], orderedAt);
            total = total.add(unitPrices[i].multiply(BigDecimal.valueOf(quantities[i])));
        }
        OrderLifecycle life = new OrderLifecycle(orderedAt, windowEnd, rng);
        tables.add(CommerceTable.ORDERS, orderId, ShopGenerator.DATA_SOURCE, "g-" + (++orderNumber), customer.id(), "sale",
                life.status, clock.at(orderedAt), timestamp(life.approvedAt), timestamp(life.shippedAt), timestamp(life.deliveredAt),
                clock.at(life.estimatedDeliveryAt), total, NO_FREIGHT, customer.place().currency(), customer.place().country());
        LocalDateTime orderTime = clock.at(orderedAt);
        for (int i = 0; i < products.length; i++) {
            tables.add(CommerceTable.ORDER_LINE, tables.nextId(CommerceTable.ORDER_LINE), orderId, i + 1,
                    catalogue.productId(products[i]), catalogue.supplierOf(products[i]), quantities[i], unitPrices[i], NO_FREIGHT,
                    clock.at(orderedAt + 3));
            if (!life.isCancelled()) {
                tables.add(CommerceTable.INVENTORY_MOVEMENT, tables.nextId(CommerceTable.INVENTORY_MOVEMENT),
                        catalogue.productId(products[i]), -quantities[i], "sale", orderTime);
            }
        }
        writePayments(customer, orderId, total, life);
        if (!Double.isNaN(life.shippedAt)) {
            String carrier = pick(rng, ShopVocabulary.CARRIERS);
            tables.add(CommerceTable.SHIPMENT, tables.nextId(CommerceTable.SHIPMENT), orderId, clock.at(life.shippedAt),
                    carrier.toUpperCase(Locale.ROOT) + Long.toHexString(rng.nextLong()).toUpperCase(Locale.ROOT), carrier,
                    life.status.equals("delivered") ? "delivered" : "shipped");
        }
        if (!Double.isNaN(life.returnedAt)) {
            tables.add(CommerceTable.ORDER_RETURN, tables.nextId(CommerceTable.ORDER_RETURN), orderId, clock.at(life.returnedAt),
                    life.late && rng.nextBoolean() ? "Arrived late" : pick(rng, ShopVocabulary.RETURN_REASONS),
                    life.returnApproved ? "approved" : "rejected");
            for (int i = 0; i < products.length && life.returnApproved; i++) {
                tables.add(CommerceTable.INVENTORY_MOVEMENT, tables.nextId(CommerceTable.INVENTORY_MOVEMENT),
                        catalogue.productId(products[i]), quantities[i], "return", clock.at(life.returnedAt));
            }
        }
        if (!Double.isNaN(life.deliveredAt)) {
            for (int product : products) {
                writeReview(customer, orderId, product, life);
            }
        }
        writeSessionsBefore(customer, orderedAt);
    }

    private int[] distinctProducts(Customer customer, int wanted) {
        int[] chosen = new int[wanted];
        int count = 0;
        for (int attempt = 0; attempt < 3 * wanted && count < wanted; attempt++) {
            int product = tastes.drawProduct(customer.group(), customer.rng());
            boolean seen = false;
            for (int i = 0; i < count; i++) {
                seen |= chosen[i] == product;
            }
            if (!seen) {
                chosen[count++] = product;
            }
        }
        return count == wanted ? chosen : Arrays.copyOf(chosen, count);
    }

    /** 1 for three lines in four, up to 3 for nearly all, a few bulk buys of 4-6. */
    private static int quantity(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.75 ? 1 : u < 0.93 ? 2 : u < 0.98 ? 3 : 4 + rng.nextInt(3);
    }

    private void writePayments(Customer customer, long orderId, BigDecimal total, OrderLifecycle life) throws SQLException {
        SplittableRandom rng = customer.rng();
        String method = rng.nextDouble() < 0.85 ? customer.preferredMethod() : METHODS[methodMix.draw(rng)];
        int instalments = method.equals("credit_card") && rng.nextDouble() > 0.55 ? 2 + rng.nextInt(9) : 1;
        int sequence = 0;
        if (life.firstAttemptFailed && life.firstAttemptAt < windowEnd) {
            addPayment(customer, orderId, ++sequence, method, instalments, total, life.firstAttemptAt, "failed");
            if (rng.nextBoolean()) {
                method = METHODS[methodMix.draw(rng)];
                instalments = method.equals("credit_card") ? instalments : 1;
            }
        }
        if (!Double.isNaN(life.paidAt)) {
            addPayment(customer, orderId, ++sequence, method, instalments, total, life.paidAt, "succeeded");
        } else if (life.awaitsPayment()) {
            addPayment(customer, orderId, ++sequence, method, instalments, total, Double.NaN, "pending");
        }
        if (!Double.isNaN(life.refundedAt)) {
            addPayment(customer, orderId, ++sequence, method, instalments, total, life.refundedAt, "refunded");
        }
    }

    private void addPayment(Customer customer, long orderId, int sequence, String method, int instalments, BigDecimal amount,
                            double at, String status) throws SQLException {
        tables.add(CommerceTable.PAYMENT, tables.nextId(CommerceTable.PAYMENT), orderId, customer.id(), sequence, method,
                instalments, amount, timestamp(at), status);
    }

    /** Ratings lean to 4-5; a late delivery flattens them. */
    private void writeReview(Customer customer, long orderId, int product, OrderLifecycle life) throws SQLException {
        SplittableRandom rng = customer.rng();
        if (rng.nextDouble() >= REVIEW_SHARE) {
            return;
        }
        double reviewedAt = life.deliveredAt + RandomVariates.exponential(rng, 4);
        if (reviewedAt >= windowEnd) {
            return;
        }
        double u = rng.nextDouble();
        int rating = life.late ? 1 + (int) (u * 5)
                : u < 0.55 ? 5 : u < 0.80 ? 4 : u < 0.90 ? 3 : u < 0.95 ? 2 : 1;
        double answeredAt = rng.nextDouble() < 0.2 ? reviewedAt + RandomVariates.exponential(rng, 2) : Double.NaN;
        tables.add(CommerceTable.REVIEW, tables.nextId(CommerceTable.REVIEW), ShopGenerator.DATA_SOURCE, "g-" + (++reviewNumber),
                catalogue.productId(product), customer.id(), orderId, (short) rating, pick(rng, ShopVocabulary.REVIEW_TITLES.get(rating - 1)),
                null, clock.at(reviewedAt), answeredAt < windowEnd ? timestamp(answeredAt) : null);
    }

    /** The checkout session, and a few browsing sessions in the two weeks before (none before registration). */
    private void writeSessionsBefore(Customer customer, double orderedAt) throws SQLException {
        SplittableRandom rng = customer.rng();
        double checkoutStart = Math.max(customer.registeredAt(), orderedAt - RandomVariates.uniform(rng, 2, 40) * MINUTE);
        writeSession(customer, checkoutStart, orderedAt + RandomVariates.uniform(rng, 1, 10) * MINUTE);
        int browsing = RandomVariates.poisson(rng, 0.6);
        for (int i = 0; i < browsing; i++) {
            double start = orderedAt - RandomVariates.uniform(rng, 0.1, 14);
            if (start >= customer.registeredAt()) {
                writeSession(customer, start, start + RandomVariates.uniform(rng, 2, 30) * MINUTE);
            }
        }
    }

    private void writeSession(Customer customer, double start, double end) throws SQLException {
        String ip = customer.rng().nextDouble() < 0.8 ? customer.homeIp() : randomIp(customer.rng());
        tables.add(CommerceTable.CUSTOMER_SESSION, tables.nextId(CommerceTable.CUSTOMER_SESSION), customer.id(), clock.at(start),
                end < windowEnd ? clock.at(end) : null, ip);
    }

    private LocalDateTime timestamp(double at) {
        return Double.isNaN(at) ? null : clock.at(at);
    }

    private static String randomIp(SplittableRandom rng) {
        return (11 + rng.nextInt(212)) + "." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254));
    }
}
