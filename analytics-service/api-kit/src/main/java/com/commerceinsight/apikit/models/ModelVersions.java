package com.commerceinsight.apikit.models;

import com.commerceinsight.apikit.paging.Page;

/**
 * A service's registry of trained model versions, as its API reads it. Ids are the path's text: a service whose ids
 * are numbers answers an id that is not one as a version it does not have (404), as a path parameter that fails to
 * convert does.
 *
 * @param <V> the service's view of a version
 */
public interface ModelVersions<V> {

    /** Versions, newest first, without their reports; a page past the last one is checked by the caller. */
    Page<V> list(int page, int size);

    /** The version every replica serves; 404 (NotFoundException) while none is active. */
    V active();

    /** One version with its report; 404 when there is none with this id. */
    V find(String id);

    /** Makes this version the only active one and answers it; 404 when there is none with this id. */
    V activate(String id);
}
