package com.commerceinsight.analytics.orders;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An order time the shop could have seen: from 1970 to a day after now (a day's leeway for clocks and time zones).
 * A time in year 9999 would put the order out of every analysis range and stretch every series to it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleOrderTime.Validator.class)
public @interface PlausibleOrderTime {

    String message() default "must be between 1970-01-01T00:00:00Z and a day after now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleOrderTime, Instant> {

        private static final Instant EARLIEST = Instant.EPOCH;
        private static final Duration LEEWAY = Duration.ofDays(1);

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(Instant.now().plus(LEEWAY)));
        }
    }
}
