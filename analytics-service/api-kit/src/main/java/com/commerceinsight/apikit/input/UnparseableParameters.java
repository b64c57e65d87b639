package com.commerceinsight.apikit.input;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Finds the path and query parameters whose text does not convert to the Java type of the resource method's
 * parameter. Quarkus REST answers such a request 404 (as JAX-RS prescribes for path and query parameters) and its
 * exception does not say which parameter failed; a client deserves a 400 naming it, so the mapper of that 404 asks here.
 */
public final class UnparseableParameters {

    private UnparseableParameters() {
    }

    /**
     * When the not-found is a parameter conversion failure (it then carries the conversion's exception as its cause),
     * the invalid parameter it comes from, else empty (a real not-found).
     */
    public static Optional<InvalidParameterException> behind(NotFoundException notFound, Method resourceMethod, UriInfo uri) {
        if (notFound.getCause() == null || resourceMethod == null || uri == null) {
            return Optional.empty();
        }
        List<InvalidParameterException> invalid = in(resourceMethod, uri);
        if (invalid.isEmpty()) {
            return Optional.of(new InvalidParameterException("parameters", "a path or query parameter cannot be read: "
                    + notFound.getCause().getMessage()));
        }
        return Optional.of(invalid.get(0));
    }

    /** Every path or query parameter of the method whose value in the request does not convert to its type. */
    public static List<InvalidParameterException> in(Method resourceMethod, UriInfo uri) {
        List<InvalidParameterException> invalid = new ArrayList<>();
        MultivaluedMap<String, String> path = uri.getPathParameters(true);
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        for (Parameter parameter : resourceMethod.getParameters()) {
            String name = null;
            List<String> values = null;
            if (parameter.isAnnotationPresent(PathParam.class) || parameter.isAnnotationPresent(RestPath.class)) {
                name = nameOf(parameter, parameter.getAnnotation(PathParam.class) == null ? null
                        : parameter.getAnnotation(PathParam.class).value(), parameter.getAnnotation(RestPath.class) == null ? null
                        : parameter.getAnnotation(RestPath.class).value());
                values = path.get(name);
            } else if (parameter.isAnnotationPresent(QueryParam.class) || parameter.isAnnotationPresent(RestQuery.class)) {
                name = nameOf(parameter, parameter.getAnnotation(QueryParam.class) == null ? null
                        : parameter.getAnnotation(QueryParam.class).value(), parameter.getAnnotation(RestQuery.class) == null ? null
                        : parameter.getAnnotation(RestQuery.class).value());
                values = query.get(name);
            }
            if (values == null) {
                continue;
            }
            Class<?> type = parameter.getType();
            if (java.util.Collection.class.isAssignableFrom(type)) {
                continue;
            }
            for (String value : values) {
                if (!converts(value, type)) {
                    invalid.add(new InvalidParameterException(name, "cannot be read as " + describe(type) + ": "
                            + (value.length() <= 80 ? value : value.substring(0, 80) + "…")));
                    break;
                }
            }
        }
        return invalid;
    }

    private static String nameOf(Parameter parameter, String jaxrsName, String restName) {
        if (jaxrsName != null && !jaxrsName.isEmpty()) {
            return jaxrsName;
        }
        return restName != null && !restName.isEmpty() ? restName : parameter.getName();
    }

    /** Converts as JAX-RS does: primitives and their boxes, enums, then valueOf / fromString / parse / a String constructor. */
    static boolean converts(String value, Class<?> type) {
        try {
            if (type == String.class) {
                return true;
            }
            if (type == boolean.class || type == Boolean.class) {
                return true; // JAX-RS reads any text other than "true" as false
            }
            if (type == char.class || type == Character.class) {
                return value.length() == 1;
            }
            if (type.isPrimitive()) {
                type = box(type);
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return true;
                    }
                }
                return false;
            }
            for (String factory : new String[] { "valueOf", "fromString" }) {
                Method method = staticMethod(type, factory, String.class);
                if (method != null) {
                    method.invoke(null, value);
                    return true;
                }
            }
            Method parse = staticMethod(type, "parse", CharSequence.class);
            if (parse != null) {
                parse.invoke(null, value);
                return true;
            }
            type.getConstructor(String.class).newInstance(value);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method staticMethod(Class<?> type, String name, Class<?> argument) {
        try {
            Method method = type.getMethod(name, argument);
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Class<?> box(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        return primitive == byte.class ? Byte.class : primitive;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class || type == byte.class) {
            return "an integer from " + (type == int.class || type == Integer.class ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    : "its range");
        }
        if (type == long.class || type == Long.class) {
            return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName() + (type == java.time.LocalDate.class ? " (yyyy-MM-dd)" : "");
        }
        return type.getSimpleName();
    }
}
