package com.commerceinsight.apikit.input;

import jakarta.ws.rs.NotFoundException;

/**
 * Ids taken from a path as text by a shared resource, for a service whose ids are numbers: any other text names
 * nothing it has, so it is a 404, as a path parameter that fails to convert is.
 */
public final class NumericIds {

    private NumericIds() {
    }

    /** The id as a number; a 404 naming what was looked for (e.g. "model version") when it is not one. */
    public static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no " + what + " " + id);
        }
    }
}
