package com.commerceinsight.analytics.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads dates and whole numbers from query and path parameters, failing with an {@link InvalidFieldException} that
 * names the parameter. JAX-RS answers a failed conversion of a query or path parameter with 404 and no name; the
 * 404 mapper turns this exception, carried as the cause, into a 400 naming the field.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, false, LocalDate::parse, "a date like 2024-01-31");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, rawType.isPrimitive(), Integer::valueOf, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, rawType.isPrimitive(), Long::valueOf, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    /** @param required whether a blank value is an error (a primitive has no "absent"); otherwise it reads as absent */
    private static <T> ParamConverter<T> converter(String name, boolean required, Function<String, T> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || (!required && value.isBlank())) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new InvalidFieldException(name, name + " must be " + expected + ", not '" + value + "'");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
