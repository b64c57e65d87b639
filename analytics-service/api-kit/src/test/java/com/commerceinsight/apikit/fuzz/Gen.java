package com.commerceinsight.apikit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values drawn from a seeded {@link Random}, with the few combinators the fuzzer needs; the same seed
 * draws the same values, so a finding can be replayed.
 *
 * <p>Written here rather than taken from jqwik: jqwik 1.10 is built on JUnit Platform 1.x, and with it on the test
 * class path its engine takes part in discovery under the JUnit 6 platform Quarkus 3.33 runs, loading every
 * {@code @QuarkusTest} class through Quarkus's class loader (which starts building each test profile's application)
 * and failing the test run when one cannot be built there. Generation outside its engine needs a jqwik session besides.
 * The fuzzer needs no shrinking, only seeded generation, which these few lines give.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /** Values that pass the predicate; a predicate that rejects nearly everything is a bug in the generator. */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return random -> {
            for (int attempt = 0; attempt < 1_000; attempt++) {
                T value = next(random);
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("a filter rejected 1,000 values in a row");
        };
    }

    /** Lists of min to max values (both inclusive). */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    static <T> Gen<T> of(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
        List<? extends Gen<? extends T>> copy = List.copyOf(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    /** A generator and how often it is chosen relative to the others. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** Chooses among the generators in proportion to their weights (a weight of 0 is never chosen). */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        int total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        List<Weighted<T>> copy = List.of(choices);
        return random -> {
            int pick = random.nextInt(sum);
            for (Weighted<T> choice : copy) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    /** One value from each generator, in order. */
    static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> generators) {
        List<? extends Gen<? extends T>> copy = List.copyOf(generators);
        return random -> {
            List<T> values = new ArrayList<>(copy.size());
            copy.forEach(gen -> values.add(gen.next(random)));
            return values;
        };
    }

    /** Longs from min to max, both inclusive. */
    static Gen<Long> longs(long min, long max) {
        long span = max - min + 1;
        if (span <= 0) {
            // the range holds more than Long.MAX_VALUE values: draw from all longs until one falls in it
            return random -> {
                long value;
                do {
                    value = random.nextLong();
                } while (value < min || value > max);
                return value;
            };
        }
        return random -> {
            long value = random.nextLong() % span;
            return min + (value < 0 ? value + span : value);
        };
    }

    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    static Gen<Double> doubles(double min, double max) {
        return random -> min + random.nextDouble() * (max - min);
    }

    /** Strings of letters and digits. */
    static Gen<String> alphanumeric(int minLength, int maxLength) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return codePoints(minLength, maxLength, random -> (int) alphabet.charAt(random.nextInt(alphabet.length())));
    }

    /** Strings of any Unicode code points (control characters, astral planes and the like included; no lone surrogates). */
    static Gen<String> anyUnicode(int minLength, int maxLength) {
        return codePoints(minLength, maxLength, random -> {
            int codePoint;
            do {
                codePoint = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(Character.MAX_CODE_POINT + 1);
            } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
            return codePoint;
        });
    }

    private static Gen<String> codePoints(int minLength, int maxLength, Gen<Integer> codePoint) {
        return codePoint.list(minLength, maxLength).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }
}
