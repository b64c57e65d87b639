package com.commerceinsight.analytics.imports;

import java.util.HashMap;
import java.util.Map;

import com.commerceinsight.analytics.jdbc.RecordRejectedException;

/**
 * The ids given to a source file's keys, so that later files can resolve their references. A reference to a key
 * the source never defined rejects the record with a reason that names the field, the key and the file.
 */
public final class SourceKeys<K> {

    private final String definedIn;
    private final Map<K, Long> ids = new HashMap<>();

    public SourceKeys(String definedIn) {
        this.definedIn = definedIn;
    }

    public void put(K sourceKey, long id) {
        ids.put(sourceKey, id);
    }

    public boolean contains(K sourceKey) {
        return ids.containsKey(sourceKey);
    }

    /** The id for a key that may be absent in the source (an optional reference); null stays null. */
    public Long resolveOptional(String field, K sourceKey) {
        return sourceKey == null ? null : resolve(field, sourceKey);
    }

    public long resolve(String field, K sourceKey) {
        Long id = ids.get(sourceKey);
        if (id == null) {
            throw new RecordRejectedException(field + " " + sourceKey + " is not in " + definedIn);
        }
        return id;
    }

    public Long find(K sourceKey) {
        return ids.get(sourceKey);
    }

    public int size() {
        return ids.size();
    }
}
